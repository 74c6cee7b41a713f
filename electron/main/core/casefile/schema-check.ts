// The file's schema against the one Kiroku builds: a trigger planted behind
// Kiroku's back (one that multiplies every amount written from then on), a
// guard dropped (the trigger that keeps evidence originals unchanged), an
// added table or index. Rows can be sealed; the code that will write the
// next rows cannot, so it is compared with a schema made afresh in memory by
// the same migrations.
import type { Database } from 'better-sqlite3-multiple-ciphers'
import type { Finding } from './findings'
import { migrate } from './migrations'

interface SchemaObject {
  type: string
  name: string
  sql: string | null
}

/** Kiroku's own search index keeps tables whose definitions SQLite writes itself. */
const SQLITE_OWN = /^(sqlite_.*|search_index_(data|idx|content|docsize|config))$/

function objects(db: Database): Map<string, SchemaObject> {
  const rows = db.prepare('SELECT type, name, sql FROM main.sqlite_schema ORDER BY name').all() as SchemaObject[]
  return new Map(rows.filter((o) => !SQLITE_OWN.test(o.name)).map((o) => [o.name, { ...o, sql: o.sql?.replace(/\s+/g, ' ').trim() ?? null }]))
}

export function schemaFindings(db: Database, options: { nativeBinding?: string } = {}): Finding[] {
  const Connection = db.constructor as new (file: string, options: { nativeBinding?: string }) => Database
  const reference = new Connection(':memory:', { nativeBinding: options.nativeBinding })
  let expected: Map<string, SchemaObject>
  try {
    migrate(reference)
    expected = objects(reference)
  } finally {
    reference.close()
  }
  const findings: Finding[] = []
  const actual = objects(db)
  for (const [name, object] of actual) {
    const want = expected.get(name)
    if (!want) findings.push({ kind: 'schema_added', type: object.type, name })
    else if (want.type !== object.type || want.sql !== object.sql) findings.push({ kind: 'schema_changed', type: object.type, name })
  }
  for (const [name, object] of expected) {
    if (!actual.has(name)) findings.push({ kind: 'schema_missing', type: object.type, name })
  }
  return findings
}
