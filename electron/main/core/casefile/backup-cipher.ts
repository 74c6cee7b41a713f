// Backups get a salt of their own. A copy made by VACUUM INTO keeps the
// case's salt and key, so its pages would fit into the live file: anyone
// could splice an older page back in and SQLCipher's page check would accept
// it. Rekeying the copy to the same passphrase under a fresh salt prevents
// that. Both raw keys are derived once per open, in the background, exactly
// as SQLCipher 4 derives them (PBKDF2-HMAC-SHA512, 256,000 rounds, 32 bytes):
// the passphrase itself is not kept once they are ready.
import crypto from 'node:crypto'
import fs from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { readAsRawKey } from '../../../../shared/passphrase-rule'
import type { ConnectionOptions } from './connection'

const KDF_ROUNDS = 256_000
const KEY_BYTES = 32
const SALT_BYTES = 16

interface Keys {
  /** Opens a copy that still has the case's salt. */
  live: Buffer
  /** The copy's new key and salt. */
  fresh: Buffer
}

/** `x'<hex>'` as bytes, built without a JavaScript string of the key. */
function rawKeyLiteral(...parts: Buffer[]): Buffer {
  const hex = Buffer.concat(parts)
  const out = Buffer.alloc(hex.length * 2 + 3)
  out.write("x'", 0, 'latin1')
  const digits = '0123456789abcdef'
  hex.forEach((byte, i) => {
    out[2 + i * 2] = digits.charCodeAt(byte >> 4)
    out[3 + i * 2] = digits.charCodeAt(byte & 15)
  })
  out.write("'", out.length - 1, 'latin1')
  hex.fill(0)
  return out
}

function readSalt(file: string): Buffer {
  const salt = Buffer.alloc(SALT_BYTES)
  const fd = fs.openSync(file, 'r')
  try {
    fs.readSync(fd, salt, 0, SALT_BYTES, 0)
  } finally {
    fs.closeSync(fd)
  }
  return salt
}

export class BackupCipher {
  private keys: Keys | undefined
  private passphrase: Buffer | undefined
  private readonly liveSalt: Buffer
  private readonly freshSalt = crypto.randomBytes(SALT_BYTES)
  /** The case closed: a derivation that finishes now keeps nothing. */
  private disposed = false

  /** `caseFile` must be the open case's file (its first 16 bytes are its salt). */
  constructor(caseFile: string, passphrase: string) {
    this.liveSalt = readSalt(caseFile)
    // A passphrase that SQLite3MultipleCiphers reads as a raw key was never run through the KDF
    // (files made before the passphrase rule refused them): copies keep the salt.
    if (readAsRawKey(passphrase)) return
    this.passphrase = Buffer.from(passphrase, 'utf8')
    const derive = (salt: Buffer) =>
      new Promise<Buffer>((resolve, reject) =>
        crypto.pbkdf2(this.passphrase!, salt, KDF_ROUNDS, KEY_BYTES, 'sha512', (e, key) => (e ? reject(e) : resolve(key))),
      )
    Promise.all([derive(this.liveSalt), derive(this.freshSalt)]).then(
      ([live, fresh]) => this.settle(live, fresh),
      () => undefined, // keysNow() derives them again, synchronously
    )
  }

  private settle(live: Buffer, fresh: Buffer): Keys | undefined {
    if (!this.disposed) this.keys ??= { live: rawKeyLiteral(live), fresh: rawKeyLiteral(fresh, this.freshSalt) }
    live.fill(0)
    fresh.fill(0)
    this.passphrase?.fill(0)
    this.passphrase = undefined
    return this.keys
  }

  /** The keys, derived now if the background derivation has not finished. */
  private keysNow(): Keys | undefined {
    if (this.keys || !this.passphrase) return this.keys
    const derive = (salt: Buffer) => crypto.pbkdf2Sync(this.passphrase!, salt, KDF_ROUNDS, KEY_BYTES, 'sha512')
    return this.settle(derive(this.liveSalt), derive(this.freshSalt))
  }

  /** Forgets the keys (each opens the case as well as the passphrase does): when the case closes. */
  dispose(): void {
    this.disposed = true
    this.keys?.live.fill(0)
    this.keys?.fresh.fill(0)
    this.keys = undefined
    this.passphrase?.fill(0)
    this.passphrase = undefined
  }

  /** Gives `copy` (made by VACUUM INTO from the case) the fresh salt; it still opens with the passphrase. */
  reseal(copy: string, options: ConnectionOptions = {}): void {
    const keys = this.keysNow()
    if (!keys) return
    const db = new Database(copy, { fileMustExist: true, nativeBinding: options.nativeBinding })
    try {
      db.pragma(`cipher = 'sqlcipher'`)
      db.pragma('legacy = 4')
      db.key(keys.live)
      db.pragma('journal_mode = DELETE') // rekey refuses WAL mode
      db.rekey(keys.fresh)
    } finally {
      db.close()
    }
  }
}
