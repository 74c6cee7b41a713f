// Recovery plans, "What next" and follow-up reminders, as a victim meets
// them: a points-theft case started with its plan, four steps followed from
// the overview (one of them a call whose promise becomes a follow-up), the
// clock moved past the promised day, and the overview leading with it.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile, planLibrary } from '../../electron/main/core'
import { REMINDER_CHECK_MS } from '../../shared/followups'
import { kiroku } from '../helpers/cli'
import { pdfPages, pdfText, squeeze } from '../helpers/pdf'
import { writeStoryCopy } from '../helpers/story'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { ja } from '../../renderer/src/i18n/ja'
import { pngFile } from './harness/files'
import { openTab, PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** A fixed clock, and desktop notifications recorded instead of shown. */
const fakeClockAndNotifications = (start: Date) => async (context: BrowserContext) => {
  await context.clock.install({ time: start })
  await context.addInitScript(() => {
    const shown: Array<{ title: string; body?: string }> = []
    class RecordedNotification {
      static permission = 'granted'
      static requestPermission = async () => 'granted'
      onclick: (() => void) | null = null
      constructor(title: string, options?: { body?: string }) {
        shown.push({ title, body: options?.body })
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true })
    Object.defineProperty(window, '__notifications', { value: shown })
  })
}

const notifications = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body?: string }> }).__notifications)

/** Days pass while the app stays open: the clock jumps, the user moves the mouse, the reminder's check runs. */
async function timePasses(page: Page, to: string): Promise<void> {
  await page.clock.setSystemTime(new Date(to))
  await page.mouse.move(10, 10)
  await page.mouse.move(20, 20)
  await page.clock.runFor(REMINDER_CHECK_MS + 1_000)
}

