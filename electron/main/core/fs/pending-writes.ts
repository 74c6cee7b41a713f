// A crash between "temporary written" and "renamed into place" leaves a
// hidden `.NAME.<random>.partial` behind. For a case file that is an
// encrypted leftover, but for a submission bundle it is a partial
// *unencrypted* ZIP in a folder the user chose, which we cannot find again by
// looking: the folder is the user's. So while a temporary exists, a small
// record naming it sits in a journal folder of the app's own, and the next
// start removes every temporary whose writer is gone.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** What `temporarySibling` names; the sweep deletes nothing else, whatever a record says. */
export const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.partial$/

/** A writer older than this is gone even if its process id was reused. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000

interface PendingRecord {
  tmp: string
  pid: number
  startedAt: number
}

export interface SweepReport {
  /** Temporaries (with their SQLite side files) that were removed. */
  removed: string[]
  /** Records kept because their writer is still running. */
  inProgress: number
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readRecord(file: string): PendingRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<PendingRecord>
    if (typeof record.tmp !== 'string' || !Number.isInteger(record.pid) || typeof record.startedAt !== 'number') return undefined
    return record as PendingRecord
  } catch {
    return undefined
  }
}

export class PendingWrites {
  constructor(readonly dir: string) {}

  /** Records `tmp` before it is created; returns the record to pass to `end`. */
  begin(tmp: string): string {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const record = path.join(this.dir, `${process.pid}-${crypto.randomBytes(6).toString('hex')}.json`)
    const content: PendingRecord = { tmp: path.resolve(tmp), pid: process.pid, startedAt: Date.now() }
    fs.writeFileSync(record, JSON.stringify(content), { mode: 0o600 })
    return record
  }

  end(record: string): void {
    fs.rmSync(record, { force: true })
  }

  /** Removes the temporaries of writers that are no longer running, and their records. */
  sweep(removeTemporary: (tmp: string) => void, now = Date.now()): SweepReport {
    const report: SweepReport = { removed: [], inProgress: 0 }
    let names: string[]
    try {
      names = fs.readdirSync(this.dir)
    } catch {
      return report
    }
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const file = path.join(this.dir, name)
      const record = readRecord(file)
      if (record && isRunning(record.pid) && now - record.startedAt < STALE_AFTER_MS) {
        report.inProgress++
        continue
      }
      if (record && TEMPORARY_NAME.test(path.basename(record.tmp))) {
        if (fs.existsSync(record.tmp)) report.removed.push(record.tmp)
        removeTemporary(record.tmp)
      }
      fs.rmSync(file, { force: true })
    }
    return report
  }
}
