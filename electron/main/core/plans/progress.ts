// A case's progress through its recovery plan: which plan was adopted, and
// for each step whether it is done (and the timeline event that records
// it), hidden, or annotated; plus the user's own steps. Every change runs in
// one transaction with its audit entry; ticking a step adds its note to the
// timeline in that same transaction. A plan can also come from an
// interchange document: taken on whole, or merged into the case's own.
import type { CaseKind } from '../../../../shared/domain'
import {
  AddPlanKindSchema,
  AddStepSchema,
  AdoptPlanSchema,
  SetStepDoneSchema,
  UpdateStepSchema,
  type AddStep,
  type CasePlan,
  type PlanFile,
  type PlanStepState,
  type SetStepDone,
  type UpdateStep,
  planKinds,
} from '../../../../shared/plans'
import { appendAudit } from '../casefile/audit'
import type { Connection } from '../casefile/connection'
import { utcSortKey, type Events } from '../domain/events'
import { assertReferencesExist, parseInput } from '../domain/table'
import { InvalidInputError, KirokuError, NotFoundError } from '../errors'
import { localMoment } from '../../../../shared/dates'

/** A plan as a document carries it: steps in order, their event ids already this case's. */
export interface PlanSnapshot extends Omit<CasePlan, 'steps' | 'moreKinds'> {
  moreKinds?: CaseKind[]
  steps: Array<Omit<PlanStepState, 'id'>>
}

/**
 * What became of a document's plan: taken on because the case had none,
 * merged step by step, or left out because the case follows the plan for
 * another kind of fraud. `steps`: how many steps were added or changed.
 */
export interface PlanMergeResult {
  outcome: 'adopted' | 'merged' | 'other_kind'
  steps: number
}

interface StepRow {
  id: number
  stepId: string
  custom: number
  title: string
  done: number
  doneAt: string | null
  hidden: number
  notes: string | null
  eventId: number | null
  eventCreated: number
}

const STEP_COLUMNS = `id, step_id AS stepId, custom, title, done, done_at AS doneAt, hidden, notes,
  event_id AS eventId, event_created AS eventCreated`

function toState(row: StepRow): PlanStepState {
  return {
    id: row.id,
    stepId: row.stepId,
    custom: row.custom === 1,
    title: row.title,
    done: row.done === 1,
    ...(row.doneAt !== null ? { doneAt: row.doneAt } : {}),
    hidden: row.hidden === 1,
    ...(row.notes !== null && row.notes !== '' ? { notes: row.notes } : {}),
    ...(row.eventId !== null ? { eventId: row.eventId } : {}),
  }
}

export class PlanProgress {
  constructor(
    private readonly db: Connection,
    private readonly events: Events,
  ) {}

  /** The case's plan and its steps in order, or null when none was adopted. */
  get(): CasePlan | null {
    const plan = this.db
      .prepare('SELECT kind, more_kinds AS moreKinds, version, lang, adopted_at AS adoptedAt FROM case_plan WHERE id = 1')
      .get() as (Omit<CasePlan, 'steps' | 'moreKinds'> & { moreKinds: string }) | undefined
    if (!plan) return null
    const rows = this.db.prepare(`SELECT ${STEP_COLUMNS} FROM plan_steps ORDER BY position, id`).all() as StepRow[]
    return { ...plan, moreKinds: JSON.parse(plan.moreKinds) as CaseKind[], steps: rows.map(toState) }
  }

  private row(id: number): StepRow {
    const row = this.db.prepare(`SELECT ${STEP_COLUMNS} FROM plan_steps WHERE id = ?`).get(id) as StepRow | undefined
    if (!row) throw new NotFoundError('plan step', id)
    return row
  }

  /** The next free custom-N among `steps`. */
  private static customIds(steps: Array<Pick<PlanStepState, 'custom' | 'stepId'>>): () => string {
    let last = Math.max(0, ...steps.filter((s) => s.custom).map((s) => Number(s.stepId.replace('custom-', '')) || 0))
    return () => `custom-${++last}`
  }

  /** Numbers the steps' positions in the order given (step row ids). */
  private place(order: number[]): void {
    const place = this.db.prepare('UPDATE plan_steps SET position = ? WHERE id = ?')
    order.forEach((stepRow, i) => place.run(i + 1, stepRow))
  }

