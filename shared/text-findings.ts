// What a victim would otherwise retype from evidence text (recognised
// screenshot text, mail bodies, PDF text): dates and times, IP addresses and
// amounts in yen or points (#14). A finding is only a suggestion: the page
// offers it as a draft event or loss, and nothing reaches the case until the
// user confirms it.
//
// The text comes from outside (a scammer's mail, a 200-page PDF), so every
// pattern is linear: bounded quantifiers, no nested repetition, and a
// lookbehind that refuses to start inside a longer number, so a run of digits
// is tried once per position, never re-split.
// Shared by the main process and the renderer: no Node or DOM APIs.
import { EARLIEST_DAY, LATEST_DAY, LONE_SURROGATE, type EventInput, type LossInput } from './domain'
import { lastAtOrBelow } from './sorted'

interface Place {
  /** The exact matched substring: `text === source.slice(index, index + text.length)`. */
  text: string
  index: number
  /** Zero-based line of the source the finding is on. */
  line: number
  /** That line, trimmed, or about 80 characters of it around the finding. */
  context: string
}

export type MomentFinding = Place & {
  kind: 'moment'
  /** YYYY-MM-DD */
  day: string
  /** HH:MM; seconds are dropped. */
  time?: string
  /** +09:00 when the text says JST or +0900; absent when it says nothing. */
  offset?: string
}
export type IpFinding = Place & { kind: 'ip'; version: 4 | 6; /** IPv6 in its canonical form (RFC 5952). */ address: string }
export type AmountFinding = Place & {
  kind: 'amount'
  value: number
  unit: 'yen' | 'points'
  /** Up to 8 characters before it on its line (残高, a minus sign): what the amount is. */
  precededBy: string
}
export type TextFinding = MomentFinding | IpFinding | AmountFinding

export interface FindOptions {
  /** The year of a date written without one (11月3日, 11/03 03:12); without it such dates are not found. */
  defaultYear?: number
  /**
   * Keep a finding that repeats an earlier one (the same IP on every row of a
   * login history). Drafts need them: each row is its own event or loss.
   */
  keepRepeats?: boolean
}

type Found = { kind: TextFinding['kind']; index: number; end: number; value: Record<string, unknown>; key: string }

const CONTEXT = 80
const pad = (n: number) => String(n).padStart(2, '0')
const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\u3000'

// ---- moments ----------------------------------------------------------------

const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925 }

function realDay(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(2000, m - 1, d))
  date.setUTCFullYear(y)
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  const day = `${y}-${pad(m)}-${pad(d)}`
  // The case refuses days outside its range; a draft must be one it can take.
  return day >= EARLIEST_DAY && day <= LATEST_DAY ? day : undefined
}

// Each date form, with the year it implies. A separator must repeat (2026/11-03
// is not a date) and no digit or dotted digit may follow (a version 2026.1.2.3).
const DATE_FORMS: { re: RegExp; needsYear?: boolean; mayBeFraction?: boolean }[] = [
  { re: /(?<![\w./-])(?<y>\d{4})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d|[/.-]\d)/g },
  { re: /(?<![\w.,/-])(?:(?<y>\d{4})|(?<era>令和|平成|昭和)[ \t]?(?<ey>元|\d{1,2}))[ \t]?年[ \t]?(?<m>\d{1,2})[ \t]?月[ \t]?(?<d>\d{1,2})[ \t]?日/g },
  { re: /(?<![\w.,/-]|[\d年][ \t]?)(?<m>\d{1,2})[ \t]?月[ \t]?(?<d>\d{1,2})[ \t]?日/g, needsYear: true },
  // 11/03 alone may be a fraction or a page: only with a weekday or a time, or starting a row (a card statement's).
  { re: /(?<![\w.,/-])(?<m>\d{1,2})\/(?<d>\d{1,2})(?![\d/]|\.\d)/g, needsYear: true, mayBeFraction: true },
]
const WEEKDAY = /[ \t]{0,2}[(（](?:[月火水木金土日](?:曜日?)?|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?[)）]/y
const CLOCK =
  /(?:T|[ \t]{0,3})(?:(?<ampm>午前|午後)[ \t]?)?(?:(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.\d{1,6})?)?(?![\d:])|(?<hk>\d{1,2})[ \t]?時(?!間)(?:[ \t]?(?<mk>\d{1,2})[ \t]?分(?:[ \t]?\d{1,2}[ \t]?秒)?)?)/y
