// Case passphrases the user asked this device to remember. Each is sealed by
// the OS keyring (Electron's safeStorage, behind `Keyring`) and only the
// sealed bytes are written, to one JSON file in the app's settings folder;
// the plaintext never touches the disk. Entries are keyed by a hash of the
// case file's resolved path, so the file itself lists no case files (the
// recent list already does; this one need not repeat it). A sealed entry
// that no longer opens (another keyring, a damaged file) is dropped, and the
// user is asked for the passphrase again.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { KirokuError } from '../core'
import { writeAtomicallySync } from '../core/fs/atomic'

/** The OS keyring, as the main process sees it (app/os-keyring.ts; a double in tests). */
export interface Keyring {
  /** Whether secrets may be kept on this device at all (app/keyring-policy.ts). */
  available(): boolean
  /** Seals a secret so only this OS account can open it; throws when it cannot. */
  encrypt(secret: string): Buffer
  /** Opens what encrypt() sealed; throws when it cannot (another account, another keyring, damaged). */
  decrypt(sealed: Buffer): string
}

const EntrySchema = z.object({
  sealed: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  savedAt: z.string(),
})
const StoreSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string().regex(/^[0-9a-f]{64}$/), EntrySchema),
})
type Store = z.output<typeof StoreSchema>

/**
 * The case file's path as the file system resolves it, so a link and its
 * target share one entry. A missing file (moved, on a drive not plugged in)
 * keeps its key: its folder is resolved instead, links and all.
 */
function resolved(caseFile: string): string {
  const absolute = path.resolve(caseFile)
  try {
    return fs.realpathSync(absolute)
  } catch {
    // Missing: resolved through its folder, which for a file that is not itself a link gives the same path.
  }
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute))
  } catch {
    return absolute
  }
}

export function entryKey(caseFile: string): string {
  return crypto.createHash('sha256').update(`kiroku remembered passphrase\0${resolved(caseFile)}`).digest('hex')
}

export class RememberedPassphrases {
  constructor(
    private readonly file: string,
    private readonly keyring: Keyring,
  ) {}

  /** Whether this device has a keyring Kiroku trusts with a passphrase. */
  available(): boolean {
    return this.keyring.available()
  }

  /** How many are kept (also where the keyring is gone now: they can still be forgotten). */
  count(): number {
    return Object.keys(this.load().entries).length
  }

  has(caseFile: string): boolean {
    return this.available() && Object.hasOwn(this.load().entries, entryKey(caseFile))
  }

  remember(caseFile: string, passphrase: string): void {
    if (!this.available()) throw keyringUnavailable()
    const sealed = this.keyring.encrypt(passphrase).toString('base64')
    const store = this.load()
    store.entries[entryKey(caseFile)] = { sealed, savedAt: new Date().toISOString() }
    this.save(store)
  }

  /** The remembered passphrase, or undefined (none, or the keyring cannot unseal it: then it is forgotten). */
  recall(caseFile: string): string | undefined {
    if (!this.available()) throw keyringUnavailable()
    const entry = this.load().entries[entryKey(caseFile)]
    if (!entry) return undefined
    try {
      return this.keyring.decrypt(Buffer.from(entry.sealed, 'base64'))
    } catch {
      this.forget(caseFile)
      return undefined
    }
  }

  forget(caseFile: string): void {
    const store = this.load()
    const key = entryKey(caseFile)
    if (!Object.hasOwn(store.entries, key)) return
    delete store.entries[key]
    this.save(store)
  }

  forgetAll(): void {
    fs.rmSync(this.file, { force: true })
  }

  private load(): Store {
    try {
      const parsed = StoreSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')))
      // A damaged store costs the remembered passphrases (they are asked again), never the app.
      if (parsed.success) return parsed.data
    } catch {
      // missing or unreadable: nothing remembered
    }
    return { version: 1, entries: {} }
  }

  private save(store: Store): void {
    if (Object.keys(store.entries).length === 0) return this.forgetAll()
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    writeAtomicallySync(this.file, (tmp) => fs.writeFileSync(tmp, JSON.stringify(store, null, 2), { mode: 0o600 }), { overwrite: true })
  }
}

export function keyringUnavailable(): KirokuError {
  return new KirokuError(
    'invalid_input',
    'This device has no OS keyring that Kiroku trusts with a passphrase, so none can be remembered here. Type the passphrase each time.',
  )
}
