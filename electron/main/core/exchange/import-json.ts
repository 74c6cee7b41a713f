// Import: a whole document is checked first (shape, links, every evidence
// file) and every problem is reported at once; only a clean document is
// written, into a new case file that appears complete or not at all.
import fs from 'node:fs'
import path from 'node:path'
import type { CaseFile, CaseFileOptions } from '../casefile/case-file'
import { createCaseFile } from '../casefile/case-file'
import { DEFAULT_MAX_EVIDENCE_BYTES, checkEvidence, sha256Hex } from '../domain/evidence'
import { readPendingEvidence } from '../domain/evidence-intake'
import { InvalidInputError, issuesFromZod, type InputIssue } from '../errors'
import { readDocumentEvidence } from './document-evidence'
import { DocumentSchema, FORMAT_NAME, FORMAT_VERSION, READABLE_VERSIONS, checkLinks, type CaseDocument } from './format'
import { writeDocument } from './write-document'

export function parseDocumentText(jsonText: string): unknown {
  try {
    return JSON.parse(jsonText)
  } catch (error) {
    throw new InvalidInputError([{ path: '$', message: `not valid JSON: ${(error as Error).message}` }])
  }
}

/** What checking an evidence file keeps: its hash as checked and the name kept with it (not its bytes: 50 MB each). */
export interface CheckedEvidence {
  sha256: string
  fileName: string
}

/** Reads and checks every evidence file, one at a time; what was checked by evidence id, or every problem found. */
function checkEvidenceFiles(doc: CaseDocument, baseDir: string, maxBytes: number): { files: Map<string, CheckedEvidence>; issues: InputIssue[] } {
  const files = new Map<string, CheckedEvidence>()
  const issues: InputIssue[] = []
  doc.evidence.forEach((item, i) => {
    const at = `$.evidence[${i}].file`
    try {
      const bytes = readDocumentEvidence(baseDir, item.file, maxBytes)
      const fileName = item.fileName ?? path.basename(item.file)
      checkEvidence(bytes, fileName, maxBytes)
      const sha256 = sha256Hex(bytes)
      if (item.sha256 && sha256 !== item.sha256) {
        issues.push({ path: at, message: `${item.file} does not match its sha256: the file changed or is not the original` })
      }
      files.set(item.id, { sha256, fileName })
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      issues.push(...error.issues.map((issue) => ({ path: at, message: issue.message })))
    }
  })
  return { files, issues }
}

export interface ValidatedDocument {
  doc: CaseDocument
  baseDir: string
  /** Every evidence file as checked: read again when written, and refused if it changed since. */
  evidence: ReadonlyMap<string, CheckedEvidence>
  maxEvidenceBytes: number
}

/** Every problem in the document, or the document ready to write. */
export function validateDocument(
  raw: unknown,
  baseDir: string,
  maxEvidenceBytes = DEFAULT_MAX_EVIDENCE_BYTES,
): ValidatedDocument {
  const header = raw as { format?: unknown; version?: unknown } | null
  // Said on its own: the rest of a newer document would only add confusing unknown-key issues.
  if (header?.format === FORMAT_NAME && Number.isInteger(header.version) && (header.version as number) > FORMAT_VERSION) {
    throw new InvalidInputError([
      {
        path: '$.version',
        message: `this document is format version ${header.version}, written by a newer Kiroku; this version reads versions ${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}: update Kiroku to import it`,
      },
    ])
  }
  const parsed = DocumentSchema.safeParse(raw)
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error.issues))
  const doc = parsed.data
  const evidence = checkEvidenceFiles(doc, baseDir, maxEvidenceBytes)
  const issues = [...checkLinks(doc), ...evidence.issues]
  if (issues.length) throw new InvalidInputError(issues)
  return { doc, baseDir, evidence: evidence.files, maxEvidenceBytes }
}

/**
 * Writes a validated document into a new case. Each evidence file is read
 * again, the same safe way, when its turn comes, and its bytes must be the
 * ones checked: a file swapped in between stops the whole import.
 */
export function writeImportedDocument(caseFile: CaseFile, { doc, baseDir, evidence, maxEvidenceBytes }: ValidatedDocument, source: string): void {
  writeDocument(caseFile, doc, {
    readEvidence: (item) => {
      const checked = evidence.get(item.id)!
      const bytes = readDocumentEvidence(baseDir, item.file, maxEvidenceBytes)
      if (sha256Hex(bytes) !== checked.sha256) {
        throw new InvalidInputError([{ path: `$.evidence[${doc.evidence.indexOf(item)}].file`, message: `${item.file} changed while it was being imported` }])
      }
      return { bytes, fileName: checked.fileName }
    },
    skipExisting: false,
    audit: { action: 'import', source },
  })
}

/** Creates `target` from a JSON document; a document with any problem creates nothing. */
export async function importJsonFile(
  target: string,
  passphrase: string,
  jsonPath: string,
  options: CaseFileOptions = {},
): Promise<void> {
  let text: string
  try {
    text = fs.readFileSync(jsonPath, 'utf8')
  } catch {
    throw new InvalidInputError([{ path: '$', message: `${jsonPath} does not exist or cannot be read` }])
  }
  const validated = validateDocument(
    parseDocumentText(text),
    path.dirname(path.resolve(jsonPath)),
    options.maxEvidenceBytes,
  )
  await createCaseFile(target, passphrase, validated.doc.case, {
    ...options,
    fill: async (caseFile) => {
      writeImportedDocument(caseFile, validated, path.basename(jsonPath))
      // Mails and PDFs are read as at any intake (the file appears only once this is done).
      await readPendingEvidence(caseFile)
    },
  })
}
