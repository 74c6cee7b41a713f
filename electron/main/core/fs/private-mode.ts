// Everything Kiroku writes belongs to its user alone: a dossier, a bundle or
// an export is plaintext, and even an encrypted case file or backup is no
// business of the machine's other accounts. On POSIX that is mode 0600 for
// files and 0700 for folders. (Windows has no such bits: a file takes its
// folder's access list.)
import fs from 'node:fs'

export const PRIVATE_FILE = 0o600
export const PRIVATE_FOLDER = 0o700

const POSIX = process.platform !== 'win32'

/** Sets `file` to 0600, whatever created it and whatever the umask was. */
export function makePrivate(file: string): void {
  if (POSIX) fs.chmodSync(file, PRIVATE_FILE)
}

let holders = 0
let savedUmask: number | undefined

/**
 * Makes files created from now on private *from their first byte* (SQLite
 * and write streams create theirs 0644 under the usual umask, and another
 * account could open a plaintext temporary while it is being written and
 * keep reading it after any later chmod). The umask is the process's, so
 * overlapping writes share one hold; call the result when done. Only ever
 * narrows permissions, so other code running meanwhile is not harmed.
 */
export function holdPrivateUmask(): () => void {
  if (!POSIX) return () => {}
  if (holders === 0) {
    try {
      savedUmask = process.umask(0o077)
    } catch {
      // Worker threads cannot change the umask; makePrivate still applies before the output appears.
      savedUmask = undefined
    }
  }
  holders++
  let released = false
  return () => {
    if (released) return
    released = true
    holders--
    if (holders === 0 && savedUmask !== undefined) process.umask(savedUmask)
  }
}
