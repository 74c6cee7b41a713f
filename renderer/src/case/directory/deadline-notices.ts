// Which claim deadlines a desktop notification should announce: one at 7, 3
// and 1 days before each deadline, once per deadline and threshold while the
// app runs. Pure, so it can be tested without a page.
import { DEADLINE_NOTICE_DAYS } from '../../../../shared/deadlines'

export interface NoticeCandidate {
  /** Stable per case and deadline (the case's path, the organisation and the rule). */
  key: string
  daysLeft?: number
}

/** The notice a deadline this many days away is due for: the smallest threshold at or above it (5 days → the 7-day notice). */
export function noticeThreshold(daysLeft: number | undefined): number | undefined {
  if (daysLeft === undefined || daysLeft < 1) return undefined
  return [...DEADLINE_NOTICE_DAYS].sort((a, b) => a - b).find((threshold) => daysLeft <= threshold)
}

/**
 * The deadlines to announce now; `sent` is updated. A deadline first seen 2
 * days away gets the 3-day notice and never the 7-day one afterwards.
 */
export function deadlineNotices<C extends NoticeCandidate>(candidates: readonly C[], sent: Set<string>): C[] {
  const fresh: C[] = []
  for (const candidate of candidates) {
    const threshold = noticeThreshold(candidate.daysLeft)
    if (threshold === undefined || sent.has(`${candidate.key}@${threshold}`)) continue
    for (const t of DEADLINE_NOTICE_DAYS) if (t >= threshold) sent.add(`${candidate.key}@${t}`)
    fresh.push(candidate)
  }
  return fresh
}
