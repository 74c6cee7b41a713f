// Evidence: the original bytes live inside the case file beside their SHA-256,
// taken at intake. A trigger in the schema forbids changing the bytes later;
// only the caption and capture date can be edited. The same bytes added twice
// are one piece of evidence.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { EvidenceMetaSchema, EvidenceSchema, type Evidence, type EvidenceMeta } from '../../../../shared/domain'
import { revealHidden } from '../../../../shared/visible-text'
import type { Connection } from '../casefile/connection'
import { appendAudit } from '../casefile/audit'
import type { Finding } from '../casefile/findings'
import { InvalidInputError, KirokuError, NotFoundError } from '../errors'
import { classifyEvidence } from './evidence-type'
import { EvidenceTexts } from './evidence-text'
import { Table, parseInput, type Row } from './table'

export const DEFAULT_MAX_EVIDENCE_BYTES = 50 * 1024 * 1024

const EvidenceColumns = EvidenceSchema.omit({ id: true })

export interface EvidenceIntake extends EvidenceMeta {
  bytes: Uint8Array
  fileName: string
}

export interface IntakeResult {
  evidence: Evidence
  /** True when these exact bytes were already in the case. */
  duplicate: boolean
}

export const sha256Hex = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

export const formatMegabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

const MAX_NAME_CHARACTERS = 255

/**
 * The name kept with evidence: the last part of whatever came in, split at
 * either slash on every system (path.basename splits at a backslash only on
 * Windows, so one file would get a different name per system). The name is
 * evidence and is kept as given, direction controls included (they are shown
 * written out, never removed); the folders are not: "C:\Users\hanako\…"
 * says nothing about the fraud, only where the victim keeps files. A name
 * that is blank, "." or ".." becomes "evidence".
 */
export function evidenceFileName(given: string): string {
  const last = given.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? ''
  const name = [...last].slice(0, MAX_NAME_CHARACTERS).join('')
  return name.trim() === '' || name === '.' || name === '..' ? 'evidence' : name
}

/** Checks size and type before anything is written; throws with a message for the user. */
export function checkEvidence(bytes: Uint8Array, fileName: string, maxBytes: number) {
  if (bytes.byteLength > maxBytes) {
    throw new InvalidInputError([
      {
        path: '$',
        message: `${revealHidden(fileName)} is ${formatMegabytes(bytes.byteLength)}, over the ${formatMegabytes(maxBytes)} limit for one piece of evidence`,
      },
    ])
  }
  const type = classifyEvidence(bytes, fileName)
  if (!type.ok) throw new InvalidInputError([{ path: '$', message: type.message }])
  return type.mimeType
}

/** Reads a file for intake, refusing an oversized one before reading it. */
export function readEvidenceFile(filePath: string, maxBytes: number): Buffer {
  let size: number
  try {
    const stat = fs.statSync(filePath)
    if (!stat.isFile()) throw new KirokuError('invalid_input', `${filePath} is not a file`)
    size = stat.size
  } catch (error) {
    if (error instanceof KirokuError) throw error
    throw new InvalidInputError([{ path: '$', message: `${filePath} does not exist or cannot be read` }])
  }
  if (size > maxBytes) {
    throw new InvalidInputError([
      {
        path: '$',
        message: `${revealHidden(path.basename(filePath))} is ${formatMegabytes(size)}, over the ${formatMegabytes(maxBytes)} limit for one piece of evidence`,
      },
    ])
  }
  return fs.readFileSync(filePath)
}

export class EvidenceStore extends Table<typeof EvidenceColumns, Evidence> {
  /** The text read out of each piece, and which piece came inside which (evidence-text.ts). */
  readonly texts: EvidenceTexts

  constructor(
    db: Connection,
    readonly maxBytes: number = DEFAULT_MAX_EVIDENCE_BYTES,
  ) {
    super(db, { table: 'evidence', entity: 'evidence', schema: EvidenceColumns, booleans: ['private'] })
    this.texts = new EvidenceTexts(db)
  }

  add(intake: EvidenceIntake): IntakeResult {
    const fileName = evidenceFileName(intake.fileName)
    const mimeType = checkEvidence(intake.bytes, fileName, this.maxBytes)
    const meta = parseInput(EvidenceMetaSchema, { caption: intake.caption, capturedAt: intake.capturedAt, private: intake.private })
    const sha256 = sha256Hex(intake.bytes)
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM evidence WHERE sha256 = ?').pluck().get(sha256) as
        | number
        | undefined
      if (existing !== undefined) return { evidence: this.get(existing), duplicate: true }
      const record = {
        ...meta,
        fileName,
        mimeType,
        size: intake.bytes.byteLength,
        sha256,
        addedAt: new Date().toISOString(),
      }
      const id = this.insertRow(record, { data: Buffer.from(intake.bytes.buffer, intake.bytes.byteOffset, intake.bytes.byteLength) })
      appendAudit(this.db, 'evidence', id, 'create', record)
      return { evidence: this.get(id), duplicate: false }
    })()
  }

  /** The evidence as handed over (dossier, letter, bundle): a piece carrying a private piece counts as private. */
  listForHandover(): Evidence[] {
    const carriers = new Set(this.texts.carriersOfPrivate())
    return this.list().map((e) => (carriers.has(e.id) ? { ...e, private: true } : e))
  }

  addFile(filePath: string, meta: EvidenceMeta = {}): IntakeResult {
    const bytes = readEvidenceFile(filePath, this.maxBytes)
    return this.add({ ...meta, bytes, fileName: path.basename(filePath) })
  }

  override create(): never {
    throw new Error('use add() or addFile(): evidence is created from its bytes')
  }

  /** Only the caption and capture date change; the original never does. */
  override update(id: number, input: unknown): Evidence {
    const meta = parseInput(EvidenceMetaSchema, input)
    return this.db.transaction(() => {
      // Only these two columns may appear in the SET list: the trigger guarding
      // the original fires on any mention of the others.
      const result = this.db
        .prepare('UPDATE evidence SET caption = ?, captured_at = ?, private = ? WHERE id = ?')
        .run(meta.caption ?? null, meta.capturedAt ?? null, Number(meta.private), id)
      if (result.changes === 0) throw new NotFoundError('evidence', id)
      appendAudit(this.db, 'evidence', id, 'update', meta)
      return this.get(id)
    })()
  }

  bytes(id: number): Buffer {
    this.get(id)
    return this.db.prepare('SELECT data FROM evidence WHERE id = ?').pluck().get(id) as Buffer
  }

  /** Recomputes every hash; returns one finding per piece whose bytes no longer match. */
  verifyHashes(): { checked: number; findings: Finding[] } {
    const findings: Finding[] = []
    let checked = 0
    for (const row of this.db.prepare('SELECT id, file_name, sha256, data FROM evidence ORDER BY id').iterate() as IterableIterator<Row>) {
      checked++
      if (sha256Hex(row.data as Buffer) !== row.sha256) {
        findings.push({ kind: 'evidence_bytes', id: Number(row.id), fileName: revealHidden(String(row.file_name)) })
      }
    }
    return { checked, findings }
  }
}
