// Taking evidence in with its text: a mail or a PDF is read before anything
// is written (reading is asynchronous, SQLite's transactions are not), then
// the piece, its text and the files a mail carried are written in one
// transaction with their audit entries. A mail's attachments become evidence
// of their own (their own SHA-256), linked to the mail. A file that cannot
// be read is kept with no text and a note; it never stops the intake.
import type { Evidence, EvidenceMimeType } from '../../../../shared/domain'
import { appendAudit } from '../casefile/audit'
import type { Connection } from '../casefile/connection'
import { InvalidInputError } from '../errors'
import { isReadable, readEvidenceText, type Readers } from '../reading/read-evidence'
import type { Reading } from '../reading/reading'
import { checkEvidence, evidenceFileName, type EvidenceIntake, type EvidenceStore, type IntakeResult } from './evidence'

/** A mail inside a mail inside a mail…: deeper than this, attachments are listed in the note, not taken in. */
const MAX_DEPTH = 4
/** A mail carrying thousands of files is an attack on the case, not evidence of one: past this, they are listed in the note. */
const MAX_ATTACHMENTS = 100

export interface PreparedEvidence {
  intake: EvidenceIntake
  /** Undefined for a type Kiroku does not read at intake (a picture, plain text). */
  reading?: Reading
  /** A mail's attachments, prepared the same way. */
  parts: PreparedEvidence[]
}

export interface StoredEvidence extends IntakeResult {
  /** The pieces taken in from this one's attachments, in their order. */
  parts: StoredEvidence[]
}

/** What the intake needs of a case (a CaseFile has both). */
export interface EvidenceCase {
  db: Connection
  evidence: EvidenceStore
}

const problemText = (error: InvalidInputError) => error.issues.map((issue) => issue.message).join('; ')

/** `stopped`: true once the case is closing; the attachments not read by then are not read (nothing will be stored). */
async function prepareRead(
  intake: EvidenceIntake,
  mimeType: string,
  maxBytes: number,
  depth: number,
  readers: Readers,
  stopped: () => boolean = () => false,
): Promise<PreparedEvidence> {
  const read = await readEvidenceText(intake.bytes, mimeType, readers)
  if (!read) return { intake, parts: [] }
  const parts: PreparedEvidence[] = []
  const leftOut: string[] = []
  for (const [i, attachment] of read.attachments.entries()) {
    if (stopped()) break
    if (depth >= MAX_DEPTH) {
      leftOut.push(`${attachment.fileName} (inside ${MAX_DEPTH} mails)`)
      continue
    }
    if (i >= MAX_ATTACHMENTS) {
      leftOut.push(`${read.attachments.length - MAX_ATTACHMENTS} more files (over ${MAX_ATTACHMENTS} in one mail)`)
      break
    }
    const child = { bytes: attachment.bytes, fileName: attachment.fileName, capturedAt: intake.capturedAt, private: intake.private }
    try {
      parts.push(await prepareEvidence(child, maxBytes, readers, depth + 1))
    } catch (error) {
      // An attachment of a type Kiroku does not keep (a ZIP), or too large: the mail is still evidence.
      if (!(error instanceof InvalidInputError)) throw error
      leftOut.push(problemText(error))
    }
  }
  const note = leftOut.length ? [read.reading.note, `attachments not kept as evidence: ${leftOut.join('; ')}`].filter(Boolean).join('. ') : read.reading.note
  return { intake, reading: { ...read.reading, ...(note ? { note } : {}) }, parts }
}

/** Checks a file as evidence (throws InvalidInputError as EvidenceStore.add does) and reads its text. */
export async function prepareEvidence(intake: EvidenceIntake, maxBytes: number, readers: Readers = {}, depth = 0): Promise<PreparedEvidence> {
  const mimeType = checkEvidence(intake.bytes, evidenceFileName(intake.fileName), maxBytes)
  return prepareRead(intake, mimeType, maxBytes, depth, readers)
}

const readingSummary = (reading: Reading, sha256: string) => ({
  source: reading.source,
  engine: reading.engine,
  engineVersion: reading.engineVersion,
  languages: reading.languages,
  originalSha256: sha256,
  characters: [...reading.text].length,
  note: reading.note,
})

/** Stores the reading of a piece already in the case, with its audit entry. */
function storeReading(target: EvidenceCase, evidenceId: number, sha256: string, reading: Reading): void {
  target.evidence.texts.put(evidenceId, sha256, reading)
  appendAudit(target.db, 'evidence_text', evidenceId, 'create', readingSummary(reading, sha256))
}

/** A file that came inside a mail is as private as that mail is in the case (not as the copy being added again says). */
function storeParts(target: EvidenceCase, parent: Pick<Evidence, 'id' | 'private'>, parts: PreparedEvidence[]): StoredEvidence[] {
  const parentId = parent.id
  return parts.map((part, position) => {
    const child = storePrepared(target, { ...part, intake: { ...part.intake, private: parent.private } })
    if (target.evidence.texts.link(parentId, child.evidence.id, position)) {
      appendAudit(target.db, 'evidence_part', child.evidence.id, 'create', { parentId, childId: child.evidence.id, position })
    }
    return child
  })
}

