// The reference story walked end to end as a victim would (issue 15), in
// Japanese and English, light and dark, looked at in 1280×800 and
// 1024×640: a new case from the start screen, a second kind of fraud, the
// first call (new organisation, reference number, promise), a pasted
// screenshot, the loss, a police visit with its receipt number, the claim
// deadline, and a dossier with nothing missing, every gap filled from the
// dossier dialog itself. What next moves on as the work is recorded; the
// actions are counted (clicks, Tabs, shortcuts; typing is free); axe finds
// nothing on the way; the file holds it all and verifies.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile, planLibrary } from '../../electron/main/core'
import { labelsFor } from '../../electron/main/core/dossier/labels'
import { localDay } from '../../shared/dates'
import { CONTACT_MESSAGES } from '../../renderer/src/i18n/contact-messages'
import { DIRECTORY_MESSAGES } from '../../renderer/src/i18n/directory-messages'
import { en } from '../../renderer/src/i18n/en'
import { FIRST_RUN_MESSAGES } from '../../renderer/src/i18n/first-run-messages'
import { GUIDE_MESSAGES } from '../../renderer/src/i18n/guide-messages'
import { INTAKE_MESSAGES } from '../../renderer/src/i18n/intake-messages'
import { ja } from '../../renderer/src/i18n/ja'
import { LETTER_MESSAGES } from '../../renderer/src/i18n/letter-messages'
import { pdfText, squeeze } from '../helpers/pdf'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { axeViolations, describeViolations } from './harness/axe'
import { pngFile } from './harness/files'
import { actionCounter, openTab, pasteFile, screenshot, screenshotSizes } from './harness/flows'

let env: E2eEnvironment
beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const VICTIM = { name: '山田 花子', address: '東京都千代田区丸の内1-1-1', phone: '090-1234-5678', email: 'hanako@example.jp' }
const PAYPAY = 'PayPay'
const STATION = '新宿警察署'
const RECEIPT = '第1234号'

/** A day `n` days before today on this computer (the loss, so the claim window is running). */
function daysAgo(n: number): string {
  const d = new Date()
  d.setDate(d.getDate() - n)
  return localDay(d)
}

