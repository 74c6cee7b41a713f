// A case's recovery-plan progress in the interchange format (version 2):
// export → import keeps it, merge joins it with the case's own (merging
// twice = merging once), and a broken plan section is refused at its JSON
// paths with nothing written. All on real encrypted case files.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  InvalidInputError,
  exportJsonFile,
  importJsonFile,
  mergeCaseFile,
  openCaseFile,
  planLibrary,
  type CaseFile,
} from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { STORY_JSON, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const ja = () => planLibrary().get('ja')
const NOTHING = { organizations: 0, events: 0, references: 0, losses: 0, evidence: 0, tasks: 0, policeRecords: 0, planSteps: 0 }

async function storyCase(dir: string, name: string): Promise<CaseFile> {
  const file = path.join(dir, name)
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  return openCaseFile(file, PASSPHRASE)
}

/** The row id of a step, by its step id (or, for the user's own, its title). */
function step(caseFile: CaseFile, key: string): number {
  const found = caseFile.plan.get()!.steps.find((s) => s.stepId === key || (s.custom && s.title === key))
  if (!found) throw new Error(`no step ${key}`)
  return found.id
}

const eventNamed = (caseFile: CaseFile, title: string) => caseFile.events.list().find((e) => e.title === title)!

/**
 * The story's points-theft plan worked on: a step ticked with a note of its
 * own, one ticked by an existing call, one hidden, one annotated, and a step
 * of the user's own (ticked) placed after the call.
 */
function workOnPlan(caseFile: CaseFile): void {
  caseFile.plan.adopt(ja(), 'points_theft', new Date('2018-10-17T00:00:00Z'))
  caseFile.plan.setDone({ id: step(caseFile, 'secure-account'), done: true, at: '2018-10-17T09:00+09:00' }, '済: アカウントを守る')
  caseFile.plan.setDone(
    { id: step(caseFile, 'contact-platform'), done: true, at: '2018-10-17T10:30+09:00', eventId: eventNamed(caseFile, 'Tポイント事務局に電話').id },
    'unused',
  )
  caseFile.plan.update({ id: step(caseFile, 'meet-conditions'), hidden: true })
  caseFile.plan.update({ id: step(caseFile, 'consult-police'), notes: '生活安全課 山田さん（内線 123）' })
  caseFile.plan.addStep({ title: '弁護士に相談', notes: '法テラス', afterId: step(caseFile, 'contact-platform') })
  caseFile.plan.setDone({ id: step(caseFile, '弁護士に相談'), done: true, at: '2018-11-01T10:00+09:00' }, '済: 弁護士に相談')
}

/** The plan without row ids, each linked event named by its title and time (ids differ between files). */
function portable(caseFile: CaseFile) {
  const plan = caseFile.plan.get()
  if (!plan) return null
  return {
    ...plan,
    steps: plan.steps.map(({ id: _id, eventId, ...s }) => {
      if (eventId === undefined) return s
      const event = caseFile.events.get(eventId)
      return { ...s, event: `${event.occurredAt} ${event.title}` }
    }),
  }
}

async function exportOf(caseFile: CaseFile, outJson: string): Promise<any> {
  await exportJsonFile(caseFile, outJson)
  return JSON.parse(fs.readFileSync(outJson, 'utf8'))
}

async function importFails(json: string): Promise<InvalidInputError> {
  const dir = path.dirname(json)
  const before = fs.readdirSync(dir).sort()
  const error = await importJsonFile(path.join(dir, 'out.kiroku'), PASSPHRASE, json).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InvalidInputError)
  expect(fs.readdirSync(dir).sort()).toEqual(before)
  return error as InvalidInputError
}

const auditOf = (caseFile: CaseFile, n: number) =>
  caseFile.audit(n).map((e) => ({ entity: e.entity, action: e.action, payload: JSON.parse(e.payload) }))