/**
 * Writes prepared evidence: the piece (or the one already there with the same
 * bytes) and, the first time it is read, its text, its attachments and their
 * links. A piece read before keeps what it has: an attachment the user
 * deleted since does not come back when the mail is added again. Runs as one
 * transaction (a savepoint inside the caller's).
 */
export function storePrepared(target: EvidenceCase, prepared: PreparedEvidence): StoredEvidence {
  return target.db.transaction(() => {
    const result = target.evidence.add(prepared.intake)
    const { id, sha256 } = result.evidence
    if (!prepared.reading || target.evidence.texts.get(id)) return { ...result, parts: [] }
    storeReading(target, id, sha256, prepared.reading)
    return { ...result, parts: storeParts(target, result.evidence, prepared.parts) }
  })()
}

/** Adds one piece of evidence with its text and attachments, all in one transaction. */
export async function addEvidence(target: EvidenceCase, intake: EvidenceIntake, readers: Readers = {}): Promise<StoredEvidence> {
  return storePrepared(target, await prepareEvidence(intake, target.evidence.maxBytes, readers))
}

/** Adds several files: all of them or none (one refused file leaves the case as it was). */
export async function addEvidenceFiles(target: EvidenceCase, intakes: EvidenceIntake[], readers: Readers = {}): Promise<StoredEvidence[]> {
  const prepared: PreparedEvidence[] = []
  for (const intake of intakes) prepared.push(await prepareEvidence(intake, target.evidence.maxBytes, readers))
  return target.db.transaction(() => prepared.map((p) => storePrepared(target, p)))()
}

const READABLE_TYPES: readonly EvidenceMimeType[] = ['message/rfc822', 'application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif']

export interface PendingReport {
  /** Pieces whose text was read (or found unreadable, with a note). */
  read: number
  /** Attachments taken in as evidence of their own. */
  attachments: number
}

const countParts = (parts: StoredEvidence[]): number => parts.reduce((n, p) => n + (p.duplicate ? 0 : 1) + countParts(p.parts), 0)

export interface PendingOptions {
  /** Asked after each await: true once the case is closing, so nothing is written to a closed case. */
  stopped?: () => boolean
  /** Told after each piece is stored, so a page showing the case can reload it. */
  onRead?: (evidenceId: number) => void
  /**
   * Pieces not to try: those tried before and not stored (a picture whose recognition timed out, a
   * piece whose reading failed) wait for the next opening instead of holding up the ones behind them.
   * Every piece tried is added to it.
   */
  tried?: Set<number>
  /** Told of a piece whose reading failed; without it the failure is thrown (the CLI says it). */
  onError?: (evidenceId: number, error: unknown) => void
}

/** Ids of the pieces these readers would read that have no text yet, oldest first. */
export function unreadEvidence(target: EvidenceCase, readers: Readers = {}): number[] {
  return target.evidence.texts.unreadIds(READABLE_TYPES.filter((type) => isReadable(type, readers)))
}

/**
 * Reads one piece with no text and stores what was read, in its own
 * transaction; false when nothing was stored (closing, not finished, or the
 * piece changed meanwhile: deleted, already read).
 */
async function readOnePending(target: EvidenceCase, id: number, readers: Readers, stopped: () => boolean, report: PendingReport): Promise<boolean> {
  const piece = target.evidence.find(id)
  if (!piece) return false
  const intake = { bytes: target.evidence.bytes(id), fileName: piece.fileName, capturedAt: piece.capturedAt, private: piece.private }
  // A mail or PDF is read without the recogniser: a mail's pictures are stored unread and come round
  // as pieces of their own, one transaction each, instead of holding the mail for minutes.
  const prepared = await prepareRead(intake, piece.mimeType, target.evidence.maxBytes, 0, isReadable(piece.mimeType) ? {} : readers, stopped)
  if (stopped() || !prepared.reading) return false
  const reading = prepared.reading
  return target.db.transaction(() => {
    // As the piece is now: its privacy may have changed while it was read, and its files take the current one.
    const now = target.evidence.find(id)
    if (now?.sha256 !== piece.sha256 || target.evidence.texts.get(id)) return false
    storeReading(target, id, piece.sha256, reading)
    report.attachments += countParts(storeParts(target, now, prepared.parts))
    report.read++
    return true
  })()
}

/**
 * Reads the mails and PDFs (and, with a recogniser, the pictures) that have
 * no text yet: a case from before Kiroku read evidence, or evidence that
 * arrived by import or merge, and then the pictures those mails carried.
 * Each piece is its own transaction and is tried once.
 */
export async function readPendingEvidence(target: EvidenceCase, readers: Readers = {}, options: PendingOptions = {}): Promise<PendingReport> {
  const report: PendingReport = { read: 0, attachments: 0 }
  const stopped = options.stopped ?? (() => false)
  const tried = options.tried ?? new Set<number>()
  for (;;) {
    const waiting = unreadEvidence(target, readers).filter((id) => !tried.has(id))
    if (!waiting.length) return report
    for (const id of waiting) {
      if (stopped()) return report
      try {
        if (await readOnePending(target, id, readers, stopped, report)) options.onRead?.(id)
      } catch (error) {
        if (!options.onError || stopped()) throw error
        options.onError(id, error)
      } finally {
        // Counted as tried once the attempt ends: until then it is still waiting (and said to be).
        tried.add(id)
      }
    }
  }
}
