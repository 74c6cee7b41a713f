// Figures the overview shows, computed from the case's lists.
import type { Loss, Reference, Task } from '../../../shared/domain'
import { dayOf } from './dates'

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

/** Not done and due before today (a promise due today is not late yet). */
export function isOverdue(task: Task, today: string): boolean {
  return !task.done && task.dueAt !== undefined && dayOf(task.dueAt) < today
}

/** Open tasks, the soonest due first; those without a date last. */
export function openTasks(tasks: readonly Task[]): Task[] {
  return tasks
    .filter((t) => !t.done)
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.id - b.id)
}

export function latestReferences(references: readonly Reference[], count: number): Reference[] {
  return [...references]
    .sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? '') || b.id - a.id)
    .slice(0, count)
}
