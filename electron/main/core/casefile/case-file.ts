// A case file: one encrypted SQLite database per case, opened like a document.
import {
  LossInputSchema,
  OrganizationInputSchema,
  ReferenceInputSchema,
  TaskInputSchema,
  PoliceRecordInputSchema,
  type PoliceRecord,
  type CaseInput,
  type Loss,
  type Organization,
  type Reference,
  type Task,
} from '../../../../shared/domain'
import { judgeNewPassphrase } from '../../../../shared/passphrase-check'
import { describeVerdict } from '../../../../shared/passphrase-rule'
import { CaseInfo } from '../domain/case-info'
import { Events } from '../domain/events'
import { DEFAULT_MAX_EVIDENCE_BYTES, EvidenceStore } from '../domain/evidence'
import { search } from '../domain/search'
import { Table } from '../domain/table'
import { PassphraseRefusedError } from '../errors'
import { writeAtomically } from '../fs/atomic'
import { PlanProgress } from '../plans/progress'
import { appendAudit, auditHead, listAudit } from './audit'
import { BackupCipher } from './backup-cipher'
import { backupIfDue, writeBackup, type BackupInfo, type BackupSettings } from './backups'
import { createConnection, openConnection, type Connection, type ConnectionOptions } from './connection'
import type { DeviceHistory, HistoryFinding } from './device-history'
import { verifyCase, type VerifyReport } from './verify'

export type { VerifyReport }

export const CASE_FILE_EXTENSION = '.kiroku'

export interface CaseFileOptions extends ConnectionOptions {
  /** Largest accepted piece of evidence, in bytes (default 50 MB). */
  maxEvidenceBytes?: number
  /** Automatic encrypted backups (on close, and backupIfDue() while open); none when absent. */
  backups?: BackupSettings
  /** This device's record of each case's newest audit head (rollback detection); none when absent. */
  deviceHistory?: DeviceHistory
}

export class CaseFile {
  readonly case: CaseInfo
  readonly organizations: Table<typeof OrganizationInputSchema, Organization>
  readonly events: Events
  readonly references: Table<typeof ReferenceInputSchema, Reference>
  readonly losses: Table<typeof LossInputSchema, Loss>
  readonly tasks: Table<typeof TaskInputSchema, Task>
  readonly policeRecords: Table<typeof PoliceRecordInputSchema, PoliceRecord>
  readonly evidence: EvidenceStore
  /** Why the last automatic backup failed (it never stops the case from closing). */
  lastBackupError: unknown
  private readonly backups: BackupSettings | undefined
  readonly nativeBinding: string | undefined
  /** Gives backups a salt of their own (set when the case is opened with a passphrase and backups). */
  backupCipher: BackupCipher | undefined
  readonly deviceHistory: DeviceHistory | undefined
  /** Found on opening: this file is older than, or differs from, what this device saw. */
  readonly historyFinding: HistoryFinding | undefined
  /** The recovery plan and its progress. */
  readonly plan: PlanProgress

  constructor(
    readonly path: string,
    readonly db: Connection,
    options: CaseFileOptions = {},
  ) {
    this.backups = options.backups
    this.nativeBinding = options.nativeBinding
    this.deviceHistory = options.deviceHistory
    this.historyFinding = this.deviceHistory?.check(db)
    if (!this.historyFinding) this.deviceHistory?.record(db)
    this.case = new CaseInfo(db)
    this.organizations = new Table(db, { table: 'organizations', entity: 'organization', schema: OrganizationInputSchema, booleans: ['private'] })
    this.events = new Events(db)
    this.references = new Table(db, { table: 'refs', entity: 'reference', schema: ReferenceInputSchema })
    this.losses = new Table(db, { table: 'losses', entity: 'loss', schema: LossInputSchema, booleans: ['private'] })
    this.tasks = new Table(db, { table: 'tasks', entity: 'task', schema: TaskInputSchema, booleans: ['done'] })
    this.policeRecords = new Table(db, { table: 'police_records', entity: 'police_record', schema: PoliceRecordInputSchema })
    this.evidence = new EvidenceStore(db, options.maxEvidenceBytes ?? DEFAULT_MAX_EVIDENCE_BYTES)
    this.plan = new PlanProgress(db, this.events)
  }

