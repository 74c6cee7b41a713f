// The backup channels: automatic encrypted backups of a case file, listed
// and restored by the case file's path (restoring matters most when the case
// cannot be opened). A backup is named, never given by path: the main
// process finds it in the case's own backups folder, so the page can only
// restore a file that really is one of that case's backups, and only over
// that case's own path, which must be one the main process gave the page
// (electron/main/ipc/path-grants.ts).
import { z } from 'zod'
import { filePath } from './schemas'

export const BackupNameSchema = z.string().regex(/^\d{8}T\d{9}Z-s\d+-[0-9a-f]{12}\.kiroku$/)

export const BackupSchema = z.object({
  name: BackupNameSchema,
  createdAt: z.string(),
  auditSeq: z.number().int(),
  bytes: z.number().int(),
})

export const backupChannels = {
  /** The backups of the case file at `path`, newest first (empty when there are none). */
  'backups:list': { input: z.strictObject({ path: filePath }), output: z.array(BackupSchema) },
  /**
   * Replaces the case file with one of its backups after checking that the
   * backup opens with `passphrase` (the one the case had then) and passes
   * verify(). The replaced file is kept beside it, never deleted.
   */
  'backups:restore': {
    input: z.strictObject({ path: filePath, backup: BackupNameSchema, passphrase: z.string().min(1).max(1024) }),
    output: z.object({ restoredFrom: BackupNameSchema, previousKeptAs: z.string().optional() }),
  },
} as const