describe('the plan in export → import', () => {
  it('keeps the plan exactly: steps in order, done/hidden/notes, the user’s own steps, each linked to the same event', async () => {
    const dir = tempDir()
    const original = await storyCase(dir, 'original.kiroku')
    workOnPlan(original)
    const expected = portable(original)!
    expect(expected.steps.map((s) => s.stepId)).toContain('custom-1')

    const doc = await exportOf(original, path.join(dir, 'case.json'))
    expect(doc.version).toBe(2)
    const eventIds = new Set(doc.events.map((e: { id: string }) => e.id))
    const linked = doc.plan.steps.filter((s: { eventId?: string }) => s.eventId)
    expect(linked.map((s: { stepId: string }) => s.stepId)).toEqual(['secure-account', 'contact-platform', 'custom-1'])
    for (const s of linked) expect(eventIds.has(s.eventId)).toBe(true)
    expect(doc.plan.steps.find((s: { stepId: string }) => s.stepId === 'check-other-accounts')).toEqual({
      stepId: 'check-other-accounts',
      custom: false,
      title: ja().kinds.points_theft.steps.find((s) => s.id === 'check-other-accounts')!.title,
      done: false,
      hidden: false,
    })

    const copyFile = path.join(dir, 'copy.kiroku')
    await importJsonFile(copyFile, PASSPHRASE, path.join(dir, 'case.json'))
    const copy = openCaseFile(copyFile, PASSPHRASE)
    try {
      expect(portable(copy)).toEqual(expected)
      expect(copy.verify().ok).toBe(true)
      // Written with the rest, and audited as the plan code audits a plan taken on (the story's mail is read after it).
      expect(auditOf(copy, 3).filter((e) => e.entity !== 'evidence_text')).toEqual([
        { entity: 'case', action: 'import', payload: { source: 'case.json', added: expect.objectContaining({ planSteps: expected.steps.length }) } },
        { entity: 'plan', action: 'create', payload: expect.objectContaining({ kind: 'points_theft', adoptedAt: '2018-10-17T00:00:00.000Z' }) },
      ])
      // Export again: the same document, but for where the evidence files went.
      const again = await exportOf(copy, path.join(dir, 'again.json'))
      const withoutFiles = (d: any) => ({ ...d, evidence: d.evidence.map(({ file: _f, ...e }: any) => e) })
      expect(withoutFiles(again)).toEqual(withoutFiles(doc))

      // The imported note is the timeline's now: unticking leaves it there; the plan works on as before.
      const events = copy.events.list().length
      copy.plan.setDone({ id: step(copy, 'secure-account'), done: false }, 'unused')
      expect(copy.events.list()).toHaveLength(events)
      copy.plan.addStep({ title: '家族に話す' })
      expect(copy.plan.get()!.steps.at(-1)).toMatchObject({ stepId: 'custom-2', title: '家族に話す' })
    } finally {
      copy.close()
      original.close()
    }
  })

  it('does the same through the kiroku command', async () => {
    const dir = tempDir()
    const original = await storyCase(dir, 'original.kiroku')
    workOnPlan(original)
    const expected = portable(original)
    original.close()
    const env = { KIROKU_PASSPHRASE: PASSPHRASE }
    expect(kiroku(['export-json', path.join(dir, 'original.kiroku'), path.join(dir, 'out.json')], { env }).status).toBe(0)
    const imported = kiroku(['import-json', path.join(dir, 'copy.kiroku'), path.join(dir, 'out.json')], { env })
    expect(imported.status, imported.stderr).toBe(0)
    const copy = openCaseFile(path.join(dir, 'copy.kiroku'), PASSPHRASE)
    expect(portable(copy)).toEqual(expected)
    copy.close()
  })

  it('exports a case without a plan as version 1 with no plan key, and still imports version-1 documents', async () => {
    const dir = tempDir()
    expect(JSON.parse(fs.readFileSync(STORY_JSON, 'utf8')).version).toBe(1)
    const story = await storyCase(dir, 'story.kiroku')
    try {
      expect(story.plan.get()).toBeNull()
      const doc = await exportOf(story, path.join(dir, 'case.json'))
      expect(doc.version).toBe(1)
      expect('plan' in doc).toBe(false)
    } finally {
      story.close()
    }
  })
})

