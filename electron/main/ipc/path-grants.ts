// Which case-file paths the page may act on. A page can name any string, so
// a compromised renderer could otherwise create a case file anywhere the user
// can write, or put a backup back over any case that has one. Instead the
// main process remembers every path it has itself handed to the page in this
// session (its own open and save dialogs, the file the OS asked it to open,
// the recent-files list, a case it opened) and refuses the rest.
//
// Why remembered paths and not opaque tokens: the page shows paths (the file
// name and folder on the unlock screen, the recent list) and passes them back
// as they are, so the contract and every screen stay as they were; only the
// main process learns to say no. Two kinds, because opening and creating are
// different powers: a path the user chose to open, or one from the recent
// list, must never become the target of a new case, and a name typed into the
// save dialog is only good for creating one there. A third, 'show': a file
// the main process wrote (dossier, bundle, copy) may be shown in its folder.
import path from 'node:path'
import { KirokuError } from '../core'

export type GrantKind = 'open' | 'create' | 'show'

const REFUSALS: Record<GrantKind, string> = {
  open: 'Kiroku did not offer this file to the page; choose it again with "Open case file…".',
  create: 'Kiroku did not offer this place for a new case; choose it with "Choose where to save…".',
  show: 'Kiroku did not write this file in this session, so it does not show it.',
}

export class PathGrants {
  private readonly granted: Record<GrantKind, Set<string>> = { open: new Set(), create: new Set(), show: new Set() }

  /** Lets the page use `file` for `kind` from now on; returns it, so a handler can grant what it returns. */
  grant<T extends string | undefined>(kind: GrantKind, file: T): T {
    if (file) this.granted[kind].add(path.resolve(file))
    return file
  }

  revoke(kind: GrantKind, file: string): void {
    this.granted[kind].delete(path.resolve(file))
  }

  /** Forgets every grant: the window they were given to is gone (app-lifecycle.ts), and a new page starts with none. */
  clear(): void {
    for (const granted of Object.values(this.granted)) granted.clear()
  }

  allows(kind: GrantKind, file: string): boolean {
    return this.granted[kind].has(path.resolve(file))
  }

  /** Throws a `forbidden` KirokuError unless `file` was granted for `kind`. */
  check(kind: GrantKind, file: string): void {
    if (!this.allows(kind, file)) throw new KirokuError('forbidden', REFUSALS[kind])
  }
}
