// A case's progress through its plan, in the case file: the migration that
// adds it, taking a plan on at creation, ticking (a note on the timeline in
// the same transaction, audited), unticking, hiding, the user's own steps.
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { openCaseFile, planLibrary, SCHEMA_VERSION } from '../../electron/main/core'
import { APPLICATION_ID, MIGRATIONS } from '../../electron/main/core/casefile/migrations'
import { testRouter } from '../helpers/ipc'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const CASE = { title: 'Tポイント不正利用', kind: 'points_theft', status: 'open', summary: '', victim: {} }

/** `null`: a case created without a plan. */
async function newCaseWithPlan(plan: unknown = { kind: 'points_theft', lang: 'ja' }) {
  const dir = tempDir()
  const file = path.join(dir, 'case.kiroku')
  const router = testRouter(dir)
  await router.choose('create', file)
  const created = await router.call('case:create', { path: file, passphrase: PASSPHRASE, case: CASE, ...(plan === null ? {} : { plan }) })
  expect(created.ok).toBe(true)
  return { dir, file, ...router }
}

const value = <T = any>(result: { ok: boolean; value?: T; error?: unknown }): T => {
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true })
  return result.value as T
}

describe('schema 3: the recovery plan', () => {
  it('migrates a schema-2 file, keeping its data; it has no plan until one is adopted', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3)
    const file = path.join(tempDir(), 'v2.kiroku')
    const db = new Database(file)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE))
    db.exec(MIGRATIONS[0])
    db.exec(MIGRATIONS[1])
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 2')
    db.prepare(`INSERT INTO case_info (id, title, kind, status, updated_at) VALUES (1, 'v2', 'card_fraud', 'open', '2018-10-12T00:00:00Z')`).run()
    db.prepare(`INSERT INTO events (occurred_at, occurred_utc, kind, title) VALUES ('2018-10-12T09:30+09:00', '2018-10-12T00:30:00.000Z', 'note', 'from v2')`).run()
    db.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(caseFile.events.list()).toMatchObject([{ title: 'from v2' }])
      expect(caseFile.plan.get()).toBeNull()
      const plan = caseFile.plan.adopt(planLibrary().get('en'), 'card_fraud', new Date('2018-10-13T00:00:00Z'))
      expect(plan).toMatchObject({ kind: 'card_fraud', lang: 'en', version: planLibrary().get('en').version, adoptedAt: '2018-10-13T00:00:00.000Z' })
      expect(plan.steps.map((s) => s.stepId)).toEqual(planLibrary().get('en').kinds.card_fraud.steps.map((s) => s.id))
      expect(caseFile.verify().ok).toBe(true)
    } finally {
      caseFile.close()
    }
  })
})