describe('the plan in merge', () => {
  it('takes the shared plan on whole when the case has none; merging twice = merging once', async () => {
    const dir = tempDir()
    const mine = await storyCase(dir, 'mine.kiroku')
    const theirs = await storyCase(dir, 'theirs.kiroku')
    try {
      workOnPlan(theirs)
      const events = mine.events.list().length
      const expected = portable(theirs)!

      const first = mergeCaseFile(mine, theirs)
      // The two notes ticking made come along with the steps they record.
      expect(first).toEqual({ ...NOTHING, events: 2, planSteps: expected.steps.length })
      expect(portable(mine)).toEqual(expected)
      expect(mine.events.list()).toHaveLength(events + 2)

      expect(mergeCaseFile(mine, theirs)).toEqual(NOTHING)
      expect(portable(mine)).toEqual(expected)
      expect(mine.events.list()).toHaveLength(events + 2)
      expect(mine.verify().ok).toBe(true)
    } finally {
      mine.close()
      theirs.close()
    }
  })

  it('keeps two own steps with the same title as two steps, merge after merge', async () => {
    const dir = tempDir()
    const mine = await storyCase(dir, 'mine.kiroku')
    const theirs = await storyCase(dir, 'theirs.kiroku')
    try {
      theirs.plan.adopt(ja(), 'points_theft', new Date('2018-10-17T00:00:00Z'))
      theirs.plan.addStep({ title: '銀行に電話' })
      const second = theirs.plan.addStep({ title: '銀行に電話', notes: '二回目' }).steps.at(-1)!
      theirs.plan.setDone({ id: second.id, done: true, at: '2018-10-20T10:00+09:00' }, '済: 銀行に電話')
      const own = (caseFile: CaseFile) => caseFile.plan.get()!.steps.filter((st) => st.custom).map(({ title, done, notes }) => ({ title, done, notes }))
      const expected = [
        { title: '銀行に電話', done: false, notes: undefined },
        { title: '銀行に電話', done: true, notes: '二回目' },
      ]
      expect(own(theirs)).toEqual(expected)

      mine.plan.adopt(ja(), 'points_theft', new Date('2018-10-18T00:00:00Z'))
      mergeCaseFile(mine, theirs)
      expect(own(mine)).toEqual(expected)
      expect(mergeCaseFile(mine, theirs)).toEqual(NOTHING)
      expect(own(mine)).toEqual(expected)
    } finally {
      mine.close()
      theirs.close()
    }
  })

  it('joins the same plan step by step: done in either is done (earliest time), my hidden and notes win, their own steps added once', async () => {
    const dir = tempDir()
    const mine = await storyCase(dir, 'mine.kiroku')
    const theirs = await storyCase(dir, 'theirs.kiroku')
    try {
      workOnPlan(theirs)
      theirs.plan.update({ id: step(theirs, 'meet-conditions'), hidden: false, notes: '相手のメモ' })
      theirs.plan.update({ id: step(theirs, 'check-other-accounts'), hidden: true })
      theirs.plan.addStep({ title: '家族に話す', afterId: step(theirs, 'contact-points-operator') })

      mine.plan.adopt(ja(), 'points_theft', new Date('2018-10-20T00:00:00Z'))
      // 01:00Z is later than their 09:00+09:00 (00:00Z), although it sorts first as text.
      mine.plan.setDone({ id: step(mine, 'secure-account'), done: true, at: '2018-10-17T01:00Z' }, '済: アカウントを守る（自分）')
      const myNote = mine.plan.get()!.steps.find((s) => s.stepId === 'secure-account')!.eventId
      mine.plan.update({ id: step(mine, 'meet-conditions'), hidden: true, notes: '自分のメモ' })
      mine.plan.addStep({ title: 'メモ帳を買う' })
      mine.plan.addStep({ title: '弁護士に相談', notes: '自分で探す' })

      const added = mergeCaseFile(mine, theirs)
      // Changed: secure-account (time), contact-platform (done), consult-police (notes),
      // 弁護士に相談 (done); added: 家族に話す.
      expect(added).toEqual({ ...NOTHING, events: 2, planSteps: 5 })

      const plan = mine.plan.get()!
      const byKey = (key: string) => plan.steps.find((s) => s.stepId === key || (s.custom && s.title === key))!
      expect(plan).toMatchObject({ kind: 'points_theft', adoptedAt: '2018-10-20T00:00:00.000Z' })
      expect(byKey('secure-account')).toMatchObject({ done: true, doneAt: '2018-10-17T09:00+09:00', eventId: myNote })
      expect(byKey('contact-platform')).toMatchObject({ done: true, doneAt: '2018-10-17T10:30+09:00', eventId: eventNamed(mine, 'Tポイント事務局に電話').id })
      expect(byKey('meet-conditions')).toMatchObject({ hidden: true, notes: '自分のメモ' })
      expect(byKey('check-other-accounts')).toMatchObject({ hidden: false, done: false })
      expect(byKey('consult-police').notes).toBe('生活安全課 山田さん（内線 123）')
      expect(byKey('弁護士に相談')).toMatchObject({ stepId: 'custom-2', done: true, doneAt: '2018-11-01T10:00+09:00', notes: '自分で探す' })
      expect(mine.events.get(byKey('弁護士に相談').eventId!).title).toBe('済: 弁護士に相談')
      // Their own step under a new id of mine, after the step it follows in theirs.
      const keys = plan.steps.map((s) => (s.custom ? `${s.stepId} ${s.title}` : s.stepId))
      expect(keys.slice(keys.indexOf('contact-points-operator'), keys.indexOf('contact-points-operator') + 2)).toEqual([
        'contact-points-operator',
        'custom-3 家族に話す',
      ])
      expect(keys.filter((k) => k.startsWith('custom-'))).toEqual(['custom-3 家族に話す', 'custom-1 メモ帳を買う', 'custom-2 弁護士に相談'])
      // Each change audited like the plan code's own, before the merge entry.
      const audit = auditOf(mine, 6).reverse()
      expect(audit.map((e) => `${e.entity} ${e.action} ${e.payload.stepId ?? ''}`.trim())).toEqual([
        'plan_step update secure-account',
        'plan_step update contact-platform',
        'plan_step update custom-2',
        'plan_step create custom-3',
        'plan_step update consult-police',
        'case merge',
      ])

      const once = portable(mine)
      const events = mine.events.list().length
      expect(mergeCaseFile(mine, theirs)).toEqual(NOTHING)
      expect(portable(mine)).toEqual(once)
      expect(mine.events.list()).toHaveLength(events)
      expect(mine.verify().ok).toBe(true)
    } finally {
      mine.close()
      theirs.close()
    }
  })

  it('leaves a plan for another kind out, keeping the case’s own, and says so', async () => {
    const dir = tempDir()
    const mine = await storyCase(dir, 'mine.kiroku')
    const theirs = await storyCase(dir, 'theirs.kiroku')
    try {
      workOnPlan(theirs)
      mine.plan.adopt(ja(), 'card_fraud', new Date('2018-10-20T00:00:00Z'))
      mine.plan.update({ id: step(mine, 'stop-card'), notes: 'カード会社に電話済み' })
      const before = portable(mine)

      const added = mergeCaseFile(mine, theirs)
      expect(added).toEqual({ ...NOTHING, events: 2, planNotMerged: 'points_theft' })
      expect(portable(mine)).toEqual(before)
      expect(auditOf(mine, 1)[0]).toMatchObject({ entity: 'case', action: 'merge', payload: { added: { planNotMerged: 'points_theft', planSteps: 0 } } })
      expect(mergeCaseFile(mine, theirs)).toEqual({ ...NOTHING, planNotMerged: 'points_theft' })
      expect(portable(mine)).toEqual(before)
    } finally {
      mine.close()
      theirs.close()
    }
  })
})

