// Schemas that more than one part of the IPC contract uses. Kept apart from
// contract.ts, which spreads the other parts in: they import from here, never
// from it.
import { z } from 'zod'
import { CaseRecordSchema } from '../domain'

/** A case file's path as the page names it (only granted paths are acted on: electron/main/ipc/path-grants.ts). */
export const filePath = z.string().min(1).max(4096)

/** The file is older than, or differs from, the newest state this device saw of the case (device-history.ts). */
export const CaseHistoryFindingSchema = z.object({
  kind: z.enum(['older', 'diverged']),
  seenSeq: z.number().int().nonnegative(),
  seenAt: z.string(),
  fileSeq: z.number().int().nonnegative(),
})

/** What opening a case answers: the path it opened, the case, and a finding about its history if there is one. */
export const OpenedCaseSchema = z.object({ path: z.string(), case: CaseRecordSchema, history: CaseHistoryFindingSchema.optional() })
