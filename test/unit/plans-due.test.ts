// Follow-ups and "what next": the order (overdue first), the reminders'
// idea of "fell due", `kiroku due`, the one-page preparation sheet, and the
// agreement between the CLI and what the overview computes from the same file.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile, planLibrary } from '../../electron/main/core'
import { openTasks } from '../../renderer/src/lib/case-figures'
import type { Task } from '../../shared/domain'
import { daysBetween, dueFollowUps, newlyDue, openFollowUps, whatNext, type DueStatus } from '../../shared/followups'
import type { CasePlan } from '../../shared/plans'
import { kiroku } from '../helpers/cli'
import { testRouter } from '../helpers/ipc'
import { pdfFonts, pdfPages, pdfText, renderPages, squeeze } from '../helpers/pdf'
import { STORY_JSON, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }

const task = (id: number, dueAt?: string, done = false): Task => ({ id, title: `t${id}`, done, ...(dueAt ? { dueAt } : {}) })

const plan = (steps: Array<{ done?: boolean; hidden?: boolean }>): CasePlan => ({
  kind: 'points_theft',
  moreKinds: [],
  version: 1,
  lang: 'en',
  adoptedAt: '2018-10-12T00:00:00Z',
  steps: steps.map((s, i) => ({ id: i + 1, stepId: `s${i + 1}`, custom: false, title: `step ${i + 1}`, done: !!s.done, hidden: !!s.hidden })),
})

describe('follow-ups in order', () => {
  const tasks = [
    task(1, '2018-11-25'),
    task(2),
    task(3, '2018-11-15'),
    task(4, '2018-11-20T23:30:00-05:00'), // the 20th as the user wrote it, whatever that is in UTC
    task(5, '2018-11-19', true),
    task(6, '2018-11-20'),
    task(7, '2018-11-19T09:00:00+09:00'),
  ]

  it('lists open dated follow-ups, the most overdue first, then today, then the soonest', () => {
    const due = dueFollowUps(tasks, '2018-11-20')
    expect(due.map((d) => [d.task.id, d.status, d.daysLeft])).toEqual([
      [3, 'overdue', -5],
      [7, 'overdue', -1],
      [6, 'today', 0],
      [4, 'today', 0],
      [1, 'upcoming', 5],
    ])
    // The overview's list: the same, then the undated.
    expect(openFollowUps(tasks).map((t) => t.id)).toEqual([3, 7, 6, 4, 1, 2])
    expect(openTasks(tasks).map((t) => t.id)).toEqual([3, 7, 6, 4, 1, 2])
    expect(daysBetween('2018-12-31', '2019-01-01')).toBe(1)
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2)
  })

  it('leads with what is overdue, then the next open step; promises not yet late are waited for', () => {
    const steps = plan([{ done: true }, { hidden: true }, {}, {}, {}, {}])
    const late = whatNext({ tasks, plan: steps, today: '2018-11-20' })
    expect(late.lead).toMatchObject({ type: 'followUp', followUp: { task: { id: 3 } } })
    expect(late.then.map((t) => (t.type === 'step' ? `step ${t.number}` : `task ${t.followUp.task.id}`))).toEqual(['task 7', 'step 2', 'step 3'])
    expect(late.waiting.map((d) => d.task.id)).toEqual([6, 4, 1])
    expect(late.plan).toEqual({ done: 1, total: 5 })

    const onTime = whatNext({ tasks: tasks.filter((t) => t.id !== 3 && t.id !== 7), plan: steps, today: '2018-11-20' })
    expect(onTime.lead).toMatchObject({ type: 'step', step: { stepId: 's3' }, number: 2 })
    expect(whatNext({ tasks: [task(1, '2018-11-25')], plan: null, today: '2018-11-20' })).toMatchObject({ lead: undefined, then: [], plan: undefined })
  })

  it('calls it news when a follow-up falls due or becomes late, not when it is first seen', () => {
    const before = new Map<number, DueStatus>([
      [1, 'upcoming'],
      [6, 'upcoming'],
      [3, 'overdue'],
      [4, 'today'],
    ])
    const now = dueFollowUps(tasks, '2018-11-21')
    // 6 fell due and 4 became late; 3 was late already; 7 was never seen; 1 is still ahead.
    expect(newlyDue(before, now).map((d) => [d.task.id, d.status])).toEqual([
      [6, 'overdue'],
      [4, 'overdue'],
    ])
  })
})

function storyWithMoreFollowUps(): { dir: string; json: string } {
  const dir = tempDir()
  const json = writeStoryCopy(dir, (doc) => {
    doc.tasks.push(
      { title: 'Ponta: 調査結果の連絡', dueAt: '2018-11-19', done: false, organizationId: 'ponta' },
      { title: '警察: 追加資料の提出', dueAt: '2018-11-20T17:00:00+09:00', done: false, organizationId: 'police' },
      { title: 'Yahoo!: 回答', dueAt: '2018-11-27', done: false, organizationId: 'yahoo' },
    )
  })
  return { dir, json }
}

