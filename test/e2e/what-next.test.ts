// "What next" reads the case (issue 15), in English and in Japanese: calls
// logged with Ctrl+N to organisations of a step's role make What next offer
// that step as done ("Recorded: call to … — mark done?"), one click ticks it
// with the call as its record and What next moves on; the losses step opens
// the loss form and is offered once a loss is saved; a step's call-note
// button starts with the organisation of its role contacted last; the
// victim's details card says what needs the details and saves them.
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, openCaseFile, planLibrary } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { GUIDE_MESSAGES } from '../../renderer/src/i18n/guide-messages'
import { LETTER_MESSAGES } from '../../renderer/src/i18n/letter-messages'
import { formatDay } from '../../renderer/src/lib/dates'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** Both viewports the brief asks for. */
async function screenshots(page: Page, name: string, target?: Locator): Promise<void> {
  // The last action's notice would cover what is shown: dismissed first.
  const notice = page.locator('.notice-close')
  if (await notice.count()) await notice.click()
  await target?.scrollIntoViewIfNeeded()
  await screenshot(page, `${name}-1280`)
  await page.setViewportSize({ width: 1024, height: 640 })
  await target?.scrollIntoViewIfNeeded()
  await screenshot(page, `${name}-1024`)
  await page.setViewportSize({ width: 1280, height: 800 })
}

const TITLE = 'Tポイント不正利用'
const VICTIM = { name: '山田 花子', address: '東京都千代田区丸の内1-1-1', phone: '090-1234-5678', email: 'hanako@example.jp' }

