// A case that is more than one kind of fraud (account takeover and points
// theft come together): another kind's steps join the plan, none listed
// twice; the file, the interchange document (format 5), merge and the
// preparation sheet carry the kinds.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, exportJsonFile, importJsonFile, mergeCaseFile, openCaseFile, planLibrary, type CaseFile } from '../../electron/main/core'
import { APPLICATION_ID, MIGRATIONS } from '../../electron/main/core/casefile/migrations'
import { labelsFor } from '../../electron/main/core/dossier/labels'
import { InvalidInputError } from '../../electron/main/core/errors'
import { stepDefinition } from '../../shared/plans'
import { kiroku } from '../helpers/cli'
import { testRouter } from '../helpers/ipc'
import { pdfText, squeeze } from '../helpers/pdf'
import { STORY_JSON, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const ja = () => planLibrary().get('ja')
const idsOf = (kind: 'points_theft' | 'account_takeover' | 'card_fraud') => ja().kinds[kind].steps.map((s) => s.id)

async function storyCase(dir: string, name: string): Promise<CaseFile> {
  const file = path.join(dir, name)
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  return openCaseFile(file, PASSPHRASE)
}

describe('adding a kind to the plan', () => {
  it('joins the other kind’s steps after the steps they follow, each step once; adding it again changes nothing', async () => {
    const c = await storyCase(tempDir(), 'case.kiroku')
    try {
      c.plan.adopt(ja(), 'points_theft')
      c.plan.setDone({ id: c.plan.get()!.steps[0]!.id, done: true, at: '2018-10-17T09:00+09:00' }, '済')
      const auditBefore = c.audit().length
      const plan = c.plan.addKind(ja(), 'account_takeover')

      expect(plan.kind).toBe('points_theft')
      expect(plan.moreKinds).toEqual(['account_takeover'])
      const ids = plan.steps.map((s) => s.stepId)
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(ids)).toEqual(new Set([...idsOf('points_theft'), ...idsOf('account_takeover')]))
      // Each kind's own order holds within the joined plan.
      for (const kind of ['points_theft', 'account_takeover'] as const) {
        const order = idsOf(kind).map((id) => ids.indexOf(id))
        expect(order, kind).toEqual([...order].sort((a, b) => a - b))
      }
      // Progress made before stays; the added steps start open, with their wording from the plan file.
      expect(plan.steps[0]).toMatchObject({ stepId: 'secure-account', done: true })
      const added = plan.steps.filter((s) => !idsOf('points_theft').includes(s.stepId))
      expect(added.map((s) => s.stepId)).toEqual(idsOf('account_takeover').filter((id) => !idsOf('points_theft').includes(id)))
      for (const s of added) {
        expect(s.done).toBe(false)
        expect(stepDefinition(ja(), plan, s)?.title).toBe(s.title)
      }
      // One audited change, sealed like every other: the file still verifies.
      const entries = c.audit().slice(0, c.audit().length - auditBefore)
      expect(entries.map((e) => `${e.entity} ${e.action}`)).toEqual(['plan update'])
      expect(JSON.parse(entries[0]!.payload)).toEqual({ moreKinds: ['account_takeover'], added: added.map((s) => s.stepId) })
      expect(c.verify().problems).toEqual([])

      expect(c.plan.addKind(ja(), 'account_takeover')).toEqual(plan)
      expect(c.plan.addKind(ja(), 'points_theft')).toEqual(plan)
      expect(c.audit().length).toBe(auditBefore + 1)

      // A third kind whose first step is new goes to the top: stopping a card cannot wait.
      const three = c.plan.addKind(ja(), 'card_fraud')
      expect(three.moreKinds).toEqual(['account_takeover', 'card_fraud'])
      expect(three.steps[0]!.stepId).toBe('stop-card')
      expect(three.steps.filter((s) => s.stepId === 'consult-police')).toHaveLength(1)
    } finally {
      c.close()
    }
  })

  it('goes through the IPC contract, which refuses an unknown kind and a case with no plan', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    const router = testRouter(dir)
    await router.choose('create', file)
    const base = { path: file, passphrase: PASSPHRASE, case: { title: 'x', kind: 'account_takeover', status: 'open', summary: '', victim: {} } }
    expect((await router.call('case:create', base)).ok).toBe(true)
    expect(await router.call('plan:addKind', { kind: 'points_theft', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect((await router.call('plan:adopt', { kind: 'account_takeover', lang: 'en' })).ok).toBe(true)
    expect(await router.call('plan:addKind', { kind: 'lottery', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const added = await router.call('plan:addKind', { kind: 'points_theft', lang: 'en' })
    expect(added).toMatchObject({ ok: true, value: { kind: 'account_takeover', moreKinds: ['points_theft'] } })
    const got = await router.call('plan:get', undefined)
    expect(got).toEqual(added)
  })
})

describe('more kinds in the interchange document (format 5)', () => {
  it('round-trips through export and import, and only then writes version 5', async () => {
    const dir = tempDir()
    const c = await storyCase(dir, 'a.kiroku')
    try {
      c.plan.adopt(ja(), 'points_theft')
      await exportJsonFile(c, path.join(dir, 'one.json'))
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'one.json'), 'utf8')).plan.moreKinds).toBeUndefined()
      c.plan.addKind(ja(), 'account_takeover')
      await exportJsonFile(c, path.join(dir, 'two.json'))
      const doc = JSON.parse(fs.readFileSync(path.join(dir, 'two.json'), 'utf8'))
      expect(doc.version).toBe(5)
      expect(doc.plan.moreKinds).toEqual(['account_takeover'])
      await importJsonFile(path.join(dir, 'copy.kiroku'), PASSPHRASE, path.join(dir, 'two.json'))
      const copy = openCaseFile(path.join(dir, 'copy.kiroku'), PASSPHRASE)
      try {
        const strip = (p: ReturnType<CaseFile['plan']['get']>) => ({ ...p!, steps: p!.steps.map(({ id: _id, eventId: _e, ...s }) => s) })
        expect(strip(copy.plan.get())).toEqual(strip(c.plan.get()))
        expect(copy.verify().problems).toEqual([])
      } finally {
        copy.close()
      }
    } finally {
      c.close()
    }
  })

  it('refuses more kinds in a version-4 document, and a kind listed twice, at their paths', async () => {
    const plan = (moreKinds: string[]) => ({ kind: 'points_theft', moreKinds, version: 2, lang: 'ja', adoptedAt: '2018-10-17T00:00:00Z', steps: [] })
    for (const [version, moreKinds, path_, pattern] of [
      [4, ['account_takeover'], '$.plan.moreKinds', /format version 5/],
      [5, ['account_takeover', 'points_theft'], '$.plan.moreKinds[1]', /already covers "points_theft"/],
    ] as const) {
      const dir = tempDir()
      const json = writeStoryCopy(dir, (doc) => Object.assign(doc, { version, plan: plan([...moreKinds]) }))
      const error = await importJsonFile(path.join(dir, 'out.kiroku'), PASSPHRASE, json).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InvalidInputError)
      expect((error as InvalidInputError).issues).toEqual([{ path: path_, message: expect.stringMatching(pattern) }])
      expect(fs.existsSync(path.join(dir, 'out.kiroku'))).toBe(false)
    }
  })
})

