// The case domain: one zod schema per entity, shared by the core, the CLI,
// the IPC contract and the renderer. Inputs are what a caller may write;
// records are what the case file gives back (input + id).
import { z } from 'zod'

export const CASE_KINDS = [
  'account_takeover',
  'points_theft',
  'card_fraud',
  'phishing',
  'shopping_scam',
  'other',
] as const
export const CASE_STATUSES = ['open', 'reported', 'awaiting_refund', 'resolved', 'closed'] as const
export const ORGANIZATION_ROLES = [
  'platform',
  'points_operator',
  'police',
  'bank',
  'card_issuer',
  'consumer_center',
  'other',
] as const
export const EVENT_KINDS = [
  'incident',
  'unauthorized_access',
  'unauthorized_use',
  'contact',
  'police_report',
  'refund',
  'note',
] as const
/** A police contact: a consultation (相談), a damage report (被害届), or something else. */
export const POLICE_RECORD_KINDS = ['consultation', 'report', 'other'] as const
export const CHANNELS = ['phone', 'email', 'web', 'in_person', 'letter', 'other'] as const
export const EVIDENCE_MIME_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'application/pdf',
  'text/plain',
  'message/rfc822',
] as const

export type CaseKind = (typeof CASE_KINDS)[number]
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number]
export type EventKind = (typeof EVENT_KINDS)[number]
export type Channel = (typeof CHANNELS)[number]
export type PoliceRecordKind = (typeof POLICE_RECORD_KINDS)[number]
export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number]

const OFFSET = '(Z|[+-](0\\d|1[0-4]):[0-5]\\d)'
const DATE = '\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])'
const TIME = '([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,3})?)?'
const DATE_TIME_RE = new RegExp(`^${DATE}T${TIME}${OFFSET}$`)
const DATE_RE = new RegExp(`^${DATE}$`)

function isRealCalendarDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number)
  const date = new Date(0)
  date.setUTCFullYear(y, m - 1, d) // unlike Date.UTC, keeps years 0–99 as written
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * The days a case's dates may fall on, as written. Any fraud case fits, and
 * every moment stays a four-digit year in UTC whatever its offset: the
 * timeline sorts by that UTC text, and 9999-12-31T23:59-14:00 (year 10000 in
 * UTC) would sort before everything else.
 */
export const EARLIEST_DAY = '1900-01-01'
export const LATEST_DAY = '2100-12-31'
const inRange = (v: string) => v.slice(0, 10) >= EARLIEST_DAY && v.slice(0, 10) <= LATEST_DAY
const range = { message: `must be a date between ${EARLIEST_DAY} and ${LATEST_DAY}` }

// The shapes alone (`abort`: a malformed value gets one message, not two).
const momentShape = z.string().refine((v) => DATE_TIME_RE.test(v) && isRealCalendarDate(v), {
  message: 'expected an ISO 8601 date and time with its offset, e.g. 2018-10-12T09:30:00+09:00',
  abort: true,
})
const dayOrMomentShape = z.string().refine((v) => (DATE_RE.test(v) || DATE_TIME_RE.test(v)) && isRealCalendarDate(v), {
  message: 'expected a date (2018-11-15) or an ISO 8601 date and time with its offset',
  abort: true,
})

/** A moment as the user entered it: ISO 8601 with its UTC offset, kept verbatim. */
export const isoDateTime = momentShape.refine(inRange, range)

/** A day (2018-11-15) or a moment with offset; promises are often only a day. */
export const isoDateOrDateTime = dayOrMomentShape.refine(inRange, range)

/** Half of a UTF-16 surrogate pair on its own: SQLite would store it as U+FFFD, silently. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const wellFormed = { message: 'contains a broken character (a lone UTF-16 surrogate)' }
/** Free text of at most `max` characters, refused if it holds a broken character. */
export const text = (max: number) => z.string().max(max).refine((v) => !LONE_SURROGATE.test(v), wellFormed)
const optionalText = (max: number) => text(max).optional()
/** A trimmed, non-empty name or title of at most `max` characters, refused if it holds a broken character. */
export const name = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max).refine((v) => !LONE_SURROGATE.test(v), wellFormed)
const id = z.number().int().positive()
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const VictimSchema = z.strictObject({
  name: optionalText(200),
  address: optionalText(500),
  phone: optionalText(50),
  email: optionalText(320),
})

export const CaseInputSchema = z.strictObject({
  title: name(200),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  summary: text(20_000),
  discoveredAt: isoDateOrDateTime.optional(),
  victim: VictimSchema,
})

export const OrganizationInputSchema = z.strictObject({
  name: name(200),
  role: z.enum(ORGANIZATION_ROLES),
  phone: optionalText(50),
  email: optionalText(320),
  url: optionalText(2000),
  notes: optionalText(20_000),
  /** The entry of the provider directory (resources/directory) this organisation is; its rules apply to it. */
  directoryId: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/, 'a directory id is lower-case letters, digits and -').optional(),
  /** A private organisation never appears in a dossier, a preparation sheet, a bundle or a shared copy. */
  private: z.boolean().default(false),
})

