// Automatic encrypted backups of a case file. Each backup is a consistent
// copy made by SQLite itself (VACUUM INTO), then given a salt of its own
// (backup-cipher.ts: its pages cannot be spliced into the live file); it
// opens with the passphrase the case had when it was made. It is
// written under a temporary name, flushed and renamed: a backup is whole or
// absent. One folder per case inside the backups folder; the newest `keep`
// are kept. A backup is made only when the case changed since the newest
// one (its audit head is in the name), so closing an unchanged case ten
// times never pushes the good backups out.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { KirokuError } from '../errors'
import { removeWithSideFiles, writeAtomically, writeAtomicallySync } from '../fs/atomic'
import { auditHead, type AuditHead } from './audit'
// A cycle (case-file.ts calls writeBackup on close), harmless: each side is only used inside functions.
import { CaseFile } from './case-file'
import { openConnection, type Connection, type ConnectionOptions } from './connection'
import { caseIdentity, type DeviceHistory } from './device-history'

export const DEFAULT_BACKUPS_KEPT = 10
export const DEFAULT_BACKUP_INTERVAL_MS = 60 * 60 * 1000

export interface BackupSettings {
  /** The backups folder (the app: userData/backups). */
  dir: string
  /** How many backups to keep per case (default 10). */
  keep?: number
  /** While a case is open, at most one backup per this interval (default one hour). */
  intervalMs?: number
}

export interface BackupInfo {
  path: string
  name: string
  /** When the backup was made (ISO 8601, UTC). */
  createdAt: string
  /** The audit chain head the case had then. */
  auditSeq: number
  bytes: number
}

const NAME = /^(\d{8}T\d{9}Z)-s(\d+)-([0-9a-f]{12})\.kiroku$/

/** The folder holding one case's backups: its name plus a hash of its full path (two "case.kiroku" never mix). */
export function backupFolderFor(backupsDir: string, caseFilePath: string): string {
  const resolved = path.resolve(caseFilePath)
  const base = path.basename(resolved).replace(/\.kiroku$/i, '').replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 60) || 'case'
  const hash = crypto.createHash('sha256').update(resolved).digest('hex').slice(0, 12)
  return path.join(backupsDir, `${base}-${hash}`)
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '') // 20261125T093512123Z
}