describe('more kinds in merge', () => {
  it('takes on the kinds a shared plan added, with their steps, once; a plan with no kind in common stays out', async () => {
    const dir = tempDir()
    const mine = await storyCase(dir, 'mine.kiroku')
    const theirs = await storyCase(dir, 'theirs.kiroku')
    const other = await storyCase(dir, 'other.kiroku')
    try {
      mine.plan.adopt(ja(), 'points_theft')
      theirs.plan.adopt(ja(), 'points_theft')
      theirs.plan.addKind(ja(), 'account_takeover')
      mergeCaseFile(mine, theirs)
      const merged = mine.plan.get()!
      expect(merged.moreKinds).toEqual(['account_takeover'])
      expect(merged.steps.map((s) => s.stepId)).toEqual(theirs.plan.get()!.steps.map((s) => s.stepId))
      mergeCaseFile(mine, theirs)
      expect(mine.plan.get()).toEqual(merged)
      expect(mine.verify().problems).toEqual([])

      other.plan.adopt(ja(), 'card_fraud')
      expect(mergeCaseFile(other, theirs).planNotMerged).toBe('points_theft')
      expect(other.plan.get()!.moreKinds).toEqual([])
    } finally {
      mine.close()
      theirs.close()
      other.close()
    }
  })
})

