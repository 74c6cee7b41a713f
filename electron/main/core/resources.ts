// Finds the project's resources/ folders from wherever the code runs: the
// Electron glue passes the app's own copy (app.getAppPath()/resources/…);
// the CLI and tests take the nearest one above this module, which is the
// project's folder when run from source (tsx, vitest) and from the built
// out/main bundle.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { KirokuError } from './errors'

/** The nearest resources/`folder` above `from` (default: this module's folder) that holds `probe`. */
export function nearestResourceDir(folder: string, probe: string, what: string, from?: string): string {
  const relative = path.join('resources', folder)
  // tsx tags module URLs with ?tsx-namespace=… (see dossier/fonts.ts).
  let dir = from ?? path.dirname(fileURLToPath(import.meta.url.split('?')[0]))
  for (;;) {
    const candidate = path.join(dir, relative)
    if (fs.existsSync(path.join(candidate, probe))) return candidate
    const parent = path.dirname(dir)
    if (parent === dir) throw new KirokuError('io', `The ${what} (${relative}) were not found above ${from ?? 'the program'}.`)
    dir = parent
  }
}
