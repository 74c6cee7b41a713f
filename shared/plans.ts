// Recovery plans: what a victim should do, in order, per kind of fraud. The
// plans themselves are data (resources/plans/<lang>.json, one file per
// language, versioned); these schemas check those files and describe a
// case's progress through its plan as the case file keeps it.
import { z } from 'zod'
import { CASE_KINDS, ORGANIZATION_ROLES, isoDateTime, name, text, type CaseKind } from './domain'

export const PLAN_FORMAT = 'kiroku-plans'
export const PLAN_LANGS = ['ja', 'en'] as const
export type PlanLang = (typeof PLAN_LANGS)[number]

/** Who a preparation sheet is for. */
export const PREP_AUDIENCES = ['police', 'provider'] as const
export type PrepAudience = (typeof PREP_AUDIENCES)[number]

const line = z.string().trim().min(1).max(500)
const paragraph = z.string().trim().min(1).max(2000)
/** Stable across versions and languages: progress in a case file refers to it. */
export const stepId = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/, 'a step id is lower-case letters, digits and -')

/** What the step's button opens. */
export const PlanActionSchema = z.discriminatedUnion('type', [
  /** A call note, preset to an organisation of this role (or a new one with it). */
  z.strictObject({ type: z.literal('callNote'), role: z.enum(ORGANIZATION_ROLES) }),
  /** Evidence intake (file picker); `caption` suggests what to add. */
  z.strictObject({ type: z.literal('evidence'), caption: line.optional() }),
  /** The one-page preparation sheet (PDF). */
  z.strictObject({ type: z.literal('prepSheet'), for: z.enum(PREP_AUDIENCES) }),
  /** The form for a loss (yen or points): what the police and the dossier ask for first. */
  z.strictObject({ type: z.literal('losses') }),
])

export const PlanStepDefSchema = z.strictObject({
  id: stepId,
  title: line,
  /** Why this matters, in a sentence or two. */
  why: paragraph,
  /** What to have ready. */
  prepare: z.array(line).max(12).default([]),
  action: PlanActionSchema.optional(),
  /**
   * Provider-directory entries that hold, with their sources and the day they
   * were checked, the outside facts the step states (#9110, 188, the relief
   * act for bank transfers); the step shows those sources.
   */
  sources: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,47}$/)).min(1).optional(),
})

export const PlanKindSchema = z.strictObject({
  title: line,
  intro: paragraph,
  steps: z.array(PlanStepDefSchema).min(1).max(30),
})

const onlyFor = z.array(z.enum(CASE_KINDS)).min(1).optional()

/** Case data a question of the preparation sheet can be answered from. */
export const PREP_ANSWERS = ['discovered', 'incident', 'losses', 'contacts', 'police_reference'] as const
export type PrepAnswer = (typeof PREP_ANSWERS)[number]

export const PrepSheetDefSchema = z.strictObject({
  title: line,
  intro: paragraph,
  bring: z.array(z.strictObject({ text: line, kinds: onlyFor })).min(1),
  /** What they will ask; `answer` prints what the case already says. */
  questions: z.array(z.strictObject({ text: line, answer: z.enum(PREP_ANSWERS).optional(), kinds: onlyFor })).min(1),
  /** What to ask them before hanging up or leaving. */
  ask: z.array(z.strictObject({ text: line, kinds: onlyFor })).min(1),
})

export const PlanFileSchema = z.strictObject({
  format: z.literal(PLAN_FORMAT),
  version: z.number().int().positive(),
  lang: z.enum(PLAN_LANGS),
  /** The timeline note made when a step is ticked: {title} is the step's title. */
  stepDone: line.refine((v) => v.includes('{title}'), 'must contain {title}'),
  kinds: z.record(z.enum(CASE_KINDS), PlanKindSchema),
  prep: z.record(z.enum(PREP_AUDIENCES), PrepSheetDefSchema),
})

export type PlanAction = z.output<typeof PlanActionSchema>
export type PlanStepDef = z.output<typeof PlanStepDefSchema>
export type PlanKind = z.output<typeof PlanKindSchema>
export type PrepSheetDef = z.output<typeof PrepSheetDefSchema>
export type PlanFile = z.output<typeof PlanFileSchema>