// A signed number after a time may be the next column (03:12 -1000円), not an offset.
const OFFSET =
  /(?:(?<z>Z)(?![A-Za-z])|[ \t]?(?<sign>[+-])(?<oh>0\d|1[0-4]):?(?<om>[0-5]\d)(?![\d,.]|[ \t]?(?:円|JPY|ポイント|[pP][tT]))|[ \t]?[(（]?(?<zone>JST|UTC|GMT)[)）]?(?![A-Za-z]))/y

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at
  return re.exec(text)
}

function clockAt(text: string, at: number): { time: string; end: number } | undefined {
  const m = sticky(CLOCK, text, at)
  if (!m?.groups) return undefined
  const g = m.groups
  let hour = Number(g.h ?? g.hk)
  const minute = Number(g.mi ?? g.mk ?? 0)
  if (g.ampm) {
    if (hour > 12) return undefined
    hour = (hour % 12) + (g.ampm === '午後' ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || (g.s !== undefined && Number(g.s) > 59)) return undefined
  return { time: `${pad(hour)}:${pad(minute)}`, end: at + m[0].length }
}

function offsetAt(text: string, at: number): { offset: string; end: number } | undefined {
  const m = sticky(OFFSET, text, at)
  if (!m?.groups) return undefined
  const { z, sign, oh, om, zone } = m.groups
  const offset = sign ? `${sign}${oh}:${om}` : zone === 'JST' ? '+09:00' : z || zone ? '+00:00' : undefined
  return offset ? { offset, end: at + m[0].length } : undefined
}

/** Whether only blanks stand between `index` and the start of its line (a statement row's date). */
function startsRow(text: string, index: number): boolean {
  let i = index
  while (i > 0 && isBlank(text[i - 1])) i--
  return i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r'
}

function* moments(text: string, defaultYear: number | undefined): Generator<Found> {
  for (const form of DATE_FORMS) {
    if (form.needsYear && defaultYear === undefined) continue
    for (const m of text.matchAll(form.re)) {
      const g = m.groups!
      const year = g.era ? ERA_START[g.era] + (g.ey === '元' ? 1 : Number(g.ey)) : g.y ? Number(g.y) : defaultYear!
      const day = realDay(year, Number(g.m), Number(g.d))
      if (!day) continue
      let end = m.index + m[0].length
      const weekday = sticky(WEEKDAY, text, end)
      if (weekday) end += weekday[0].length
      const clock = clockAt(text, end)
      if (form.mayBeFraction && !clock && !weekday && !startsRow(text, m.index)) continue
      const zone = clock && offsetAt(text, clock.end)
      end = zone?.end ?? clock?.end ?? end
      const value = { day, ...(clock && { time: clock.time }), ...(zone && { offset: zone.offset }) }
      yield { kind: 'moment', index: m.index, end, value, key: `${day}T${clock?.time ?? ''}${zone?.offset ?? ''}` }
    }
  }
}

// ---- IP addresses -----------------------------------------------------------

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
// Not inside a longer dotted number (1.2.3.4.5, a version) nor after a word (v1.2.3.4).
const IPV4 = new RegExp(`(?<![\\w.]|(?:version|ver\\.?|バージョン)[ \\t:]{0,2})${OCTET}(?:\\.${OCTET}){3}(?![\\d]|\\.\\d)`, 'gi')
// A candidate only; ipv6() decides. It may follow "IP:" but not a hex digit and a colon (the middle of a longer run).
const IPV6 =
  /(?<=^|[^\w.:]|[^0-9A-Fa-f:]:|[vV]6:)(?=[0-9A-Fa-f]|::)(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{1,4})?(?![\w:]|\.\d)/g
const IPV4_WHOLE = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`)

function hextets(part: string, mayEndInIpv4: boolean): number[] | undefined {
  if (part === '') return []
  const pieces = part.split(':')
  const out: number[] = []
  for (const [i, piece] of pieces.entries()) {
    if (mayEndInIpv4 && i === pieces.length - 1 && IPV4_WHOLE.test(piece)) {
      const [a, b, c, d] = piece.split('.').map(Number)
      out.push((a << 8) | b, (c << 8) | d)
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) out.push(parseInt(piece, 16))
    else return undefined
  }
  return out
}

/** The canonical form (RFC 5952) of a valid IPv6 address, or undefined. */
export function ipv6(candidate: string): string | undefined {
  const halves = candidate.split('::')
  if (halves.length > 2) return undefined
  const compressed = halves.length === 2
  const head = hextets(halves[0], !compressed)
  const tail = compressed ? hextets(halves[1], true) : []
  if (!head || !tail) return undefined
  const given = head.length + tail.length
  if (compressed ? given > 7 : given !== 8) return undefined
  // '::1', 'fe80::1' and '12::34' (a garbled time, more likely) name no machine on the internet.
  if (given < 3 || (head.length === 0 && !candidate.includes('.'))) return undefined
  const groups = [...head, ...Array<number>(8 - given).fill(0), ...tail]
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${groups[6] >> 8}.${groups[6] & 255}.${groups[7] >> 8}.${groups[7] & 255}`
  }
  let best = { at: -1, length: 1 }
  for (let i = 0; i < 8; ) {
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > best.length) best = { at: i, length: j - i }
    i = j === i ? i + 1 : j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best.at < 0) return hex.join(':')
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`
}

function* ips(text: string): Generator<Found> {
  for (const m of text.matchAll(IPV4)) {
    yield { kind: 'ip', index: m.index, end: m.index + m[0].length, value: { version: 4, address: m[0] }, key: m[0] }
  }
  for (const m of text.matchAll(IPV6)) {
    const address = ipv6(m[0])
    if (address) yield { kind: 'ip', index: m.index, end: m.index + m[0].length, value: { version: 6, address }, key: address }
  }
}

// ---- amounts ----------------------------------------------------------------

// Grouping must be by threes (1,23,456円 is no amount); 15 digits stay exact in a double.
const NUMBER = '(?:[1-9]\\d{0,2}(?:,\\d{3}){1,4}|[1-9]\\d{0,14}|0)'
const UNIT = '(?:円|JPY|ポイント|[pP][tT](?![A-Za-z]))'
const AMOUNT_AFTER = new RegExp(
  `(?<![\\d.,])(?:(?<man>[1-9]\\d{0,3})[ \\t]?万[ \\t]?(?<rest>[1-9],\\d{3}|[1-9]\\d{0,3})?|(?<n>${NUMBER}))[ \\t]?(?<unit>${UNIT})`,
  'g',
)
// A bare "P" (12P) may be a page or a size: not an amount.
const AMOUNT_BEFORE = new RegExp(`(?:[¥￥]|(?<![A-Za-z])JPY)[ \\t]?(?<n>${NUMBER})(?!\\d|[.,]\\d)`, 'g')
const digits = (n: string) => Number(n.replaceAll(',', ''))

function* amounts(text: string): Generator<Found> {
  for (const m of text.matchAll(AMOUNT_AFTER)) {
    const g = m.groups!
    const value = g.man ? digits(g.man) * 10_000 + (g.rest ? digits(g.rest) : 0) : digits(g.n)
    const unit = g.unit === '円' || g.unit === 'JPY' ? 'yen' : 'points'
    yield { kind: 'amount', index: m.index, end: m.index + m[0].length, value: { value, unit }, key: `${value} ${unit}` }
  }
  for (const m of text.matchAll(AMOUNT_BEFORE)) {
    const value = digits(m.groups!.n)
    yield { kind: 'amount', index: m.index, end: m.index + m[0].length, value: { value, unit: 'yen' }, key: `${value} yen` }
  }
}

// ---- finding ----------------------------------------------------------------

function lineStarts(text: string): number[] {
  const starts = [0]
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length)
  return starts
}

const lineOf = (starts: number[], index: number): number => lastAtOrBelow(starts, index)

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff

/** A line's bounds without its break and surrounding blanks. */
function trimmedLine(text: string, starts: number[], line: number): [number, number] {
  let from = starts[line]
  let to = line + 1 < starts.length ? starts[line + 1] : text.length
  while (to > from && (text[to - 1] === '\n' || text[to - 1] === '\r' || isBlank(text[to - 1]))) to--
  while (from < to && isBlank(text[from])) from++
  return [from, to]
}

// Works on indices: a 200 KB line with thousands of findings must not be copied for each.
function contextOf(text: string, [lineFrom, lineTo]: [number, number], index: number, length: number): string {
  if (lineTo - lineFrom <= CONTEXT) return text.slice(lineFrom, lineTo)
  let from = Math.max(lineFrom, Math.min(lineTo - CONTEXT, Math.round(index + length / 2 - CONTEXT / 2)))
  let to = from + CONTEXT
  // Never cut a character in two.
  if (from > lineFrom && isHigh(text.charCodeAt(from - 1))) from--
  if (isHigh(text.charCodeAt(to - 1))) to++
  return `${from > lineFrom ? '…' : ''}${text.slice(from, to).trim()}${to < lineTo ? '…' : ''}`
}

/** Characters kept before an amount to tell a balance or money back from what was taken. */
const LABEL_LENGTH = 8
/** A megabyte of `¥1¥1…` is half a million amounts: nobody reviews past this many, and the page stays quick. */
export const MAX_FINDINGS = 5_000

/** Dates with their times, IP addresses and amounts in `text`, in order of appearance (at most MAX_FINDINGS). */
export function findInText(text: string, options: FindOptions = {}): TextFinding[] {
  const year = options.defaultYear
  const defaultYear = Number.isInteger(year) && year! >= 1900 && year! <= 2100 ? year : undefined
  const candidates = [...moments(text, defaultYear), ...ips(text), ...amounts(text)]
  // Where two overlap, the one that starts first wins, then the longer (¥12,000円 is one amount).
  candidates.sort((a, b) => a.index - b.index || b.end - a.end)
  const starts = lineStarts(text)
  const seen = new Set<string>()
  const bounds = new Map<number, [number, number]>()
  const findings: TextFinding[] = []
  let covered = 0
  for (const c of candidates) {
    if (c.index < covered) continue
    covered = c.end
    const key = `${c.kind} ${c.key}`
    if (seen.has(key) && !options.keepRepeats) continue
    seen.add(key)
    const line = lineOf(starts, c.index)
    if (!bounds.has(line)) bounds.set(line, trimmedLine(text, starts, line))
    const matched = text.slice(c.index, c.end)
    const context = contextOf(text, bounds.get(line)!, c.index, matched.length)
    const label = c.kind === 'amount' ? { precededBy: text.slice(Math.max(starts[line], c.index - LABEL_LENGTH), c.index) } : {}
    findings.push({ kind: c.kind, text: matched, index: c.index, line, context, ...c.value, ...label } as TextFinding)
    if (findings.length === MAX_FINDINGS) break
  }
  return findings
}

// ---- drafts -----------------------------------------------------------------

export type Draft =
  | { kind: 'event'; event: EventInput; from: TextFinding[] }
  | { kind: 'loss'; loss: LossInput; from: TextFinding[] }

const LOGIN = /ログイン|サインイン|ログオン|log[ -]?in|sign[ -]?in/i
// A balance, a total or points earned just before the amount is not what was taken. A minus sign says
// nothing either way: points used are written -1,742 in a point history, money back -500 on a statement.
const NOT_TAKEN = /(?:残高|保有|合計|獲得|付与|balance)[^\d]{0,6}$/i
// Brands the case knows by name (shared/amounts.ts); V before T: "Vポイント(旧Tポイント)".
const POINT_BRANDS: [RegExp, string][] = [
  [/Vポイント|V POINT/i, 'Vポイント'],
  [/Tポイント|T-?POINT/i, 'T-POINT'],
  [/Ponta|ポンタ/i, 'Ponta'],
  [/dポイント|d POINT/i, 'd POINT'],
  [/楽天/, '楽天ポイント'],
  [/PayPay/i, 'PayPay'],
]
// The case refuses a broken character; recognised text may hold one.
const wellFormed = (s: string) => s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD')

const unitOf = (a: AmountFinding) =>
  a.unit === 'yen' ? 'JPY' : (POINT_BRANDS.find(([re]) => re.test(a.context))?.[1] ?? 'ポイント')

/**
 * Drafts the user may confirm or discard: an IP address with a dated time on
 * its line is an event (unauthorised access when the line says ログイン), an
 * amount is a loss on the day of its line's date if it has one. The offset is
 * +09:00 unless the text gives one. A line's first moment is the one used.
 * Pass findings found with keepRepeats so each row of a history is its own draft.
 */
export function draftsFromFindings(findings: readonly TextFinding[]): Draft[] {
  const lines = new Map<number, TextFinding[]>()
  for (const f of findings) {
    if (lines.has(f.line)) lines.get(f.line)!.push(f)
    else lines.set(f.line, [f])
  }
  const drafts: Draft[] = []
  const seen = new Set<string>()
  const add = (draft: Draft) => {
    // Per line: two equal rows (two 5,000円 charges on one day) are two losses.
    const key = `${draft.from[0].line} ${JSON.stringify(draft.kind === 'event' ? draft.event : draft.loss)}`
    if (!seen.has(key)) drafts.push(draft)
    seen.add(key)
  }
  for (const onLine of lines.values()) {
    const moment = onLine.find((f): f is MomentFinding => f.kind === 'moment')
    const timed = onLine.find((f): f is MomentFinding => f.kind === 'moment' && f.time !== undefined)
    const ip = onLine.find((f): f is IpFinding => f.kind === 'ip')
    // An event needs a time: a day alone would make one up.
    if (timed && ip) {
      const login = LOGIN.test(ip.context)
      const line = wellFormed(ip.context)
      add({
        kind: 'event',
        event: {
          occurredAt: `${timed.day}T${timed.time}:00${timed.offset ?? '+09:00'}`,
          kind: login ? 'unauthorized_access' : 'note',
          title: login ? `ログイン ${ip.address}` : line,
          ...(login && { body: line }),
        },
        from: [timed, ip],
      })
    }
    for (const amount of onLine) {
      if (amount.kind !== 'amount' || amount.value === 0) continue
      if (NOT_TAKEN.test(amount.precededBy)) continue
      add({
        kind: 'loss',
        loss: {
          description: wellFormed(amount.context),
          amount: amount.value,
          unit: unitOf(amount),
          ...(moment && { occurredAt: moment.day }),
        },
        from: moment ? [amount, moment] : [amount],
      })
    }
  }
  return drafts
}

/** Drafts from text directly: every row counts, even one that repeats another's IP or amount. */
export const draftsFromText = (text: string, options: Omit<FindOptions, 'keepRepeats'> = {}): Draft[] =>
  draftsFromFindings(findInText(text, { ...options, keepRepeats: true }))
