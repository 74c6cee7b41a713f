// The timeline. Events keep the offset the user typed (occurredAt) and are
// ordered by the same moment in UTC, so 09:30+09:00 sorts before 01:00Z.
import { EventInputSchema, type EventKind, type TimelineEvent } from '../../../../shared/domain'
import type { Connection } from '../casefile/connection'
import { appendAudit } from '../casefile/audit'
import { InvalidInputError } from '../errors'
import { Table, assertReferencesExist, parseInput, type Row } from './table'

export interface TimelineFilter {
  kinds?: EventKind[]
  organizationId?: number
  limit?: number
  offset?: number
  /** 'time' (default) is the timeline; 'creation' is the order events were added. */
  order?: 'time' | 'creation'
}

/** The moment in UTC as text, compared as text by the timeline's index. */
export function utcSortKey(isoWithOffset: string): string {
  const key = new Date(isoWithOffset).toISOString()
  // Text sorts like time only with four-digit years (toISOString writes +010000 past 9999).
  // The schemas' date range keeps every moment inside them; this says so if it ever does not.
  if (!/^\d{4}-/.test(key)) throw new RangeError(`${isoWithOffset} is outside the years the timeline can sort`)
  return key
}

export class Events extends Table<typeof EventInputSchema, TimelineEvent> {
  constructor(db: Connection) {
    super(db, { table: 'events', entity: 'event', schema: EventInputSchema, booleans: ['private'] })
  }

  private evidenceIdsOf(id: number): number[] {
    return this.db
      .prepare('SELECT evidence_id FROM event_evidence WHERE event_id = ? ORDER BY evidence_id')
      .pluck()
      .all(id) as number[]
  }

  private withEvidence = (row: Row): TimelineEvent => {
    const { evidenceList, ...rest } = row
    const event = this.toRecord(rest)
    event.evidenceIds = evidenceList ? String(evidenceList).split(',').map(Number).sort((a, b) => a - b) : []
    return event
  }

  private linkEvidence(id: number, evidenceIds: number[]): void {
    const exists = this.db.prepare('SELECT 1 FROM evidence WHERE id = ?')
    const missing = evidenceIds.filter((e) => !exists.get(e))
    if (missing.length) {
      throw new InvalidInputError(
        missing.map((e) => ({ path: '$.evidenceIds', message: `there is no evidence with id ${e}` })),
      )
    }
    this.db.prepare('DELETE FROM event_evidence WHERE event_id = ?').run(id)
    const link = this.db.prepare('INSERT OR IGNORE INTO event_evidence (event_id, evidence_id) VALUES (?, ?)')
    for (const evidenceId of evidenceIds) link.run(id, evidenceId)
  }

  override get(id: number): TimelineEvent {
    const event = super.get(id)
    event.evidenceIds = this.evidenceIdsOf(id)
    return event
  }

  /** Chronological; filters combine with AND. */
  override list(filter: TimelineFilter = {}): TimelineEvent[] {
    const where: string[] = []
    const params: unknown[] = []
    if (filter.kinds?.length) {
      where.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`)
      params.push(...filter.kinds)
    }
    if (filter.organizationId !== undefined) {
      where.push('organization_id = ?')
      params.push(filter.organizationId)
    }
    const sql = this.query(
      where.length ? `WHERE ${where.join(' AND ')}` : '',
      `ORDER BY ${filter.order === 'creation' ? 'id' : 'occurred_utc, id'} LIMIT ? OFFSET ?`,
      ', (SELECT group_concat(evidence_id) FROM event_evidence WHERE event_id = events.id) AS evidenceList',
    )
    params.push(filter.limit ?? -1, filter.offset ?? 0)
    return (this.db.prepare(sql).all(...params) as Row[]).map(this.withEvidence)
  }

  override create(input: unknown): TimelineEvent {
    const { evidenceIds, ...record } = parseInput(this.spec.schema, input)
    return this.db.transaction(() => {
      assertReferencesExist(this.db, record)
      const id = this.insertRow(record, { occurredUtc: utcSortKey(record.occurredAt) })
      this.linkEvidence(id, evidenceIds)
      appendAudit(this.db, 'event', id, 'create', { ...record, evidenceIds })
      return this.get(id)
    })()
  }

  override update(id: number, input: unknown): TimelineEvent {
    const { evidenceIds, ...record } = parseInput(this.spec.schema, input)
    return this.db.transaction(() => {
      assertReferencesExist(this.db, record)
      this.updateRow(id, record, { occurredUtc: utcSortKey(record.occurredAt) })
      this.linkEvidence(id, evidenceIds)
      appendAudit(this.db, 'event', id, 'update', { ...record, evidenceIds })
      return this.get(id)
    })()
  }
}
