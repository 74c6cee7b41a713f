// What the case already records of a plan step's work (shared/step-evidence):
// a call to an organisation of the step's role, a police record, evidence,
// losses; never a preparation sheet, a done or hidden step; two steps of the
// same role take one call each. And which organisation a step's call note
// starts with.
import { describe, expect, it } from 'vitest'
import { planLibrary } from '../../electron/main/core'
import { CASE_KINDS, type Evidence, type Loss, type Organization, type PoliceRecord, type TimelineEvent } from '../../shared/domain'
import { PLAN_LANGS, stepDefinition, type CasePlan, type PlanAction, type PlanStepState } from '../../shared/plans'
import { organizationForRole, recordedWork, type StepRecords } from '../../shared/step-evidence'

const org = (id: number, role: Organization['role'], name = `org${id}`): Organization => ({ id, name, role, private: false })
const event = (id: number, occurredAt: string, organizationId?: number, kind: TimelineEvent['kind'] = 'contact'): TimelineEvent => ({
  id,
  occurredAt,
  kind,
  title: `event ${id}`,
  channel: 'phone',
  evidenceIds: [],
  private: false,
  ...(organizationId !== undefined ? { organizationId } : {}),
})
const evidence = (id: number, addedAt: string, caption?: string): Evidence => ({
  id,
  fileName: `shot-${id}.png`,
  mimeType: 'image/png',
  size: 10,
  sha256: '0'.repeat(64),
  addedAt,
  private: false,
  ...(caption ? { caption } : {}),
})
const loss = (id: number): Loss => ({ id, description: 'Tポイント', amount: 12000, unit: 'T-POINT', recovered: 0, private: false })
const police = (id: number, occurredAt: string, eventId?: number): PoliceRecord => ({
  id,
  kind: 'report',
  occurredAt,
  station: '新宿警察署',
  receiptNumber: '第123号',
  ...(eventId !== undefined ? { eventId } : {}),
})

/** A plan of steps with the given actions, in order. */
function planOf(actions: Array<PlanAction | undefined>, progress: Array<Partial<PlanStepState>> = []): { plan: CasePlan; actionOf: (s: PlanStepState) => PlanAction | undefined } {
  const plan: CasePlan = {
    kind: 'other',
    moreKinds: [],
    version: 2,
    lang: 'en',
    adoptedAt: '2018-10-12T00:00:00.000Z',
    steps: actions.map((_, i) => ({ id: i + 1, stepId: `s-${i + 1}`, custom: false, title: `step ${i + 1}`, done: false, hidden: false, ...progress[i] })),
  }
  return { plan, actionOf: (s) => actions[s.id - 1] }
}

const records = (plan: CasePlan, more: Partial<StepRecords> = {}): StepRecords => ({
  organizations: [],
  events: [],
  evidence: [],
  losses: [],
  policeRecords: [],
  plan,
  ...more,
})

const at = (plan: CasePlan, actionOf: (s: PlanStepState) => PlanAction | undefined, data: StepRecords, n: number) => {
  const state = plan.steps[n - 1]
  return recordedWork({ state, action: actionOf(state) }, data, actionOf)
}

