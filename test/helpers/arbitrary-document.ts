// fast-check generators for valid "kiroku-case" documents, with the evidence
// files they point at. Every value obeys shared/domain.ts, so any refusal or
// change on import → export is the core's doing, not the generator's.
//
// Left out on purpose, because the core changes them on import (reported,
// not yet decided): lone UTF-16 surrogates in text (stored as U+FFFD),
// evidence fileName "" or containing "/" or a backslash (stored as "evidence" / its
// last part, on every system), two evidence items with the same bytes
// (merged into one).
import crypto from 'node:crypto'
import fc from 'fast-check'
import {
  CASE_KINDS,
  CASE_STATUSES,
  CHANNELS,
  EARLIEST_DAY,
  EVENT_KINDS,
  LATEST_DAY,
  ORGANIZATION_ROLES,
} from '../../shared/domain'
import { PLAN_LANGS } from '../../shared/plans'
import { TINY_PNG } from './temp'

// Japanese, English, emoji (ZWJ, flags, astral), combining marks and JSON/SQL/format
// metacharacters; each at most 11 UTF-16 units so length limits are easy to respect.
const WORDS = [
  '被害', '不正ログイン', 'ポイント', '返金', '警察署', '受付番号', 'ｶｽﾀﾏｰ', '𠮷野家', '①②',
  'Amazon', 'refund', 'card ****1234', 'O\'Brien', '"quoted"', 'back\\slash', '<b>', '%s', '{}',
  '😀', '👨‍👩‍👧', '🇯🇵', '🙇‍♀️', 'é', 'e\u0301', '¥12,000', '0', '-1', 'null', 'NaN', "'; DROP",
]
const SPACES = [' ', '\u3000', '\n', '\t', '\r\n']

const word = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 5 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), weight: 1 },
)

/** Free text of at most `max` UTF-16 units (what zod's max counts); may be empty or blank. */
export const text = (max: number) =>
  fc
    .array(fc.oneof(word, fc.constantFrom(...SPACES)), { maxLength: Math.max(1, Math.min(8, Math.floor(max / 12))) })
    .map((parts) => parts.join(''))
    .filter((s) => s.length <= max)

/** A required name: at least one non-space character once trimmed. */
export const name = (max: number) =>
  fc
    .tuple(text(max), word, text(max))
    .map(([a, b, c]) => a + b + c)
    .filter((s) => s.trim().length > 0 && s.length <= max)

const two = (n: number) => String(n).padStart(2, '0')

