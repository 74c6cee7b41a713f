// Import: a whole document is checked first (shape, links, every evidence
// file) and every problem is reported at once; only a clean document is
// written, into a new case file that appears complete or not at all.
import fs from 'node:fs'
import path from 'node:path'
import type { CaseFile, CaseFileOptions } from '../casefile/case-file'
import { createCaseFile } from '../casefile/case-file'
import { appendAudit } from '../casefile/audit'
import { DEFAULT_MAX_EVIDENCE_BYTES, checkEvidence, readEvidenceFile, sha256Hex } from '../domain/evidence'
import { InvalidInputError, issuesFromZod, type InputIssue } from '../errors'
import { DocumentSchema, FORMAT_NAME, FORMAT_VERSION, checkLinks, type CaseDocument } from './format'

export function parseDocumentText(jsonText: string): unknown {
  try {
    return JSON.parse(jsonText)
  } catch (error) {
    throw new InvalidInputError([{ path: '$', message: `not valid JSON: ${(error as Error).message}` }])
  }
}

/** Where an evidence `file` lives, or an issue if it points outside the document's folder. */
function resolveEvidencePath(baseDir: string, file: string): string | undefined {
  if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return undefined
  const resolved = path.resolve(baseDir, file)
  const relative = path.relative(baseDir, resolved)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return resolved
}

function checkEvidenceFiles(doc: CaseDocument, baseDir: string, maxBytes: number): InputIssue[] {
  const issues: InputIssue[] = []
  doc.evidence.forEach((item, i) => {
    const at = `$.evidence[${i}].file`
    const file = resolveEvidencePath(baseDir, item.file)
    if (!file) {
      issues.push({ path: at, message: `"${item.file}" must be a relative path inside the document's folder` })
      return
    }
    try {
      const bytes = readEvidenceFile(file, maxBytes)
      checkEvidence(bytes, item.fileName ?? path.basename(file), maxBytes)
      if (item.sha256 && sha256Hex(bytes) !== item.sha256) {
        issues.push({ path: at, message: `${item.file} does not match its sha256: the file changed or is not the original` })
      }
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error
      issues.push(...error.issues.map((issue) => ({ path: at, message: issue.message })))
    }
  })
  return issues
}

export interface ValidatedDocument {
  doc: CaseDocument
  baseDir: string
}

/** Every problem in the document, or the document ready to write. */
export function validateDocument(
  raw: unknown,
  baseDir: string,
  maxEvidenceBytes = DEFAULT_MAX_EVIDENCE_BYTES,
): ValidatedDocument {
  const header = raw as { format?: unknown; version?: unknown } | null
  if (header?.format === FORMAT_NAME && typeof header.version === 'number' && header.version > FORMAT_VERSION) {
    throw new InvalidInputError([
      {
        path: '$.version',
        message: `this document is format version ${header.version}, written by a newer Kiroku; this version reads version ${FORMAT_VERSION}`,
      },
    ])
  }
  const parsed = DocumentSchema.safeParse(raw)
  if (!parsed.success) throw new InvalidInputError(issuesFromZod(parsed.error.issues))
  const doc = parsed.data
  const issues = [...checkLinks(doc), ...checkEvidenceFiles(doc, baseDir, maxEvidenceBytes)]
  if (issues.length) throw new InvalidInputError(issues)
  return { doc, baseDir }
}

/** Adds a validated document's contents to an open case, in one transaction. */
export function writeDocument(caseFile: CaseFile, { doc, baseDir }: ValidatedDocument, source: string): void {
  caseFile.transaction(() => {
    const organizationIds = new Map<string, number>()
    const evidenceIds = new Map<string, number>()
    const eventIds = new Map<string, number>()
    const mapped = (ids: Map<string, number>, id: string | undefined) => (id === undefined ? undefined : ids.get(id))

    for (const { id, ...organization } of doc.organizations) {
      organizationIds.set(id, caseFile.organizations.create(organization).id)
    }
    for (const { id, file, fileName, sha256: _checked, ...meta } of doc.evidence) {
      const filePath = resolveEvidencePath(baseDir, file)!
      const bytes = readEvidenceFile(filePath, caseFile.evidence.maxBytes)
      const { evidence } = caseFile.evidence.add({ ...meta, bytes, fileName: fileName ?? path.basename(filePath) })
      evidenceIds.set(id, evidence.id)
    }
    for (const { id, organizationId, evidenceIds: linked, ...event } of doc.events) {
      const created = caseFile.events.create({
        ...event,
        organizationId: mapped(organizationIds, organizationId),
        evidenceIds: [...new Set(linked.map((e) => evidenceIds.get(e)!))],
      })
      if (id !== undefined) eventIds.set(id, created.id)
    }
    for (const { organizationId, eventId, ...reference } of doc.references) {
      caseFile.references.create({
        ...reference,
        organizationId: mapped(organizationIds, organizationId),
        eventId: mapped(eventIds, eventId),
      })
    }
    for (const { organizationId, ...loss } of doc.losses) {
      caseFile.losses.create({ ...loss, organizationId: mapped(organizationIds, organizationId) })
    }
    for (const { organizationId, eventId, ...task } of doc.tasks) {
      caseFile.tasks.create({
        ...task,
        organizationId: mapped(organizationIds, organizationId),
        eventId: mapped(eventIds, eventId),
      })
    }
    appendAudit(caseFile.db, 'case', 1, 'import', {
      source,
      organizations: doc.organizations.length,
      events: doc.events.length,
      references: doc.references.length,
      losses: doc.losses.length,
      evidence: doc.evidence.length,
      tasks: doc.tasks.length,
    })
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
    fill: (caseFile) => writeDocument(caseFile, validated, path.basename(jsonPath)),
  })
}
