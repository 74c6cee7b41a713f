// The IPC channels of recovery plans, follow-ups and preparation sheets
// (issue 6), spread into the contract in contract.ts.
import { z } from 'zod'
import {
  AddPlanKindSchema,
  AddStepSchema,
  AdoptPlanSchema,
  CasePlanSchema,
  PLAN_LANGS,
  PlanFileSchema,
  PREP_AUDIENCES,
  SetStepDoneSchema,
  UpdateStepSchema,
} from '../plans'

const id = z.number().int().positive()
const lang = z.enum(PLAN_LANGS)

export const planChannels = {
  /** The plans and preparation-sheet texts of one language (resources/plans/<lang>.json). */
  'plans:library': { input: z.strictObject({ lang }), output: PlanFileSchema },

  /** The open case's plan with its progress; null when it has none. */
  'plan:get': { input: z.undefined(), output: CasePlanSchema.nullable() },
  /** Takes on the plan for a kind (a case has at most one). */
  'plan:adopt': { input: AdoptPlanSchema, output: CasePlanSchema },
  /** Joins the steps of another kind of fraud to the plan (none listed twice). */
  'plan:addKind': { input: AddPlanKindSchema, output: CasePlanSchema },
  /** Ticks or unticks a step; a tick adds a note to the timeline titled in `lang` (or links `eventId`). */
  'plan:setDone': { input: SetStepDoneSchema.extend({ lang }).strict(), output: CasePlanSchema },
  'plan:updateStep': { input: UpdateStepSchema, output: CasePlanSchema },
  'plan:addStep': { input: AddStepSchema, output: CasePlanSchema },
  /** Removes a step the user added (plan steps can only be hidden). */
  'plan:deleteStep': { input: z.strictObject({ id }), output: CasePlanSchema },

  /** Asks where to save (native dialog), then writes the open case's one-page preparation sheet; undefined if cancelled. */
  'prep:create': {
    input: z.strictObject({ for: z.enum(PREP_AUDIENCES), lang, organizationId: id.optional() }),
    output: z.object({ path: z.string(), pages: z.number().int(), bytes: z.number().int() }).optional(),
  },
} as const
