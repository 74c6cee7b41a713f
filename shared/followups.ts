// Follow-ups and "what next", computed in one place: `kiroku due`, the case
// overview, the timeline and the desktop notifications all call these pure
// functions on the same records, so they cannot disagree about what is
// overdue or what comes first.
//
// Days are compared as written: a promise "by 2018-11-15" (or a moment on
// that day, in the offset the user wrote) is due on 2018-11-15 and overdue
// from 2018-11-16 on the user's calendar.
import { dayOf } from './dates'
import type { Task } from './domain'
import type { CasePlan, PlanStepState } from './plans'

export type DueStatus = 'overdue' | 'today' | 'upcoming'

/** How often the open app looks at the clock for follow-ups falling due. */
export const REMINDER_CHECK_MS = 30_000

export interface DueFollowUp {
  task: Task
  /** The day it is due (YYYY-MM-DD). */
  day: string
  status: DueStatus
  /** Days from today to the due day: negative when late, 0 when due today. */
  daysLeft: number
}

/** The calendar day of a date or a moment, as written (2018-11-15T10:00+09:00 → 2018-11-15). */

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(2000, m - 1, d))
  date.setUTCFullYear(y)
  return Math.round(date.getTime() / 86_400_000)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from)

export function dueStatus(day: string, today: string): DueStatus {
  return day < today ? 'overdue' : day === today ? 'today' : 'upcoming'
}

/** Not done and due before today (a promise due today is not late yet). */
export function isOverdue(task: Task, today: string): boolean {
  return !task.done && task.dueAt !== undefined && dayOf(task.dueAt) < today
}

/** Open follow-ups that have a due date: the most overdue first, then today's, then the soonest. */
export function dueFollowUps(tasks: readonly Task[], today: string): DueFollowUp[] {
  return tasks
    .filter((task): task is Task & { dueAt: string } => !task.done && task.dueAt !== undefined)
    .map((task) => {
      const day = dayOf(task.dueAt)
      return { task, day, status: dueStatus(day, today), daysLeft: daysBetween(today, day) }
    })
    .sort((a, b) => a.day.localeCompare(b.day) || a.task.dueAt!.localeCompare(b.task.dueAt!) || a.task.id - b.task.id)
}

/** Every open follow-up in the order the overview lists them: dated ones as dueFollowUps, then the undated. */
export function openFollowUps(tasks: readonly Task[]): Task[] {
  const dated = dueFollowUps(tasks, '').map((d) => d.task)
  const undated = tasks.filter((t) => !t.done && t.dueAt === undefined).sort((a, b) => a.id - b.id)
  return [...dated, ...undated]
}

export type NextThing =
  | { type: 'followUp'; followUp: DueFollowUp }
  /** `number`: the step's place among the visible steps, from 1. */
  | { type: 'step'; step: PlanStepState; number: number }

export interface WhatNext {
  /** What to do first, if anything. */
  lead?: NextThing
  /** What comes after (at most `more`). */
  then: NextThing[]
  /** Promised for today or later: nothing to do yet but wait (soonest first). */
  waiting: DueFollowUp[]
  /** Progress through the visible steps of the plan, if the case has one. */
  plan?: { done: number; total: number }
}

/** Steps the user has not hidden, in plan order. */
export const visibleSteps = (plan: CasePlan | null | undefined): PlanStepState[] => plan?.steps.filter((s) => !s.hidden) ?? []

/**
 * What to do next: chase what is overdue (most overdue first), then take the
 * next open steps of the plan. Promises that are not late yet (due today or
 * later) are only waited for.
 */
export function whatNext(input: { tasks: readonly Task[]; plan?: CasePlan | null; today: string; more?: number }): WhatNext {
  const due = dueFollowUps(input.tasks, input.today)
  const steps = visibleSteps(input.plan)
  const followUp = (d: DueFollowUp): NextThing => ({ type: 'followUp', followUp: d })
  const ordered: NextThing[] = [
    ...due.filter((d) => d.status === 'overdue').map(followUp),
    ...steps.flatMap((step, i): NextThing[] => (step.done ? [] : [{ type: 'step', step, number: i + 1 }])),
  ]
  const [lead, ...rest] = ordered
  return {
    lead,
    then: rest.slice(0, input.more ?? 3),
    waiting: due.filter((d) => d.status !== 'overdue'),
    plan: input.plan ? { done: steps.filter((s) => s.done).length, total: steps.length } : undefined,
  }
}

/**
 * Follow-ups that fell due, or became late, since the last look: `before`
 * maps a task id to its status then. A task not seen before is not news (it
 * was just added, or the case was just opened, and the overview shows it).
 */
export function newlyDue(before: ReadonlyMap<number, DueStatus>, now: readonly DueFollowUp[]): DueFollowUp[] {
  const rank: Record<DueStatus, number> = { upcoming: 0, today: 1, overdue: 2 }
  return now.filter((d) => {
    const then = before.get(d.task.id)
    return then !== undefined && rank[d.status] > rank[then]
  })
}