describe('work on record for a step', () => {
  it('finds a call to an organisation of the step’s role, and links it', () => {
    const { plan, actionOf } = planOf([{ type: 'callNote', role: 'points_operator' }])
    const organizations = [org(1, 'platform', 'Yahoo! JAPAN'), org(2, 'points_operator', 'Tポイント')]
    expect(at(plan, actionOf, records(plan, { organizations }), 1)).toBeUndefined()
    // A call to another role, or a note with no organisation, is not it.
    const others = [event(1, '2018-10-13T10:00:00+09:00', 1), event(2, '2018-10-13T11:00:00+09:00', undefined), event(3, '2018-10-14T10:00:00+09:00', 2, 'note')]
    expect(at(plan, actionOf, records(plan, { organizations, events: others }), 1)).toBeUndefined()
    const events = [...others, event(4, '2018-10-17T10:00:00+09:00', 2)]
    expect(at(plan, actionOf, records(plan, { organizations, events }), 1)).toEqual({
      eventId: 4,
      what: { type: 'contact', organizationId: 2, organization: 'Tポイント', at: '2018-10-17T10:00:00+09:00', channel: 'phone' },
    })
  })

  it('offers nothing for a step that is done or hidden, or whose work no record shows', () => {
    const organizations = [org(1, 'platform')]
    const events = [event(1, '2018-10-13T10:00:00+09:00', 1)]
    const done = planOf([{ type: 'callNote', role: 'platform' }], [{ done: true, doneAt: '2018-10-13T10:05:00+09:00' }])
    expect(at(done.plan, done.actionOf, records(done.plan, { organizations, events }), 1)).toBeUndefined()
    const hidden = planOf([{ type: 'callNote', role: 'platform' }], [{ hidden: true }])
    expect(at(hidden.plan, hidden.actionOf, records(hidden.plan, { organizations, events }), 1)).toBeUndefined()
    const sheet = planOf([{ type: 'prepSheet', for: 'police' }, undefined])
    const everything = records(sheet.plan, { organizations, events, evidence: [evidence(1, '2018-10-13T00:00:00Z')], losses: [loss(1)] })
    expect(at(sheet.plan, sheet.actionOf, everything, 1)).toBeUndefined()
    expect(at(sheet.plan, sheet.actionOf, everything, 2)).toBeUndefined()
  })

  it('never offers a call that already records another step', () => {
    const { plan, actionOf } = planOf([{ type: 'callNote', role: 'platform' }, { type: 'callNote', role: 'platform' }], [{ done: true, eventId: 1, doneAt: '2018-10-13T10:00:00+09:00' }])
    const organizations = [org(1, 'platform')]
    expect(at(plan, actionOf, records(plan, { organizations, events: [event(1, '2018-10-13T09:00:00+09:00', 1)] }), 2)).toBeUndefined()
    const later = [event(1, '2018-10-13T09:00:00+09:00', 1), event(2, '2018-10-20T09:00:00+09:00', 1)]
    expect(at(plan, actionOf, records(plan, { organizations, events: later }), 2)).toMatchObject({ eventId: 2 })
  })

  it('gives two open steps of one role one call each, in order, and a later step only calls after an earlier one was ticked', () => {
    const card = { type: 'callNote', role: 'card_issuer' } as const
    const { plan, actionOf } = planOf([card, { type: 'evidence' }, card])
    const organizations = [org(1, 'card_issuer', 'カード会社')]
    const one = records(plan, { organizations, events: [event(1, '2018-10-13T10:00:00+09:00', 1)] })
    expect(at(plan, actionOf, one, 1)).toMatchObject({ eventId: 1 })
    expect(at(plan, actionOf, one, 3)).toBeUndefined()
    const two = records(plan, { organizations, events: [event(2, '2018-10-20T10:00:00+09:00', 1), event(1, '2018-10-13T10:00:00+09:00', 1)] })
    expect(at(plan, actionOf, two, 1)).toMatchObject({ eventId: 1 })
    expect(at(plan, actionOf, two, 3)).toMatchObject({ eventId: 2 })
    // The first step ticked by hand (no call linked) after the first call: that call is its record, not the next step's.
    const ticked = planOf([card, { type: 'evidence' }, card], [{ done: true, doneAt: '2018-10-13T10:30:00+09:00' }])
    const first = records(ticked.plan, { organizations, events: [event(1, '2018-10-13T10:00:00+09:00', 1)] })
    expect(at(ticked.plan, ticked.actionOf, first, 3)).toBeUndefined()
    const again = records(ticked.plan, { organizations, events: [event(1, '2018-10-13T10:00:00+09:00', 1), event(2, '2018-10-20T10:00:00+09:00', 1)] })
    expect(at(ticked.plan, ticked.actionOf, again, 3)).toMatchObject({ eventId: 2 })
  })

  it('counts a police record for the police step, with its event when it has one, else a contact with the police', () => {
    const { plan, actionOf } = planOf([{ type: 'callNote', role: 'police' }])
    const organizations = [org(1, 'police', '新宿警察署')]
    const visit = event(1, '2018-10-20T14:00:00+09:00', 1, 'police_report')
    expect(at(plan, actionOf, records(plan, { organizations, events: [visit] }), 1)).toMatchObject({ eventId: 1, what: { type: 'contact', organization: '新宿警察署' } })
    expect(at(plan, actionOf, records(plan, { policeRecords: [police(1, '2018-10-20')] }), 1)).toEqual({
      eventId: undefined,
      what: { type: 'police', kind: 'report', station: '新宿警察署', at: '2018-10-20', receiptNumber: '第123号' },
    })
    expect(at(plan, actionOf, records(plan, { organizations, events: [visit], policeRecords: [police(1, '2018-10-20', 1)] }), 1)).toMatchObject({
      eventId: 1,
      what: { type: 'police' },
    })
  })

  it('finds evidence captioned for the step, else any evidence for the first open evidence step, preferring what came after the plan', () => {
    const { plan, actionOf } = planOf([{ type: 'evidence', caption: 'Login history' }, { type: 'evidence', caption: 'Usage history' }])
    expect(at(plan, actionOf, records(plan), 1)).toBeUndefined()
    const captioned = records(plan, { evidence: [evidence(1, '2018-10-13T00:00:00Z', 'Usage history'), evidence(2, '2018-10-13T01:00:00Z', 'Login history')] })
    expect(at(plan, actionOf, captioned, 1)).toEqual({ what: { type: 'evidence', count: 1, fileName: 'shot-2.png', caption: 'Login history' } })
    expect(at(plan, actionOf, captioned, 2)).toMatchObject({ what: { count: 1, caption: 'Usage history' } })
    // Uncaptioned evidence serves the first open evidence step only.
    const loose = records(plan, { evidence: [evidence(1, '2018-10-11T00:00:00Z'), evidence(2, '2018-10-13T00:00:00Z')] })
    expect(at(plan, actionOf, loose, 1)).toEqual({ what: { type: 'evidence', count: 1, fileName: 'shot-2.png' } })
    expect(at(plan, actionOf, loose, 2)).toBeUndefined()
    // Only what was there before the plan: still counts.
    expect(at(plan, actionOf, records(plan, { evidence: [evidence(1, '2018-10-11T00:00:00Z')] }), 1)).toMatchObject({ what: { count: 1 } })
    // Evidence captioned for the other step is not this one's.
    expect(at(plan, actionOf, records(plan, { evidence: [evidence(1, '2018-10-13T00:00:00Z', 'Usage history')] }), 1)).toBeUndefined()
  })

  it('finds the losses for the losses step', () => {
    const { plan, actionOf } = planOf([{ type: 'losses' }])
    expect(at(plan, actionOf, records(plan), 1)).toBeUndefined()
    expect(at(plan, actionOf, records(plan, { losses: [loss(1), loss(2)] }), 1)).toEqual({ what: { type: 'losses', count: 2 } })
  })

  it('works on the shipped plans, and on a case adopted from an older version that lacks newer steps', () => {
    for (const lang of PLAN_LANGS) {
      const file = planLibrary().get(lang)
      for (const kind of CASE_KINDS) {
        const steps = file.kinds[kind].steps
        const plan: CasePlan = {
          kind,
          moreKinds: [],
          version: 1,
          lang,
          adoptedAt: '2018-10-12T00:00:00.000Z',
          // As adopted from version 1: no losses step; and a step the files no longer know.
          steps: [...steps.filter((s) => s.id !== 'record-losses'), { id: 'gone-step', title: 'old' }].map((s, i) => ({ id: i + 1, stepId: s.id, custom: false, title: s.title, done: false, hidden: false })),
        }
        const actionOf = (s: PlanStepState) => stepDefinition(file, plan, s)?.action
        const data = records(plan, { losses: [loss(1)], evidence: [evidence(1, '2018-10-13T00:00:00Z')] })
        const found = plan.steps.map((s) => recordedWork({ state: s, action: actionOf(s) }, data, actionOf))
        expect(found.at(-1), `${lang} ${kind}`).toBeUndefined()
        expect(found.filter((f) => f?.what.type === 'losses'), `${lang} ${kind}`).toHaveLength(0)
        expect(found.filter((f) => f?.what.type === 'evidence').length, `${lang} ${kind}`).toBeLessThanOrEqual(1)
      }
    }
    const file = planLibrary().get('en')
    const current: CasePlan = {
      kind: 'points_theft',
      moreKinds: [],
      version: file.version,
      lang: 'en',
      adoptedAt: '2018-10-12T00:00:00.000Z',
      steps: file.kinds.points_theft.steps.map((s, i) => ({ id: i + 1, stepId: s.id, custom: false, title: s.title, done: false, hidden: false })),
    }
    const actionOf = (s: PlanStepState) => stepDefinition(file, current, s)?.action
    const lossStep = current.steps.find((s) => s.stepId === 'record-losses')!
    expect(recordedWork({ state: lossStep, action: actionOf(lossStep) }, records(current, { losses: [loss(1)] }), actionOf)).toEqual({ what: { type: 'losses', count: 1 } })
  })
})

describe('the organisation a step’s call note starts with', () => {
  it('is the one of that role contacted most recently, else the newest of that role, else none', () => {
    const organizations = [org(1, 'points_operator', 'Ponta'), org(2, 'platform'), org(3, 'points_operator', 'Tポイント'), org(4, 'points_operator', 'dポイント')]
    expect(organizationForRole('card_issuer', organizations, [])).toBeUndefined()
    expect(organizationForRole('points_operator', organizations, [])?.name).toBe('dポイント')
    const events = [event(1, '2018-10-13T10:00:00+09:00', 1), event(2, '2018-10-17T10:00:00+09:00', 3), event(3, '2018-10-20T10:00:00+09:00', 2)]
    expect(organizationForRole('points_operator', organizations, events)?.name).toBe('Tポイント')
    // Compared as moments: 10:00 in Tokyo on the 18th is earlier than 09:00 in London that day.
    const zones = [event(4, '2018-10-18T10:00:00+09:00', 1), event(5, '2018-10-18T09:00:00+01:00', 4)]
    expect(organizationForRole('points_operator', organizations, zones)?.name).toBe('dポイント')
  })
})
