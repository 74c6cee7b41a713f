// Dates as the case file keeps them: a moment is ISO 8601 with the offset the
// user had (2018-10-13T10:00+09:00), a day is 2018-11-15. The UI edits a
// moment as a local date-time plus that offset, and never converts it to UTC,
// so "10:00 in Tokyo" stays 10:00 whatever this computer's time zone.

import { localDay, localOffset } from '../../../shared/dates'

export { dayOf, localDay, localOffset } from '../../../shared/dates'

const pad = (n: number) => String(n).padStart(2, '0')

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number)
  return localDay(new Date(y, m - 1, d + days))
}

export interface LocalMoment {
  /** The value of an <input type="datetime-local">: 2018-10-13T10:00 */
  local: string
  /** +09:00, -05:00 or Z */
  offset: string
}

export function nowMoment(at: Date = new Date()): LocalMoment {
  return { local: `${localDay(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}`, offset: localOffset(at) }
}

const MOMENT_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:\d{2})$/

export function splitMoment(iso: string): LocalMoment {
  const match = MOMENT_RE.exec(iso)
  return match ? { local: match[1], offset: match[2] } : nowMoment()
}

export function joinMoment({ local, offset }: LocalMoment): string {
  return `${local}${offset.trim()}`
}

export const OFFSET_PATTERN = '^(Z|[+\\-](0\\d|1[0-4]):[0-5]\\d)$'

/** 10:00 from 2018-10-13T10:00:00+09:00 */
export const timeOf = (iso: string) => iso.slice(11, 16)

/** The offset written with a moment, or '' for a bare day. */
export const offsetOf = (iso: string) => MOMENT_RE.exec(iso)?.[2] ?? ''

/** An empty date input means "not known": the field is left out. */
export const optionalDay = (value: string): string | undefined => (value.trim() ? value.trim() : undefined)

/** Shows a day in the reader's language: 2018年10月13日(土) / Sat, 13 Oct 2018. */
export function formatDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number)
  if (!y || !m || !d) return day
  const date = new Date(Date.UTC(y, m - 1, d))
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(date)
}