describe('a shared file whose plan rows were written by something other than Kiroku', () => {
  it('is refused with the path of the bad step, and the case is left as it was', async () => {
    const dir = tempDir()
    const mine = await storyCase(dir, 'mine.kiroku')
    const theirs = await storyCase(dir, 'theirs.kiroku')
    try {
      workOnPlan(theirs)
      // A plan step posing as the user's own: taken as it is, it would clash with a custom-1 made here.
      theirs.db.prepare(`UPDATE plan_steps SET custom = 0 WHERE step_id = 'custom-1'`).run()
      const at = theirs.plan.get()!.steps.findIndex((s) => s.stepId === 'custom-1')
      const head = mine.auditHead()
      const events = mine.events.list().length

      const error = (() => {
        try {
          mergeCaseFile(mine, theirs)
        } catch (e) {
          return e
        }
      })()
      expect(error).toBeInstanceOf(InvalidInputError)
      expect((error as InvalidInputError).issues.map((i) => i.path)).toEqual([`$.plan.steps[${at}].stepId`])
      expect(mine.plan.get()).toBeNull()
      expect(mine.events.list()).toHaveLength(events)
      expect(mine.auditHead()).toEqual(head)
    } finally {
      mine.close()
      theirs.close()
    }
  })
})

/** A valid plan section for the story (whose events are e1…e6). */
function storyPlan(): any {
  return {
    kind: 'points_theft',
    version: 1,
    lang: 'ja',
    adoptedAt: '2018-10-17T00:00:00.000Z',
    steps: [
      { stepId: 'secure-account', title: 'パスワードを変える', done: true, doneAt: '2018-10-17T09:00+09:00', eventId: 'e2' },
      { stepId: 'contact-platform', title: '運営会社に連絡', done: true, eventId: ' e3 ' },
      { stepId: 'consult-police', title: '警察に相談', doneAt: '', eventId: '' },
      { stepId: 'custom-1', custom: true, title: '  弁護士に相談 ', notes: ' \n ', hidden: true },
    ],
  }
}

