// Claim deadlines as a victim meets them, in English and in Japanese: an
// organisation named "PayPay株式会社" is linked to its directory entry as the
// name is typed, a loss there starts PayPay's 60-day window, What next shows
// the days left, the overview names the missing police receipt number until
// a damage report (被害届) with its number is recorded, a notification comes
// 7 days before (count only), and "Claim sent" retires the deadline.
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { REMINDER_CHECK_MS } from '../../shared/followups'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { DIRECTORY_MESSAGES } from '../../renderer/src/i18n/directory-messages'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { openTab, PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** A fixed clock, and desktop notifications recorded instead of shown (as in plans.test.ts). */
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

async function timePasses(page: Page, to: string): Promise<void> {
  await page.clock.setSystemTime(new Date(to))
  await page.mouse.move(10, 10)
  await page.mouse.move(20, 20)
  await page.clock.runFor(REMINDER_CHECK_MS + 1_000)
}

/** Both viewports the brief asks for. */
async function screenshots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1280`)
  await page.setViewportSize({ width: 1024, height: 640 })
  await screenshot(page, `${name}-1024`)
  await page.setViewportSize({ width: 1280, height: 800 })
}

const ORGANIZATION = 'PayPay株式会社'

for (const lang of ['en', 'ja'] as const) {
  const t = lang === 'en' ? en : ja
  const d = DIRECTORY_MESSAGES[lang]
  describe(`claim deadlines (${lang})`, () => {
    it('suggests the directory entry, shows the deadline and what is missing, and retires it once the claim is sent', async () => {
      const app = await env.launch({ locale: lang === 'en' ? 'en-US' : 'ja-JP', beforeLoad: fakeClockAndNotifications(new Date('2026-12-20T09:00:00')) })
      const { page } = app
      const file = path.join(app.dir, `deadlines-${lang}.kiroku`)
      app.dialogs.create = file

      await page.getByRole('button', { name: t.newCase }).click()
      const newCase = page.getByRole('dialog', { name: t.newCaseTitle })
      await newCase.getByLabel(t.caseTitle, { exact: true }).fill('PayPay不正利用')
      await newCase.getByLabel(t.passphrase, { exact: true }).fill(PASSPHRASE)
      await newCase.getByLabel(t.passphraseRepeat).fill(PASSPHRASE)
      await newCase.getByRole('button', { name: t.createCase }).click()
      await page.getByRole('heading', { level: 1, name: 'PayPay不正利用' }).waitFor()

      // The organisation: the entry follows the name as it is typed.
      await openTab(page, t.tabs.organizations)
      await page.getByRole('button', { name: t.newOrganization }).click()
      const orgForm = page.getByRole('dialog', { name: t.newOrganization })
      const entrySelect = orgForm.getByRole('combobox', { name: d.directoryEntry })
      expect(await entrySelect.inputValue()).toBe('')
      await orgForm.getByLabel(t.name, { exact: true }).pressSequentially(ORGANIZATION)
      expect(await entrySelect.inputValue()).toBe('paypay')
      expect(await orgForm.getByRole('combobox', { name: t.role }).inputValue()).toBe('platform')
      await orgForm.getByText(d.suggestedEntry).waitFor()
      await screenshots(page, `deadlines-organization-form-${lang}`)
      await orgForm.getByRole('button', { name: t.save }).click()
      await orgForm.waitFor({ state: 'detached' })

      // The list shows the entry; its card gives the rule, its age and the source as text.
      await page.getByRole('button', { name: d.showDirectoryCard(ORGANIZATION) }).click()
      const card = page.getByRole('dialog', { name: d.directoryCardTitle(ORGANIZATION) })
      expect(await card.textContent()).toContain(d.window(60, 'loss'))
      expect(await card.textContent()).toContain('https://paypay.ne.jp/help/c0117/')
      expect(await card.locator('a').count()).toBe(0)
      expect(await card.textContent()).not.toContain(d.stale)
      await screenshot(page, `deadlines-directory-card-${lang}`)
      await card.getByRole('button', { name: t.close }).click()

      // A loss at it on 1 December: PayPay's window is 60 days from the loss.
      await openTab(page, t.tabs.losses)
      await page.getByRole('button', { name: t.newLoss }).click()
      const lossForm = page.getByRole('dialog', { name: t.newLoss })
      await lossForm.getByLabel(t.description).fill('PayPay残高の不正利用')
      await lossForm.getByLabel(t.amount, { exact: true }).fill('30000')
      await lossForm.getByRole('combobox', { name: t.organization, exact: true }).selectOption({ label: ORGANIZATION })
      await lossForm.getByLabel(t.occurredOn).fill('2026-12-01')
      await lossForm.getByRole('button', { name: t.save }).click()
      await lossForm.waitFor({ state: 'detached' })

      // What next: the deadline (30 January 2027) with its days left.
      await openTab(page, t.tabs.overview)
      const next = page.getByRole('region', { name: t.plan.whatNext })
      await next.getByText(d.daysLeft(41)).waitFor()
      expect(await next.textContent()).toContain(d.claimDeadlines)
      const deadlines = page.getByRole('region', { name: d.claimDeadlines })
      const missing = d.stillMissing('police_report')
      await deadlines.getByText(missing).waitFor()
      expect(await deadlines.textContent()).toContain(d.prerequisite('not_family'))
      expect(await deadlines.textContent()).toContain(d.prerequisite('once_per_period'))
      expect(await deadlines.textContent()).toContain(d.asOf(new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 11, 6)))))
      expect(await notifications(page)).toEqual([])
      await page.locator('.notice-close').click() // the "Saved." notice, out of the picture
      await screenshots(page, `deadlines-overview-${lang}`)
      await deadlines.scrollIntoViewIfNeeded()
      await screenshots(page, `deadlines-overview-card-${lang}`)

      // The missing receipt number opens the police record form on "damage report".
      await deadlines.getByRole('button', { name: d.addPoliceRecord }).click()
      const police = page.getByRole('dialog', { name: d.newPoliceRecord })
      expect(await police.getByRole('combobox', { name: d.policeKind }).inputValue()).toBe('report')
      await police.getByLabel(d.receiptNumber.report).waitFor()
      // Saved without a station: the error is under that field, in the page's language.
      await police.getByRole('button', { name: t.save }).click()
      const station = police.getByLabel(d.station)
      await police.getByText(d.stationRequired).waitFor()
      expect(await station.getAttribute('aria-invalid')).toBe('true')
      expect(await station.evaluate((el) => el === document.activeElement)).toBe(true)
      await screenshots(page, `deadlines-police-form-error-${lang}`)
      // The number's label follows the kind.
      await police.getByRole('combobox', { name: d.policeKind }).selectOption('consultation')
      await police.getByLabel(d.receiptNumber.consultation).waitFor()
      await police.getByRole('combobox', { name: d.policeKind }).selectOption('report')
      await station.fill('新宿警察署')
      await police.getByLabel(d.section).fill('生活安全課')
      await police.getByLabel(d.receiptNumber.report).fill('R-2026-1234')
      await screenshots(page, `deadlines-police-form-${lang}`)
      await police.getByLabel(d.receiptNumber.report).press('Enter')
      await police.waitFor({ state: 'detached' })
      await deadlines.getByText(missing).waitFor({ state: 'detached' })
      expect(await next.textContent()).not.toContain(missing)

      // Seven days before the deadline: one notification, a count and days only.
      await timePasses(page, '2027-01-23T09:00:00')
      await next.getByText(d.daysLeft(7)).waitFor()
      expect(await notifications(page)).toEqual([{ title: d.notificationTitle, body: d.notificationBody(1, 7) }])
      await timePasses(page, '2027-01-23T15:00:00')
      expect(await notifications(page)).toHaveLength(1)

      // The claim is sent: the deadline goes.
      await deadlines.getByRole('button', { name: d.claimSentFor(lang === 'en' ? 'Compensation for unauthorised use' : '不正利用被害の補償', ORGANIZATION) }).click()
      await page.getByRole('status').filter({ hasText: d.claimSentNotice }).waitFor()
      await deadlines.waitFor({ state: 'detached' })
      expect(await next.textContent()).not.toContain(d.claimDeadlines)

      // The police tab lists the record.
      await openTab(page, d.policeTab)
      const table = page.getByRole('tabpanel')
      expect(await table.textContent()).toContain('R-2026-1234')
      expect(await table.textContent()).toContain(d.policeKinds.report)

      expect(app.problems).toEqual([])
      expect(app.browserDialogs).toEqual([])
      await app.close()

      const caseFile = openCaseFile(file, PASSPHRASE)
      try {
        const [organization] = caseFile.organizations.list()
        expect(organization).toMatchObject({ name: ORGANIZATION, directoryId: 'paypay', role: 'platform' })
        expect(caseFile.policeRecords.list()).toMatchObject([{ kind: 'report', station: '新宿警察署', section: '生活安全課', receiptNumber: 'R-2026-1234' }])
        expect(caseFile.tasks.list()).toMatchObject([{ done: true, claimRuleId: 'paypay-unauthorized-use', organizationId: organization.id, dueAt: '2027-01-23' }])
      } finally {
        caseFile.close()
      }
    })
  })
}
