// The interchange format ("kiroku-case", version 5): a case as one JSON
// document plus its evidence files. Ids are local to the document and only
// tie its parts together; file paths are relative to the document's folder.
// Version 2 added the recovery plan's progress (`plan`); version 3 added
// `private` on organisations and losses (events and evidence had it from
// version 1); version 4 added the provider-directory link of organisations
// (`directoryId`), the claim a follow-up records (`claimRuleId`) and the
// police records (`policeRecords`); version 5 the further kinds of fraud a
// plan covers (`plan.moreKinds`). Documents of older versions, which
// cannot have these, are still read, and export writes the lowest version
// that holds the data.
import { z } from 'zod'
import {
  CASE_KINDS,
  CASE_STATUSES,
  CaseInputSchema,
  EventInputSchema,
  EvidenceMetaSchema,
  LossInputSchema,
  OrganizationInputSchema,
  PoliceRecordInputSchema,
  ReferenceInputSchema,
  TaskInputSchema,
  VictimSchema,
  isoDateOrDateTime,
  isoDateTime,
  name,
  text,
} from '../../../../shared/domain'
import { PLAN_LANGS, stepId } from '../../../../shared/plans'
import type { InputIssue } from '../errors'

export const FORMAT_NAME = 'kiroku-case'
/** The highest version export writes (when the data needs it; see VERSION_OF). */
export const FORMAT_VERSION = 5
/**
 * The versions import reads. A Kiroku that reads only version 1 refuses
 * `plan` as an unknown key, and one that reads up to version 2 refuses
 * `private` on an organisation or a loss.
 */
export const READABLE_VERSIONS = [1, 2, 3, 4, 5] as const
/** The first version that has each addition. */
export const VERSION_OF = { plan: 2, privateOrganizationsAndLosses: 3, directoryAndPolice: 4, planKinds: 5 } as const

const LocalId = z.string().trim().min(1, 'must not be empty').max(100)
/** A blank template field ("") means "not known" rather than an error. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
const optionalDate = blankAsAbsent(isoDateOrDateTime)
const optionalLink = blankAsAbsent(LocalId)

/** A step of the user's own is named custom-N, and only such a step is. */
export const CUSTOM_STEP_ID = /^custom-[1-9][0-9]*$/

const PlanStepSchema = z.strictObject({
  stepId,
  custom: z.boolean().default(false),
  /** As adopted (in the plan's language) or as the user wrote it. */
  title: name(500),
  done: z.boolean().default(false),
  doneAt: blankAsAbsent(isoDateTime),
  hidden: z.boolean().default(false),
  // Stored as the plan code stores it: trimmed, and blank is no note.
  notes: text(20_000)
    .transform((v) => v.trim() || undefined)
    .optional(),
  /** The timeline event that records the step as done. */
  eventId: optionalLink,
})

const PlanSchema = z.strictObject({
  /** The plan adopted: the kind of fraud it is for (not necessarily the case's kind today). */
  kind: z.enum(CASE_KINDS),
  /** Kinds whose steps joined the plan later (version 5). */
  moreKinds: z.array(z.enum(CASE_KINDS)).max(CASE_KINDS.length).optional(),
  /** The version of the plan file it was adopted from. */
  version: z.number().int().positive(),
  lang: z.enum(PLAN_LANGS),
  adoptedAt: isoDateTime,
  /** In the order shown. */
  steps: z.array(PlanStepSchema).max(500),
})

export const DocumentSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(READABLE_VERSIONS),
  case: CaseInputSchema.extend({
    kind: z.enum(CASE_KINDS).default('other'),
    status: z.enum(CASE_STATUSES).default('open'),
    summary: z.string().max(20_000).default(''),
    discoveredAt: optionalDate,
    victim: VictimSchema.default({}),
  }),
  // `private` is left absent rather than defaulted: a version-1 or -2 document must not have it (see checkLinks).
  organizations: z.array(OrganizationInputSchema.extend({ id: LocalId, private: z.boolean().optional() })).default([]),
  events: z
    .array(
      EventInputSchema.extend({
        id: LocalId.optional(),
        organizationId: optionalLink,
        evidenceIds: z.array(LocalId).default([]),
      }),
    )
    .default([]),
  references: z
    .array(ReferenceInputSchema.extend({ organizationId: optionalLink, eventId: optionalLink, issuedAt: optionalDate }))
    .default([]),
  losses: z
    .array(
      LossInputSchema.extend({
        organizationId: optionalLink,
        occurredAt: optionalDate,
        expectedRecoveryAt: optionalDate,
        private: z.boolean().optional(),
      }),
    )
    .default([]),
  evidence: z
    .array(
      EvidenceMetaSchema.extend({
        id: LocalId,
        file: z.string().min(1, 'must name a file'),
        fileName: blankAsAbsent(z.string().max(255)),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits').optional(),
        capturedAt: optionalDate,
      }),
    )
    .default([]),
  tasks: z
    .array(TaskInputSchema.extend({ organizationId: optionalLink, eventId: optionalLink, dueAt: optionalDate }))
    .default([]),
  policeRecords: z
    .array(PoliceRecordInputSchema.extend({ organizationId: optionalLink, eventId: optionalLink }))
    .max(1000)
    .optional(),
  plan: PlanSchema.optional(),
})

export type CaseDocument = z.output<typeof DocumentSchema>
export type CaseDocumentInput = z.input<typeof DocumentSchema>

