// A small mapper between an entity's camelCase fields and its table's
// snake_case columns, with the create/read/update/delete every entity shares.
// Each write validates its input, checks the ids it refers to, and appends
// to the audit log in the same transaction.
import type { z } from 'zod'
import type { Connection } from '../casefile/connection'
import { appendAudit } from '../casefile/audit'
import { InvalidInputError, NotFoundError, issuesFromZod } from '../errors'

/** Tables another entity may point at, by the field that holds the id. */
const REFERENCED_TABLES: Record<string, { table: string; what: string }> = {
  organizationId: { table: 'organizations', what: 'organization' },
  eventId: { table: 'events', what: 'event' },
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw new InvalidInputError(issuesFromZod(result.error.issues))
  return result.data
}

export function assertReferencesExist(db: Connection, record: Record<string, unknown>): void {
  const issues = []
  for (const [field, target] of Object.entries(REFERENCED_TABLES)) {
    const id = record[field]
    if (id === undefined || id === null) continue
    const found = db.prepare(`SELECT 1 FROM ${target.table} WHERE id = ?`).get(id)
    if (!found) issues.push({ path: `$.${field}`, message: `there is no ${target.what} with id ${id}` })
  }
  if (issues.length) throw new InvalidInputError(issues)
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export interface TableSpec<S extends z.ZodObject> {
  table: string
  /** Name used in the audit log and in messages. */
  entity: string
  schema: S
  /** Fields stored as 0/1. */
  booleans?: ReadonlyArray<keyof z.output<S>>
}

export type Row = Record<string, unknown>

export class Table<S extends z.ZodObject, R extends { id: number } = z.output<S> & { id: number }> {
  readonly fields: string[]
  private readonly selectList: string
  private readonly booleans: Set<string>

  constructor(
    protected readonly db: Connection,
    readonly spec: TableSpec<S>,
  ) {
    this.fields = Object.keys(spec.schema.shape).filter((f) => f !== 'evidenceIds')
    this.selectList = ['id', ...this.fields].map((f) => `${snake(f)} AS ${f}`).join(', ')
    this.booleans = new Set((spec.booleans ?? []) as string[])
  }

  toRecord = (row: Row): R => {
    const record: Row = {}
    for (const [key, value] of Object.entries(row)) {
      if (value === null) continue
      record[key] = this.booleans.has(key) ? value === 1 : value
    }
    return record as R
  }

  private toParams(record: Row): Row {
    const params: Row = {}
    for (const field of this.fields) {
      const value = record[field]
      params[field] = value === undefined ? null : typeof value === 'boolean' ? Number(value) : value
    }
    return params
  }

  protected query(where = '', order = 'ORDER BY id', extraSelect = ''): string {
    return `SELECT ${this.selectList}${extraSelect} FROM ${this.spec.table} ${where} ${order}`
  }

  get(id: number): R {
    const record = this.find(id)
    if (!record) throw new NotFoundError(this.spec.entity, id)
    return record
  }

  /** The record, or undefined when there is none with this id (deleted meanwhile). */
  find(id: number): R | undefined {
    const row = this.db.prepare(this.query('WHERE id = ?', '')).get(id) as Row | undefined
    return row && this.toRecord(row)
  }

  list(): R[] {
    return (this.db.prepare(this.query()).all() as Row[]).map(this.toRecord)
  }

  /** Inserts already-validated values plus extra columns (e.g. sort keys). */
  protected insertRow(record: Row, extra: Row = {}): number {
    const params = { ...this.toParams(record), ...extra }
    const columns = Object.keys(params)
    const result = this.db
      .prepare(
        `INSERT INTO ${this.spec.table} (${columns.map(snake).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      .run(params)
    return Number(result.lastInsertRowid)
  }

  protected updateRow(id: number, record: Row, extra: Row = {}): void {
    const params = { ...this.toParams(record), ...extra }
    const assignments = Object.keys(params).map((c) => `${snake(c)} = @${c}`)
    const result = this.db
      .prepare(`UPDATE ${this.spec.table} SET ${assignments.join(', ')} WHERE id = @id`)
      .run({ ...params, id })
    if (result.changes === 0) throw new NotFoundError(this.spec.entity, id)
  }

  create(input: unknown): R {
    const record = parseInput(this.spec.schema, input) as Row
    return this.db.transaction(() => {
      assertReferencesExist(this.db, record)
      const id = this.insertRow(record)
      appendAudit(this.db, this.spec.entity, id, 'create', record)
      return this.get(id)
    })()
  }

  update(id: number, input: unknown): R {
    const record = parseInput(this.spec.schema, input) as Row
    return this.db.transaction(() => {
      assertReferencesExist(this.db, record)
      this.updateRow(id, record)
      appendAudit(this.db, this.spec.entity, id, 'update', record)
      return this.get(id)
    })()
  }

  delete(id: number): void {
    this.db.transaction(() => {
      const result = this.db.prepare(`DELETE FROM ${this.spec.table} WHERE id = ?`).run(id)
      if (result.changes === 0) throw new NotFoundError(this.spec.entity, id)
      appendAudit(this.db, this.spec.entity, id, 'delete', null)
    })()
  }
}
