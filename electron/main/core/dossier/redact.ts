// --redact: phone numbers, e-mail addresses, account and card numbers and the
// victim's address are masked except their last 4 characters, so a recipient
// can still tell "the number ending 5678" apart. Reference numbers are never
// masked as account numbers: they are what the recipient needs to find the
// case (but one that is a phone number or an e-mail address is masked).
//
// Numbers are found the way people type them in Japan too: full-width digits
// and letters (０９０－１２３４－５６７８, ｆｏｏ＠ｅｘａｍｐｌｅ．ｊｐ), dashes
// such as ー or － between digits, "Tel.03-…", "番号_09012345678.png", and
// two numbers in a row ("03-1234-5678 090-1234-5678").

const KEEP = 4

/** "090-1234-5678" → "*********5678". Values of 4 characters or fewer stay as they are. */
export function maskTail(value: string): string {
  const chars = [...value]
  return chars.map((c, i) => (i < chars.length - KEEP && !/\s/.test(c) ? '*' : c)).join('')
}

const EMAIL = String.raw`(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w@-])`
// Digits with the separators people type in numbers: 090-1234-5678, +81 3 1234 5678, (03) 1234-5678.
// Not inside a longer token (TP-20181017-0042 is a reference, not an account),
// but after "Tel." or "_" (a file name) it is a number on its own.
const NUMBER = String.raw`(?<![A-Za-z0-9@+-])(?<!\d\.)\+?\(?\d[\d ()-]{5,}\d(?![A-Za-z0-9@-])`
const PATTERN = new RegExp(`(${EMAIL})|(${NUMBER})`, 'g')

/** Dashes people type between digits: ー (a long vowel mark typed by mistake), ‐, –, —, −, ﹣. */
const DASHES = /[\u2010-\u2015\u2212\u30FC\uFE63\uFF70]/

/**
 * The text as the patterns read it, one UTF-16 unit for each (so positions
 * match the original): full-width ASCII as ASCII, the ideographic space as a
 * space, and a dash-like character between two digits as "-".
 */
function fold(text: string): string {
  const ascii = text.split('').map((c) => {
    const code = c.charCodeAt(0)
    if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0)
    return code === 0x3000 ? ' ' : c
  })
  return ascii.map((c, i) => (DASHES.test(c) && /\d/.test(ascii[i - 1] ?? '') && /\d/.test(ascii[i + 1] ?? '') ? '-' : c)).join('')
}

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '')
  return /^(\+|\(?0)/.test(candidate) && digits.length >= 9 && digits.length <= 15
}

function isAccount(candidate: string): boolean {
  // Bank accounts (7 digits in Japan) and card numbers (up to 19). Dates such
  // as 2018-10-12 have separators every 2–4 digits and under 7 digits per group.
  return /^\d{7,19}$/.test(candidate.replace(/[ -]/g, '')) && !/^\d{4}-\d{2}-\d{2}$/.test(candidate)
}

type Range = [start: number, end: number]

/**
 * Where a run of digits holds sensitive numbers. Two numbers typed one after
 * the other read as one run too long to be either: then the longest sensitive
 * run of its space-separated pieces is taken from the left, piece by piece.
 */
function sensitiveNumbers(run: string, start: number, accounts: boolean): Range[] {
  const sensitive = (s: string) => isPhone(s) || (accounts && isAccount(s))
  if (sensitive(run)) return [[start, start + run.length]]
  const pieces = [...run.matchAll(/\S+/g)].map((m) => [m.index!, m.index! + m[0].length] as Range)
  const found: Range[] = []
  for (let i = 0; i < pieces.length; ) {
    let j = pieces.length
    while (j > i && !sensitive(run.slice(pieces[i][0], pieces[j - 1][1]))) j--
    if (j > i) {
      found.push([start + pieces[i][0], start + pieces[j - 1][1]])
      i = j
    } else i++
  }
  return found
}

/** Every occurrence of each of `values` in `text`. */
function occurrences(text: string, values: string[]): Range[] {
  const found: Range[] = []
  for (const value of values) {
    if (!value) continue
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1)) found.push([at, at + value.length])
  }
  return found
}

/** Masks each range (overlapping ones as one) except its last 4 characters. */
function maskRanges(text: string, ranges: Range[]): string {
  const merged: Range[] = []
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1)
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else merged.push([s, e])
  }
  let out = ''
  let at = 0
  for (const [s, e] of merged) {
    out += text.slice(at, s) + maskTail(text.slice(s, e))
    at = e
  }
  return out + text.slice(at)
}

export interface RedactOptions {
  /** The victim's own phone, e-mail and address: masked wherever they occur, even where no pattern would find them. */
  secrets?: string[]
  /** Reference numbers: never masked as account numbers where they occur whole. */
  protect?: string[]
  /** Mask account and card numbers (default true); a reference number's own value masks only phones and e-mail. */
  accounts?: boolean
}

/** The ranges of `text` that redaction masks. */
function sensitiveRanges(text: string, { secrets = [], protect = [], accounts = true }: RedactOptions): Range[] {
  const folded = fold(text)
  const kept = occurrences(folded, protect.map(fold))
  const inside = ([s, e]: Range) => kept.some(([ks, ke]) => ks <= s && e <= ke)
  const ranges = occurrences(folded, secrets.filter((s) => s.trim().length > KEEP).map(fold))
  for (const match of folded.matchAll(PATTERN)) {
    const start = match.index!
    if (match[1]) ranges.push([start, start + match[0].length])
    // An account-like number that is (part of) a reference number stays; a phone number never does.
    else ranges.push(...sensitiveNumbers(match[0], start, accounts).filter((range) => isPhone(folded.slice(...range)) || !inside(range)))
  }
  return ranges
}

/**
 * Masks free text: e-mail addresses, phone numbers, account and card
 * numbers, and `secrets` (the victim's own details) wherever they occur;
 * `protect` (reference numbers) are not taken for account numbers.
 */
export function redactText(text: string, secrets: string[] = [], protect: string[] = []): string {
  return maskRanges(text, sensitiveRanges(text, { secrets, protect }))
}

/** A reference number as printed: only a phone number or an e-mail address in it is masked. */
export function redactReference(value: string, secrets: string[] = []): string {
  return maskRanges(value, sensitiveRanges(value, { secrets, accounts: false }))
}
