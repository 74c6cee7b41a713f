// The audit log: every change appends one entry whose hash covers the
// previous entry's hash, so any edit made behind the app's back breaks the
// chain from that point on. Triggers in the schema forbid UPDATE and DELETE.
// Since schema 4 each entry also seals the rows it wrote (see seals.ts), so
// the log vouches for the content, not only for itself.
import crypto from 'node:crypto'
import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { Finding } from './findings'
import { checkSeals, sealAllRows, takeChangedRowSeals, type SealCheck, type SealState } from './seals'

export const GENESIS_HASH = '0'.repeat(64)

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'merge' | 'copy' | 'rekey' | 'migrate'

export interface AuditEntry {
  seq: number
  at: string
  entity: string
  entityId: number | null
  action: AuditAction
  payload: string
  prevHash: string
  /** JSON of the SealState: the rows this entry wrote (null in entries from before schema 4). */
  state: string | null
  hash: string
}

export interface AuditHead {
  seq: number
  hash: string
}

function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return crypto
    .createHash('sha256')
    // Entries written before seals existed hash as they always did.
    .update([e.prevHash, e.seq, e.at, e.entity, e.entityId ?? '', e.action, e.payload, ...(e.state === null ? [] : [e.state])].join('\n'))
    .digest('hex')
}

export function auditHead(db: Database): AuditHead {
  const row = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | AuditHead
    | undefined
  return row ?? { seq: 0, hash: GENESIS_HASH }
}

/**
 * Must run inside the transaction that makes the change it records. With
 * `snapshot`, the entry seals every row of the case, not only those changed:
 * for an entry that starts or restarts the record (a migration, a copy).
 */
export function appendAudit(
  db: Database,
  entity: string,
  entityId: number | null,
  action: AuditAction,
  payload: unknown,
  { snapshot = false }: { snapshot?: boolean } = {},
): AuditHead {
  const head = auditHead(db)
  const changed = takeChangedRowSeals(db)
  const state: SealState = snapshot ? { full: true, rows: sealAllRows(db) } : { rows: changed }
  const entry = {
    seq: head.seq + 1,
    at: new Date().toISOString(),
    entity,
    entityId,
    action,
    payload: JSON.stringify(payload ?? null),
    prevHash: head.hash,
    state: JSON.stringify(state),
  }
  const hash = entryHash(entry)
  db.prepare(
    `INSERT INTO audit_log (seq, at, entity, entity_id, action, payload, prev_hash, state, hash)
     VALUES (@seq, @at, @entity, @entityId, @action, @payload, @prevHash, @state, @hash)`,
  ).run({ ...entry, hash })
  return { seq: entry.seq, hash }
}

/** Recomputes the whole chain; returns one finding per broken link. */
export function verifyAuditChain(db: Database): { entries: number; findings: Finding[] } {
  const findings: Finding[] = []
  let expectedPrev = GENESIS_HASH
  let expectedSeq = 1
  let entries = 0
  const rows = db
    .prepare(
      `SELECT seq, at, entity, entity_id AS entityId, action, payload, prev_hash AS prevHash, state, hash
       FROM audit_log ORDER BY seq`,
    )
    .iterate() as IterableIterator<AuditEntry>
  for (const row of rows) {
    entries++
    if (row.seq !== expectedSeq) findings.push({ kind: 'chain_missing', seq: expectedSeq, found: row.seq })
    if (row.prevHash !== expectedPrev) findings.push({ kind: 'chain_broken', seq: row.seq })
    if (entryHash(row) !== row.hash) findings.push({ kind: 'chain_altered', seq: row.seq })
    expectedPrev = row.hash
    expectedSeq = row.seq + 1
  }
  return { entries, findings }
}

export function listAudit(db: Database, limit = 1000): AuditEntry[] {
  return db
    .prepare(
      `SELECT seq, at, entity, entity_id AS entityId, action, payload, prev_hash AS prevHash, state, hash
       FROM audit_log ORDER BY seq DESC LIMIT ?`,
    )
    .all(limit) as AuditEntry[]
}

/** The hash of entry `seq`, or undefined when the log has no such entry. */
export function auditHashAt(db: Database, seq: number): string | undefined {
  return db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined
}

/**
 * When the content began to be sealed, for a file older than seals (its
 * first sealing entry came after entries that sealed nothing); undefined
 * when every entry is sealed.
 */
export function sealedSince(db: Database): string | undefined {
  const first = db.prepare('SELECT seq, at FROM audit_log WHERE state IS NOT NULL ORDER BY seq LIMIT 1').get() as
    | { seq: number; at: string }
    | undefined
  return first && first.seq > 1 ? first.at : undefined
}

/** A stored seal state, or undefined when it is not one (an entry edited behind Kiroku's back). */
function readSealState(text: string): SealState | undefined {
  try {
    const state = JSON.parse(text) as SealState
    const rows = state?.rows
    if (typeof rows !== 'object' || rows === null || Array.isArray(rows)) return undefined
    return Object.values(rows).every((hash) => hash === null || typeof hash === 'string') ? state : undefined
  } catch {
    return undefined
  }
}

/** What upgrades found before sealing the file anew (migrations.ts), kept in their entries. */
function foundAtUpgrades(db: Database): Finding[] {
  const rows = db.prepare(`SELECT seq, payload FROM audit_log WHERE action = 'migrate' ORDER BY seq`).all() as Array<{ seq: number; payload: string }>
  return rows.flatMap(({ seq, payload }) => {
    try {
      const found = (JSON.parse(payload) as { foundBefore?: Finding[] }).foundBefore
      return Array.isArray(found) ? found.map((finding): Finding => ({ kind: 'found_at_upgrade', seq, finding })) : []
    } catch {
      return [] // an entry altered after it was written: the chain check names it
    }
  })
}

/** Compares the tables with what the log's seals say Kiroku wrote. */
export function verifyContent(db: Database): SealCheck {
  const rows = db.prepare('SELECT seq, state FROM audit_log WHERE state IS NOT NULL ORDER BY seq').iterate() as IterableIterator<{
    seq: number
    state: string
  }>
  const unreadable: Finding[] = []
  function* states() {
    for (const row of rows) {
      const state = readSealState(row.state)
      if (state) yield { seq: row.seq, state }
      else unreadable.push({ kind: 'seal_unreadable', seq: row.seq })
    }
  }
  const check = checkSeals(db, states())
  return { ...check, findings: [...unreadable, ...foundAtUpgrades(db), ...check.findings] }
}