for (const lang of ['ja', 'en'] as const) {
  const t = lang === 'en' ? en : ja
  const c = CONTACT_MESSAGES[lang]
  const d = DIRECTORY_MESSAGES[lang]
  const f = FIRST_RUN_MESSAGES[lang]
  const g = GUIDE_MESSAGES[lang]
  const m = INTAKE_MESSAGES[lang]
  const L = LETTER_MESSAGES[lang]
  const plans = planLibrary().get(lang)
  // One language in each theme; the other theme is looked at on the same screens.
  const theme = lang === 'ja' ? 'light' : 'dark'
  const other = theme === 'light' ? 'dark' : 'light'

  describe(`the story, walked (${lang}, ${theme})`, () => {
    it('goes from the start screen to a dossier with nothing missing', async () => {
      const app = await env.launch({ locale: lang === 'en' ? 'en-US' : 'ja-JP' })
      const { page } = app
      await page.emulateMedia({ colorScheme: theme })
      const axe = async (screen: string) => expect(describeViolations(await axeViolations(page)), `${screen} (${lang}, ${theme})`).toEqual([])
      const look = async (name: string) => {
        // The last action's message would cover what is shown (behind a dialog it cannot be reached, and is covered anyway).
        const notice = page.locator('.notice-close')
        if ((await notice.count()) && !(await page.locator('dialog[open]').count())) await notice.click()
        await screenshotSizes(page, `story-${name}-${lang}-${theme}`)
        await page.emulateMedia({ colorScheme: other })
        await screenshot(page, `story-${name}-${lang}-${other}-1280`)
        await page.emulateMedia({ colorScheme: theme })
      }
      const next = page.getByRole('region', { name: t.plan.whatNext })
      const currentStep = () => next.locator('.next-title').textContent()

      // 1. The start screen gives the urgent steps; a new case with a suggested passphrase.
      await page.getByRole('region', { name: f.urgentTitle }).waitFor()
      const file = path.join(app.dir, `story-${lang}.kiroku`)
      app.dialogs.create = file
      await page.getByRole('button', { name: t.newCase }).click()
      const newCase = page.getByRole('dialog', { name: t.newCaseTitle })
      const title = lang === 'ja' ? 'Yahoo! JAPAN ID 乗っ取りとポイント不正利用' : 'Yahoo! JAPAN ID takeover and points theft'
      await newCase.getByLabel(t.caseTitle, { exact: true }).fill(title)
      await newCase.getByRole('button', { name: f.suggest }).click()
      const passphrase = await newCase.getByLabel(t.passphrase, { exact: true }).inputValue()
      await newCase.getByRole('button', { name: t.createCase }).click()
      await page.getByRole('heading', { level: 1, name: title }).waitFor()
      await axe('case overview')

      // 2. The points went too: the plan takes on the other kind's steps, none twice.
      await openTab(page, t.tabs.plan)
      await page.getByRole('combobox', { name: t.plan.alsoKind }).selectOption('points_theft')
      await page.getByRole('button', { name: t.plan.addKindSteps }).click()
      const ids = [...new Set([...plans.kinds.account_takeover.steps, ...plans.kinds.points_theft.steps].map((s) => s.id))]
      await page.getByRole('status').filter({ hasText: t.plan.kindAdded(plans.kinds.points_theft.title, ids.length - plans.kinds.account_takeover.steps.length) }).waitFor()
      const stepTitles = await page.locator('.plan-steps > li .step-title').allTextContents()
      expect(stepTitles).toHaveLength(ids.length)
      await page.getByRole('heading', { level: 2, name: `${plans.kinds.account_takeover.title} ＋ ${plans.kinds.points_theft.title}` }).waitFor()
      expect(await page.locator('.case-meta').textContent()).toContain(t.caseKinds.account_takeover + t.listSeparator + t.caseKinds.points_theft)
      await look('plan-two-kinds')
      await axe('plan with two kinds')

      // 3. The account secured: ticked by hand, What next moves on.
      await openTab(page, t.tabs.overview)
      expect(await currentStep()).toBe(plans.kinds.account_takeover.steps[0]!.title)
      await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()
      await expect.poll(currentStep).not.toBe(plans.kinds.account_takeover.steps[0]!.title)

      // 4. The first call: a new organisation, its reference number and a promise, counted.
      const act = actionCounter(page)
      await act.press('Control+n')
      const contact = page.getByRole('dialog', { name: c.title })
      await contact.waitFor()
      await act.type(contact.getByRole('combobox', { name: c.organization }), PAYPAY)
      expect(await contact.getByLabel(c.role).inputValue()).toBe('platform')
      await act.type(contact.getByLabel(t.referenceValue, { exact: true }), 'PP-0001')
      await act.type(contact.getByLabel(t.promiseWhat, { exact: true }), lang === 'ja' ? '調査結果の連絡' : 'Result of the investigation')
      await act.click(contact.getByRole('button', { name: c.presets.next15 }))
      await act.click(contact.getByRole('button', { name: c.save }))
      await page.getByRole('status').filter({ hasText: c.saved }).waitFor()
      const firstCall = act.count
      expect(firstCall).toBeLessThanOrEqual(6)

      // 5. A screenshot of the login history, pasted: asked for its caption, and the plan's step offered.
      const historyStep = plans.kinds.account_takeover.steps.find((s) => s.id === 'save-login-history')!
      await pasteFile(page, pngFile('login-history.png', 11))
      const intake = page.getByRole('form', { name: m.intakeLabel })
      await intake.waitFor()
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('caption')
      await page.keyboard.type(historyStep.action!.type === 'evidence' ? historyStep.action!.caption! : '')
      await intake.getByRole('button', { name: m.intakeSave }).click()
      const offer = page.getByRole('group', { name: m.intakeLabel })
      await offer.getByRole('button', { name: m.intakeTickStep }).click()
      await page.getByRole('status').filter({ hasText: m.intakeStepTicked(historyStep.title) }).waitFor()

      // 6. What next reads the case: the service's step shows the call as its record; one click, and it moves on.
      const platformStep = plans.kinds.account_takeover.steps.find((s) => s.id === 'contact-platform')!.title
      // Steps before it that the case cannot show are ticked by hand, as a victim who did them would.
      for (let i = 0; i < ids.length && (await currentStep()) !== platformStep; i++) {
        const before = await currentStep()
        const losses = await next.getByRole('button', { name: g.recordLoss }).count()
        if (losses) {
          // The losses step opens the loss form: the PayPay balance spent five days ago.
          await next.getByRole('button', { name: g.recordLoss }).click()
          const lossForm = page.getByRole('dialog', { name: t.newLoss })
          await lossForm.getByLabel(t.description).fill(lang === 'ja' ? 'PayPay残高の不正利用' : 'PayPay balance spent')
          await lossForm.getByLabel(t.amount, { exact: true }).fill('30000')
          await lossForm.getByRole('combobox', { name: t.organization, exact: true }).selectOption({ label: PAYPAY })
          await lossForm.getByLabel(t.occurredOn).fill(daysAgo(5))
          await lossForm.getByRole('button', { name: t.save, exact: true }).click()
          await lossForm.waitFor({ state: 'detached' })
          await next.getByText(g.recordedLosses(1)).waitFor()
        }
        await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()
        await expect.poll(currentStep).not.toBe(before)
      }
      expect(await currentStep()).toBe(platformStep)
      await next.locator('.next-recorded').waitFor()
      await look('what-next-recorded')
      await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()
      await expect.poll(currentStep).not.toBe(platformStep)

      // 7. The police visit with its damage report's receipt number, counted; the saved message ticks the police step.
      act.reset()
      await act.press('Control+n')
      await contact.waitFor()
      await act.type(contact.getByRole('combobox', { name: c.organization }), STATION)
      await act.click(contact.getByRole('radio', { name: c.channels.in_person }))
      await act.click(contact.getByRole('radio', { name: c.policeKinds.report }))
      await act.type(contact.getByLabel(c.receiptNumber.report), RECEIPT)
      await act.type(contact.getByLabel(c.section, { exact: true }), '生活安全課')
      await act.type(contact.getByLabel(c.officer, { exact: true }), '田中')
      await act.type(contact.getByLabel(c.whatWasSaid.in_person), lang === 'ja' ? '被害届を提出し、受理されました。' : 'Filed the damage report; it was accepted.')
      await act.press('Control+Enter')
      await page.getByRole('status').filter({ hasText: c.saved }).waitFor()
      const policeVisit = act.count
      expect(policeVisit).toBeLessThanOrEqual(10)
      await page.locator('.notice-action').click()
      await page.getByRole('status').filter({ hasText: t.plan.stepDone }).waitFor()
      console.log(`[story ${lang}] first call: ${firstCall} actions; police visit: ${policeVisit} actions`)

      // 8. The claim deadline: PayPay's 60 days from the loss, 55 left.
      const deadlines = page.getByRole('region', { name: d.claimDeadlines })
      await deadlines.getByText(d.daysLeft(55)).waitFor()
      expect(await next.textContent()).toContain(d.daysLeft(55))
      await look('claim-deadline')
      await axe('overview with a deadline')

      // 9. The dossier: what it would leave blank, each filled in place, until nothing is missing.
      await page.keyboard.press('Control+p')
      const dossier = page.getByRole('dialog', { name: t.sharing.dossierTitle })
      await dossier.waitFor()
      const checklist = dossier.locator('.letter-missing')
      await checklist.getByText(L.dossierMissingIntro).waitFor()
      await look('dossier-missing')
      await axe('dossier dialog with gaps')
      await checklist.getByRole('button', { name: L.enterDetails }).click()
      await checklist.getByLabel(L.name).fill(VICTIM.name)
      await checklist.getByLabel(L.address).fill(VICTIM.address)
      await checklist.getByLabel(L.phone).fill(VICTIM.phone)
      await checklist.getByLabel(L.email).fill(VICTIM.email)
      await checklist.getByRole('button', { name: L.saveDetails }).click()
      await expect.poll(() => checklist.getByRole('button', { name: L.enterDetails }).count()).toBe(0)
      // What happened: the balance spent by someone else, at PayPay.
      await checklist.getByRole('button', { name: L.addEvent }).click()
      const eventForm = page.getByRole('dialog', { name: t.newEvent })
      await eventForm.getByRole('combobox', { name: t.kind, exact: true }).selectOption('unauthorized_use')
      await eventForm.getByLabel(t.title, { exact: true }).fill(lang === 'ja' ? 'PayPay残高が第三者に使われた' : 'Someone spent the PayPay balance')
      await eventForm.getByRole('combobox', { name: t.organization, exact: true }).selectOption({ label: PAYPAY })
      await eventForm.getByRole('button', { name: t.save, exact: true }).click()
      await eventForm.waitFor({ state: 'detached' })
      expect(await dossier.isVisible()).toBe(true)
      await checklist.getByText(L.dossierNothingMissing).waitFor()
      await look('dossier-nothing-missing')
      await axe('dossier dialog complete')
      const pdf = path.join(app.dir, `story-${lang}.pdf`)
      app.dialogs.dossier = pdf
      await dossier.getByRole('button', { name: t.sharing.makeDossier }).click()
      await dossier.getByRole('region', { name: t.sharing.dossierMade }).waitFor()

      expect(app.problems).toEqual([])
      expect(app.browserDialogs).toEqual([])
      await app.close()

      // The dossier has what the police look for first, and no gap.
      const text = squeeze(pdfText(pdf))
      for (const wanted of [VICTIM.name, VICTIM.phone, RECEIPT, STATION, PAYPAY, 'PP-0001', '30,000']) expect(text, wanted).toContain(squeeze(wanted))
      expect(text).not.toContain(squeeze(labelsFor('ja').notRecorded))

      // The file: both kinds, the steps done by the records that carried them out, and it verifies.
      const caseFile = openCaseFile(file, passphrase)
      try {
        const plan = caseFile.plan.get()!
        expect(plan.moreKinds).toEqual(['points_theft'])
        const done = new Set(plan.steps.filter((s) => s.done).map((s) => s.stepId))
        for (const id of ['secure-account', 'save-login-history', 'record-losses', 'contact-platform', 'consult-police']) expect(done, id).toContain(id)
        expect(caseFile.policeRecords.list()).toMatchObject([{ kind: 'report', receiptNumber: RECEIPT, station: STATION }])
        expect(caseFile.verify().ok).toBe(true)
      } finally {
        caseFile.close()
      }
    })
  })
}