  /** A step as a document gives it; a linked event counts as recorded elsewhere, so unticking keeps it. */
  private insertStep(step: PlanSnapshot['steps'][number], position: number): number {
    if (step.eventId !== undefined) assertReferencesExist(this.db, { eventId: step.eventId })
    return Number(
      this.db
        .prepare(
          `INSERT INTO plan_steps (step_id, position, title, custom, done, done_at, hidden, notes, event_id, event_created)
           VALUES (@stepId, @position, @title, @custom, @done, @doneAt, @hidden, @notes, @eventId, 0)`,
        )
        .run({
          stepId: step.stepId,
          position,
          title: step.title,
          custom: Number(step.custom),
          done: Number(step.done),
          doneAt: step.doneAt ?? null,
          hidden: Number(step.hidden),
          notes: step.notes?.trim() || null,
          eventId: step.eventId ?? null,
        }).lastInsertRowid,
    )
  }

  private current(): CasePlan {
    const plan = this.get()
    if (!plan) throw new KirokuError('not_found', 'This case has no recovery plan yet.')
    return plan
  }

  /** Takes on the plan for `kind` from a plan file (its steps in its language). A case has one plan. */
  adopt(file: PlanFile, kind: CaseKind, now: Date = new Date()): CasePlan {
    parseInput(AdoptPlanSchema, { kind, lang: file.lang })
    return this.db.transaction(() => {
      if (this.get()) throw new InvalidInputError([{ path: '$.kind', message: 'this case already has a recovery plan' }])
      const adoptedAt = now.toISOString()
      this.db
        .prepare('INSERT INTO case_plan (id, kind, version, lang, adopted_at) VALUES (1, ?, ?, ?, ?)')
        .run(kind, file.version, file.lang, adoptedAt)
      const insert = this.db.prepare('INSERT INTO plan_steps (step_id, position, title) VALUES (?, ?, ?)')
      file.kinds[kind].steps.forEach((step, i) => insert.run(step.id, i + 1, step.title))
      appendAudit(this.db, 'plan', 1, 'create', { kind, version: file.version, lang: file.lang, steps: file.kinds[kind].steps.map((s) => s.id) })
      return this.current()
    })()
  }

  /**
   * Joins the plan for another kind of fraud to this one: its steps the plan
   * lacks are placed after the step they follow in that kind's plan (at the
   * top when they come first), so nothing is listed twice. Adding a kind the
   * plan already covers changes nothing.
   */
  addKind(file: PlanFile, kind: CaseKind): CasePlan {
    parseInput(AddPlanKindSchema, { kind, lang: file.lang })
    return this.db.transaction(() => {
      const plan = this.current()
      if (planKinds(plan).includes(kind)) return plan
      const rowOf = new Map(plan.steps.filter((s) => !s.custom).map((s) => [s.stepId, s.id]))
      const order = plan.steps.map((s) => s.id)
      const insert = this.db.prepare('INSERT INTO plan_steps (step_id, position, title) VALUES (?, 0, ?)')
      const added: string[] = []
      let after: number | undefined
      for (const step of file.kinds[kind].steps) {
        const existing = rowOf.get(step.id)
        if (existing !== undefined) {
          after = existing
          continue
        }
        const id = Number(insert.run(step.id, step.title).lastInsertRowid)
        order.splice(after === undefined ? 0 : order.indexOf(after) + 1, 0, id)
        after = id
        added.push(step.id)
      }
      this.place(order)
      const moreKinds = [...plan.moreKinds, kind]
      this.db.prepare('UPDATE case_plan SET more_kinds = ? WHERE id = 1').run(JSON.stringify(moreKinds))
      appendAudit(this.db, 'plan', 1, 'update', { moreKinds, added })
      return this.current()
    })()
  }