describe('plan progress through the IPC channels', () => {
  it('starts a new case with the plan chosen in the New case dialog, and none when none was chosen', async () => {
    const { call } = await newCaseWithPlan()
    const plan = value(await call('plan:get'))
    expect(plan).toMatchObject({ kind: 'points_theft', lang: 'ja' })
    expect(plan.steps[0]).toEqual({ id: 1, stepId: 'secure-account', custom: false, title: 'アカウントから相手を締め出す', done: false, hidden: false })
    // A second plan is refused; the first stays.
    expect(await call('plan:adopt', { kind: 'phishing', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    const without = await newCaseWithPlan(null)
    expect(value(await without.call('plan:get'))).toBeNull()
    expect(await without.call('plan:setDone', { id: 1, done: true, lang: 'ja' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(value(await without.call('plan:adopt', { kind: 'other', lang: 'en' })).steps.length).toBe(planLibrary().get('en').kinds.other.steps.length)
  })

  it('ticks a step: the step, its timeline note and the audit entries land together; unticking takes the note back', async () => {
    const { call, file } = await newCaseWithPlan()
    const ticked = value(await call('plan:setDone', { id: 1, done: true, lang: 'en', at: '2018-10-12T22:10:00+09:00' }))
    const step = ticked.steps[0]
    expect(step).toMatchObject({ done: true, doneAt: '2018-10-12T22:10:00+09:00' })
    const events = value(await call('events:list'))
    // The note is in the language the page asked for, whatever the plan was adopted in.
    expect(events).toEqual([expect.objectContaining({ id: step.eventId, kind: 'note', title: 'Done: Lock the intruder out of the account', occurredAt: '2018-10-12T22:10:00+09:00' })])
    // Ticking again changes nothing.
    expect(value(await call('plan:setDone', { id: 1, done: true, lang: 'en' })).steps[0]).toEqual(step)
    expect(value(await call('events:list'))).toHaveLength(1)

    const unticked = value(await call('plan:setDone', { id: 1, done: false, lang: 'en' }))
    expect(unticked.steps[0]).toEqual({ id: 1, stepId: 'secure-account', custom: false, title: 'アカウントから相手を締め出す', done: false, hidden: false })
    expect(value(await call('events:list'))).toEqual([])
    await call('case:close')

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const audit = caseFile.audit().reverse().map((e) => `${e.entity} ${e.action}`)
      expect(audit).toEqual(['case create', 'plan create', 'event create', 'plan_step update', 'event delete', 'plan_step update'])
      expect(caseFile.verify().ok).toBe(true)
    } finally {
      caseFile.close()
    }
  })

  it('links a step to the call that carried it out, and keeps that call when the step is unticked', async () => {
    const { call } = await newCaseWithPlan()
    const logged = value(
      await call('events:logCall', {
        event: { occurredAt: '2018-10-13T10:00:00+09:00', kind: 'contact', title: 'Tポイント事務局に電話', channel: 'phone' },
        promise: { title: '調査結果の連絡', dueAt: '2018-10-20' },
      }),
    )
    const plan = value(await call('plan:get'))
    const operatorStep = plan.steps.find((s: { stepId: string }) => s.stepId === 'contact-points-operator')
    const ticked = value(await call('plan:setDone', { id: operatorStep.id, done: true, lang: 'ja', eventId: logged.id, at: logged.occurredAt }))
    expect(ticked.steps.find((s: { id: number }) => s.id === operatorStep.id)).toMatchObject({ done: true, eventId: logged.id, doneAt: '2018-10-13T10:00:00+09:00' })
    expect(value(await call('events:list'))).toHaveLength(1) // no extra note
    value(await call('plan:setDone', { id: operatorStep.id, done: false, lang: 'ja' }))
    expect(value(await call('events:list'))).toMatchObject([{ id: logged.id }])
  })

  it('writes nothing when a tick fails half-way', async () => {
    const { call, file } = await newCaseWithPlan()
    expect(await call('plan:setDone', { id: 1, done: true, lang: 'ja', eventId: 99 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('plan:setDone', { id: 999, done: true, lang: 'ja' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(value(await call('plan:get')).steps[0].done).toBe(false)
    expect(value(await call('events:list'))).toEqual([])
    await call('case:close')
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.audit().map((e) => e.entity)).toEqual(['plan', 'case'])
    } finally {
      caseFile.close()
    }
  })

  it('hides and shows steps, keeps notes, adds and removes steps of the user’s own', async () => {
    const { call } = await newCaseWithPlan()
    value(await call('plan:updateStep', { id: 2, hidden: true }))
    let plan = value(await call('plan:updateStep', { id: 3, notes: '  Yahoo!のIDは h***@example.jp  ' }))
    expect(plan.steps[1]).toMatchObject({ hidden: true })
    expect(plan.steps[2]).toMatchObject({ hidden: false, notes: 'Yahoo!のIDは h***@example.jp' })
    // A plan step is renamed nowhere but in the plan files, and only hidden, never removed.
    expect(await call('plan:updateStep', { id: 3, title: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('plan:deleteStep', { id: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })

    plan = value(await call('plan:addStep', { title: 'Pontaカードを再発行する', afterId: 1 }))
    expect(plan.steps.map((s: { stepId: string }) => s.stepId).slice(0, 3)).toEqual(['secure-account', 'custom-1', 'save-login-history'])
    const custom = plan.steps[1]
    expect(custom).toMatchObject({ custom: true, title: 'Pontaカードを再発行する', done: false })
    plan = value(await call('plan:addStep', { title: '家族に知らせる' }))
    expect(plan.steps.at(-1)).toMatchObject({ stepId: 'custom-2', custom: true })
    value(await call('plan:updateStep', { id: custom.id, title: 'Pontaカードを再発行（店頭）' }))
    // A custom step's note on the timeline uses its own title.
    value(await call('plan:setDone', { id: custom.id, done: true, lang: 'ja' }))
    expect(value(await call('events:list'))).toMatchObject([{ title: '完了：Pontaカードを再発行（店頭）' }])
    plan = value(await call('plan:deleteStep', { id: custom.id }))
    expect(plan.steps.some((s: { id: number }) => s.id === custom.id)).toBe(false)
    expect(value(await call('plan:updateStep', { id: 2, hidden: false })).steps[1]).toMatchObject({ hidden: false })
    expect(await call('plan:addStep', { title: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // A broken character (half a surrogate pair) would be stored as U+FFFD, silently: refused like in every other field.
    expect(await call('plan:addStep', { title: 'ポイント\uD800' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/broken character/) } })
    expect(await call('plan:updateStep', { id: 1, notes: 'メモ\uDC00' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('plan:addStep', { title: 'x', afterId: 4242 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('hands out the plan texts of each language', async () => {
    const { call } = testRouter(tempDir())
    const ja = value(await call('plans:library', { lang: 'ja' }))
    expect(ja.kinds.points_theft.steps[0].title).toBe('アカウントから相手を締め出す')
    expect(await call('plans:library', { lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
