// Figures the overview shows, computed from the case's lists.
import type { Loss, Reference, Task } from '../../../shared/domain'
import { openFollowUps } from '../../../shared/followups'

export interface UnitTotal {
  unit: string
  lost: number
  recovered: number
  outstanding: number
}

/** Lost and recovered per unit (JPY, T-POINT, Ponta…); units are never added together. */
export function totalsByUnit(losses: readonly Loss[]): UnitTotal[] {
  const byUnit = new Map<string, UnitTotal>()
  for (const loss of losses) {
    const total = byUnit.get(loss.unit) ?? { unit: loss.unit, lost: 0, recovered: 0, outstanding: 0 }
    total.lost += loss.amount
    total.recovered += loss.recovered
    total.outstanding = Math.max(0, total.lost - total.recovered)
    byUnit.set(loss.unit, total)
  }
  return [...byUnit.values()].sort((a, b) => a.unit.localeCompare(b.unit))
}

// The overview, the timeline, `kiroku due` and the reminders share one definition of
// "overdue" and one order: shared/followups.ts.
export { isOverdue } from '../../../shared/followups'

/** Open tasks: the most overdue first, then the soonest due; those without a date last. */
export const openTasks = (tasks: readonly Task[]): Task[] => openFollowUps(tasks)

export function latestReferences(references: readonly Reference[], count: number): Reference[] {
  return [...references]
    .sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? '') || b.id - a.id)
    .slice(0, count)
}
