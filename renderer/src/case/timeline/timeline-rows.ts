// The timeline as rows for the virtual list: a heading for each day, then
// that day's events. Events come sorted by their moment in UTC; the day shown
// is the date part as the user wrote it (with their offset), so a call at
// 01:00+09:00 is under the Japanese date it happened on.
import type { EventKind, TimelineEvent } from '../../../../shared/domain'
import type { PlanStepState } from '../../../../shared/plans'
import { dayOf } from '../../lib/dates'

export type TimelineRow =
  | { type: 'day'; key: string; day: string; count: number }
  | { type: 'event'; key: number; event: TimelineEvent }

/** Fixed heights keep windowing exact and cheap with 10,000 events. */
export const ROW_HEIGHT: Record<TimelineRow['type'], number> = { day: 44, event: 112 }
/** A note made by ticking a plan step: one quiet line. */
export const PLAN_TICK_HEIGHT = 56

const LINE_HEIGHT = 21
const LINE_UNITS = 80
const MAX_NOTE_LINES = 18

/** About how many lines a note takes in an expanded row: a kanji counts as two letters. */
export function noteLines(body: string | undefined): number {
  if (!body) return 1
  let lines = 0
  for (const line of body.split('\n')) {
    let units = 0
    for (const ch of line) units += ch.charCodeAt(0) > 0x2e7f ? 2 : 1
    lines += Math.max(1, Math.ceil(units / LINE_UNITS))
  }
  return lines
}

/** An expanded row: the full note (scrolling inside the row past MAX_NOTE_LINES). */
export const expandedHeight = (event: TimelineEvent) => ROW_HEIGHT.event + 12 + Math.min(noteLines(event.body), MAX_NOTE_LINES) * LINE_HEIGHT

export function rowHeightWith(expanded: ReadonlySet<number>, planTicks: ReadonlySet<number>) {
  return (row: TimelineRow): number => {
    if (row.type === 'day') return ROW_HEIGHT.day
    if (expanded.has(row.event.id)) return expandedHeight(row.event)
    return planTicks.has(row.event.id) ? PLAN_TICK_HEIGHT : ROW_HEIGHT.event
  }
}

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

/**
 * The notes made by ticking a plan step: the note a step links to when it is
 * a bare note (kind "note", no organisation, no evidence), as a tick writes
 * it. A call or visit note linked to its step stays a full event.
 */
export function planTickIds(steps: readonly Pick<PlanStepState, 'eventId'>[], events: readonly TimelineEvent[]): ReadonlySet<number> {
  const linked = new Set(steps.flatMap((step) => (step.eventId !== undefined ? [step.eventId] : [])))
  return new Set(events.filter((e) => linked.has(e.id) && e.kind === 'note' && e.organizationId === undefined && e.evidenceIds.length === 0).map((e) => e.id))
}
