// case:merge over the real router: the main process asks for the shared file
// (the `open` answer), opens it with its own passphrase, verifies it, merges
// it into the open case and says what it added.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile, planLibrary, shareCaseFile } from '../../electron/main/core'
import { testRouter } from '../helpers/ipc'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'
import { twoPagePdf } from '../helpers/japanese-mail'

const SHARE_PASSPHRASE = 'for the lawyer 弁護士'
/** The shared case follows the points-theft plan; the case merged into has none. */
const PLAN_STEPS = planLibrary().get('ja').kinds.points_theft.steps.length
const NOTHING = { organizations: 0, events: 0, references: 0, losses: 0, evidence: 0, tasks: 0, policeRecords: 0, planSteps: 0 }

/** My case, and an encrypted copy of the same story with one more consultation in it. */
async function setUp() {
  const dir = tempDir()
  const mine = path.join(dir, 'mine.kiroku')
  await importJsonFile(mine, PASSPHRASE, STORY_JSON)
  const theirsFile = path.join(dir, 'theirs.kiroku')
  await importJsonFile(theirsFile, PASSPHRASE, STORY_JSON)
  const theirs = openCaseFile(theirsFile, PASSPHRASE)
  const shared = path.join(dir, 'shared.kiroku')
  try {
    const org = theirs.organizations.create({ name: '消費生活センター', role: 'consumer_center' })
    const { evidence } = theirs.evidence.add({ bytes: Buffer.from('相談メモ'), fileName: 'memo.txt' })
    theirs.events.create({ occurredAt: '2018-10-30T11:00+09:00', kind: 'contact', title: '188に相談', organizationId: org.id, evidenceIds: [evidence.id] })
    theirs.references.create({ label: '相談番号', value: 'CC-1030', organizationId: org.id })
    theirs.plan.adopt(planLibrary().get('ja'), 'points_theft')
    await shareCaseFile(theirs, PASSPHRASE, shared, SHARE_PASSPHRASE)
  } finally {
    theirs.close()
  }
  const answers: { open?: string } = { open: shared }
  const router = testRouter(dir, answers)
  await router.choose('open', mine)
  expect(await router.call('case:open', { path: mine, passphrase: PASSPHRASE })).toMatchObject({ ok: true })
  const counts = async () => {
    const out: Record<string, number> = {}
    for (const list of ['organizations', 'events', 'references', 'losses', 'evidence', 'tasks']) {
      const result = await router.call(`${list}:list`)
      out[list] = result.ok ? result.value.length : -1
    }
    return out
  }
  return { dir, mine, shared, answers, counts, ...router }
}

