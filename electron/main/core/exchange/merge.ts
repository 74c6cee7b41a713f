// Merging a case someone shared into the open case: the shared file is read
// as an interchange document (the same path an import takes) and written with
// skipExisting, so nothing already present is added twice.
import path from 'node:path'
import type { CaseFile } from '../casefile/case-file'
import { InvalidInputError, issuesFromZod } from '../errors'
import { toDocument } from './export-json'
import { DocumentSchema, checkLinks } from './format'
import { writeDocument, type AddedCounts } from './write-document'

/** Returns how many records of each kind were added (all zero when the case already had everything). */
export function mergeCaseFile(target: CaseFile, source: CaseFile): AddedCounts {
  if (path.resolve(target.path) === path.resolve(source.path)) {
    throw new Error('A case cannot be merged into itself.')
  }
  // Evidence is named by its id in the source, read from there when written.
  // Checked like an imported document: the shared file was made elsewhere,
  // perhaps not by Kiroku, and its rows only had to satisfy its own schema.
  const parsed = DocumentSchema.safeParse(toDocument(source, (id) => String(id)))
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error.issues))
  const doc = parsed.data
  const issues = checkLinks(doc)
  if (issues.length) throw new InvalidInputError(issues)
  return writeDocument(target, doc, {
    readEvidence: (item) => ({ bytes: source.evidence.bytes(Number(item.file)), fileName: item.fileName ?? 'evidence' }),
    skipExisting: true,
    audit: { action: 'merge', source: path.basename(source.path) },
  })
}
