// Handlers of the plan channels (shared/ipc/plan-contract.ts): recovery
// plans, their progress, and preparation sheets. Spread into createHandlers.
import { stepDoneTitle, stepTitle } from '../../../shared/plans'
import type { planChannels } from '../../../shared/ipc/plan-contract'
import { KirokuError, planLibrary, writePrepSheetFile, type CaseFile } from '../core'
import type { Platform, SaveKind } from './handlers'
import type { Handlers } from './router'

export type PlanChannel = keyof typeof planChannels

/** `chooseOutput`: the save dialog (suggesting the case title + suffix), refusing the open case file itself. */
export function planHandlers(
  cf: () => CaseFile,
  platform: Pick<Platform, 'plansDir'>,
  chooseOutput: (kind: SaveKind, suffix?: string) => Promise<string | undefined>,
): Pick<Handlers, PlanChannel> {
  const library = () => planLibrary(platform.plansDir)
  return {
    'plans:library': ({ lang }) => library().get(lang),
    'plan:get': () => cf().plan.get(),
    'plan:adopt': ({ kind, lang }) => cf().plan.adopt(library().get(lang), kind),
    'plan:addKind': ({ kind, lang }) => cf().plan.addKind(library().get(lang), kind),
    'plan:setDone': ({ lang, ...input }) => {
      const plan = cf().plan.get()
      if (!plan) throw new KirokuError('not_found', 'This case has no recovery plan yet.')
      const step = plan.steps.find((s) => s.id === input.id)
      const file = library().get(lang)
      return cf().plan.setDone(input, stepDoneTitle(file, step ? stepTitle(file, plan, step) : ''))
    },
    'plan:updateStep': (input) => cf().plan.update(input),
    'plan:addStep': (input) => cf().plan.addStep(input),
    'plan:deleteStep': ({ id }) => cf().plan.deleteStep(id),

    // The main process asks where to save, so the page can never name a path to write.
    'prep:create': async ({ organizationId, for: audience, lang }) => {
      const file = library().get(lang)
      const path = await chooseOutput('dossier', ` - ${file.prep[audience].title}`)
      if (!path) return undefined
      const written = await writePrepSheetFile(cf(), path, { for: audience, lang, organization: organizationId?.toString(), library: library() }, { overwrite: true })
      return { path, ...written }
    },
  }
}