describe('case:merge', () => {
  it('reads the PDFs and mails it merged in, in the background, so their words are found', async () => {
    const dir = tempDir()
    const mine = path.join(dir, 'mine.kiroku')
    await importJsonFile(mine, PASSPHRASE, STORY_JSON)
    const theirsFile = path.join(dir, 'theirs.kiroku')
    await importJsonFile(theirsFile, PASSPHRASE, STORY_JSON)
    const theirs = openCaseFile(theirsFile, PASSPHRASE)
    const shared = path.join(dir, 'shared.kiroku')
    try {
      // Stored as bytes only, as a Kiroku from before evidence was read would have.
      theirs.evidence.add({ bytes: Buffer.from(await twoPagePdf('Statement', 'Quokka balance')), fileName: 'statement.pdf' })
      await shareCaseFile(theirs, PASSPHRASE, shared, SHARE_PASSPHRASE)
    } finally {
      theirs.close()
    }
    const router = testRouter(dir, { open: shared })
    await router.choose('open', mine)
    expect(await router.call('case:open', { path: mine, passphrase: PASSPHRASE })).toMatchObject({ ok: true })
    expect(await router.call('search', { query: 'Quokka' })).toEqual({ ok: true, value: [] })
    expect(await router.call('case:merge', { passphrase: SHARE_PASSPHRASE })).toMatchObject({ ok: true, value: { added: { evidence: 1 } } })
    await router.session.readingIdle()
    expect(await router.call('evidence:reading')).toEqual({ ok: true, value: { waiting: 0, read: 1, reading: false } })
    expect(await router.call('search', { query: 'Quokka' })).toMatchObject({ ok: true, value: [{ entity: 'evidence', text: 'Statement Quokka balance' }] })
  })

  it('takes the shared plan into a case without one, and says so when the case follows another plan', async () => {
    const first = await setUp()
    const taken = await first.call('case:merge', { passphrase: SHARE_PASSPHRASE })
    expect(taken).toMatchObject({ ok: true, value: { added: { planSteps: PLAN_STEPS } } })
    expect(await first.call('plan:get')).toMatchObject({ ok: true, value: { kind: 'points_theft' } })

    const other = await setUp()
    expect((await other.call('plan:adopt', { kind: 'account_takeover', lang: 'ja' })).ok).toBe(true)
    const kept = await other.call('case:merge', { passphrase: SHARE_PASSPHRASE })
    expect(kept).toMatchObject({ ok: true, value: { added: { planSteps: 0, planNotMerged: 'points_theft' } } })
    expect(await other.call('plan:get')).toMatchObject({ ok: true, value: { kind: 'account_takeover' } })
  })

  it('adds what the shared file has and the case lacks, says what; merging twice = merging once', async () => {
    const { call, shared, counts, logged } = await setUp()
    const before = await counts()

    const first = await call('case:merge', { passphrase: SHARE_PASSPHRASE })
    expect(first).toEqual({ ok: true, value: { path: shared, added: { ...NOTHING, organizations: 1, events: 1, references: 1, evidence: 1, planSteps: PLAN_STEPS } } })
    const once = await counts()
    expect(once).toEqual({ ...before, organizations: before.organizations + 1, events: before.events + 1, references: before.references + 1, evidence: before.evidence + 1 })
    const events = await call('events:list')
    expect(events.ok && events.value.map((e: { title: string }) => e.title)).toContain('188に相談')

    const second = await call('case:merge', { passphrase: SHARE_PASSPHRASE })
    expect(second).toEqual({ ok: true, value: { path: shared, added: NOTHING } })
    expect(await counts()).toEqual(once)
    // The file picked for merging was read once; it is not a case the page may now open or restore over.
    expect(await call('case:open', { path: shared, passphrase: SHARE_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('backups:list', { path: shared })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(logged).toEqual([])
  })

  it('refuses a wrong passphrase for the shared file with the usual cannot_open error, changing nothing', async () => {
    const { call, counts } = await setUp()
    const before = await counts()
    // The open case's own passphrase does not open the copy either.
    for (const passphrase of ['not the passphrase', PASSPHRASE]) {
      expect(await call('case:merge', { passphrase })).toMatchObject({
        ok: false,
        error: { code: 'cannot_open', reason: 'wrong_passphrase_or_damaged' },
      })
    }
    expect(await counts()).toEqual(before)
    // The case is still open and usable.
    expect(await call('case:merge', { passphrase: SHARE_PASSPHRASE })).toMatchObject({ ok: true, value: { added: { events: 1 } } })
  })

  it('refuses the open case file itself, also by another name', async () => {
    const { call, answers, mine, dir, counts } = await setUp()
    const before = await counts()
    const link = path.join(dir, 'link-to-mine.kiroku')
    fs.symlinkSync(mine, link)
    for (const file of [mine, link, path.join(dir, '.', 'mine.kiroku')]) {
      answers.open = file
      expect(await call('case:merge', { passphrase: PASSPHRASE })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringMatching(/open case file itself/) },
      })
    }
    expect(await counts()).toEqual(before)
  })

  it('answers undefined when the open dialog is cancelled', async () => {
    const { call, answers, counts } = await setUp()
    const before = await counts()
    answers.open = undefined
    expect(await call('case:merge', { passphrase: SHARE_PASSPHRASE })).toEqual({ ok: true, value: undefined })
    expect(await counts()).toEqual(before)
  })

  it('refuses a shared file that fails verification, and closes it', async () => {
    const { call, shared, counts } = await setUp()
    const forged = openCaseFile(shared, SHARE_PASSPHRASE)
    try {
      forged.db.exec('DROP TRIGGER evidence_originals_never_change')
      forged.db.prepare('UPDATE evidence SET data = ? WHERE id = (SELECT max(id) FROM evidence)').run(Buffer.from('forged'))
    } finally {
      forged.close()
    }
    const before = await counts()
    expect(await call('case:merge', { passphrase: SHARE_PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'verification_failed', message: expect.stringMatching(/fails verification, so nothing was merged.*SHA-256/) },
    })
    expect(await counts()).toEqual(before)
    // Closed after the refusal: it can be opened (and changed) again.
    openCaseFile(shared, SHARE_PASSPHRASE).close()
  })

  it('needs an open case', async () => {
    const dir = tempDir()
    const { call } = testRouter(dir, { open: path.join(dir, 'x.kiroku') })
    expect(await call('case:merge', { passphrase: SHARE_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
