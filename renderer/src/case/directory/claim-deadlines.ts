// The open case's claim deadlines (shared/deadlines.ts) as the page shows
// them, and the write that records a claim as sent: a done follow-up with
// the rule's id, which the deadline calculation takes as "met".
import { useMemo } from 'react'
import { claimDeadlines, type ClaimDeadline } from '../../../../shared/deadlines'
import type { DirectoryFile } from '../../../../shared/directory'
import type { CaseData } from '../../state/session'
import { call } from '../../ipc'
import { reload } from '../../state/case-actions'
import { useDirectory } from '../../state/directory'
import { useCaseData } from '../../state/session'
import { useToday } from '../../state/today'

export type { ClaimDeadline }

export function deadlinesOf(data: CaseData, directory: DirectoryFile | undefined, today: string): ClaimDeadline[] {
  if (!directory) return []
  const { record, organizations, losses, events, tasks, policeRecords } = data
  return claimDeadlines({ case: record, organizations, losses, events, tasks, policeRecords }, directory, today)
}

/** Open claim deadlines, soonest first (those whose start day is unknown last). */
export function useClaimDeadlines(): ClaimDeadline[] {
  const data = useCaseData()
  const directory = useDirectory()
  const today = useToday((s) => s.today)
  const { record, organizations, losses, events, tasks, policeRecords } = data
  return useMemo(
    () => (directory ? claimDeadlines({ case: record, organizations, losses, events, tasks, policeRecords }, directory, today) : []),
    [directory, today, record, organizations, losses, events, tasks, policeRecords],
  )
}

/** A stable key of one deadline: the organisation and the rule. */
export const deadlineKey = (deadline: Pick<ClaimDeadline, 'organizationId' | 'rule'>) => `${deadline.organizationId}/${deadline.rule.id}`

/** Records that the claim under this rule was sent today: the deadline is met. */
export async function markClaimSent(deadline: ClaimDeadline, title: string, today: string): Promise<void> {
  await call('tasks:create', { title, done: true, dueAt: today, organizationId: deadline.organizationId, claimRuleId: deadline.rule.id })
  await reload('tasks')
}
