// The provider directory: who handles what, how to reach them, and the rules
// that decide whether money or points come back (claim windows and what must
// be done first). It is data (resources/directory/directory.json); this
// schema checks it. Every contact and every rule carries the page it was
// read from and the day it was checked, because these rules change and a
// victim must be told how old the knowledge is.
import { z } from 'zod'
import { ORGANIZATION_ROLES } from './domain'

export const DIRECTORY_FORMAT = 'kiroku-directory'

/** A rule checked longer ago than this is shown as possibly out of date. */
export const RULE_FRESH_DAYS = 365

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const day = z.string().regex(DAY, 'a day is YYYY-MM-DD')
const line = z.string().trim().min(1).max(300)
const paragraph = z.string().trim().min(1).max(1500)

/** Both languages, always: the UI and every document are ja or en. */
const Localized = <T extends z.ZodType>(value: T) => z.strictObject({ ja: value, en: value })

/** Where a fact was read, and when: the address exactly as read (a few official pages are only served over http). */
export const SourceSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  /** The day the fact was confirmed at that page. */
  checked: day,
})

export const ContactSchema = z.strictObject({
  label: Localized(line),
  phone: z.string().regex(/^(#\d{3,4}|\d[\d-]{1,14}\d)$/, 'a phone number is digits and hyphens, or #NNNN').optional(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  hours: Localized(line).optional(),
  source: SourceSchema,
})

/**
 * What must be done before a claim is accepted. Kiroku can see the first two
 * in the case (a police record with its number); the others are conditions
 * the victim is reminded to confirm.
 */
export const PREREQUISITES = [
  /** A 被害届 accepted by the police, with its 受理番号. */
  'police_report',
  /** The police consulted (相談), with its 相談受理番号 or date. */
  'police_consultation',
  'card_cancelled',
  'password_changed',
  'two_step_enabled',
  /** Only one claim in a period (e.g. once a year). */
  'once_per_period',
  /** Not used by family or someone living with the victim. */
  'not_family',
] as const
export type Prerequisite = (typeof PREREQUISITES)[number]

/** The day a claim window counts from. */
export const WINDOW_STARTS = ['loss', 'discovery', 'report'] as const
export type WindowStart = (typeof WINDOW_STARTS)[number]

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
  title: Localized(line),
  /** What the rule says, in our own words. */
  summary: Localized(paragraph),
  /** Apply within `days` of the day it counts `from`; absent when the rule sets no window. */
  window: z.strictObject({ days: z.number().int().min(1).max(3650), from: z.enum(WINDOW_STARTS) }).optional(),
  prerequisites: z.array(z.enum(PREREQUISITES)).max(PREREQUISITES.length).default([]),
  howToApply: Localized(paragraph),
  source: SourceSchema,
})

export const DirectoryEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
  role: z.enum(ORGANIZATION_ROLES),
  /** The first name is the one shown; all are matched against an organisation's name. */
  names: Localized(z.array(line).min(1).max(12)),
  formerNames: z.array(z.strictObject({ name: line, until: day, source: SourceSchema })).max(5).default([]),
  /** Names that contain one of this entry's names but belong to someone else (楽天カード is not 楽天ペイ). */
  notNames: z.array(line).max(20).default([]),
  /** Who handles what, told apart from the parties a victim confuses it with. */
  handles: Localized(paragraph),
  contacts: z.array(ContactSchema).max(12).default([]),
  rules: z.array(RuleSchema).max(12).default([]),
})

export const DirectoryFileSchema = z
  .strictObject({
    format: z.literal(DIRECTORY_FORMAT),
    version: z.number().int().positive(),
    entries: z.array(DirectoryEntrySchema).min(1).max(200),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    for (const [index, entry] of file.entries.entries()) {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: `duplicate id ${entry.id}` })
      seen.add(entry.id)
      for (const rule of entry.rules) {
        if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['entries', index, 'rules'], message: `duplicate id ${rule.id}` })
        seen.add(rule.id)
      }
    }
  })

export type DirectoryFile = z.output<typeof DirectoryFileSchema>
export type DirectoryEntry = z.output<typeof DirectoryEntrySchema>
export type DirectoryRule = z.output<typeof RuleSchema>
export type DirectorySource = z.output<typeof SourceSchema>

/** A name folded for matching: NFKC, lower case, without spaces or punctuation (ＰａｙＰａｙ株式会社 → paypay株式会社). */
const fold = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')

/**
 * The directory entry an organisation's name suggests, if one name of an
 * entry (current or former) appears in it: "PayPay株式会社 カスタマーサポート"
 * suggests PayPay. The longest name wins, so "PayPayカード" is not PayPay.
 * Only a suggestion: the user confirms or changes it.
 */
export function suggestEntry(directory: DirectoryFile, organizationName: string): DirectoryEntry | undefined {
  const folded = fold(organizationName)
  let best: { entry: DirectoryEntry; length: number } | undefined
  for (const entry of directory.entries) {
    if (entry.notNames.some((n) => folded.includes(fold(n)))) continue
    for (const name of [...entry.names.ja, ...entry.names.en, ...entry.formerNames.map((f) => f.name)]) {
      const candidate = fold(name)
      if (candidate.length >= 2 && folded.includes(candidate) && candidate.length > (best?.length ?? 0)) best = { entry, length: candidate.length }
    }
  }
  return best?.entry
}

/** How each prerequisite reads in a sentence ("still missing: …", "confirm: …"). */
export const PREREQUISITE_TEXT: Record<Prerequisite, { ja: string; en: string }> = {
  police_report: { ja: '被害届の受理番号', en: 'the police receipt number (受理番号) of a damage report' },
  police_consultation: { ja: '警察への相談の記録（相談受理番号または相談日）', en: 'a record of consulting the police (its number or date)' },
  card_cancelled: { ja: 'カードの利用停止', en: 'the card stopped' },
  password_changed: { ja: 'パスワードの変更', en: 'the password changed' },
  two_step_enabled: { ja: '二段階認証の設定', en: 'two-step verification turned on' },
  once_per_period: { ja: '申請は一定期間に1回まで（前回の申請日）', en: 'one claim per period (the date of any earlier claim)' },
  not_family: { ja: '家族や同居人による利用ではないこと', en: 'not used by family or someone living with you' },
}

/** The day a window counts from, as a phrase ("within 60 days of …"). */
export const WINDOW_START_TEXT: Record<WindowStart, { ja: string; en: string }> = {
  loss: { ja: '被害の発生日', en: 'the day of the loss' },
  discovery: { ja: '被害に気付いた日', en: 'the day it was discovered' },
  report: { ja: '事業者に連絡した日', en: 'the day it was reported to them' },
}