export const EventInputSchema = z.strictObject({
  occurredAt: isoDateTime,
  kind: z.enum(EVENT_KINDS),
  title: name(500),
  body: optionalText(100_000),
  organizationId: id.optional(),
  representative: optionalText(200),
  channel: z.enum(CHANNELS).optional(),
  durationMinutes: z.number().int().min(0).max(24 * 60).optional(),
  evidenceIds: z.array(id).max(1000).default([]),
  /** Private notes stay out of shared copies. */
  private: z.boolean().default(false),
})

export const ReferenceInputSchema = z.strictObject({
  organizationId: id.optional(),
  label: name(100),
  value: name(200),
  issuedAt: isoDateOrDateTime.optional(),
  eventId: id.optional(),
})

export const LossInputSchema = z.strictObject({
  description: name(1000),
  amount: count,
  unit: name(50),
  occurredAt: isoDateOrDateTime.optional(),
  organizationId: id.optional(),
  recovered: count.default(0),
  expectedRecoveryAt: isoDateOrDateTime.optional(),
  /** A private loss never appears in a dossier, a preparation sheet, a bundle or a shared copy. */
  private: z.boolean().default(false),
})

/** The police as a record: which kind of contact, where, with whom, and the number they gave. */
export const PoliceRecordInputSchema = z.strictObject({
  kind: z.enum(POLICE_RECORD_KINDS),
  occurredAt: isoDateOrDateTime,
  station: name(200),
  section: optionalText(200),
  officer: optionalText(200),
  /** 受理番号 of a 被害届, or 相談受理番号 of a consultation. */
  receiptNumber: optionalText(100),
  organizationId: id.optional(),
  eventId: id.optional(),
})

export const TaskInputSchema = z.strictObject({
  title: name(500),
  dueAt: isoDateOrDateTime.optional(),
  done: z.boolean().default(false),
  organizationId: id.optional(),
  eventId: id.optional(),
  /** Set on the follow-up that records a claim made under this directory rule: its deadline is met. */
  claimRuleId: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'a rule id is lower-case letters, digits and -').optional(),
})

/** What a caller may change about evidence: never the bytes. */
export const EvidenceMetaSchema = z.strictObject({
  caption: optionalText(2000),
  capturedAt: isoDateOrDateTime.optional(),
  /** Private evidence stays out of shared copies. */
  private: z.boolean().default(false),
})

export type Victim = z.infer<typeof VictimSchema>
export type CaseInput = z.infer<typeof CaseInputSchema>
export type OrganizationInput = z.input<typeof OrganizationInputSchema>
export type EventInput = z.input<typeof EventInputSchema>
export type ReferenceInput = z.infer<typeof ReferenceInputSchema>
export type LossInput = z.input<typeof LossInputSchema>
export type TaskInput = z.input<typeof TaskInputSchema>
export type PoliceRecordInput = z.input<typeof PoliceRecordInputSchema>
export type EvidenceMeta = z.input<typeof EvidenceMetaSchema>

// Records as the case file gives them back; also the IPC contract's outputs.
// Their dates are checked for shape only: a file written before the range
// was enforced may hold a year like 2108 (a typo for 2018), and it must
// still open and show it, so that it can be corrected.
const storedDay = dayOrMomentShape.optional()
export const CaseRecordSchema = CaseInputSchema.extend({ updatedAt: z.string(), discoveredAt: storedDay })
export const OrganizationSchema = OrganizationInputSchema.extend({ id })
export const TimelineEventSchema = EventInputSchema.extend({ id, occurredAt: momentShape })
export const ReferenceSchema = ReferenceInputSchema.extend({ id, issuedAt: storedDay })
export const LossSchema = LossInputSchema.extend({ id, occurredAt: storedDay, expectedRecoveryAt: storedDay })
export const TaskSchema = TaskInputSchema.extend({ id, dueAt: storedDay })
export const PoliceRecordSchema = PoliceRecordInputSchema.extend({ id, occurredAt: dayOrMomentShape })
export const EvidenceSchema = EvidenceMetaSchema.extend({
  id,
  capturedAt: storedDay,
  fileName: z.string(),
  mimeType: z.enum(EVIDENCE_MIME_TYPES),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: z.string(),
})

export type CaseRecord = z.output<typeof CaseRecordSchema>
export type Organization = z.output<typeof OrganizationSchema>
export type TimelineEvent = z.output<typeof TimelineEventSchema>
export type Reference = z.output<typeof ReferenceSchema>
export type Loss = z.output<typeof LossSchema>
export type Task = z.output<typeof TaskSchema>
export type PoliceRecord = z.output<typeof PoliceRecordSchema>
export type Evidence = z.output<typeof EvidenceSchema>

export const SEARCH_ENTITIES = ['event', 'reference', 'organization', 'loss', 'evidence', 'police_record'] as const
export type SearchEntity = (typeof SEARCH_ENTITIES)[number]
export const SearchHitSchema = z.object({ entity: z.enum(SEARCH_ENTITIES), id: z.number().int(), text: z.string() })
export type SearchHit = z.output<typeof SearchHitSchema>
