// After a passphrase change the automatic backups would still open with the
// old passphrase: the very one the user may have changed because someone
// else learned it. They are re-encrypted under the new one (each rebuilt
// under a temporary name and renamed, so a backup is never half-rekeyed), or
// removed, or, when the user says so, kept as they are.
import fs from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { removeWithSideFiles, writeAtomicallySync } from '../fs/atomic'
import { listBackups } from './backups'
import type { ConnectionOptions } from './connection'

export const BACKUP_CHOICES = ['reencrypt', 'remove', 'keep'] as const
export type BackupChoice = (typeof BACKUP_CHOICES)[number]

export interface BackupRekeyResult {
  choice: BackupChoice
  /** Backups now under the new passphrase, or removed, or kept, by the choice. */
  done: number
  /** Backups the old passphrase did not open (made before an earlier change): left as they are. */
  untouched: number
}

function openKeyed(file: string, passphrase: string, options: ConnectionOptions): Database.Database {
  const db = new Database(file, { fileMustExist: true, nativeBinding: options.nativeBinding })
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.key(Buffer.from(passphrase, 'utf8'))
  return db
}

/** True when `passphrase` opens the backup (the first read is where a wrong key shows). */
function opensWith(file: string, passphrase: string, options: ConnectionOptions): boolean {
  let db: Database.Database | undefined
  try {
    db = openKeyed(file, passphrase, options)
    db.prepare('SELECT count(*) FROM sqlite_schema').get()
    return true
  } catch {
    return false
  } finally {
    db?.close()
  }
}

export function rekeyBackups(
  backupsDir: string,
  caseFilePath: string,
  oldPassphrase: string,
  newPassphrase: string,
  choice: BackupChoice,
  options: ConnectionOptions = {},
): BackupRekeyResult {
  const result: BackupRekeyResult = { choice, done: 0, untouched: 0 }
  for (const backup of listBackups(backupsDir, caseFilePath)) {
    if (!opensWith(backup.path, oldPassphrase, options)) {
      result.untouched++
      continue
    }
    if (choice === 'remove') removeWithSideFiles(backup.path)
    if (choice === 'reencrypt') {
      writeAtomicallySync(
        backup.path,
        (tmp) => {
          fs.copyFileSync(backup.path, tmp)
          const db = openKeyed(tmp, oldPassphrase, options)
          try {
            db.pragma('journal_mode = DELETE') // rekey refuses WAL mode
            db.rekey(Buffer.from(newPassphrase, 'utf8')) // and gives it a fresh salt
          } finally {
            db.close()
          }
          if (!opensWith(tmp, newPassphrase, options)) throw new Error(`${backup.name} did not open after re-encryption`)
        },
        { overwrite: true },
      )
    }
    result.done++
  }
  return result
}