function parseStamp(s: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(s)!
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`
}

/** The case's backups, newest first. */
export function listBackups(backupsDir: string, caseFilePath: string): BackupInfo[] {
  const folder = backupFolderFor(backupsDir, caseFilePath)
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder)
    .flatMap((name) => {
      const m = NAME.exec(name)
      if (!m) return []
      const file = path.join(folder, name)
      return [{ path: file, name, createdAt: parseStamp(m[1]), auditSeq: Number(m[2]), bytes: fs.statSync(file).size, hash: m[3] }]
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
    .map(({ hash: _hash, ...info }) => info)
}

function headKey(db: Connection): { seq: number; hash: string } {
  const head = auditHead(db)
  return { seq: head.seq, hash: head.hash.slice(0, 12).padEnd(12, '0') }
}

/**
 * Writes a backup of the open case now (unless `onlyIfChanged` and the
 * newest backup has the same audit head), then keeps the newest `keep`.
 * Returns the backup written, or undefined when none was needed.
 */
export function writeBackup(
  caseFile: CaseFile,
  settings: BackupSettings,
  { onlyIfChanged = true, now = new Date() }: { onlyIfChanged?: boolean; now?: Date } = {},
): BackupInfo | undefined {
  const folder = backupFolderFor(settings.dir, caseFile.path)
  const head = headKey(caseFile.db)
  const newest = listBackups(settings.dir, caseFile.path)[0]
  if (onlyIfChanged && newest && newest.auditSeq === head.seq && newest.name.includes(`-${head.hash}.`)) return undefined
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  let name = `${stamp(now)}-s${head.seq}-${head.hash}.kiroku`
  // Two backups within the same millisecond: never overwrite one.
  for (let i = 1; fs.existsSync(path.join(folder, name)); i++) name = `${stamp(new Date(now.getTime() + i))}-s${head.seq}-${head.hash}.kiroku`
  const target = path.join(folder, name)
  // Flushed, linked into place (never over another backup) and the folder flushed too.
  writeAtomicallySync(target, (tmp) => {
    // A consistent copy, encrypted with the case's own key (never a plain file copy of a live database).
    caseFile.db.prepare('VACUUM INTO ?').run(tmp)
    caseFile.backupCipher?.reseal(tmp, { nativeBinding: caseFile.nativeBinding })
  })
  pruneBackups(settings.dir, caseFile.path, settings.keep ?? DEFAULT_BACKUPS_KEPT)
  return listBackups(settings.dir, caseFile.path).find((b) => b.path === target)
}

/** Writes a backup when the newest is older than the interval and the case changed since. */
export function backupIfDue(caseFile: CaseFile, settings: BackupSettings, now = new Date()): BackupInfo | undefined {
  const newest = listBackups(settings.dir, caseFile.path)[0]
  const interval = settings.intervalMs ?? DEFAULT_BACKUP_INTERVAL_MS
  if (newest && now.getTime() - Date.parse(newest.createdAt) < interval) return undefined
  return writeBackup(caseFile, settings, { now })
}

export function pruneBackups(backupsDir: string, caseFilePath: string, keep: number): void {
  for (const old of listBackups(backupsDir, caseFilePath).slice(Math.max(1, keep))) removeWithSideFiles(old.path)
}

export interface RestoreResult {
  restoredFrom: string
  /** Where the file that was replaced was kept (undefined if there was none). */
  previousKeptAs?: string
}

/**
 * Replaces the case file with a backup, atomically, after checking that the
 * backup opens with `passphrase` and passes verify(). The file it replaces
 * (perhaps damaged, perhaps holding the last changes) is not deleted: it is
 * kept beside it as `NAME.before-restore-<time>` for a rescue by hand.
 * The backup itself is never opened (opening migrates and sets WAL mode):
 * only a copy of it is, the copy that then becomes the case file. At every
 * moment there is a whole file at the case's path: the old one is kept by a
 * hard link and only a rename replaces it.
 */
export async function restoreBackup(
  caseFilePath: string,
  backupPath: string,
  passphrase: string,
  options: ConnectionOptions & { deviceHistory?: DeviceHistory } = {},
): Promise<RestoreResult> {
  // Only the native binding: opening to check must never write a backup (of a temporary file).
  const checkOptions: ConnectionOptions = { nativeBinding: options.nativeBinding }
  const check = (file: string) => {
    const caseFile = new CaseFile(file, openConnection(file, passphrase, checkOptions), checkOptions)
    try {
      const report = caseFile.verify()
      if (!report.ok) {
        throw new KirokuError('verification_failed', `The backup ${path.basename(backupPath)} fails verification (${report.problems.join('; ')}); choose another.`)
      }
      restored = { id: caseIdentity(caseFile.db), head: auditHead(caseFile.db) }
    } finally {
      caseFile.close()
    }
  }
  let previousKeptAs: string | undefined
  let restored: { id: string | undefined; head: AuditHead } | undefined
  await writeAtomically(
    caseFilePath,
    (tmp) => {
      fs.copyFileSync(backupPath, tmp)
      check(tmp)
      // Keep the file being replaced (and its WAL, which holds its latest commits) under
      // another name too, by a second link: the case's own name stays in place until the rename.
      if (fs.existsSync(caseFilePath)) {
        const now = Date.now()
        for (let i = 0; ; i++) {
          const kept = `${caseFilePath}.before-restore-${stamp(new Date(now + i))}`
          if (fs.existsSync(kept) || fs.existsSync(`${kept}-wal`)) continue
          keepCopy(caseFilePath, kept)
          previousKeptAs = kept
          break
        }
        if (fs.existsSync(`${caseFilePath}-wal`)) keepCopy(`${caseFilePath}-wal`, `${previousKeptAs}-wal`)
      }
      // A stale -wal or -shm beside the name would be applied to the restored file.
      fs.rmSync(`${caseFilePath}-wal`, { force: true })
      fs.rmSync(`${caseFilePath}-shm`, { force: true })
    },
    { overwrite: true },
  )
  // Restored on purpose: from now on this older state is what this device has seen (once it is in place).
  if (restored?.id !== undefined) options.deviceHistory?.remember(restored.id, restored.head)
  return { restoredFrom: backupPath, previousKeptAs }
}

/** A second name for `file` (a hard link; a copy where the file system has none, e.g. FAT). */
function keepCopy(file: string, as: string): void {
  try {
    fs.linkSync(file, as)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw error
    fs.copyFileSync(file, as, fs.constants.COPYFILE_EXCL)
  }
}