describe('the plan section, checked', () => {
  it('imports a hand-written plan: links resolve, blanks are absent, text is trimmed', async () => {
    const dir = tempDir()
    const json = writeStoryCopy(dir, (doc) => Object.assign(doc, { version: 2, plan: storyPlan() }))
    await importJsonFile(path.join(dir, 'case.kiroku'), PASSPHRASE, json)
    const caseFile = openCaseFile(path.join(dir, 'case.kiroku'), PASSPHRASE)
    try {
      expect(portable(caseFile)).toEqual({
        kind: 'points_theft',
        moreKinds: [],
        version: 1,
        lang: 'ja',
        adoptedAt: '2018-10-17T00:00:00.000Z',
        steps: [
          { stepId: 'secure-account', custom: false, title: 'パスワードを変える', done: true, doneAt: '2018-10-17T09:00+09:00', hidden: false, event: '2018-10-17T08:30:00+09:00 ログイン履歴に中国からの不正ログインを発見' },
          { stepId: 'contact-platform', custom: false, title: '運営会社に連絡', done: true, hidden: false, event: '2018-10-17T10:15:00+09:00 Tポイント事務局に電話' },
          { stepId: 'consult-police', custom: false, title: '警察に相談', done: false, hidden: false },
          { stepId: 'custom-1', custom: true, title: '弁護士に相談', done: false, hidden: true },
        ],
      })
    } finally {
      caseFile.close()
    }
  })

  it('refuses a plan of the wrong shape at each path', async () => {
    const json = writeStoryCopy(tempDir(), (doc) => {
      const plan = storyPlan()
      plan.kind = 'burglary'
      plan.lang = 'fr'
      plan.adoptedAt = '2018-10-17'
      plan.steps[0].doneAt = 'yesterday'
      plan.steps[1].stepId = 'Contact Platform'
      plan.steps[2].title = '   '
      plan.steps[3].colour = 'red'
      Object.assign(doc, { version: 2, plan })
    })
    expect((await importFails(json)).issues.map((i) => i.path).sort()).toEqual(
      [
        '$.plan.kind',
        '$.plan.lang',
        '$.plan.adoptedAt',
        '$.plan.steps[0].doneAt',
        '$.plan.steps[1].stepId',
        '$.plan.steps[2].title',
        '$.plan.steps[3]',
      ].sort(),
    )
  })

  it('refuses unknown events, repeated steps and steps that contradict themselves, at their paths', async () => {
    const json = writeStoryCopy(tempDir(), (doc) => {
      const plan = storyPlan()
      plan.steps[0].eventId = 'e99'
      plan.steps.push(
        { stepId: 'secure-account', title: 'もう一度' },
        { stepId: 'custom-2', title: '自分の手順のはず' },
        { stepId: 'write-down', custom: true, title: '計画の手順のはず' },
        { stepId: 'check-damage', title: 'まだ', doneAt: '2018-10-20T10:00+09:00', eventId: 'e4' },
      )
      Object.assign(doc, { version: 2, plan })
    })
    const { issues } = await importFails(json)
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        '$.plan.steps[0].eventId',
        '$.plan.steps[4].stepId',
        '$.plan.steps[5].stepId',
        '$.plan.steps[6].stepId',
        '$.plan.steps[7].doneAt',
        '$.plan.steps[7].eventId',
      ].sort(),
    )
    const message = (p: string) => issues.filter((i) => i.path === p).map((i) => i.message).join(' ')
    expect(message('$.plan.steps[0].eventId')).toMatch(/no event with id "e99"/)
    expect(message('$.plan.steps[4].stepId')).toMatch(/"secure-account" is listed twice/)
  })

  it('refuses a plan in a version-1 document, pointing at version 2', async () => {
    const json = writeStoryCopy(tempDir(), (doc) => Object.assign(doc, { version: 1, plan: storyPlan() }))
    expect((await importFails(json)).issues).toEqual([{ path: '$.plan', message: expect.stringMatching(/version 2/) }])
  })

  it('refuses a document from a version it does not know, clearly', async () => {
    const json = writeStoryCopy(tempDir(), (doc) => Object.assign(doc, { version: 99, plan: storyPlan(), somethingNew: {} }))
    const error = await importFails(json)
    expect(error.issues).toEqual([{ path: '$.version', message: expect.stringMatching(/version 99, written by a newer Kiroku/) }])
    for (const bad of [0, 1.5, '2']) {
      const odd = writeStoryCopy(tempDir(), (doc) => (doc.version = bad))
      expect((await importFails(odd)).issues.map((i) => i.path)).toEqual(['$.version'])
    }
  })
})
