// Row seals: what each audit entry commits to. A temporary trigger on every
// case table notes which rows a transaction touched (cascades included); the
// audit entry that closes the transaction stores a SHA-256 of each such row
// as it now stands (or null: deleted). Replaying the seals of the whole log
// gives the content Kiroku wrote, row by row, so verify can name any record
// that was changed, added or deleted behind its back. An evidence row's seal
// covers its stored SHA-256; the bytes are checked against that separately.
import crypto from 'node:crypto'
import type { Database } from 'better-sqlite3-multiple-ciphers'
import { revealHidden } from '../../../../shared/visible-text'
import type { Finding, RecordRef } from './findings'

/** Tables that are not case content: the log itself and SQLite's own. */
const UNSEALED = /^(audit_log|sqlite_.*)$/

/** Row hash -> `table:key`; null means the entry deleted that row. */
export type RowSeals = Record<string, string | null>

/** What an audit entry stores: the rows it wrote, or (full) every row of the case. */
export interface SealState {
  full?: true
  rows: RowSeals
}

interface SealedTable {
  name: string
  /** Columns that identify a row (the primary key). */
  key: string[]
  /** Columns hashed: all but evidence bytes, which its stored SHA-256 stands for. */
  columns: string[]
}

/** Per connection: the schema is fixed once migrations ran (capture is installed after them). */
const tablesOf = new WeakMap<Database, SealedTable[]>()
/** Connections whose changes are noted (installChangeCapture). */
const capturing = new WeakSet<Database>()

/** After a migration: the tables are read again at the next use. */
export function forgetSealedTables(db: Database): void {
  tablesOf.delete(db)
}

function sealedTables(db: Database): SealedTable[] {
  let tables = tablesOf.get(db)
  if (!tables) tablesOf.set(db, (tables = readSealedTables(db)))
  return tables
}

/** SQL quoting: names and text from the file itself (a table added behind Kiroku's back may be called anything). */
const id = (name: string) => `"${name.replaceAll('"', '""')}"`
const text = (value: string) => `'${value.replaceAll("'", "''")}'`
/** A key column: a declared one quoted, or the rowid of a table that declares none. */
const keyColumn = (k: string) => (k === 'rowid' ? k : id(k))

/**
 * Every ordinary table but the log, Kiroku's or not: a table added outside
 * Kiroku is case content nobody sealed. Virtual tables and their shadow
 * tables (the search index's, or any added) take no triggers; verify's
 * schema check names any that Kiroku did not create.
 */
function readSealedTables(db: Database): SealedTable[] {
  const names = db
    .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' ORDER BY name`)
    .pluck()
    .all() as string[]
  return names
    .filter((name) => !UNSEALED.test(name))
    .map((name) => {
      const info = db.prepare('SELECT name, pk FROM pragma_table_info(?)').all(name) as Array<{ name: string; pk: number }>
      const primary = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
      const columns = info.map((c) => c.name).filter((c) => !(name === 'evidence' && c === 'data'))
      return { name, key: primary.length ? primary : ['rowid'], columns }
    })
}

const keyExpression = (table: SealedTable, row: 'NEW' | 'OLD') => table.key.map((k) => `${row}.${keyColumn(k)}`).join(` || '-' || `)