describe('schema 7', () => {
  it('opens a schema-6 file with a plan: one kind, still verifying; then takes another', () => {
    const file = path.join(tempDir(), 'v6.kiroku')
    const db = new Database(file)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE))
    for (const migration of MIGRATIONS.slice(0, 6)) db.exec(migration)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 6')
    db.prepare(`INSERT INTO case_info (id, title, kind, status, updated_at) VALUES (1, 'v6', 'points_theft', 'open', '2018-10-12T00:00:00Z')`).run()
    db.prepare(`INSERT INTO case_plan (id, kind, version, lang, adopted_at) VALUES (1, 'points_theft', 2, 'ja', '2018-10-12T00:00:00Z')`).run()
    db.prepare(`INSERT INTO plan_steps (step_id, position, title) VALUES ('secure-account', 1, 'x'), ('consult-police', 2, 'y')`).run()
    db.close()

    const c = openCaseFile(file, PASSPHRASE)
    try {
      expect(c.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(c.plan.get()!.moreKinds).toEqual([])
      expect(c.verify().problems).toEqual([])
      expect(c.plan.addKind(ja(), 'account_takeover').steps.filter((s) => s.stepId === 'consult-police')).toHaveLength(1)
      expect(c.verify().problems).toEqual([])
      // The column takes only a list, whoever writes it.
      expect(() => c.db.prepare(`UPDATE case_plan SET more_kinds = 'card_fraud'`).run()).toThrow(/CHECK/)
    } finally {
      c.close()
    }
  })
})

describe('the documents of a case with more kinds', () => {
  it('the preparation sheet asks to bring what each kind needs; the dossier names every kind', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    await importJsonFile(file, PASSPHRASE, STORY_JSON)
    const c = openCaseFile(file, PASSPHRASE)
    try {
      c.plan.adopt(ja(), 'points_theft')
      c.plan.addKind(ja(), 'card_fraud')
    } finally {
      c.close()
    }
    const out = path.join(dir, 'prep.pdf')
    const run = kiroku(['prep-sheet', file, out, '--for', 'police', '--lang', 'en'], { env: { KIROKU_PASSPHRASE: PASSPHRASE } })
    expect(run.status, run.stderr).toBe(0)
    const text = squeeze(pdfText(out))
    const bring = planLibrary().get('en').prep.police.bring
    for (const kind of ['points_theft', 'card_fraud'] as const) {
      const item = bring.find((b) => b.kinds?.length === 1 && b.kinds[0] === kind)!
      expect(text, kind).toContain(squeeze(item.text))
    }
    expect(text).not.toContain(squeeze(bring.find((b) => b.kinds?.[0] === 'shopping_scam')!.text))

    const dossier = path.join(dir, 'dossier.pdf')
    expect(kiroku(['dossier', file, dossier, '--lang', 'en'], { env: { KIROKU_PASSPHRASE: PASSPHRASE } }).status).toBe(0)
    const dossierText = squeeze(pdfText(dossier))
    for (const kind of ['points_theft', 'card_fraud'] as const) expect(dossierText, kind).toContain(squeeze(labelsFor('en').kinds[kind]))
  })
})
