// What the plan's buttons do: each change goes through the main process and
// then re-reads what it touched (a tick adds or removes a timeline note).
import type { PlanLang, PlanStepState, PrepAudience } from '../../../../shared/plans'
import type { CaseKind, Task } from '../../../../shared/domain'
import { call } from '../../ipc'
import { joinMoment, nowMoment } from '../../lib/dates'
import { withoutId } from '../../lib/records'
import { reload } from '../../state/case-actions'
import { useSession } from '../../state/session'

export async function setStepDone(step: PlanStepState, done: boolean, lang: PlanLang, eventId?: number): Promise<void> {
  await call('plan:setDone', { id: step.id, done, lang, at: done ? joinMoment(nowMoment()) : undefined, eventId })
  await reload('plan', 'events')
}

export async function updateStep(input: { id: number; hidden?: boolean; notes?: string; title?: string }): Promise<void> {
  await call('plan:updateStep', input)
  await reload('plan')
}

export async function addStep(title: string, afterId?: number): Promise<void> {
  await call('plan:addStep', { title, afterId })
  await reload('plan')
}

export async function deleteStep(id: number): Promise<void> {
  await call('plan:deleteStep', { id })
  await reload('plan')
}

export async function adoptPlan(kind: CaseKind, lang: PlanLang): Promise<void> {
  await call('plan:adopt', { kind, lang })
  await reload('plan')
}

/** Joins another kind's steps to the plan; how many steps it added. */
export async function addPlanKind(kind: CaseKind, lang: PlanLang): Promise<number> {
  const before = useSession.getState().caseData?.plan?.steps.length
  const plan = await call('plan:addKind', { kind, lang })
  await reload('plan')
  return plan.steps.length - (before ?? plan.steps.length)
}

export async function markFollowUpDone(task: Task): Promise<void> {
  await call('tasks:update', { id: task.id, value: { ...withoutId(task), done: true } })
  await reload('tasks')
}

/** Asks where to save and writes the sheet; the saved path, or undefined when cancelled. */
export async function savePrepSheet(audience: PrepAudience, lang: PlanLang, organizationId?: number): Promise<string | undefined> {
  const written = await call('prep:create', { for: audience, lang, organizationId })
  return written?.path
}
