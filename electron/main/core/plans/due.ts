// What `kiroku due` prints: the case's open follow-ups with a due date (the
// most overdue first) and what to do next, from the same pure functions the
// overview uses (shared/followups), so the two always agree.
import { dueFollowUps, whatNext, type DueStatus } from '../../../../shared/followups'
import { stepTitle } from '../../../../shared/plans'
import type { CaseFile } from '../casefile/case-file'
import type { PlanLibrary } from './library'

export interface DueEntry {
  id: number
  title: string
  dueAt: string
  status: DueStatus
  /** Days until the due day: negative when late. */
  daysLeft: number
  organizationId?: number
  organization?: string
  eventId?: number
}

export type NextEntry =
  | { type: 'followUp'; taskId: number; title: string; status: DueStatus; daysLeft: number }
  | { type: 'step'; id: number; stepId: string; number: number; title: string }

export interface DueReport {
  /** The day the report is for (YYYY-MM-DD). */
  today: string
  caseTitle: string
  due: DueEntry[]
  /** Open follow-ups without a date (not listed). */
  undated: number
  next?: NextEntry
  plan?: { done: number; total: number }
}

export function dueReport(caseFile: CaseFile, today: string, library: PlanLibrary): DueReport {
  const tasks = caseFile.tasks.list()
  const plan = caseFile.plan.get()
  const names = new Map(caseFile.organizations.list().map((o) => [o.id, o.name]))
  const due = dueFollowUps(tasks, today).map(
    ({ task, status, daysLeft }): DueEntry => ({
      id: task.id,
      title: task.title,
      dueAt: task.dueAt!,
      status,
      daysLeft,
      ...(task.organizationId !== undefined ? { organizationId: task.organizationId, organization: names.get(task.organizationId) } : {}),
      ...(task.eventId !== undefined ? { eventId: task.eventId } : {}),
    }),
  )
  const next = whatNext({ tasks, plan, today })
  const lead = next.lead
  return {
    today,
    caseTitle: caseFile.case.get().title,
    due,
    undated: tasks.filter((t) => !t.done && t.dueAt === undefined).length,
    ...(lead
      ? {
          next:
            lead.type === 'followUp'
              ? { type: 'followUp', taskId: lead.followUp.task.id, title: lead.followUp.task.title, status: lead.followUp.status, daysLeft: lead.followUp.daysLeft }
              : { type: 'step', id: lead.step.id, stepId: lead.step.stepId, number: lead.number, title: stepTitle(library.get(plan!.lang), plan!, lead.step) },
        }
      : {}),
    ...(next.plan ? { plan: next.plan } : {}),
  }
}