/** Starts noting changed rows on this connection (temporary: nothing of it is stored in the file). */
export function installChangeCapture(db: Database): void {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS changed_rows (tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key))')
  // Not INSERT OR IGNORE: an outer statement's conflict clause (an upsert) overrides a trigger's.
  const note = (table: SealedTable, row: 'NEW' | 'OLD') => {
    const key = keyExpression(table, row)
    return `INSERT INTO temp.changed_rows SELECT ${text(table.name)}, ${key}
      WHERE NOT EXISTS (SELECT 1 FROM temp.changed_rows WHERE tbl = ${text(table.name)} AND key = ${key});`
  }
  for (const table of sealedTables(db)) {
    const bodies = {
      insert: note(table, 'NEW'),
      // A changed primary key leaves its old key behind: that row is gone.
      update: note(table, 'NEW') + note(table, 'OLD'),
      delete: note(table, 'OLD'),
    }
    for (const [when, body] of Object.entries(bodies)) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${id(`seal_${table.name}_${when}`)} AFTER ${when.toUpperCase()} ON main.${id(table.name)} BEGIN ${body} END`)
    }
  }
  capturing.add(db)
}

function rowHash(table: SealedTable, row: Record<string, unknown>): string {
  const values = table.columns.map((c) => [c, row[c] ?? null])
  return crypto.createHash('sha256').update(JSON.stringify([table.name, values])).digest('hex')
}

const rowKey = (table: SealedTable, row: Record<string, unknown>) => table.key.map((k) => String(row[k])).join('-')

function selectRows(table: SealedTable, where = ''): string {
  const keyOnly = table.key.filter((k) => !table.columns.includes(k)).map((k) => `${k} AS ${k}`) // rowid
  return `SELECT ${[...keyOnly, ...table.columns.map(id)].join(', ')} FROM main.${id(table.name)} ${where}`
}

/** The row noted under `key`: by its key columns when the key reads back as numbers (all of Kiroku's), else by the key text. */
function findRow(db: Database, table: SealedTable, key: string): Record<string, unknown> | undefined {
  const parts = key.split('-')
  if (parts.length === table.key.length && parts.every((part) => /^\d+$/.test(part))) {
    const where = `WHERE ${table.key.map((k) => `${keyColumn(k)} = ?`).join(' AND ')}`
    return db.prepare(selectRows(table, where)).get(...parts.map(Number)) as Record<string, unknown> | undefined
  }
  const whole = table.key.map(keyColumn).join(` || '-' || `)
  return db.prepare(selectRows(table, `WHERE ${whole} = ? LIMIT 1`)).get(key) as Record<string, unknown> | undefined
}

/** The seals of the rows changed since the last call on this connection, and forgets them. */
export function takeChangedRowSeals(db: Database): RowSeals {
  // A connection without capture (a migration running before it is installed) has nothing to take.
  if (!capturing.has(db)) return {}
  const changed = db.prepare('SELECT tbl, key FROM temp.changed_rows ORDER BY tbl, key').all() as Array<{ tbl: string; key: string }>
  if (!changed.length) return {}
  const tables = new Map(sealedTables(db).map((t) => [t.name, t]))
  const seals: RowSeals = {}
  for (const { tbl, key } of changed) {
    const table = tables.get(tbl)!
    const row = findRow(db, table, key)
    seals[`${tbl}:${key}`] = row ? rowHash(table, row) : null
  }
  db.exec('DELETE FROM temp.changed_rows')
  return seals
}

/** Every row of the case, sealed: the baseline an entry that restarts the record stores. */
export function sealAllRows(db: Database): RowSeals {
  const seals: RowSeals = {}
  for (const table of sealedTables(db)) {
    for (const row of db.prepare(selectRows(table)).iterate() as IterableIterator<Record<string, unknown>>) {
      seals[`${table.name}:${rowKey(table, row)}`] = rowHash(table, row)
    }
  }
  return seals
}

/** The column that names a row to the user, per table (for the record named in a finding). */
const LABELS: Record<string, string> = {
  events: 'title',
  evidence: 'file_name',
  organizations: 'name',
  refs: 'value',
  losses: 'description',
  tasks: 'title',
  plan_steps: 'title',
}

function recordRef(db: Database, tables: Map<string, SealedTable>, sealKey: string): RecordRef {
  const table = sealKey.slice(0, sealKey.indexOf(':'))
  const key = sealKey.slice(table.length + 1)
  const sealed = tables.get(table)
  const column = LABELS[table]
  const row = sealed && column ? findRow(db, sealed, key) : undefined
  const label = row?.[column]
  return { table, key, label: typeof label === 'string' ? revealHidden(label) : undefined }
}

export interface SealCheck {
  /** False for a file whose log never sealed its rows (none to compare with). */
  sealed: boolean
  findings: Finding[]
}

const MAX_LISTED = 20

/**
 * Replays the seals stored in the log and compares them with the tables.
 * `states` are the entries' stored seal states, oldest first.
 */
export function checkSeals(db: Database, states: Iterable<{ seq: number; state: SealState }>): SealCheck {
  const expected = new Map<string, { hash: string | null; seq: number }>()
  let sealed = false
  for (const { seq, state } of states) {
    if (state.full) expected.clear()
    sealed = true
    for (const [key, hash] of Object.entries(state.rows)) expected.set(key, { hash, seq })
  }
  if (!sealed) return { sealed, findings: [] }
  const differ: Array<{ key: string; finding: (record: RecordRef) => Finding }> = []
  const actual = sealAllRows(db)
  for (const [key, hash] of Object.entries(actual)) {
    const want = expected.get(key)
    if (!want || want.hash === null) differ.push({ key, finding: (record) => ({ kind: 'record_added', record }) })
    else if (want.hash !== hash) differ.push({ key, finding: (record) => ({ kind: 'record_changed', record, seq: want.seq }) })
  }
  for (const [key, want] of expected) {
    if (want.hash !== null && !(key in actual)) differ.push({ key, finding: (record) => ({ kind: 'record_deleted', record, seq: want.seq }) })
  }
  const tables = new Map(sealedTables(db).map((t) => [t.name, t]))
  const findings = differ.slice(0, MAX_LISTED).map(({ key, finding }) => finding(recordRef(db, tables, key)))
  if (differ.length > MAX_LISTED) findings.push({ kind: 'more_records', count: differ.length - MAX_LISTED })
  return { sealed, findings }
}
