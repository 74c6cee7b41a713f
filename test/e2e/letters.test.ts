// Letters as a victim writes them, in English and in Japanese: the story
// without the victim's details, the letter dialog lists what a police report
// draft would leave blank (the victim's name, address, phone…), "Your
// details" filled in place makes those items go, a claim refuses to be
// written to nobody (the error at its field), a form opened on top closes on
// its own, and the claim to Ponta is written with its remaining blanks, which
// the PDF read back prints as 未記入 / Not recorded beside the victim's name.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { LETTER_MESSAGES } from '../../renderer/src/i18n/letter-messages'
import { pdfText, squeeze } from '../helpers/pdf'
import { writeStoryCopy } from '../helpers/story'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { openSubmitShare, PASSPHRASE, screenshot } from './harness/flows'

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
}

const TITLE = 'Yahoo! JAPAN ID 不正ログインとポイント不正利用'
const PONTA = 'Pontaサポートセンター'
const VICTIM = { name: '山田 花子', address: '東京都千代田区丸の内1-1-1', phone: '090-1234-5678' }
/** The victim items as the core words them, in the UI's list (capitalised in English). */
const VICTIM_ITEMS = {
  en: ["The victim's name", "The victim's address", "The victim's phone number"],
  ja: ['被害者の氏名', '被害者の住所', '被害者の電話番号'],
}