describe('a recovery plan from the first minute', () => {
  it('creates a points-theft case with its plan, follows four steps, and shows the promise overdue once its day has passed', async () => {
    const app = await env.launch({ beforeLoad: fakeClockAndNotifications(new Date('2024-03-01T09:00:00')) })
    const { page } = app
    const file = path.join(app.dir, 'points.kiroku')
    app.dialogs.create = file

    // New case: the plan for the kind is offered by default.
    await page.getByRole('button', { name: 'New case' }).click()
    const newCase = page.getByRole('dialog', { name: 'New case' })
    await newCase.getByLabel('Title').fill('Tポイント不正利用')
    await newCase.getByRole('radio', { name: 'Stolen points' }).check()
    expect(await newCase.getByLabel('Recovery plan').inputValue()).toBe('same')
    await newCase.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await newCase.getByLabel('Passphrase again').fill(PASSPHRASE)
    await screenshot(page, 'plan-new-case')
    await newCase.getByRole('button', { name: 'Create case' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tポイント不正利用' }).waitFor()

    // The overview leads with step 1, what to have ready, and its button.
    const next = page.getByRole('region', { name: 'What next' })
    await next.getByText('Step 1 of 9').waitFor()
    expect(await next.textContent()).toContain('Lock the intruder out of the account')
    expect(await next.textContent()).toContain('0 of 9 steps done')
    await screenshot(page, 'plan-overview-start')

    // Step 1 has no form: mark it done.
    await next.getByRole('button', { name: /Mark done/ }).click()
    await page.getByRole('status').filter({ hasText: 'Step done; noted on the timeline.' }).waitFor()

    // Step 2 asks for screenshots: its button opens the file picker; the step names them.
    await next.getByText('Step 2 of 9').waitFor()
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), next.getByRole('button', { name: 'Add screenshots…' }).click()])
    const screenshotFile = pngFile('login-history.png', 3)
    await chooser.setFiles({ name: screenshotFile.name, mimeType: screenshotFile.type, buffer: Buffer.from(screenshotFile.base64, 'base64') })
    await page.getByRole('status').filter({ hasText: 'Evidence added.' }).waitFor()
    // The screenshot is on record: What next offers the step as done.
    await next.getByText('Recorded: evidence “Login history and points history” — mark done?').waitFor()
    await next.getByRole('button', { name: /Mark done/ }).click()

    // Step 3: the amounts lost, in the loss form; once recorded, offered as done.
    await next.getByText('Step 3 of 9').waitFor()
    await next.getByRole('button', { name: 'Record an amount lost…' }).click()
    const lossForm = page.getByRole('dialog', { name: 'New loss' })
    await lossForm.getByLabel('Description').fill('Tポイント不正利用')
    await lossForm.getByLabel('Amount').fill('12000')
    await lossForm.getByLabel('Unit').fill('T-POINT')
    await lossForm.getByRole('button', { name: 'Save' }).click()
    await next.getByText('Recorded: 1 loss — mark done?').waitFor()
    await next.getByRole('button', { name: /Mark done/ }).click()

    // Step 4: a call to the platform, preset to a new organisation of that role.
    await next.getByText('Step 4 of 9').waitFor()
    await next.getByRole('button', { name: 'Call note: Service provider' }).click()
    const callNote = page.getByRole('dialog', { name: 'Record a contact' })
    await callNote.waitFor()
    expect(await callNote.getByRole('combobox', { name: 'Organisation', exact: true }).inputValue()).toBe('')
    await callNote.getByRole('combobox', { name: 'Organisation', exact: true }).fill('Yahoo! JAPAN')
    expect(await callNote.getByLabel('Role').inputValue()).toBe('platform')
    await callNote.getByLabel('What was said').fill('不正ログインを確認して連絡するとのこと。')
    await callNote.getByLabel('Number', { exact: true }).fill('Y-0301')
    await callNote.getByLabel('Promise', { exact: true }).fill('不正ログイン調査の回答')
    await callNote.getByRole('button', { name: 'In a week' }).click()
    expect(await callNote.getByLabel('By when').inputValue()).toBe('2024-03-08')
    expect(await callNote.getByLabel(/Also mark the step/).isChecked()).toBe(true)
    await screenshot(page, 'plan-call-note')
    await callNote.getByRole('button', { name: 'Save contact' }).click()
    await page.getByRole('status').filter({ hasText: 'Contact saved.' }).waitFor()

    // Four steps done; the next step leads, the promise waits below it.
    await next.getByText('4 of 9 steps done').waitFor()
    await next.getByText('Step 5 of 9').waitFor()
    expect(await next.textContent()).toContain('Call each points operator whose points were used')
    expect(await next.textContent()).toContain('不正ログイン調査の回答')
    expect(await next.textContent()).toContain('Due in 7 days')
    await screenshot(page, 'plan-overview-three-steps')

    await openTab(page, 'Plan')
    const steps = page.getByRole('tabpanel')
    for (const title of ['Lock the intruder out of the account', 'Save the login history and the points history as evidence', 'Record the amounts lost (money and points)', 'Tell the service whose account was used']) {
      expect(await steps.getByRole('checkbox', { name: `${title}: done` }).isChecked()).toBe(true)
    }
    expect(await steps.getByRole('checkbox', { name: 'Call each points operator whose points were used: done' }).isChecked()).toBe(false)
    await screenshot(page, 'plan-tab')

    await openTab(page, 'Timeline')
    await page.getByRole('article', { name: 'Done: Lock the intruder out of the account' }).waitFor()
    await page.getByRole('article', { name: 'Call with Yahoo! JAPAN' }).waitFor()
    await screenshot(page, 'plan-timeline')
    await openTab(page, 'Overview')

    // The promised day comes while the app is open: one notification, saying only that something is due.
    expect(await notifications(page)).toEqual([])
    await timePasses(page, '2024-03-08T09:00:00')
    await next.getByText('Due today').waitFor()
    expect(await notifications(page)).toEqual([{ title: 'Kiroku: a follow-up is due', body: 'A follow-up is due today. Open Kiroku to see it.' }])

    // The day after, the overview leads with it, marked overdue.
    await timePasses(page, '2024-03-09T10:00:00')
    await next.getByText('1 day overdue').waitFor()
    expect(await next.locator('.next-title').textContent()).toBe('不正ログイン調査の回答')
    expect(await next.textContent()).toContain('Promised by Yahoo! JAPAN')
    const followUps = page.getByRole('region', { name: 'Open follow-ups' })
    expect(await followUps.textContent()).toContain('1 overdue')
    expect(await followUps.locator('.task.overdue').count()).toBe(1)
    expect((await notifications(page)).at(-1)?.body).toBe('A follow-up is now overdue. Open Kiroku to see it.')
    await screenshot(page, 'plan-overview-overdue')

    // The timeline shows it first, too.
    await openTab(page, 'Timeline')
    const strip = page.getByRole('region', { name: 'Overdue follow-ups' })
    await strip.getByText('不正ログイン調査の回答').waitFor()
    expect(await strip.textContent()).toContain('1 day late')
    await screenshot(page, 'plan-timeline-overdue')

    // The police step's preparation sheet: one page, saved where the dialog says.
    await openTab(page, 'Plan')
    app.dialogs.dossier = path.join(app.dir, 'police-sheet.pdf')
    const police = page.getByRole('listitem', { name: 'Consult the police' })
    await police.getByRole('button', { name: 'Sheet for the police (PDF, your own copy)' }).click()
    await page.getByRole('status').filter({ hasText: 'Preparation sheet saved' }).waitFor()
    expect(pdfPages(app.dialogs.dossier)).toBe(1)
    expect(squeeze(pdfText(app.dialogs.dossier))).toContain(squeeze('Y-0301'))

    expect(app.problems).toEqual([])
    expect(app.browserDialogs).toEqual([])
    await app.close()

    // What the file holds: four steps done, each on the timeline; the call is step 4's record.
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const plan = caseFile.plan.get()!
      expect(plan).toMatchObject({ kind: 'points_theft', lang: 'en', version: planLibrary().get('en').version })
      expect(plan.steps.filter((s) => s.done).map((s) => s.stepId)).toEqual(['secure-account', 'save-login-history', 'record-losses', 'contact-platform'])
      const events = caseFile.events.list()
      const call = events.find((e) => e.title === 'Call with Yahoo! JAPAN')!
      expect(plan.steps[3].eventId).toBe(call.id)
      expect(events.filter((e) => e.kind === 'note').map((e) => e.title)).toEqual([
        'Done: Lock the intruder out of the account',
        'Done: Save the login history and the points history as evidence',
        'Done: Record the amounts lost (money and points)',
      ])
      expect(caseFile.tasks.list()).toMatchObject([{ title: '不正ログイン調査の回答', dueAt: '2024-03-08', done: false, eventId: call.id }])
      expect(caseFile.evidence.list()).toMatchObject([{ fileName: 'login-history.png', caption: 'Login history and points history' }])
      expect(caseFile.verify().ok).toBe(true)
    } finally {
      caseFile.close()
    }
  })
})