  /**
   * Ticks or unticks a step. Ticking records it on the timeline: a note
   * titled `eventTitle`, or the existing event given as `eventId`.
   * Unticking removes the note the tick made, unless evidence was linked to it since.
   */
  setDone(input: SetStepDone, eventTitle: string): CasePlan {
    const { id, done, at, eventId } = parseInput(SetStepDoneSchema, input)
    return this.db.transaction(() => {
      const row = this.row(id)
      if (done) {
        if (row.done === 1) return this.current()
        const doneAt = at ?? localMoment()
        let linked = eventId
        if (linked !== undefined) assertReferencesExist(this.db, { eventId: linked })
        else {
          linked = this.events.create({ occurredAt: doneAt, kind: 'note', title: eventTitle, body: row.notes ?? undefined, evidenceIds: [] }).id
        }
        this.db
          .prepare('UPDATE plan_steps SET done = 1, done_at = ?, event_id = ?, event_created = ? WHERE id = ?')
          .run(doneAt, linked, eventId === undefined ? 1 : 0, id)
        appendAudit(this.db, 'plan_step', id, 'update', { stepId: row.stepId, done: true, doneAt, eventId: linked })
      } else {
        if (row.done === 0) return this.current()
        this.db.prepare('UPDATE plan_steps SET done = 0, done_at = NULL, event_id = NULL, event_created = 0 WHERE id = ?').run(id)
        if (row.eventCreated === 1 && row.eventId !== null) {
          const linkedEvidence = this.db.prepare('SELECT 1 FROM event_evidence WHERE event_id = ? LIMIT 1').get(row.eventId)
          const exists = this.db.prepare('SELECT 1 FROM events WHERE id = ?').get(row.eventId)
          if (exists && !linkedEvidence) this.events.delete(row.eventId)
        }
        appendAudit(this.db, 'plan_step', id, 'update', { stepId: row.stepId, done: false })
      }
      return this.current()
    })()
  }

  /** Hides or shows a step, changes its notes, or renames one of the user's own steps. */
  update(input: UpdateStep): CasePlan {
    const { id, hidden, notes, title: newTitle } = parseInput(UpdateStepSchema, input)
    return this.db.transaction(() => {
      const row = this.row(id)
      if (newTitle !== undefined && row.custom !== 1) {
        throw new InvalidInputError([{ path: '$.title', message: "a plan step's title comes from the plan; add a note instead" }])
      }
      const next = {
        hidden: hidden === undefined ? row.hidden : Number(hidden),
        notes: notes === undefined ? row.notes : notes.trim() || null,
        title: newTitle ?? row.title,
      }
      this.db.prepare('UPDATE plan_steps SET hidden = @hidden, notes = @notes, title = @title WHERE id = @id').run({ ...next, id })
      appendAudit(this.db, 'plan_step', id, 'update', { stepId: row.stepId, hidden: next.hidden === 1, notes: next.notes, title: next.title })
      return this.current()
    })()
  }

  /** Adds a step of the user's own, after `afterId` or at the end. */
  addStep(input: AddStep): CasePlan {
    const { title: stepTitle, notes, afterId } = parseInput(AddStepSchema, input)
    return this.db.transaction(() => {
      const steps = this.current().steps
      const at = afterId === undefined ? steps.length : steps.findIndex((s) => s.id === afterId) + 1
      if (at === 0) throw new NotFoundError('plan step', afterId!)
      const stepId = PlanProgress.customIds(steps)()
      const id = Number(
        this.db
          .prepare('INSERT INTO plan_steps (step_id, position, title, custom, notes) VALUES (?, 0, ?, 1, ?)')
          .run(stepId, stepTitle, notes?.trim() || null).lastInsertRowid,
      )
      this.place([...steps.slice(0, at).map((s) => s.id), id, ...steps.slice(at).map((s) => s.id)])
      appendAudit(this.db, 'plan_step', id, 'create', { stepId, title: stepTitle, notes: notes ?? null, position: at + 1 })
      return this.current()
    })()
  }

  /** Removes one of the user's own steps (plan steps are hidden, not removed). */
  deleteStep(id: number): CasePlan {
    return this.db.transaction(() => {
      const row = this.row(id)
      if (row.custom !== 1) throw new InvalidInputError([{ path: '$.id', message: 'a step of the plan cannot be removed; hide it instead' }])
      this.db.prepare('DELETE FROM plan_steps WHERE id = ?').run(id)
      appendAudit(this.db, 'plan_step', id, 'delete', { stepId: row.stepId })
      return this.current()
    })()
  }

  /** Takes on a plan with its progress as a document gives it (import). The case must have none. */
  restore(plan: PlanSnapshot): CasePlan {
    return this.db.transaction(() => {
      if (this.get()) throw new InvalidInputError([{ path: '$.plan', message: 'this case already has a recovery plan' }])
      const { kind, moreKinds = [], version, lang, adoptedAt, steps } = plan
      this.db
        .prepare('INSERT INTO case_plan (id, kind, more_kinds, version, lang, adopted_at) VALUES (1, ?, ?, ?, ?, ?)')
        .run(kind, JSON.stringify(moreKinds), version, lang, adoptedAt)
      steps.forEach((step, i) => this.insertStep(step, i + 1))
      appendAudit(this.db, 'plan', 1, 'create', { kind, ...(moreKinds.length ? { moreKinds } : {}), version, lang, adoptedAt, steps })
      return this.current()
    })()
  }

