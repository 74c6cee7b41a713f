// Evidence intake and the app's own form checks (issue 15, items 9 and 10),
// in English and in Japanese: a pasted screenshot's message asks for a
// caption and an event and saves both; a plan step asking for that evidence
// is offered in the same message and ticked by one click; the viewer's
// Delete is quiet and asks first; a list form with a bad value says why in
// the app's language at the field, with aria-invalid, and takes the focus.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, openCaseFile, planLibrary } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { INTAKE_MESSAGES } from '../../renderer/src/i18n/intake-messages'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { axeViolations, describeViolations } from './harness/axe'
import { pngFile } from './harness/files'
import { openTab, PASSPHRASE, pasteFile, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** Both viewports the brief asks for. */
async function screenshots(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1280`)
  await page.setViewportSize({ width: 1024, height: 640 })
  await screenshot(page, `${name}-1024`)
  await page.setViewportSize({ width: 1280, height: 800 })
  // And no axe violation in what they show.
  expect(describeViolations(await axeViolations(page))).toEqual([])
}

const TITLE = 'Tポイント不正利用'
const EVENT = '中国からのログイン'

for (const lang of ['en', 'ja'] as const) {
  const t = lang === 'en' ? en : ja
  const m = INTAKE_MESSAGES[lang]
  const plans = planLibrary().get(lang)
  const step = plans.kinds.points_theft.steps.find((s) => s.action?.type === 'evidence')!
  const wanted = step.action?.type === 'evidence' ? step.action.caption! : ''

  describe(`evidence intake and form checks (${lang})`, () => {
    it('asks for a caption and an event after a paste, offers the plan step, confirms Delete, and shows form errors at their field', async () => {
      const app = await env.launch({ locale: lang === 'en' ? 'en-US' : 'ja-JP' })
      const { page } = app
      await page.setViewportSize({ width: 1280, height: 800 })
      const file = path.join(app.dir, `intake-${lang}.kiroku`)
      await createCaseFile(file, PASSPHRASE, { title: TITLE, kind: 'points_theft', status: 'open', summary: '', victim: {} }, {
        fill: (caseFile) => {
          caseFile.plan.adopt(plans, 'points_theft')
          caseFile.events.create({ occurredAt: '2018-10-12T21:40:00+09:00', kind: 'unauthorized_access', title: EVENT })
          caseFile.events.create({ occurredAt: '2018-10-13T10:00:00+09:00', kind: 'note', title: 'パスワード変更' })
        },
      })
      app.dialogs.open = file
      await page.getByRole('button', { name: t.openCase }).click()
      await page.getByLabel(t.passphrase).fill(PASSPHRASE)
      await page.getByLabel(t.passphrase).press('Enter')
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()

      // A screenshot pasted anywhere: the message asks what it shows, with the caption field focused.
      await pasteFile(page, pngFile('image.png', 7))
      const intake = page.getByRole('form', { name: m.intakeLabel })
      await intake.waitFor()
      await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('caption')
      await page.keyboard.type(`${wanted}（2018年10月）`)
      const event = intake.getByLabel(m.intakeEvent)
      // The latest events, newest first, after "none".
      const options = await event.locator('option').allTextContents()
      expect(options[0]).toBe(m.intakeNoEvent)
      expect(options[1]).toContain('パスワード変更')
      expect(options[2]).toContain(EVENT)
      await event.selectOption({ label: options[2] })
      // It stays while the question is open (good news fades after 8 s).
      await screenshots(page, `intake-message-${lang}`)
      await intake.getByRole('button', { name: m.intakeSave }).click()

      // The caption is what the plan's evidence step asks for: offered in the same message, one click.
      const offer = page.getByRole('group', { name: m.intakeLabel })
      await offer.getByText(m.intakeStepOffer(step.title)).waitFor()
      await screenshots(page, `intake-step-offer-${lang}`)
      await offer.getByRole('button', { name: m.intakeTickStep }).click()
      await page.getByRole('status').filter({ hasText: m.intakeStepTicked(step.title) }).waitFor()

      // The viewer: Delete is quiet (not the red primary style) and asks first; cancelling keeps the evidence.
      await openTab(page, t.evidence)
      await page.locator('.evidence-grid button').first().click()
      const viewer = page.getByRole('dialog').filter({ has: page.locator('.viewer') })
      await viewer.waitFor()
      const del = viewer.getByRole('button', { name: t.delete, exact: true })
      expect(await del.getAttribute('class')).not.toMatch(/(^|\s)(danger|primary)(\s|$)/)
      await del.click()
      const ask = page.getByRole('alertdialog', { name: t.confirmDeleteTitle })
      await ask.waitFor()
      await ask.getByRole('button', { name: t.cancel }).click()
      await ask.waitFor({ state: 'detached' })
      await page.keyboard.press('Escape')
      await viewer.waitFor({ state: 'detached' })

      // A list form with a bad value: the app's message at the field, aria-invalid, the focus on it.
      await openTab(page, t.losses)
      await page.getByRole('button', { name: t.newLoss }).click()
      const form = page.getByRole('dialog', { name: t.newLoss })
      await form.getByLabel(t.description).fill('不正利用')
      await form.getByLabel(t.amount).fill('-5')
      await form.getByRole('button', { name: t.save, exact: true }).click()
      const amount = form.getByRole('spinbutton', { name: t.amount })
      await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true')
      const describedBy = (await amount.getAttribute('aria-describedby'))!.split(' ')
      const texts = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()))
      expect(texts).toContain(m.checkAtLeast('0'))
      expect(await amount.evaluate((el) => el === document.activeElement)).toBe(true)
      // The browser's own bubble never shows: the form is not validated by it.
      expect(await form.locator('form').evaluate((f) => (f as HTMLFormElement).noValidate)).toBe(true)
      // A date input carries the app's language and shows the day as the app writes it.
      const day = form.getByLabel(t.occurredOn)
      expect(await day.getAttribute('lang')).toBe(lang)
      await day.fill('2018-10-17')
      await form.locator('.date-echo').first().getByText(lang === 'ja' ? /2018年10月17日/ : /Oct 17, 2018/).waitFor()
      await screenshots(page, `form-error-${lang}`)
      // Fixed, it saves.
      await amount.fill('87233')
      expect(await amount.getAttribute('aria-invalid')).toBeNull()
      await form.getByRole('button', { name: t.save, exact: true }).click()
      await form.waitFor({ state: 'detached' })
      expect(app.problems).toEqual([])
      await app.close()

      const caseFile = openCaseFile(file, PASSPHRASE)
      try {
        const [shot] = caseFile.evidence.list()
        expect(shot.caption).toBe(`${wanted}（2018年10月）`)
        const linked = caseFile.events.list().find((e) => e.title === EVENT)!
        expect(linked.evidenceIds).toEqual([shot.id])
        const state = caseFile.plan.get()!.steps.find((s) => s.stepId === step.id)!
        expect(state.done).toBe(true)
        expect(caseFile.losses.list()).toHaveLength(1)
      } finally {
        caseFile.close()
      }
    })
  })
}
