// The list of case files opened recently: paths and times only, kept in the
// app's settings folder so the start screen can offer them. Nothing about a
// case (not even its title) is kept outside its encrypted file; entries
// written by older versions with a title lose it on the next save.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { RecentFileSchema } from '../../../shared/ipc/contract'
import { writeAtomically } from '../core/fs/atomic'

export type RecentFile = z.output<typeof RecentFileSchema>

const MAX_RECENT = 10

export class RecentFiles {
  constructor(private readonly file: string) {}

  list(): RecentFile[] {
    try {
      const parsed = z.array(RecentFileSchema).safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')))
      // A damaged settings file only costs the list, never the start of the app.
      return parsed.success ? parsed.data : []
    } catch {
      return []
    }
  }

  private async save(files: RecentFile[]): Promise<void> {
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    await writeAtomically(this.file, (tmp) => fs.writeFileSync(tmp, JSON.stringify(files, null, 2)), { overwrite: true })
  }

  async remember(entry: { path: string }): Promise<void> {
    const others = this.list().filter((f) => f.path !== entry.path)
    // Built field by field: whatever else a caller passes never reaches the disk.
    await this.save([{ path: entry.path, openedAt: new Date().toISOString() }, ...others].slice(0, MAX_RECENT))
  }

  async forget(filePath: string): Promise<void> {
    await this.save(this.list().filter((f) => f.path !== filePath))
  }
}