  /**
   * Brings a plan someone shared into this case. With no plan yet, it is
   * taken on as it is. With a plan that shares a kind, step by step (kinds
   * only theirs has join this plan): done
   * in either is done (the earlier doneAt kept), hidden stays as this case
   * has it, this case's notes win unless it has none; their steps this case
   * lacks are added (their own steps, matched by title, under new custom-N
   * ids) after the step they follow. A plan for another kind is left out.
   * Merging the same plan again changes nothing.
   */
  merge(plan: PlanSnapshot): PlanMergeResult {
    return this.db.transaction((): PlanMergeResult => {
      const mine = this.get()
      if (!mine) return { outcome: 'adopted', steps: this.restore(plan).steps.length }
      const myKinds = planKinds(mine)
      if (!planKinds(plan).some((k) => myKinds.includes(k))) return { outcome: 'other_kind', steps: 0 }
      // Kinds they added that this case lacks join its plan; their steps of those kinds come in below.
      const joined = planKinds(plan).filter((k) => !myKinds.includes(k))
      if (joined.length) {
        const moreKinds = [...mine.moreKinds, ...joined]
        this.db.prepare('UPDATE case_plan SET more_kinds = ? WHERE id = 1').run(JSON.stringify(moreKinds))
        appendAudit(this.db, 'plan', 1, 'update', { moreKinds })
      }
      // Row ids: the plan's steps by step id; the user's own by title, in order, each matched once
      // (two own steps with the same title are two steps, so merging again changes nothing).
      const planSteps = new Map(mine.steps.filter((s) => !s.custom).map((s) => [s.stepId, s.id]))
      const ownSteps = new Map<string, number[]>()
      for (const s of mine.steps.filter((step) => step.custom)) ownSteps.set(s.title, [...(ownSteps.get(s.title) ?? []), s.id])
      const nextCustomId = PlanProgress.customIds(mine.steps)
      const order = mine.steps.map((s) => s.id)
      let changed = 0
      let placed = false
      let after: number | undefined
      for (const theirs of plan.steps) {
        const match = theirs.custom ? ownSteps.get(theirs.title)?.shift() : planSteps.get(theirs.stepId)
        if (match !== undefined) {
          if (this.mergeStep(this.row(match), theirs)) changed++
          after = match
          continue
        }
        const stepId = theirs.custom ? nextCustomId() : theirs.stepId
        const id = this.insertStep({ ...theirs, stepId }, 0)
        order.splice(after === undefined ? 0 : order.indexOf(after) + 1, 0, id)
        appendAudit(this.db, 'plan_step', id, 'create', { ...theirs, stepId })
        after = id
        placed = true
        changed++
      }
      if (placed) this.place(order)
      return { outcome: 'merged', steps: changed }
    })()
  }

  /** One step of a shared plan into this case's matching step; false when that changes nothing. */
  private mergeStep(row: StepRow, theirs: PlanSnapshot['steps'][number]): boolean {
    const earlier = (a: string | undefined, b: string | null) => a !== undefined && (b === null || utcSortKey(a) < utcSortKey(b))
    const next = { done: row.done, doneAt: row.doneAt, eventId: row.eventId, eventCreated: row.eventCreated, notes: row.notes }
    if (theirs.done && row.done === 0) {
      Object.assign(next, { done: 1, doneAt: theirs.doneAt ?? null, eventId: theirs.eventId ?? null, eventCreated: 0 })
      if (theirs.eventId !== undefined) assertReferencesExist(this.db, { eventId: theirs.eventId })
    } else if (theirs.done && earlier(theirs.doneAt, row.doneAt)) {
      next.doneAt = theirs.doneAt!
    }
    if (!row.notes && theirs.notes?.trim()) next.notes = theirs.notes.trim()
    if (next.done === row.done && next.doneAt === row.doneAt && next.notes === row.notes) return false
    this.db
      .prepare(
        `UPDATE plan_steps SET done = @done, done_at = @doneAt, event_id = @eventId, event_created = @eventCreated,
         notes = @notes WHERE id = @id`,
      )
      .run({ ...next, id: row.id })
    appendAudit(this.db, 'plan_step', row.id, 'update', {
      stepId: row.stepId,
      done: next.done === 1,
      doneAt: next.doneAt,
      eventId: next.eventId,
      notes: next.notes,
    })
    return true
  }
}
