// Record a contact (issue 15), in English and in Japanese, counting what the
// user does: every click, Tab press and shortcut is one action, and reaching
// a field that does not have the focus is one (the click into it); typing
// the text itself is not counted. A first call note with a new organisation,
// a reference number and a promise takes at most 6 actions from Ctrl+N to
// saved; a police visit with its receipt number at most 10, and its saved
// message offers to tick the police step. The file holds what was typed,
// and its audit chain verifies.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, openCaseFile, planLibrary } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { CONTACT_MESSAGES } from '../../renderer/src/i18n/contact-messages'
import { localDay } from '../../renderer/src/lib/dates'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { actionCounter, PASSPHRASE, screenshot, screenshotSizes } from './harness/flows'

let env: E2eEnvironment
beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const TITLE = 'Tポイント不正利用'

for (const lang of ['en', 'ja'] as const) {
  const t = lang === 'en' ? en : ja
  const c = CONTACT_MESSAGES[lang]
  const plans = planLibrary().get(lang)

  describe(`record a contact (${lang})`, () => {
    it('records a first call and a police visit in few actions, and writes them in one go', async () => {
      const app = await env.launch({ locale: lang === 'en' ? 'en-US' : 'ja-JP' })
      const { page } = app
      const file = path.join(app.dir, `contact-${lang}.kiroku`)
      await createCaseFile(file, PASSPHRASE, { title: TITLE, kind: 'points_theft', status: 'open', summary: '', victim: {} }, {
        fill: (caseFile) => void caseFile.plan.adopt(plans, 'points_theft'),
      })
      app.dialogs.open = file
      await page.getByRole('button', { name: t.openCase }).click()
      await page.getByLabel(t.passphrase).fill(PASSPHRASE)
      await page.getByLabel(t.passphrase).press('Enter')
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
      await page.getByRole('region', { name: t.plan.whatNext }).waitFor()
      const act = actionCounter(page)

      // 1. A first call: new organisation, reference number, promise due around the 15th next month.
      await act.press('Control+n')
      const dialog = page.getByRole('dialog', { name: c.title })
      await dialog.waitFor()
      const organization = dialog.getByRole('combobox', { name: c.organization })
      expect(await organization.evaluate((el) => el === document.activeElement)).toBe(true)
      expect(await dialog.getByRole('radio', { name: c.channels.phone }).isChecked()).toBe(true)
      // The offset is not in the main flow.
      expect(await dialog.getByLabel(t.offset).isVisible()).toBe(false)
      await act.type(organization, 'Tポイント事務局')
      // The directory recognises the name: its role is chosen.
      expect(await dialog.getByLabel(c.role).inputValue()).toBe('points_operator')
      await act.type(dialog.getByLabel(t.referenceValue, { exact: true }), 'TP-1013')
      await act.type(dialog.getByLabel(t.promiseWhat, { exact: true }), '調査結果の連絡')
      await act.click(dialog.getByRole('button', { name: c.presets.next15 }))
      const today = localDay()
      const [y, m] = today.split('-').map(Number)
      const fifteenth = m === 12 ? `${y + 1}-01-15` : `${y}-${String(m + 1).padStart(2, '0')}-15`
      expect(await dialog.getByLabel(t.promiseDue).inputValue()).toBe(fifteenth)
      // Save is in view at 1024×640 without scrolling.
      await page.setViewportSize({ width: 1024, height: 640 })
      const save = dialog.getByRole('button', { name: c.save })
      expect(await save.evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom <= innerHeight && r.top >= 0 })).toBe(true)
      await page.setViewportSize({ width: 1280, height: 800 })
      await screenshotSizes(page, `record-contact-phone-${lang}`)
      await act.click(save)
      await page.getByRole('status').filter({ hasText: c.saved }).waitFor()
      expect(await dialog.count()).toBe(0)
      const firstCall = act.count
      expect(firstCall).toBeLessThanOrEqual(6)

      // An error shows at its field, in the app's language, with the focus.
      await page.keyboard.press('Control+n')
      await dialog.getByRole('radio', { name: c.channels.in_person }).check()
      await dialog.getByLabel(t.durationMinutes).fill('abc')
      await dialog.getByLabel(t.durationMinutes).press('Enter')
      const duration = dialog.getByLabel(t.durationMinutes)
      expect(await duration.getAttribute('aria-invalid')).toBe('true')
      await dialog.getByText(c.badDuration).waitFor()
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.name === 'duration')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })

      // 2. A police visit with its damage report's receipt number.
      act.reset()
      await act.press('Control+n')
      await dialog.waitFor()
      await act.type(organization, '新宿警察署')
      await act.click(dialog.getByRole('radio', { name: c.channels.in_person }))
      expect(await dialog.getByLabel(c.role).inputValue()).toBe('police')
      await act.click(dialog.getByRole('radio', { name: c.policeKinds.report }))
      await act.type(dialog.getByLabel(c.receiptNumber.report), '第1234号')
      await act.type(dialog.getByLabel(c.section, { exact: true }), '生活安全課')
      await act.type(dialog.getByLabel(c.officer, { exact: true }), '田中')
      await act.type(dialog.getByLabel(c.whatWasSaid.in_person), '被害届を提出し、受理されました。')
      expect(await dialog.getByLabel(t.durationMinutes).isVisible()).toBe(true)
      await screenshotSizes(page, `record-contact-police-${lang}`)
      await act.press('Control+Enter')
      await page.getByRole('status').filter({ hasText: c.saved }).waitFor()
      const policeVisit = act.count
      expect(policeVisit).toBeLessThanOrEqual(10)
      // The saved message offers the police step: one click ticks it.
      const mark = page.locator('.notice-action')
      await mark.waitFor()
      await screenshot(page, `record-contact-saved-${lang}`)
      await mark.click()
      await page.getByRole('status').filter({ hasText: t.plan.stepDone }).waitFor()
      console.log(`[record-contact ${lang}] first call: ${firstCall} actions; police visit: ${policeVisit} actions`)

      // The timeline row shows the receipt number.
      await page.getByRole('tab', { name: t.tabs.timeline }).click()
      await page.getByText('受理番号 第1234号').first().waitFor()
      expect(app.problems).toEqual([])
      await app.close()

      const caseFile = openCaseFile(file, PASSPHRASE)
      try {
        const organizations = caseFile.organizations.list()
        const tpoint = organizations.find((o) => o.name === 'Tポイント事務局')!
        const station = organizations.find((o) => o.name === '新宿警察署')!
        expect(tpoint).toMatchObject({ role: 'points_operator' })
        expect(tpoint.directoryId).toBeTruthy()
        expect(station).toMatchObject({ role: 'police' })
        const events = caseFile.events.list()
        const call = events.find((e) => e.organizationId === tpoint.id)!
        const visit = events.find((e) => e.organizationId === station.id)!
        expect(call).toMatchObject({ kind: 'contact', channel: 'phone' })
        expect(visit).toMatchObject({ kind: 'contact', channel: 'in_person', representative: '田中' })
        expect(caseFile.references.list()).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ value: 'TP-1013', eventId: call.id, organizationId: tpoint.id }),
            expect.objectContaining({ label: '受理番号', value: '第1234号', eventId: visit.id }),
          ]),
        )
        expect(caseFile.tasks.list()).toMatchObject([{ title: '調査結果の連絡', dueAt: fifteenth, eventId: call.id, done: false }])
        expect(caseFile.policeRecords.list()).toMatchObject([
          { kind: 'report', station: '新宿警察署', section: '生活安全課', officer: '田中', receiptNumber: '第1234号', eventId: visit.id, organizationId: station.id },
        ])
        expect(caseFile.verify().ok).toBe(true)
      } finally {
        caseFile.close()
      }
    })
  })
}
