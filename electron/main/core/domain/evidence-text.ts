// The text Kiroku read out of each piece of evidence (evidence_text) and which
// piece came inside which (evidence_parts). Derived rows: the original bytes
// and their SHA-256 never change (evidence.ts). Writes here run inside the
// caller's transaction, which appends the audit entry that seals them.
import type { Connection } from '../casefile/connection'
import { READING_SOURCES, type Reading } from '../reading/reading'

export interface StoredReading extends Reading {
  evidenceId: number
  /** The SHA-256 of the bytes the text was read from (the evidence's own). */
  originalSha256: string
  createdAt: string
}

interface TextRow {
  evidence_id: number
  source: string
  engine: string
  engine_version: string
  languages: string | null
  original_sha256: string
  text: string
  note: string | null
  created_at: string
}

function toReading(row: TextRow): StoredReading {
  const source = READING_SOURCES.find((s) => s === row.source) ?? 'pdf'
  return {
    evidenceId: row.evidence_id,
    source,
    engine: row.engine,
    engineVersion: row.engine_version,
    ...(row.languages ? { languages: row.languages.split('+') } : {}),
    originalSha256: row.original_sha256,
    text: row.text,
    ...(row.note ? { note: row.note } : {}),
    createdAt: row.created_at,
  }
}

export class EvidenceTexts {
  constructor(private readonly db: Connection) {}

  get(evidenceId: number): StoredReading | undefined {
    const row = this.db.prepare('SELECT * FROM evidence_text WHERE evidence_id = ?').get(evidenceId) as TextRow | undefined
    return row && toReading(row)
  }

  /** Stores (or replaces: a better reader later) the reading of one piece. Call inside a transaction that audits it. */
  put(evidenceId: number, originalSha256: string, reading: Reading): void {
    const row = {
      evidenceId,
      source: reading.source,
      engine: reading.engine,
      engineVersion: reading.engineVersion,
      languages: reading.languages?.join('+') ?? null,
      originalSha256,
      text: reading.text,
      note: reading.note ?? null,
      createdAt: new Date().toISOString(),
    }
    this.db.prepare('DELETE FROM evidence_text WHERE evidence_id = ?').run(evidenceId)
    this.db
      .prepare(
        `INSERT INTO evidence_text (evidence_id, source, engine, engine_version, languages, original_sha256, text, note, created_at)
         VALUES (@evidenceId, @source, @engine, @engineVersion, @languages, @originalSha256, @text, @note, @createdAt)`,
      )
      .run(row)
  }

  /** Evidence of the given types with no reading yet, oldest first (a case from before evidence was read). */
  unreadIds(mimeTypes: readonly string[]): number[] {
    return this.db
      .prepare(
        `SELECT id FROM evidence WHERE mime_type IN (${mimeTypes.map(() => '?').join(', ')})
         AND NOT EXISTS (SELECT 1 FROM evidence_text WHERE evidence_id = evidence.id) ORDER BY id`,
      )
      .pluck()
      .all(...mimeTypes) as number[]
  }

  /** Records that `childId` came inside `parentId`; false when already recorded. */
  link(parentId: number, childId: number, position: number): boolean {
    const known = this.db.prepare('SELECT 1 FROM evidence_parts WHERE parent_id = ? AND child_id = ?').get(parentId, childId)
    if (known || parentId === childId) return false
    this.db.prepare('INSERT INTO evidence_parts (parent_id, child_id, position) VALUES (?, ?, ?)').run(parentId, childId, position)
    return true
  }

  /** The pieces that came inside this one, in their order. */
  parts(parentId: number): number[] {
    return this.db.prepare('SELECT child_id FROM evidence_parts WHERE parent_id = ? ORDER BY position, child_id').pluck().all(parentId) as number[]
  }

  /**
   * The pieces that carry any of `ids` in their bytes (the mail a file came in, the mail that mail came
   * in…): wherever a piece is withheld, these are too, or it would leave inside them.
   */
  carriersOf(ids: readonly number[]): number[] {
    return this.db
      .prepare(
        `WITH RECURSIVE carrier(id) AS (
           SELECT parent_id FROM evidence_parts WHERE child_id IN (SELECT value FROM json_each(?))
           UNION SELECT parent_id FROM evidence_parts JOIN carrier ON child_id = carrier.id
         ) SELECT id FROM carrier ORDER BY id`,
      )
      .pluck()
      .all(JSON.stringify(ids)) as number[]
  }

  /** The pieces that carry a private piece (see carriersOf). */
  carriersOfPrivate(): number[] {
    return this.carriersOf(this.db.prepare('SELECT id FROM evidence WHERE private = 1').pluck().all() as number[])
  }

  /** The pieces this one came inside (a file attached to two mails has two). */
  containers(childId: number): number[] {
    return this.db.prepare('SELECT parent_id FROM evidence_parts WHERE child_id = ? ORDER BY parent_id').pluck().all(childId) as number[]
  }
}