describe('kiroku due', () => {
  it('lists open follow-ups with a date, overdue first, and what to do next', async () => {
    const { dir, json } = storyWithMoreFollowUps()
    const file = path.join(dir, 'story.kiroku')
    await importJsonFile(file, PASSPHRASE, json)

    const text = kiroku(['due', file, '--at', '2018-11-20T09:00:00+09:00'], { env })
    expect(text.status).toBe(0)
    expect(text.stdout.split('\n')).toEqual([
      'Yahoo! JAPAN ID 不正ログインとポイント不正利用 — follow-ups as of 2018-11-20 (2 overdue)',
      '  OVERDUE  2018-11-15  5 days late   #1 補償の入金を確認する（翌月15日頃）  [Tポイント・ジャパン カスタマーセンター]',
      '  OVERDUE  2018-11-19  1 day late    #4 Ponta: 調査結果の連絡  [Pontaサポートセンター]',
      '  TODAY    2018-11-20  due today     #5 警察: 追加資料の提出  [丸の内警察署]',
      '           2018-11-27  in 7 days     #6 Yahoo!: 回答  [Yahoo! JAPAN]',
      "  1 open follow-up without a date (kiroku list, or the app's Follow-ups tab).",
      'Next: chase "補償の入金を確認する（翌月15日頃）" (5 days late)',
      '',
    ])

    const early = JSON.parse(kiroku(['due', file, '--json', '--at', '2018-10-01'], { env }).stdout)
    expect(early.due.every((d: { status: string }) => d.status === 'upcoming')).toBe(true)
    expect(early.next).toBeUndefined()
    expect(early.plan).toBeUndefined()

    expect(kiroku(['due', file, '--at', 'next week'], { env }).status).toBe(1)
    expect(kiroku(['due', file], { env: { KIROKU_PASSPHRASE: 'wrong passphrase' } }).status).toBe(2)
  })

  it('agrees with the overview on the same file: same follow-ups, same order, same lead', async () => {
    const { dir, json } = storyWithMoreFollowUps()
    const file = path.join(dir, 'story.kiroku')
    await importJsonFile(file, PASSPHRASE, json)
    const seeded = openCaseFile(file, PASSPHRASE)
    const adopted = seeded.plan.adopt(planLibrary().get('en'), 'points_theft')
    seeded.plan.setDone({ id: adopted.steps[0].id, done: true }, 'Done')
    seeded.close()

    for (const today of ['2018-10-01', '2018-11-15', '2018-11-20', '2018-12-01']) {
      const cli = JSON.parse(kiroku(['due', file, '--json', '--at', today], { env }).stdout)
      // What the overview gets over IPC, and computes with the same function.
      const { call, choose } = testRouter(tempDir())
      await choose('open', file)
      expect((await call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
      const tasks = ((await call('tasks:list')) as { value: Task[] }).value
      const casePlan = ((await call('plan:get')) as { value: CasePlan | null }).value
      await call('case:close')
      const overview = whatNext({ tasks, plan: casePlan, today })
      const overviewList = openFollowUps(tasks)

      expect(overviewList.slice(0, cli.due.length).map((t) => t.id), today).toEqual(cli.due.map((d: { id: number }) => d.id))
      expect(overviewList.length - cli.due.length).toBe(cli.undated)
      const lead = overview.lead
      if (!lead) expect(cli.next).toBeUndefined()
      else if (lead.type === 'followUp') expect(cli.next).toMatchObject({ type: 'followUp', taskId: lead.followUp.task.id })
      else expect(cli.next).toMatchObject({ type: 'step', id: lead.step.id, number: lead.number })
      expect(cli.plan).toEqual(overview.plan)
    }
  })
})

describe('kiroku prep-sheet', () => {
  it('writes a one-page sheet for the police and for one provider, in Japanese and English, with the case’s numbers', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)

    const police = path.join(dir, 'police.pdf')
    const written = kiroku(['prep-sheet', file, police, '--for', 'police', '--json'], { env })
    expect(written.status).toBe(0)
    expect(JSON.parse(written.stdout)).toMatchObject({ path: police, pages: 1 })
    expect(pdfPages(police)).toBe(1)
    const text = squeeze(pdfText(police))
    for (const expected of ['警察に相談・届け出るときの準備', '#9110', '本人確認書類', '印鑑', 'TP-20181017-0042', '丸の内-第1018-77号', 'PT-88231', '受理番号', '87,233']) {
      expect(text, expected).toContain(squeeze(expected))
    }
    // The victim's own sheet (本人用, not 提出用); units by name; the police advice says to phone first and bring a memo of the calls.
    for (const expected of ['本人用', '87,233Vポイント（旧Tポイント）', 'サイバー犯罪相談窓口', '先に警察署へ電話', '連絡メモ', '被害状況報告書']) expect(text, expected).toContain(expected)
    for (const unexpected of ['提出用', 'ケース', 'T-POINT', '資料']) expect(text, unexpected).not.toContain(unexpected)
    expect(pdfFonts(police).every((f) => f.embedded)).toBe(true)
    expect(renderPages(police, 'prep-police-ja')).toHaveLength(1)

    const provider = path.join(dir, 'tpoint.pdf')
    expect(kiroku(['prep-sheet', file, provider, '--for', 'provider', '--organization', 'Tポイント・ジャパン カスタマーセンター', '--lang', 'en'], { env }).status).toBe(0)
    expect(pdfPages(provider)).toBe(1)
    const providerText = squeeze(pdfText(provider))
    expect(providerText).toContain(squeeze('Preparing to call the company'))
    expect(providerText).toContain('TP-20181017-0042')
    expect(providerText).toContain(squeeze('丸の内-第1018-77号')) // the police number, which the operator asks for
    expect(providerText).not.toContain('PT-88231') // another provider's number stays out
    expect(renderPages(provider, 'prep-provider-en')).toHaveLength(1)

    expect(kiroku(['prep-sheet', file, path.join(dir, 'x.pdf')], { env }).status).toBe(1)
    expect(kiroku(['prep-sheet', file, path.join(dir, 'x.pdf'), '--for', 'police', '--organization', '2'], { env }).status).toBe(1)
    expect(kiroku(['prep-sheet', file, path.join(dir, 'x.pdf'), '--for', 'provider', '--organization', 'nobody'], { env }).status).toBe(3)
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
    // Never over an existing file.
    expect(kiroku(['prep-sheet', file, police, '--for', 'police'], { env }).status).not.toBe(0)
  })
})
