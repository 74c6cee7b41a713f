// Dates as the dossier prints them. A moment is shown as the wall-clock time
// the user entered, with the offset they entered (a call at 10:15 in Tokyo
// stays 10:15 +09:00 whatever the machine's zone). Japanese-era dates use
// ICU's Japanese calendar (平成30年10月12日), as police paperwork often does.

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

/** "2018-10-12" or "2018-10-12T21:04+09:00" → the day, plus time and offset when given. */
export function formatDate(value: string | undefined, style: DateStyle, withTime = true): string {
  if (!value) return ''
  const m = ISO.exec(value)
  if (!m) return value
  const [, y, mo, d, hh, mm, offset] = m
  const date = day(Number(y), Number(mo), Number(d), style)
  if (!withTime || hh === undefined) return date
  const zone = offset === 'Z' ? 'UTC' : `UTC${offset}`
  return `${date} ${hh}:${mm} (${zone})`
}
