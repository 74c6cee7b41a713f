// Everything `verify` checks, in order of depth: SQLite's own integrity,
// the schema against Kiroku's, the audit chain, the content against what the chain sealed, every
// evidence original against its hash, the search index against the tables,
// and this device's record of the case's history.
import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { EvidenceStore } from '../domain/evidence'
import { auditHead, sealedSince, verifyAuditChain, verifyContent, type AuditHead } from './audit'
import type { DeviceHistory, HistoryFinding } from './device-history'
import { findingText, type Finding } from './findings'
import { SEARCH_SOURCES } from './migrations'
import { schemaFindings } from './schema-check'

export interface VerifyReport {
  ok: boolean
  /** What differs, as data: the dossier words it in its own language. */
  findings: Finding[]
  /** The findings in English (the CLI, error messages). */
  problems: string[]
  evidenceChecked: number
  auditEntries: number
  auditHead: AuditHead
  /** False for a file whose content was never sealed (none has been since this version opened it). */
  contentSealed: boolean
  /** For a file from before seals: when its content was first sealed (changes before then are not checked). */
  sealedSince?: string
  /** A rollback or another copy, as this device's record shows it; undefined when none or no record. */
  history?: HistoryFinding
}

function sqliteFindings(db: Database): Finding[] {
  const findings: Finding[] = []
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>
  // An empty answer is not "ok" (see notes on unknown pragmas): only the literal is.
  if (!(integrity.length === 1 && integrity[0].integrity_check === 'ok')) {
    const details = integrity.length ? integrity.map((r) => r.integrity_check) : ['the integrity check gave no answer']
    findings.push(...details.map((detail): Finding => ({ kind: 'sqlite', detail })))
  }
  const foreignKeys = db.pragma('foreign_key_check') as unknown[]
  if (foreignKeys.length) findings.push({ kind: 'dangling_references', count: foreignKeys.length })
  return findings
}

/** The search index must hold exactly what its triggers would have written for each row. */
export function searchIndexFindings(db: Database): Finding[] {
  const findings: Finding[] = []
  // One pass over the index (its entity column is not indexed), grouped by entity.
  const indexed = new Map<string, Array<{ id: number; text: string }>>()
  for (const row of db.prepare('SELECT entity, entity_id AS id, text FROM search_index').iterate() as IterableIterator<{ entity: string; id: number; text: string }>) {
    const rows = indexed.get(row.entity) ?? []
    if (!rows.length) indexed.set(row.entity, rows)
    rows.push(row)
  }
  for (const source of SEARCH_SOURCES) {
    const { table, entity, text } = source
    const key = 'key' in source ? source.key : 'id'
    const expected = new Map(
      (db.prepare(`SELECT ${key} AS id, ${text.replaceAll('$', '')} AS text FROM ${table}`).all() as Array<{ id: number; text: string }>).map((r) => [r.id, r.text]),
    )
    const seen = new Set<number>()
    let differ = 0
    for (const row of indexed.get(entity) ?? []) {
      if (seen.has(row.id) || expected.get(row.id) !== row.text) differ++
      seen.add(row.id)
    }
    differ += [...expected.keys()].filter((id) => !seen.has(id)).length
    if (differ) findings.push({ kind: 'search_table', table, count: differ })
  }
  const known = new Set<string>(SEARCH_SOURCES.map((source) => source.entity))
  const stray = [...indexed].filter(([entity]) => !known.has(entity)).reduce((n, [, rows]) => n + rows.length, 0)
  if (stray) findings.push({ kind: 'search_stray', count: stray })
  try {
    // FTS5's own check: the inverted index against the text it stores.
    db.prepare(`INSERT INTO search_index (search_index) VALUES ('integrity-check')`).run()
  } catch {
    findings.push({ kind: 'search_inconsistent' })
  }
  return findings
}

export interface VerifyOptions {
  evidence: EvidenceStore
  /** This device's record of the case (none: no rollback check). */
  history?: DeviceHistory
  /** The SQLite module of the running runtime, for the in-memory reference schema. */
  nativeBinding?: string
}

export function verifyCase(db: Database, { evidence, history, nativeBinding }: VerifyOptions): VerifyReport {
  const chain = verifyAuditChain(db)
  const content = verifyContent(db)
  const hashes = evidence.verifyHashes()
  const finding = history?.check(db)
  const findings = [
    ...sqliteFindings(db),
    ...schemaFindings(db, { nativeBinding }),
    ...chain.findings,
    ...content.findings,
    ...hashes.findings,
    ...searchIndexFindings(db),
  ]
  if (finding) findings.push(finding.finding)
  return {
    ok: findings.length === 0,
    findings,
    problems: findings.map((f) => findingText(f)),
    evidenceChecked: hashes.checked,
    auditEntries: chain.entries,
    auditHead: auditHead(db),
    contentSealed: content.sealed,
    sealedSince: sealedSince(db),
    history: finding,
  }
}