// The whole range the schemas take (EARLIEST_DAY..LATEST_DAY), so its edges meet the extreme offsets.
export const day = fc
  .date({ min: new Date(`${EARLIEST_DAY}T00:00:00Z`), max: new Date(`${LATEST_DAY}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const offset = fc.oneof(
  fc.constantFrom('Z', '+09:00', '-05:30', '+05:45', '+14:00', '-12:00', '+00:00', '-00:00'),
  fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 })).map(
    ([sign, h, m]) => `${sign}${two(h)}:${two(m)}`,
  ),
)

const seconds = fc.option(
  fc.tuple(fc.integer({ min: 0, max: 59 }), fc.option(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.nat(999)))).map(
    ([s, fraction]) => `:${two(s)}${fraction ? `.${String(fraction[1]).padStart(3, '0').slice(0, fraction[0])}` : ''}`,
  ),
  { nil: '' },
)

/** A moment as a user types it: wall-clock time plus its offset. */
export const dateTime = fc
  .tuple(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), seconds, offset)
  .map(([d, h, m, s, o]) => `${d}T${two(h)}:${two(m)}${s}${o}`)

/** An optional date in the document: a day, a moment, or "" (a blank template field, read as absent). */
const optionalDate = fc.oneof(day, dateTime, fc.constant(''))

/** A local id; includes the export's own names (org1, event1) to catch confusion between the two. */
export const localId = fc.oneof(
  fc.constantFrom('org1', 'org2', 'event1', 'evidence1', '1', 'a', ' padded ', '証拠A', '😀'),
  name(100),
)

/** A link to one of `ids` chosen by a random pointer: absent, "" (blank) or an existing id. */
const pointer = fc.option(fc.oneof({ arbitrary: fc.nat(), weight: 3 }, fc.constant(-1)), { nil: undefined })
function resolve(ids: string[], p: number | undefined): string | undefined {
  if (p === undefined || ids.length === 0) return undefined
  return p === -1 ? '' : ids[p % ids.length]
}
/** Drops keys whose value is undefined, so "absent" really is absent in the JSON. */
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T

/** fc.record where only `required` keys are always present. */
const someOf = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T, required: Array<keyof T> = []) =>
  fc.record(model, { requiredKeys: required as never[] })

const caseArb = someOf(
  {
    title: name(200),
    kind: fc.constantFrom(...CASE_KINDS),
    status: fc.constantFrom(...CASE_STATUSES),
    summary: text(20_000),
    discoveredAt: optionalDate,
    victim: someOf({ name: text(200), address: text(500), phone: text(50), email: text(320) }),
  },
  ['title'],
)

const organizationArb = someOf(
  {
    name: name(200),
    role: fc.constantFrom(...ORGANIZATION_ROLES),
    phone: text(50),
    email: text(320),
    url: text(2000),
    notes: text(20_000),
  },
  ['name', 'role'],
)

const eventArb = someOf(
  {
    occurredAt: dateTime,
    kind: fc.constantFrom(...EVENT_KINDS),
    title: name(500),
    body: text(100_000),
    representative: text(200),
    channel: fc.constantFrom(...CHANNELS),
    durationMinutes: fc.integer({ min: 0, max: 24 * 60 }),
  },
  ['occurredAt', 'kind', 'title'],
)

const referenceArb = someOf({ label: name(100), value: name(200), issuedAt: optionalDate }, ['label', 'value'])

const amount = fc.oneof(fc.nat(1_000_000), fc.constant(Number.MAX_SAFE_INTEGER), fc.maxSafeNat())
const lossArb = someOf(
  {
    description: name(1000),
    amount,
    unit: name(50),
    occurredAt: optionalDate,
    recovered: amount,
    expectedRecoveryAt: optionalDate,
  },
  ['description', 'amount', 'unit'],
)

const taskArb = someOf({ title: name(500), dueAt: optionalDate, done: fc.boolean() }, ['title'])

const evidenceArb = fc.record({
  kind: fc.constantFrom('png', 'text'),
  // Random payload; the item's index is added later so no two pieces share bytes
  // (identical bytes are one piece of evidence by design).
  payload: fc.uint8Array({ maxLength: 64 }),
  folder: fc.constantFrom('', './', '証拠/', 'evidence/sub dir/'),
  fileStem: fc.option(name(40).filter((s) => !/[\\/]/.test(s)), { nil: undefined }),
  caption: fc.option(text(2000), { nil: undefined }),
  capturedAt: fc.option(optionalDate, { nil: undefined }),
  withSha256: fc.boolean(),
})

// A plan's step ids: the plan files' own, any other well-formed id, and custom-N for the user's own steps.
const planStepId = fc.oneof(
  fc.constantFrom('secure-account', 'consult-police', 'consult-188', 'stop-card', 'custom-step'),
  fc.stringMatching(/^[a-z][a-z0-9-]{1,47}$/).filter((id) => !/^custom-[1-9][0-9]*$/.test(id)),
  fc.integer({ min: 1, max: 999 }).map((n) => `custom-${n}`),
)

const planStepArb = fc.record({
  stepId: planStepId,
  /** Whether a plan step says "custom": false or leaves it to the default. */
  spellCustom: fc.boolean(),
  title: name(500),
  done: fc.boolean(),
  // "" is a blank field (absent); a step that is not done may only have blank ones.
  doneAt: fc.option(fc.oneof({ arbitrary: dateTime, weight: 4 }, fc.constant('')), { nil: undefined }),
  hidden: fc.option(fc.boolean(), { nil: undefined }),
  notes: fc.option(text(20_000), { nil: undefined }),
  event: pointer,
})

const planArb = fc.record({
  kind: fc.constantFrom(...CASE_KINDS),
  version: fc.integer({ min: 1, max: 1000 }),
  lang: fc.constantFrom(...PLAN_LANGS),
  adoptedAt: dateTime,
  steps: fc.uniqueArray(planStepArb, { maxLength: 6, selector: (s) => s.stepId }),
})

export interface GeneratedDocument {
  doc: Record<string, any>
  /** Evidence files to write, relative to the document's folder. */
  files: Array<{ path: string; bytes: Buffer }>
}

export const documentArb: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    caseInfo: caseArb,
    organizations: fc.uniqueArray(fc.tuple(localId, organizationArb), { maxLength: 4, selector: ([id]) => id.trim() }),
    events: fc.array(fc.tuple(fc.option(localId, { nil: undefined }), eventArb, pointer, fc.array(fc.nat())), { maxLength: 6 }),
    evidence: fc.uniqueArray(fc.tuple(localId, evidenceArb), { maxLength: 3, selector: ([id]) => id.trim() }),
    references: fc.array(fc.tuple(referenceArb, pointer, pointer), { maxLength: 3 }),
    losses: fc.array(fc.tuple(lossArb, pointer), { maxLength: 3 }),
    tasks: fc.array(fc.tuple(taskArb, pointer, pointer), { maxLength: 3 }),
    plan: fc.option(planArb, { nil: undefined, freq: 2 }),
    // Without a plan, either version reads the same.
    plainVersion: fc.constantFrom(1, 2),
  })
  .map((g) => {
    const orgIds = g.organizations.map(([id]) => id)
    const evidenceIds = g.evidence.map(([id]) => id)
    // Event ids are optional but must be unique where present.
    const seen = new Set<string>()
    const eventIds = g.events.map(([id]) => {
      if (id === undefined || seen.has(id.trim())) return undefined
      seen.add(id.trim())
      return id
    })
    const files: GeneratedDocument['files'] = []

    const evidence = g.evidence.map(([id, e], i) => {
      const bytes =
        e.kind === 'png'
          ? Buffer.concat([TINY_PNG, Buffer.from(`#${i}`), e.payload])
          : Buffer.from(`メモ #${i}\n${Buffer.from(e.payload).toString('base64')}\n`)
      const ext = e.kind === 'png' ? '.png' : '.txt'
      const file = `${e.folder}${i}${ext}`
      files.push({ path: file, bytes })
      return defined({
        id,
        file,
        fileName: e.fileStem === undefined ? undefined : e.fileStem + ext,
        sha256: e.withSha256 ? crypto.createHash('sha256').update(bytes).digest('hex') : undefined,
        caption: e.caption,
        capturedAt: e.capturedAt,
      })
    })

    const sections = {
      organizations: g.organizations.map(([id, o]) => ({ id, ...o })),
      events: g.events.map(([, e, org, linked], i) =>
        defined({
          id: eventIds[i],
          ...e,
          organizationId: resolve(orgIds, org),
          evidenceIds: evidenceIds.length ? [...new Set(linked.map((n) => evidenceIds[n % evidenceIds.length]))] : undefined,
        }),
      ),
      references: g.references.map(([r, org, event]) =>
        defined({ ...r, organizationId: resolve(orgIds, org), eventId: resolve(eventIds.filter((x) => x !== undefined), event) }),
      ),
      losses: g.losses.map(([l, org]) => defined({ ...l, organizationId: resolve(orgIds, org) })),
      evidence,
      tasks: g.tasks.map(([t, org, event]) =>
        defined({ ...t, organizationId: resolve(orgIds, org), eventId: resolve(eventIds.filter((x) => x !== undefined), event) }),
      ),
    }
    // An empty section may be left out altogether (the format defaults it to []).
    const present = Object.fromEntries(Object.entries(sections).filter(([, list]) => list.length > 0))
    const plan = g.plan && {
      ...g.plan,
      steps: g.plan.steps.map(({ stepId, spellCustom, done, doneAt, event, ...step }) => {
        const custom = /^custom-[1-9][0-9]*$/.test(stepId)
        return defined({
          stepId,
          custom: custom || spellCustom ? custom : undefined,
          ...step,
          done,
          doneAt: done || doneAt === undefined ? doneAt : '',
          eventId: done ? resolve(eventIds.filter((x) => x !== undefined), event) : undefined,
        })
      }),
    }
    const version = plan ? 2 : g.plainVersion
    return { doc: { format: 'kiroku-case', version, case: g.caseInfo, ...present, ...(plan ? { plan } : {}) }, files }
  })
