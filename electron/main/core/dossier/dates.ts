// Dates as the dossier prints them. A moment is shown as the wall-clock time
// the user entered, in the zone they entered it (a call at 10:15 in Tokyo
// stays 10:15 whatever the machine's zone). Japan time (+09:00) is not marked
// on each time: the document says 日本時間 / JST once (isJapanTime tells
// where it is needed); any other offset is marked on its time. A day has no
// time. Japanese-era dates use ICU's Japanese calendar (平成30年10月12日), as
// police paperwork often does.

export type Lang = 'ja' | 'en'
export type Era = 'western' | 'japanese'

export interface DateStyle {
  lang: Lang
  era: Era
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

// The Japanese calendar follows the Gregorian one from Meiji 6 (1873); earlier
// days would come out in a pre-modern era, so those stay western.
const FIRST_ERA_YEAR = 1873

function day(y: number, m: number, d: number, style: DateStyle): string {
  const utc = new Date(Date.UTC(y, m - 1, d))
  utc.setUTCFullYear(y) // Date.UTC maps years below 100 to 19xx
  if (style.era === 'japanese' && y >= FIRST_ERA_YEAR) {
    const locale = style.lang === 'ja' ? 'ja-JP-u-ca-japanese' : 'en-US-u-ca-japanese'
    const era = new Intl.DateTimeFormat(locale, { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utc)
    return style.lang === 'ja' ? era : `${era} (${y})`
  }
  if (style.lang === 'ja') return `${y}年${m}月${d}日`
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utc)
}

export const JAPAN_OFFSET = '+09:00'

/** Whether the value is a moment in Japan time (its time is printed without a zone). */
export function isJapanTime(value: string | undefined): boolean {
  const m = value ? ISO.exec(value) : null
  return !!m && m[4] !== undefined && m[6] === JAPAN_OFFSET
}

/**
 * "2018-10-12" → the day; "2018-10-12T21:04+09:00" → the day and 21:04 (Japan
 * time, said once elsewhere); another offset is written on the time: 12:04 (UTC),
 * 08:30 (UTC-05:00).
 */
export function formatDate(value: string | undefined, style: DateStyle, withTime = true): string {
  if (!value) return ''
  const m = ISO.exec(value)
  if (!m) return value
  const [, y, mo, d, hh, mm, offset] = m
  const date = day(Number(y), Number(mo), Number(d), style)
  if (!withTime || hh === undefined) return date
  if (offset === JAPAN_OFFSET) return `${date} ${hh}:${mm}`
  const zone = offset === 'Z' || offset === '+00:00' ? 'UTC' : `UTC${offset}`
  return style.lang === 'ja' ? `${date} ${hh}:${mm}（${zone}）` : `${date} ${hh}:${mm} (${zone})`
}
