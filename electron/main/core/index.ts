// The core's public surface: what the CLI, the app and the tests use.
export * from './errors'
export {
  CaseFile,
  CASE_FILE_EXTENSION,
  changePassphrase,
  checkNewPassphrase,
  createCaseFile,
  openCaseFile,
  verifyPassphrase,
  type CaseFileOptions,
  type VerifyReport,
} from './casefile/case-file'
export { DEVICE_HISTORY_FILE, DeviceHistory, type HistoryFinding } from './casefile/device-history'
export { keepPendingWritesIn, sweepPendingWrites } from './fs/atomic'
export { SCHEMA_VERSION } from './casefile/migrations'
export { RESTORE_HINT, damagedFileError } from './casefile/connection'
export {
  DEFAULT_BACKUPS_KEPT,
  backupFolderFor,
  listBackups,
  restoreBackup,
  writeBackup,
  type BackupInfo,
  type BackupSettings,
} from './casefile/backups'
export { BACKUP_CHOICES, rekeyBackups, type BackupChoice, type BackupRekeyResult } from './casefile/backup-rekey'
export { DEFAULT_MAX_EVIDENCE_BYTES, sha256Hex } from './domain/evidence'
export {
  addEvidence,
  addEvidenceFiles,
  prepareEvidence,
  readPendingEvidence,
  storePrepared,
  unreadEvidence,
  type EvidenceCase,
  type PendingReport,
  type PreparedEvidence,
  type StoredEvidence,
} from './domain/evidence-intake'
export type { StoredReading } from './domain/evidence-text'
export { evidenceTextLines, evidenceTextView, type EvidenceTextView } from './domain/evidence-view'
export { BackgroundReading, NOTHING_TO_READ, type ReadingProgress } from './domain/background-reading'
export { readEvidenceFile } from './domain/evidence'
export type { Reading, ReadingSource } from './reading/reading'
export { createTextRecogniser, type TextRecogniser } from './reading/ocr'
export type { Readers } from './reading/read-evidence'
export { normaliseText } from './reading/normalise'
export type { TimelineFilter } from './domain/events'
export { exportJsonFile, toDocument } from './exchange/export-json'
export { importJsonFile, parseDocumentText, validateDocument, writeImportedDocument } from './exchange/import-json'
export { writeDocument, type AddedCounts } from './exchange/write-document'
export { mergeCaseFile } from './exchange/merge'
export { shareCaseFile, type ShareOptions, type ShareSummary } from './exchange/share'
export { DocumentSchema, FORMAT_NAME, FORMAT_VERSION, type CaseDocument } from './exchange/format'
export { writeBundle, type Manifest } from './exchange/bundle'
export { verifyBundle, DEFAULT_BUNDLE_LIMITS, type BundleLimits, type BundleReport } from './exchange/verify-bundle'
export { verifyBundleAgainstCase, type BundleAgainstCase, type CaseComparison } from './exchange/bundle-against-case'
export * from './dossier'
export * from './plans'
export * from './directory'
export * from './letters'