/** Ids that must be unique and links that must resolve, as JSON-path issues. */
export function checkLinks(doc: CaseDocument): InputIssue[] {
  const issues: InputIssue[] = []
  const idSet = (section: 'organizations' | 'events' | 'evidence') => {
    const seen = new Set<string>()
    doc[section].forEach((item, i) => {
      if (item.id === undefined) return
      if (seen.has(item.id)) issues.push({ path: `$.${section}[${i}].id`, message: `id "${item.id}" is used twice` })
      seen.add(item.id)
    })
    return seen
  }
  const organizations = idSet('organizations')
  const events = idSet('events')
  const evidence = idSet('evidence')
  const check = (ids: Set<string>, what: string, id: string | undefined, path: string) => {
    if (id !== undefined && !ids.has(id)) issues.push({ path, message: `there is no ${what} with id "${id}"` })
  }
  doc.events.forEach((e, i) => {
    check(organizations, 'organization', e.organizationId, `$.events[${i}].organizationId`)
    e.evidenceIds.forEach((id, j) => check(evidence, 'evidence', id, `$.events[${i}].evidenceIds[${j}]`))
  })
  for (const section of ['references', 'losses', 'tasks', 'policeRecords'] as const) {
    doc[section]?.forEach((item, i) => {
      check(organizations, 'organization', item.organizationId, `$.${section}[${i}].organizationId`)
      if ('eventId' in item) check(events, 'event', item.eventId, `$.${section}[${i}].eventId`)
    })
  }
  if (doc.plan) issues.push(...checkPlan(doc.plan, events, doc.version))
  if (doc.version < VERSION_OF.privateOrganizationsAndLosses) {
    for (const section of ['organizations', 'losses'] as const) {
      doc[section].forEach((item, i) => {
        if (item.private !== undefined) {
          issues.push({ path: `$.${section}[${i}].private`, message: `"private" on an organization or a loss is part of format version 3: set "version" to 3` })
        }
      })
    }
  }
  if (doc.version < VERSION_OF.directoryAndPolice) issues.push(...version4Additions(doc))
  if (doc.version < VERSION_OF.planKinds && doc.plan?.moreKinds !== undefined) {
    issues.push({ path: '$.plan.moreKinds', message: 'more kinds of fraud in a plan are part of format version 5: set "version" to 5' })
  }
  return issues
}

/** Where a document older than version 4 has what only version 4 can hold. */
function version4Additions(doc: CaseDocument): InputIssue[] {
  const tooNew = (path: string, what: string) => ({ path, message: `${what} is part of format version 4: set "version" to 4` })
  return [
    ...(doc.policeRecords !== undefined ? [tooNew('$.policeRecords', 'a police record')] : []),
    ...doc.organizations.flatMap((o, i) => (o.directoryId !== undefined ? [tooNew(`$.organizations[${i}].directoryId`, 'a directory link')] : [])),
    ...doc.tasks.flatMap((t, i) => (t.claimRuleId !== undefined ? [tooNew(`$.tasks[${i}].claimRuleId`, 'a claim rule on a follow-up')] : [])),
  ]
}

/** The lowest version that holds what `doc` has: a reader of that version can import it. */
export function lowestVersion(doc: Pick<CaseDocumentInput, 'plan' | 'organizations' | 'losses' | 'tasks' | 'policeRecords'>): (typeof READABLE_VERSIONS)[number] {
  if (doc.plan?.moreKinds !== undefined) return VERSION_OF.planKinds
  const version4 =
    doc.policeRecords !== undefined ||
    (doc.organizations ?? []).some((o) => o.directoryId !== undefined) ||
    (doc.tasks ?? []).some((t) => t.claimRuleId !== undefined)
  if (version4) return VERSION_OF.directoryAndPolice
  if ([...(doc.organizations ?? []), ...(doc.losses ?? [])].some((item) => item.private !== undefined)) return VERSION_OF.privateOrganizationsAndLosses
  return doc.plan ? VERSION_OF.plan : 1
}

/** What the plan section's shape cannot say: its version, unique steps, and steps that agree with themselves. */
function checkPlan(plan: NonNullable<CaseDocument['plan']>, events: Set<string>, version: number): InputIssue[] {
  if (version < VERSION_OF.plan) {
    return [{ path: '$.plan', message: 'a plan is part of format version 2: set "version" to 2' }]
  }
  const issues: InputIssue[] = []
  const kinds = [plan.kind, ...(plan.moreKinds ?? [])]
  kinds.forEach((kind, i) => {
    if (kinds.indexOf(kind) < i) issues.push({ path: `$.plan.moreKinds[${i - 1}]`, message: `the plan already covers "${kind}"` })
  })
  const seen = new Set<string>()
  plan.steps.forEach((step, i) => {
    const at = `$.plan.steps[${i}]`
    if (seen.has(step.stepId)) issues.push({ path: `${at}.stepId`, message: `step "${step.stepId}" is listed twice` })
    seen.add(step.stepId)
    if (step.custom !== CUSTOM_STEP_ID.test(step.stepId)) {
      issues.push({
        path: `${at}.stepId`,
        message: step.custom ? 'a step of the user\'s own is named custom-N (custom-1, custom-2…)' : 'custom-N names only a step of the user\'s own ("custom": true)',
      })
    }
    if (!step.done) {
      if (step.doneAt !== undefined) issues.push({ path: `${at}.doneAt`, message: 'only a step that is done has a doneAt' })
      if (step.eventId !== undefined) issues.push({ path: `${at}.eventId`, message: 'only a step that is done is recorded by an event' })
    } else if (step.eventId !== undefined && !events.has(step.eventId)) {
      issues.push({ path: `${at}.eventId`, message: `there is no event with id "${step.eventId}"` })
    }
  })
  return issues
}