// A case's progress, as the case file keeps it.
const rowId = z.number().int().positive()

export const PlanStepStateSchema = z.object({
  id: rowId,
  /** The plan's step id, or custom-N for a step the user added. */
  stepId: z.string(),
  custom: z.boolean(),
  /** As adopted (shown when the plan files no longer know the step) or as the user wrote it. */
  title: z.string(),
  done: z.boolean(),
  doneAt: z.string().optional(),
  hidden: z.boolean(),
  notes: z.string().optional(),
  /** The timeline event that records the step as done. */
  eventId: rowId.optional(),
})

export const CasePlanSchema = z.object({
  /** The kind the plan was adopted for. */
  kind: z.enum(CASE_KINDS),
  /** Kinds added later (account takeover and points theft come together): their steps joined the plan. */
  moreKinds: z.array(z.enum(CASE_KINDS)).default([]),
  version: z.number().int(),
  lang: z.enum(PLAN_LANGS),
  adoptedAt: z.string(),
  steps: z.array(PlanStepStateSchema),
})

// Changes to a case's plan (the IPC contract and the core check them).
const stepTitleText = name(500)

export const AdoptPlanSchema = z.strictObject({ kind: z.enum(CASE_KINDS), lang: z.enum(PLAN_LANGS) })
/** Joins the steps of another kind of fraud to the plan (steps it already has are not repeated). */
export const AddPlanKindSchema = AdoptPlanSchema
export const SetStepDoneSchema = z.strictObject({
  id: rowId,
  done: z.boolean(),
  /** When it was done, with the user's offset (default: now, in this computer's offset). */
  at: isoDateTime.optional(),
  /** An event that already records it (e.g. the call note of that step) instead of a new note. */
  eventId: rowId.optional(),
})
export const UpdateStepSchema = z.strictObject({
  id: rowId,
  hidden: z.boolean().optional(),
  notes: text(20_000).optional(),
  /** Only for the user's own steps: a plan step's title comes from the plan. */
  title: stepTitleText.optional(),
})
export const AddStepSchema = z.strictObject({
  title: stepTitleText,
  notes: text(20_000).optional(),
  /** Placed after this step (default: at the end). */
  afterId: rowId.optional(),
})

export type SetStepDone = z.input<typeof SetStepDoneSchema>
export type UpdateStep = z.input<typeof UpdateStepSchema>
export type AddStep = z.input<typeof AddStepSchema>

export type PlanStepState = z.output<typeof PlanStepStateSchema>
export type CasePlan = z.output<typeof CasePlanSchema>

/** The kinds a plan covers, the one it was adopted for first. */
export const planKinds = (plan: Pick<CasePlan, 'kind'> & { moreKinds?: CaseKind[] }): CaseKind[] => [plan.kind, ...(plan.moreKinds ?? [])]

/**
 * The step's definition in a plan file, if the file knows it. A step id means
 * the same step in every kind (consult-police, record-losses); the first kind
 * of the plan that has it gives its wording.
 */
export function stepDefinition(
  file: PlanFile | undefined,
  plan: Pick<CasePlan, 'kind'> & { moreKinds?: CaseKind[] },
  step: Pick<PlanStepState, 'stepId' | 'custom'>,
): PlanStepDef | undefined {
  if (!file || step.custom) return undefined
  for (const kind of planKinds(plan)) {
    const def = file.kinds[kind].steps.find((s) => s.id === step.stepId)
    if (def) return def
  }
  return undefined
}

/** A step's title in the file's language, else as it was adopted or written. */
export function stepTitle(file: PlanFile | undefined, plan: Pick<CasePlan, 'kind'> & { moreKinds?: CaseKind[] }, step: PlanStepState): string {
  return stepDefinition(file, plan, step)?.title ?? step.title
}

/** The timeline note's title for a ticked step, in the file's language. */
export const stepDoneTitle = (file: PlanFile, title: string): string => file.stepDone.replace('{title}', title)