describe('the overview and `kiroku due` agree', () => {
  it('lists the same follow-ups in the same order and leads with the same thing (in Japanese)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-due-'))
    try {
      const json = writeStoryCopy(dir, (doc) => {
        doc.tasks.push(
          { title: 'Ponta: 調査結果の連絡', dueAt: '2018-11-19', done: false, organizationId: 'ponta' },
          { title: '警察: 追加資料の提出', dueAt: '2018-11-20T17:00:00+09:00', done: false, organizationId: 'police' },
          { title: 'Yahoo!: 回答', dueAt: '2018-11-27', done: false, organizationId: 'yahoo' },
          { title: '二段階認証を設定する', done: false },
        )
      })
      const app = await env.launch({ locale: 'ja-JP', beforeLoad: fakeClockAndNotifications(new Date('2018-11-20T10:00:00')) })
      const { page } = app
      const file = path.join(app.dir, 'story.kiroku')
      await importJsonFile(file, PASSPHRASE, json)
      const seeded = openCaseFile(file, PASSPHRASE)
      try {
        const plan = seeded.plan.adopt(planLibrary().get('ja'), 'points_theft')
        seeded.plan.setDone({ id: plan.steps[0].id, done: true }, '完了：アカウントから相手を締め出す')
      } finally {
        seeded.close()
      }

      app.dialogs.open = file
      await page.getByRole('button', { name: ja.openCase }).click()
      await page.getByLabel(ja.passphrase).fill(PASSPHRASE)
      await page.getByLabel(ja.passphrase).press('Enter')
      const next = page.getByRole('region', { name: ja.plan.whatNext })
      await next.waitFor()
      expect(await next.textContent()).toContain('TP-20181017-0042') // the operator's number, to quote when chasing
      const followUps = page.getByRole('region', { name: ja.openTasks })
      const shown = await followUps.locator('.task-title').allTextContents()
      const lead = await next.locator('.next-title').textContent()
      await screenshot(page, 'plan-story-overview-ja')
      await openTab(page, ja.tabs.plan)
      await page.getByRole('checkbox', { name: ja.plan.stepCheckbox('アカウントから相手を締め出す') }).waitFor()
      await screenshot(page, 'plan-story-plan-ja')
      expect(app.problems).toEqual([])
      await app.close()

      const cli = kiroku(['due', file, '--json', '--at', '2018-11-20'], { env: { KIROKU_PASSPHRASE: PASSPHRASE } })
      expect(cli.status).toBe(0)
      const report = JSON.parse(cli.stdout)
      expect(report.due.map((d: { title: string }) => d.title)).toEqual([
        '補償の入金を確認する（翌月15日頃）',
        'Ponta: 調査結果の連絡',
        '警察: 追加資料の提出',
        'Yahoo!: 回答',
      ])
      // The overview lists the same, then the undated ones.
      expect(shown.slice(0, report.due.length)).toEqual(report.due.map((d: { title: string }) => d.title))
      expect(shown.length).toBe(report.due.length + report.undated)
      expect(report.next).toMatchObject({ type: 'followUp', title: lead, status: 'overdue', daysLeft: -5 })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('a case without a plan', () => {
  it('previews the plan for its kind on the plan tab and starts it there; steps can be hidden and added', async () => {
    const app = await env.launch()
    const { page } = app
    app.dialogs.create = path.join(app.dir, 'card.kiroku')
    await page.getByRole('button', { name: 'New case' }).click()
    const newCase = page.getByRole('dialog', { name: 'New case' })
    await newCase.getByLabel('Title').fill('カード不正利用')
    await newCase.getByRole('radio', { name: 'Card fraud' }).check()
    await newCase.getByLabel('Recovery plan').selectOption('none')
    await newCase.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await newCase.getByLabel('Passphrase again').fill(PASSPHRASE)
    await newCase.getByRole('button', { name: 'Create case' }).click()
    await page.getByRole('heading', { level: 1, name: 'カード不正利用' }).waitFor()
    await page.getByRole('region', { name: 'What next' }).getByText('No recovery plan yet').waitFor()

    await openTab(page, 'Plan')
    const panel = page.getByRole('tabpanel')
    await panel.getByText('Call the card company to stop the card').waitFor()
    await screenshot(page, 'plan-start-tab')
    await panel.getByRole('button', { name: 'Start the plan' }).click()
    await panel.getByRole('checkbox', { name: 'Call the card company to stop the card: done' }).waitFor()
    await panel.getByRole('button', { name: 'Hide “Move payments to the new card”' }).click()
    await panel.getByText('1 hidden step').waitFor()
    await panel.getByLabel('Add a step of your own').fill('家族カードも確認する')
    await panel.getByRole('button', { name: 'Add step' }).click()
    await panel.getByRole('checkbox', { name: '家族カードも確認する: done' }).check()
    await page.getByRole('status').filter({ hasText: 'Step done; noted on the timeline.' }).waitFor()
    expect(await panel.textContent()).toContain('1 of 8 steps done')
    await screenshot(page, 'plan-tab-edited')
    expect(app.problems).toEqual([])
    await app.close()
  })
})