for (const lang of ['en', 'ja'] as const) {
  const t = lang === 'en' ? en : ja
  const g = GUIDE_MESSAGES[lang]
  const L = LETTER_MESSAGES[lang]
  const plans = planLibrary().get(lang)
  const steps = plans.kinds.points_theft.steps
  const total = steps.length
  const title = (id: string) => steps.find((s) => s.id === id)!.title
  const number = (id: string) => steps.findIndex((s) => s.id === id) + 1

  describe(`what next reads the case (${lang})`, () => {
    it('offers a step whose call is logged as done, advances on one click, presets the organisation, records losses and the victim’s details', async () => {
      const app = await env.launch({ locale: lang === 'en' ? 'en-US' : 'ja-JP' })
      const { page } = app
      const file = path.join(app.dir, `what-next-${lang}.kiroku`)
      // A new points-theft case with its plan in the UI's language, and nothing else yet.
      await createCaseFile(file, PASSPHRASE, { title: TITLE, kind: 'points_theft', status: 'open', summary: '', victim: {} }, {
        fill: (caseFile) => void caseFile.plan.adopt(plans, 'points_theft'),
      })
      app.dialogs.open = file
      await page.getByRole('button', { name: t.openCase }).click()
      await page.getByLabel(t.passphrase).fill(PASSPHRASE)
      await page.getByLabel(t.passphrase).press('Enter')
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
      const next = page.getByRole('region', { name: t.plan.whatNext })
      await next.getByText(t.plan.stepOf(1, total)).waitFor()

      // Three calls logged with Ctrl+N, each to a new organisation: the service, then two points operators.
      const logCall = async (name: string, role: string, when: string) => {
        await page.keyboard.press('Control+n')
        const dialog = page.getByRole('dialog', { name: t.callNoteTitle })
        await dialog.waitFor()
        await dialog.getByRole('combobox', { name: t.organization, exact: true }).fill(name)
        // An organisation already in the case keeps its role: the role is asked only for a new name.
        const roleField = dialog.getByLabel(t.role, { exact: true })
        if (await roleField.count()) await roleField.selectOption(role)
        await dialog.getByLabel(t.when, { exact: true }).fill(when)
        await dialog.getByLabel(t.whatWasSaid).fill('不正ログインを伝えました。')
        await dialog.getByRole('button', { name: t.logCall }).click()
        await page.getByRole('status').filter({ hasText: t.callLogged }).waitFor()
        await dialog.waitFor({ state: 'detached' })
      }
      await logCall('Yahoo! JAPAN', 'platform', '2018-10-13T10:00')
      await logCall('Ponta', 'points_operator', '2018-10-15T10:00')
      await logCall('Tポイント', 'points_operator', '2018-10-17T10:00')

      // Nothing is ticked by itself; the later step whose call is logged is marked "recorded" in the list below.
      expect(await next.textContent()).toContain(t.plan.progress(0, total))
      const later = next.locator('.what-next-more li').filter({ hasText: title('contact-platform') })
      await later.getByText(g.recordedBadge).waitFor()

      // Steps 1 and 2: no record shows them; ticked by hand.
      for (const n of [1, 2]) {
        await next.getByText(t.plan.stepOf(n, total)).waitFor()
        expect(await next.locator('.next-recorded').count()).toBe(0)
        await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()
        await next.getByText(t.plan.stepOf(n + 1, total)).waitFor()
      }

      // The losses step: its button opens the loss form; the loss saved, the step is offered as done.
      expect(number('record-losses')).toBe(3)
      expect(await next.locator('.next-title').textContent()).toBe(title('record-losses'))
      await next.getByRole('button', { name: g.recordLoss }).click()
      const lossForm = page.getByRole('dialog', { name: t.newLoss })
      await lossForm.getByLabel(t.description).fill(lang === 'en' ? 'Points used at a shop' : '店舗でのポイント利用')
      await lossForm.getByLabel(t.amount).fill('12000')
      await lossForm.getByLabel(t.unit, { exact: true }).fill('T-POINT')
      await lossForm.getByRole('button', { name: t.save, exact: true }).click()
      await lossForm.waitFor({ state: 'detached' })
      await next.getByText(g.recordedLosses(1)).waitFor()
      await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()

      // The service's step: the call to Yahoo! JAPAN is on record; one click, and What next moves on.
      const platformStep = number('contact-platform')
      await next.getByText(t.plan.stepOf(platformStep, total)).waitFor()
      const offer = g.recordedContact('phone', 'Yahoo! JAPAN', formatDay('2018-10-13', lang))
      await next.getByText(offer).waitFor()
      expect(await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).count()).toBe(1)
      await screenshots(page, `what-next-offer-${lang}`)
      await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()
      await page.getByRole('status').filter({ hasText: t.plan.stepDone }).waitFor()

      // The points operators' step: two operators called; its call-note button starts with the one called last.
      const operatorStep = number('contact-points-operator')
      await next.getByText(t.plan.stepOf(operatorStep, total)).waitFor()
      expect(await next.textContent()).toContain(t.plan.progress(4, total))
      await next.getByText(g.recordedContact('phone', 'Ponta', formatDay('2018-10-15', lang))).waitFor()
      await next.getByRole('button', { name: t.plan.callNoteTo('Tポイント') }).click()
      const preset = page.getByRole('dialog', { name: t.callNoteTitle })
      const organization = preset.getByRole('combobox', { name: t.organization, exact: true })
      expect(await organization.inputValue()).toContain('Tポイント')
      expect(await preset.getByLabel(t.role, { exact: true }).count()).toBe(0)
      await preset.getByRole('button', { name: t.cancel, exact: true }).click()
      await preset.waitFor({ state: 'detached' })
      await next.getByRole('button', { name: new RegExp(t.plan.markDone) }).click()
      await next.getByText(t.plan.stepOf(operatorStep + 1, total)).waitFor()
      expect(await next.locator('.next-title').textContent()).toBe(title('consult-police'))
      // The police step has no record yet: nothing offered.
      expect(await next.locator('.next-recorded').count()).toBe(0)

      // Your details: none yet, and the card says what needs them.
      const card = page.getByRole('region', { name: g.victimTitle })
      await card.getByText(g.victimMissing).waitFor()
      await screenshots(page, `what-next-victim-empty-${lang}`, card)
      await card.getByRole('button', { name: g.addVictim }).click()
      await card.getByLabel(L.name).fill(VICTIM.name)
      await card.getByLabel(L.address).fill(VICTIM.address)
      await card.getByLabel(L.phone).fill(VICTIM.phone)
      await card.getByLabel(L.email).fill(VICTIM.email)
      await screenshots(page, `what-next-victim-form-${lang}`, card)
      await card.getByRole('button', { name: L.saveDetails }).click()
      await page.getByRole('status').filter({ hasText: L.detailsSaved }).waitFor()
      await card.getByText(VICTIM.address).waitFor()
      expect(await card.textContent()).not.toContain(g.victimMissing)
      await card.getByRole('button', { name: g.editVictim }).waitFor()
      await screenshots(page, `what-next-victim-saved-${lang}`, card)

      expect(app.problems).toEqual([])
      expect(app.browserDialogs).toEqual([])
      await app.close()

      // In the file: the calls are the steps' records (no extra note), the victim's details, the loss.
      const caseFile = openCaseFile(file, PASSPHRASE)
      try {
        const plan = caseFile.plan.get()!
        const events = caseFile.events.list()
        const callTo = (name: string) => {
          const org = caseFile.organizations.list().find((o) => o.name === name)!
          return events.find((e) => e.organizationId === org.id)!.id
        }
        const step = (id: string) => plan.steps.find((s) => s.stepId === id)!
        expect(plan.steps.filter((s) => s.done).map((s) => s.stepId)).toEqual(['secure-account', 'save-login-history', 'record-losses', 'contact-platform', 'contact-points-operator'])
        expect(step('contact-platform').eventId).toBe(callTo('Yahoo! JAPAN'))
        expect(step('contact-points-operator').eventId).toBe(callTo('Ponta'))
        expect(events.filter((e) => e.kind === 'note')).toHaveLength(3)
        expect(caseFile.case.get().victim).toEqual(VICTIM)
        expect(caseFile.losses.list()).toMatchObject([{ amount: 12000, unit: 'T-POINT' }])
        expect(caseFile.verify().ok).toBe(true)
      } finally {
        caseFile.close()
      }
    })
  })
}
