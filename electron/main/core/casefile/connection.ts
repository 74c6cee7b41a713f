// Opening an encrypted SQLite connection the safe way. The order of the
// pragmas matters (see shared notes on SQLite3MultipleCiphers): cipher and
// legacy before the key, the key before any read; and a missing or empty
// file must never silently become a new empty case.
import fs from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import type { Database as Connection } from 'better-sqlite3-multiple-ciphers'
import { CannotOpenError } from '../errors'
import { APPLICATION_ID, migrate } from './migrations'
import { installChangeCapture } from './seals'

export type { Connection }

export interface ConnectionOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's differs from Node's). */
  nativeBinding?: string
}

/** What to do when a case file is damaged: said in every such message. */
export const RESTORE_HINT =
  'Restore it from a backup: Kiroku keeps encrypted backups of every case it has open (list them with `kiroku backups FILE`, then `kiroku restore FILE BACKUP`).'

/** SQLCipher 4's default page size; an intact file is a whole number of pages. */
const PAGE_SIZE = 4096

const KNOWN_SIGNATURES: Array<[string, Buffer]> = [
  ['an unencrypted SQLite database', Buffer.from('SQLite format 3\0', 'latin1')],
  ['a PNG image', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  ['a JPEG image', Buffer.from([0xff, 0xd8, 0xff])],
  ['a PDF document', Buffer.from('%PDF-', 'latin1')],
  ['a ZIP archive', Buffer.from('PK\x03\x04', 'latin1')],
  ['a GIF image', Buffer.from('GIF8', 'latin1')],
]

function applyKey(db: Connection, passphrase: string): void {
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.key(Buffer.from(passphrase, 'utf8'))
}

function applySettings(db: Connection): void {
  // Temporary tables and sort spills would otherwise be written unencrypted.
  db.pragma('temp_store = MEMORY')
  db.pragma('journal_mode = WAL')
  // NORMAL (this build's WAL default) can lose the last commit on power loss.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
}

/** Looks at the file before SQLite does, to tell the user what it really is. */
function diagnoseFile(file: string): void {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    throw new CannotOpenError('missing', `${file} does not exist.`)
  }
  if (!stat.isFile()) throw new CannotOpenError('not_a_case_file', `${file} is not a file.`)
  if (stat.size === 0) {
    throw new CannotOpenError(
      'empty_file',
      `${file} is empty (0 bytes): the case data is not in it. ${RESTORE_HINT}`,
    )
  }
  const head = Buffer.alloc(16)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, head, 0, 16, 0)
  } finally {
    fs.closeSync(fd)
  }
  for (const [what, signature] of KNOWN_SIGNATURES) {
    if (head.subarray(0, signature.length).equals(signature)) {
      throw new CannotOpenError(
        'not_a_case_file',
        `${file} is ${what}, not a Kiroku case file. If your case was in this file, it has been overwritten. ${RESTORE_HINT}`,
      )
    }
  }
  if (stat.size % PAGE_SIZE !== 0) {
    throw new CannotOpenError(
      'truncated',
      `${file} is incomplete (${stat.size} bytes is not a whole number of pages): it was probably cut short while being copied or saved. ${RESTORE_HINT}`,
    )
  }
}

/**
 * A damaged page met after the file was opened (it was damaged while open,
 * or by something quick_check does not read) as the same clear error as at
 * open; undefined for any other error.
 */
export function damagedFileError(file: string, error: unknown): CannotOpenError | undefined {
  const code = (error as { code?: string } | null)?.code
  if (code === 'SQLITE_NOTADB' || code?.startsWith('SQLITE_CORRUPT')) {
    return new CannotOpenError(
      'corrupt',
      `${file} is damaged (some of its pages are unreadable). ${RESTORE_HINT}`,
    )
  }
  return undefined
}

function describeOpenError(file: string, error: unknown): never {
  const code = (error as { code?: string }).code
  if (error instanceof CannotOpenError) throw error
  if (code === 'SQLITE_NOTADB') {
    throw new CannotOpenError(
      'wrong_passphrase_or_damaged',
      `Wrong passphrase for ${file}, or the file is not a Kiroku case file or is damaged (to an encrypted file these look the same). The file was not changed. Check the passphrase and try again; if you are sure of it, the file is damaged. ${RESTORE_HINT}`,
    )
  }
  if (code?.startsWith('SQLITE_CORRUPT')) {
    throw new CannotOpenError(
      'corrupt',
      `${file} is damaged (the passphrase is right, but some of its pages are unreadable). The file was not changed. ${RESTORE_HINT}`,
    )
  }
  throw error
}

/** Opens an existing case file and brings its schema up to date. */
export function openConnection(file: string, passphrase: string, options: ConnectionOptions = {}): Connection {
  diagnoseFile(file)
  const db = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding })
  try {
    applyKey(db, passphrase)
    // The first read is where a wrong key shows: PRAGMA key itself always succeeds.
    const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number
    const appId = db.pragma('application_id', { simple: true }) as number
    if (appId !== APPLICATION_ID || tables === 0) {
      throw new CannotOpenError(
        'not_a_case_file',
        `${file} is an encrypted database, but not a Kiroku case file.`,
      )
    }
    // Damage past page 1 would otherwise only show at some later read (or
    // be copied into a backup): every page is read and authenticated now
    // (~85 ms for 40 MB).
    const check = db.pragma('quick_check(1)', { simple: true })
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' })
    migrate(db)
    applySettings(db)
    installChangeCapture(db)
    return db
  } catch (error) {
    db.close()
    return describeOpenError(file, error)
  }
}

/** Creates the schema in a new file; the caller makes it appear atomically. */
export function createConnection(file: string, passphrase: string, options: ConnectionOptions = {}): Connection {
  if (fs.existsSync(file)) throw new CannotOpenError('already_exists', `${file} already exists.`)
  const db = new Database(file, { nativeBinding: options.nativeBinding })
  try {
    applyKey(db, passphrase)
    migrate(db)
    applySettings(db)
    installChangeCapture(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Opens or creates a file with NO key but the case schema and the same
 * settings as a case file: only for measuring what encryption costs
 * (bench/). Never for user data.
 */
export function unencryptedCaseConnection(file: string, options: ConnectionOptions = {}): Connection {
  const db = new Database(file, { nativeBinding: options.nativeBinding })
  try {
    migrate(db)
    applySettings(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** Opens a file with no key at all: how plain SQLite sees it (tests, benchmarks). */
export function openUnencrypted(file: string, options: ConnectionOptions = {}): Connection {
  return new Database(file, { nativeBinding: options.nativeBinding })
}
