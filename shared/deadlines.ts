// Claim deadlines: for each organisation linked to a directory entry, the
// entry's claim windows applied to the case's losses there. Computed afresh
// from the records and the directory every time (never stored), so a
// corrected loss date or a newer directory is reflected at once; what is
// stored is only the user's own fact that a claim was made (a follow-up
// with `claimRuleId`, done). `kiroku due`, the overview and the dossier all
// call this one function.
import { dayOf } from './dates'
import { PREREQUISITES, RULE_FRESH_DAYS, type DirectoryEntry, type DirectoryFile, type DirectoryRule, type Prerequisite, type WindowStart } from './directory'
import type { CaseRecord, Loss, Organization, PoliceRecord, Task, TimelineEvent } from './domain'
import { daysBetween, dueStatus, type DueStatus } from './followups'

/** Prerequisites Kiroku can see in the case; the others are conditions the victim confirms. */
const CHECKABLE: ReadonlySet<Prerequisite> = new Set(['police_report', 'police_consultation'])

export interface ClaimDeadline {
  organizationId: number
  organization: string
  entry: DirectoryEntry
  rule: DirectoryRule & { window: NonNullable<DirectoryRule['window']> }
  /** The losses at that organisation the claim is for (not yet fully recovered). */
  lossIds: number[]
  /** The day the window counts from (the earliest loss, the discovery, the first report); absent when the case does not say. */
  startDay?: string
  /** The last day to apply; absent when startDay is. */
  day?: string
  daysLeft?: number
  status?: DueStatus
  /** What the rule needs that the case does not show yet (a police record with its number). */
  missing: Prerequisite[]
  /** What the rule needs that only the victim can confirm (card cancelled, not used by family…). */
  confirm: Prerequisite[]
  /** The rule was checked at its source more than RULE_FRESH_DAYS ago. */
  stale: boolean
}

export interface DeadlineInput {
  case: Pick<CaseRecord, 'discoveredAt'>
  organizations: readonly Organization[]
  losses: readonly Loss[]
  events: readonly Pick<TimelineEvent, 'occurredAt' | 'kind' | 'organizationId'>[]
  tasks: readonly Task[]
  policeRecords: readonly PoliceRecord[]
}

/** Which police prerequisites the case's police records satisfy. */
export function policeSatisfies(records: readonly PoliceRecord[]): Set<Prerequisite> {
  const met = new Set<Prerequisite>()
  for (const record of records) {
    if (record.kind === 'report' && record.receiptNumber?.trim()) met.add('police_report')
    if ((record.kind === 'consultation' || record.kind === 'report') && (record.receiptNumber?.trim() || record.occurredAt)) met.add('police_consultation')
  }
  return met
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) // case days are 1900–2100: Date.UTC reads them as written
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

function startDay(from: WindowStart, input: DeadlineInput, organizationId: number, losses: readonly Loss[]): string | undefined {
  const earliest = (days: (string | undefined)[]) => days.filter((d): d is string => d !== undefined).sort()[0]
  switch (from) {
    case 'loss':
      return earliest(losses.map((l) => (l.occurredAt ? dayOf(l.occurredAt) : undefined)))
    case 'discovery':
      return input.case.discoveredAt ? dayOf(input.case.discoveredAt) : undefined
    case 'report':
      return earliest(input.events.filter((e) => e.kind === 'contact' && e.organizationId === organizationId).map((e) => dayOf(e.occurredAt)))
  }
}

/** The directory entry an id names, if this directory has it. */
export const findEntry = (directory: DirectoryFile, id: string | undefined): DirectoryEntry | undefined =>
  id === undefined ? undefined : directory.entries.find((e) => e.id === id)

/** Open claim deadlines, soonest first; those whose start day is unknown last. */
export function claimDeadlines(input: DeadlineInput, directory: DirectoryFile, today: string): ClaimDeadline[] {
  const police = policeSatisfies(input.policeRecords)
  const claimed = new Set(input.tasks.filter((t) => t.done && t.claimRuleId && t.organizationId !== undefined).map((t) => `${t.organizationId}/${t.claimRuleId}`))
  const deadlines: ClaimDeadline[] = []
  for (const organization of input.organizations) {
    const entry = findEntry(directory, organization.directoryId)
    if (!entry) continue
    const losses = input.losses.filter((l) => l.organizationId === organization.id && l.recovered < l.amount)
    if (!losses.length) continue
    for (const rule of entry.rules) {
      if (!rule.window || claimed.has(`${organization.id}/${rule.id}`)) continue
      const start = startDay(rule.window.from, input, organization.id, losses)
      const day = start === undefined ? undefined : addDays(start, rule.window.days)
      const ordered = PREREQUISITES.filter((p) => rule.prerequisites.includes(p))
      deadlines.push({
        organizationId: organization.id,
        organization: organization.name,
        entry,
        rule: { ...rule, window: rule.window },
        lossIds: losses.map((l) => l.id),
        ...(start === undefined ? {} : { startDay: start }),
        ...(day === undefined ? {} : { day, daysLeft: daysBetween(today, day), status: dueStatus(day, today) }),
        missing: ordered.filter((p) => CHECKABLE.has(p) && !police.has(p)),
        confirm: ordered.filter((p) => !CHECKABLE.has(p)),
        stale: daysBetween(rule.source.checked, today) > RULE_FRESH_DAYS,
      })
    }
  }
  return deadlines.sort((a, b) => (a.day ?? '9999').localeCompare(b.day ?? '9999') || a.organizationId - b.organizationId)
}

/** The days before a deadline on which a desktop notification is shown. */
export const DEADLINE_NOTICE_DAYS = [7, 3, 1] as const
