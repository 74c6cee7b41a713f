// What `kiroku due` prints: the case's open follow-ups with a due date (the
// most overdue first) and what to do next, from the same pure functions the
// overview uses (shared/followups), so the two always agree.
import { dueFollowUps, whatNext, type DueStatus } from '../../../../shared/followups'
import { stepTitle } from '../../../../shared/plans'
import type { ClaimDeadline } from '../../../../shared/deadlines'
import { suggestEntry, type DirectoryFile, type Prerequisite, type WindowStart } from '../../../../shared/directory'
import type { CaseFile } from '../casefile/case-file'
import { caseDeadlines } from '../directory/case-deadlines'
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

/** A claim deadline as `kiroku due --json` gives it: the rule named with its source and the day it was checked. */
export interface DeadlineEntry {
  organizationId: number
  organization: string
  directoryId: string
  ruleId: string
  rule: { ja: string; en: string }
  windowDays: number
  from: WindowStart
  /** Absent when the case does not say the day the window counts from. */
  startDay?: string
  day?: string
  status?: DueStatus
  daysLeft?: number
  lossIds: number[]
  missing: Prerequisite[]
  confirm: Prerequisite[]
  source: { url: string; checked: string }
  /** Checked at its source more than a year ago. */
  stale: boolean
}

export const deadlineEntry = (d: ClaimDeadline): DeadlineEntry => ({
  organizationId: d.organizationId,
  organization: d.organization,
  directoryId: d.entry.id,
  ruleId: d.rule.id,
  rule: d.rule.title,
  windowDays: d.rule.window.days,
  from: d.rule.window.from,
  ...(d.startDay ? { startDay: d.startDay } : {}),
  ...(d.day ? { day: d.day, status: d.status, daysLeft: d.daysLeft } : {}),
  lossIds: d.lossIds,
  missing: d.missing,
  confirm: d.confirm,
  source: d.rule.source,
  stale: d.stale,
})

export interface DueReport {
  /** The day the report is for (YYYY-MM-DD). */
  today: string
  caseTitle: string
  due: DueEntry[]
  /** Open follow-ups without a date (not listed). */
  undated: number
  /** Claim deadlines set by the provider directory's rules, soonest first. */
  deadlines: DeadlineEntry[]
  /** Organisations without a directory link whose name suggests an entry with a claim window (no deadline until linked). */
  suggestedLinks: { organizationId: number; organization: string; directoryId: string }[]
  next?: NextEntry
  plan?: { done: number; total: number }
}

export function dueReport(caseFile: CaseFile, today: string, library: PlanLibrary, directory: DirectoryFile): DueReport {
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
    deadlines: caseDeadlines(caseFile, directory, today).map(deadlineEntry),
    suggestedLinks: caseFile.organizations.list().flatMap((o) => {
      const entry = o.directoryId === undefined ? suggestEntry(directory, o.name) : undefined
      return entry?.rules.some((r) => r.window) ? [{ organizationId: o.id, organization: o.name, directoryId: entry.id }] : []
    }),
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
