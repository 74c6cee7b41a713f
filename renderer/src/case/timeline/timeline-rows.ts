// The timeline as rows for the virtual list: a heading for each day, then
// that day's events. Events come sorted by their moment in UTC; the day shown
// is the date part as the user wrote it (with their offset), so a call at
// 01:00+09:00 is under the Japanese date it happened on.
import type { EventKind, TimelineEvent } from '../../../../shared/domain'
import { dayOf } from '../../lib/dates'

export type TimelineRow =
  | { type: 'day'; key: string; day: string; count: number }
  | { type: 'event'; key: number; event: TimelineEvent }

/** Fixed heights keep windowing exact and cheap with 10,000 events. */
export const ROW_HEIGHT: Record<TimelineRow['type'], number> = { day: 44, event: 112 }

export const rowHeight = (row: TimelineRow) => ROW_HEIGHT[row.type]
export const rowKey = (row: TimelineRow) => row.key

export function timelineRows(events: readonly TimelineEvent[]): TimelineRow[] {
  const rows: TimelineRow[] = []
  let current: Extract<TimelineRow, { type: 'day' }> | undefined
  for (const event of events) {
    const day = dayOf(event.occurredAt)
    // Events with different offsets can interleave days; a day then gets a
    // second heading rather than events shown out of order.
    if (!current || current.day !== day) {
      current = { type: 'day', key: `day-${day}-${rows.length}`, day, count: 0 }
      rows.push(current)
    }
    current.count++
    rows.push({ type: 'event', key: event.id, event })
  }
  return rows
}

export interface TimelineFilter {
  kind?: EventKind
  organizationId?: number
  /** Events found by the search box; undefined when not searching. */
  matchingIds?: ReadonlySet<number>
}

export function filterEvents(events: readonly TimelineEvent[], filter: TimelineFilter): readonly TimelineEvent[] {
  const { kind, organizationId, matchingIds } = filter
  if (!kind && organizationId === undefined && !matchingIds) return events
  return events.filter(
    (e) =>
      (!kind || e.kind === kind) &&
      (organizationId === undefined || e.organizationId === organizationId) &&
      (!matchingIds || matchingIds.has(e.id)),
  )
}