  /** Runs several writes as one: all of them land, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  search(query: string, limit?: number) {
    return search(this.db, query, limit)
  }

  audit(limit?: number) {
    return listAudit(this.db, limit)
  }

  auditHead() {
    return auditHead(this.db)
  }

  /** See verify.ts: integrity, audit chain, content against the chain, evidence, search index, this device's record. */
  verify(): VerifyReport {
    return verifyCase(this.db, { evidence: this.evidence, history: this.deviceHistory, nativeBinding: this.nativeBinding })
  }

  /** Records the case as it is now as what this device has seen (the user accepts a rolled-back or other copy). */
  acceptHistory(): void {
    this.deviceHistory?.accept(this.db)
  }

  /** An automatic backup if the newest is older than the interval and the case changed. */
  backupIfDue(now = new Date()): BackupInfo | undefined {
    if (!this.backups || !this.db.open) return undefined
    try {
      return backupIfDue(this, this.backups, now)
    } catch (error) {
      this.lastBackupError = error
      return undefined
    }
  }

  close(): void {
    if (!this.db.open) return
    if (this.backups) {
      try {
        writeBackup(this, this.backups)
      } catch (error) {
        this.lastBackupError = error
      }
    }
    try {
      this.deviceHistory?.record(this.db)
    } catch {
      // Losing the record only weakens rollback detection; the case must still close.
    }
    this.backupCipher?.dispose()
    // Folding the WAL back in leaves one self-contained file behind.
    this.db.pragma('wal_checkpoint(TRUNCATE)')
    this.db.close()
  }
}

export function openCaseFile(file: string, passphrase: string, options: CaseFileOptions = {}): CaseFile {
  const caseFile = new CaseFile(file, openConnection(file, passphrase, options), options)
  if (options.backups) caseFile.backupCipher = new BackupCipher(file, passphrase)
  return caseFile
}

/**
 * Creates a new case file; `fill` may add to it before it appears. The file
 * appears complete under its name or not at all.
 */
export async function createCaseFile(
  file: string,
  passphrase: string,
  caseInput: CaseInput,
  options: CaseFileOptions & { fill?: (caseFile: CaseFile) => void | Promise<void> } = {},
): Promise<void> {
  checkNewPassphrase(passphrase)
  await writeAtomically(file, async (tmp) => {
    // No backups of the temporary file: they would be filed under its throwaway name.
    const caseFile = new CaseFile(tmp, createConnection(tmp, passphrase, options), { ...options, backups: undefined })
    try {
      caseFile.case.set(caseInput)
      await options.fill?.(caseFile)
    } finally {
      caseFile.close()
    }
  })
}

/** Throws CannotOpenError unless `passphrase` opens this case file (asked again before sharing). */
export function verifyPassphrase(caseFile: CaseFile, passphrase: string, options: ConnectionOptions = {}): void {
  openConnection(caseFile.path, passphrase, options).close()
}

/**
 * Applies the passphrase rule (shared/passphrase-rule.ts) to a new
 * passphrase: a new case, a passphrase change, an encrypted copy. Opening
 * never checks it, so files made before the rule still open.
 */
export function checkNewPassphrase(passphrase: string): void {
  const verdict = judgeNewPassphrase(passphrase)
  if (!verdict.ok) throw new PassphraseRefusedError(verdict.problem ?? 'weak', describeVerdict(verdict))
}

/**
 * Changes the passphrase. Rekeying in place cannot be rolled back, so the
 * new file is built beside the old one (a consistent copy, rekeyed and
 * checked) and then renamed over it: at every moment the file on disk opens
 * with exactly one of the two passphrases.
 */
export async function changePassphrase(
  file: string,
  oldPassphrase: string,
  newPassphrase: string,
  options: ConnectionOptions = {},
): Promise<void> {
  checkNewPassphrase(newPassphrase)
  await writeAtomically(
    file,
    (tmp) => {
      const source = openConnection(file, oldPassphrase, options)
      try {
        source.prepare('VACUUM INTO ?').run(tmp)
      } finally {
        source.close()
      }
      const copy = openConnection(tmp, oldPassphrase, options)
      try {
        copy.pragma('journal_mode = DELETE') // rekey refuses WAL mode
        copy.rekey(Buffer.from(newPassphrase, 'utf8'))
        copy.pragma('journal_mode = WAL')
        copy.transaction(() => appendAudit(copy, 'case', 1, 'rekey', null))()
        copy.pragma('wal_checkpoint(TRUNCATE)')
      } finally {
        copy.close()
      }
      // Prove the result opens with the new passphrase before it replaces anything.
      openConnection(tmp, newPassphrase, options).close()
    },
    { overwrite: true },
  )
}