for (const lang of ['en', 'ja'] as const) {
  const t = lang === 'en' ? en : ja
  const L = LETTER_MESSAGES[lang]
  describe(`letters (${lang})`, () => {
    it('lists the blanks, fills the victim’s details in place, and writes a claim that prints what is still missing', async () => {
      const app = await env.launch({ locale: lang === 'en' ? 'en-US' : 'ja-JP' })
      const { page } = app
      const file = path.join(app.dir, `letters-${lang}.kiroku`)
      // The story without anything about the victim.
      await importJsonFile(file, PASSPHRASE, writeStoryCopy(path.join(app.dir, 'story'), (doc) => (doc.case.victim = {})))
      app.dialogs.open = file
      await page.getByRole('button', { name: t.openCase }).click()
      await page.getByLabel(t.passphrase).fill(PASSPHRASE)
      await page.getByLabel(t.passphrase).press('Enter')
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()

      // Beside the dossier, in the header's hand-over group (the header with one more button, at both sizes).
      await screenshots(page, `letter-header-${lang}`)
      await openSubmitShare(page, L.letterButton)
      const dialog = page.getByRole('dialog', { name: L.title })
      await dialog.waitFor()
      // The police report draft first, its radio focused; the blanks listed with a way to fill each.
      const police = dialog.getByRole('radio', { name: L.types['police-report'] })
      expect(await police.isChecked()).toBe(true)
      expect(await police.evaluate((el) => el === document.activeElement)).toBe(true)
      const list = dialog.locator('.missing-list')
      await list.getByText(VICTIM_ITEMS[lang][0], { exact: true }).waitFor()
      for (const item of VICTIM_ITEMS[lang]) expect(await list.textContent()).toContain(item)
      // The story has events, losses and evidence: only the victim is missing.
      expect(await list.locator('.missing-item').count()).toBe(3)
      const write = dialog.getByRole('button', { name: L.write(3) })
      await write.waitFor()
      await screenshots(page, `letter-dialog-${lang}`)

      // "Your details" in place: a problem is shown at its field, then saving makes the three items go.
      await dialog.getByRole('button', { name: L.enterDetails }).click()
      const details = dialog.getByRole('form', { name: L.detailsTitle })
      const name = details.getByLabel(L.name, { exact: true })
      expect(await name.evaluate((el) => el === document.activeElement)).toBe(true)
      await name.fill(VICTIM.name)
      await details.getByLabel(L.phone, { exact: true }).fill('call me maybe')
      await details.getByRole('button', { name: L.saveDetails }).click()
      const phone = details.getByLabel(L.phone, { exact: true })
      expect(await phone.getAttribute('aria-invalid')).toBe('true')
      expect(await details.locator('.field-error').textContent()).toBe(L.phoneInvalid)
      expect(await phone.evaluate((el) => el === document.activeElement)).toBe(true)
      await phone.fill(VICTIM.phone)
      await details.getByLabel(L.address, { exact: true }).fill(VICTIM.address)
      await screenshots(page, `letter-details-${lang}`)
      // Enter saves the details (their own form), not the letter.
      await phone.press('Enter')
      await dialog.getByRole('heading', { name: L.missingTitle(0) }).waitFor()
      expect(await dialog.getByText(L.nothingMissing).isVisible()).toBe(true)
      expect(await dialog.getByRole('button', { name: L.write(0) }).isVisible()).toBe(true)
      expect(await app.call('case:get')).toMatchObject({ ok: true, value: { victim: VICTIM } })

      // A claim is addressed to one provider: writing without one says so at the field.
      await dialog.getByRole('radio', { name: L.types.claim }).check()
      await dialog.getByText(L.needsOrganization).waitFor()
      await dialog.getByRole('button', { name: L.write(0) }).click()
      const provider = dialog.getByRole('combobox', { name: L.organization })
      expect(await provider.getAttribute('aria-invalid')).toBe('true')
      expect(await provider.evaluate((el) => el === document.activeElement)).toBe(true)
      expect(await dialog.locator('.field-error').textContent()).toBe(L.organizationRequired)
      // The police is no provider to claim from.
      const choices = await provider.locator('option').allTextContents()
      expect(choices).toContain(PONTA)
      expect(choices).not.toContain('丸の内警察署')
      await provider.selectOption({ label: PONTA })
      expect(await provider.getAttribute('aria-invalid')).toBeNull()

      // What the claim still lacks: Ponta is linked to no directory entry, so its rule is unknown.
      const expected = await app.call('letter:missing', { type: 'claim', organizationId: 3, lang })
      if (!expected.ok) throw new Error(expected.error.message)
      const fields = (expected.value as Array<{ field: string }>).map((m) => m.field)
      expect(fields).toContain('claimRule')
      expect(fields).not.toContain('victimName')
      const n = fields.length
      await dialog.getByRole('button', { name: L.write(n) }).waitFor()
      expect(await list.locator('.missing-item').count()).toBe(n)

      // The organisation form opens on top, and Escape closes only it.
      await dialog.getByRole('button', { name: L.linkDirectory(PONTA) }).click()
      const orgForm = page.getByRole('dialog', { name: t.editOrganization })
      await orgForm.waitFor()
      await page.keyboard.press('Escape')
      await orgForm.waitFor({ state: 'detached' })
      expect(await dialog.isVisible()).toBe(true)
      await screenshots(page, `letter-claim-${lang}`)

      // Written with the blanks; the PDF names the victim and prints each blank.
      const pdf = path.join(app.dir, `claim-${lang}.pdf`)
      app.dialogs.dossier = pdf
      await dialog.getByRole('button', { name: L.write(n) }).click()
      const result = dialog.getByRole('region', { name: L.made })
      await result.waitFor()
      expect(await result.evaluate((el) => el === document.activeElement)).toBe(true)
      expect(await result.textContent()).toContain(L.madeMissing(n))
      await screenshots(page, `letter-written-${lang}`)
      const text = squeeze(pdfText(pdf))
      expect(text).toContain(squeeze(VICTIM.name))
      expect(text).toContain(squeeze(VICTIM.phone))
      expect(text).toContain(lang === 'ja' ? '未記入' : 'Notrecorded')
      const inLetter = await app.call('letter:missing', { type: 'claim', organizationId: 3, lang })
      if (!inLetter.ok) throw new Error(inLetter.error.message)
      for (const item of inLetter.value as Array<{ text: string }>) expect(text).toContain(squeeze(item.text))
      // The victim's items are gone from the letter too.
      expect(text).not.toContain(squeeze(lang === 'ja' ? '被害者の氏名' : "the victim's name"))

      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      expect(app.problems).toEqual([])
      expect(app.browserDialogs).toEqual([])
      await app.close()
    })
  })
}
