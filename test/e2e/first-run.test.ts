// First run (issue 15, item 4): the urgent steps on the start screen with no
// case file open; the kind of a new case as large choices that fill in the
// title; the passphrase's show switch (a toggle button), a suggested
// passphrase that fills both fields and opens a case, and its printed sheet
// (window.print recorded in the page). Both languages, screenshots at
// 1280×800 and 1024×640.
import path from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { FIRST_RUN_MESSAGES } from '../../renderer/src/i18n/first-run-messages'
import { ja } from '../../renderer/src/i18n/ja'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

interface Printed {
  passphrase: string
  text: string
}

/** Records each window.print() with what the printed sheet held at that moment, instead of opening the print dialog. */
const recordPrints = async (context: BrowserContext) => {
  await context.addInitScript(() => {
    const printed: Printed[] = []
    Object.defineProperty(window, '__printed', { value: printed })
    window.print = () => {
      const sheet = document.querySelector('.print-sheet')
      printed.push({ passphrase: sheet?.querySelector('.print-passphrase')?.textContent ?? '', text: sheet?.textContent ?? '' })
    }
  })
}

const SIZES = [
  [1280, 800],
  [1024, 640],
] as const

for (const [lang, t, locale] of [['en', en, 'en-US'], ['ja', ja, 'ja-JP']] as const) {
  const f = FIRST_RUN_MESSAGES[lang]
  describe(`first run in ${lang}`, () => {
    it('shows the urgent steps with no file open, then a new case with a kind, a suggested passphrase and its sheet', async () => {
      const app = await env.launch({ locale, beforeLoad: recordPrints })
      const { page } = app
      const fitsWidth = async (screen: string, width: number) => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${screen} is wider than the window`).toBeLessThanOrEqual(width)
      }

      // The start screen: four urgent steps, the national numbers, no case file.
      await page.getByRole('heading', { level: 1, name: t.startTitle }).waitFor()
      const urgent = page.getByRole('region', { name: f.urgentTitle })
      await urgent.waitFor()
      const steps = urgent.getByRole('listitem')
      expect(await steps.count()).toBe(4)
      const texts = await steps.allTextContents()
      f.urgentSteps.forEach((step, i) => expect(texts[i]).toContain(`${step.title}${step.text}`))
      // Each number with the source the directory gives it and the day it was checked.
      await urgent.getByText('https://www.gov-online.go.jp/pr/media/cd/201511/201511_08.html').waitFor()
      await urgent.getByText('https://www.gov-online.go.jp/useful/article/201807/1.html').waitFor()
      expect(await urgent.locator('.as-of').count()).toBe(2)
      const text = await urgent.textContent()
      expect(text).toContain('#9110')
      expect(text).toContain('188')
      expect(text).toContain('110')
      expect(text).toContain(lang === 'ja' ? '二段階認証（SMSや認証アプリの確認コード、パスキーなど）' : 'two-step verification')
      // Only the national numbers: no other digit run that could be a phone number.
      const pieces = (await urgent.locator('h2, h3, p:not(.as-of)').allTextContents()).join('\n')
      expect(pieces.match(/#?\d[\d-]*/g)!.sort()).toEqual(['#9110', '#9110', '110', '188', '188'].sort())
      expect((await app.call('case:get')).ok).toBe(false)
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height })
        await fitsWidth('start', width)
        await screenshot(page, `first-run-${lang}-start-${width}x${height}`)
      }
      await page.setViewportSize({ width: 1280, height: 800 })

      // The kind as large choices: the title follows the kind until the user writes one.
      await page.getByRole('button', { name: t.newCase }).click()
      const dialog = page.getByRole('dialog', { name: t.newCaseTitle })
      const title = dialog.getByLabel(t.caseTitle, { exact: true })
      const today = new Date()
      const titleFor = (kind: keyof typeof f.titleStarts) => f.suggestedTitle(f.titleStarts[kind], today)
      expect(await dialog.getByRole('radiogroup', { name: t.caseKind }).or(dialog.getByRole('group', { name: t.caseKind })).count()).toBe(1)
      expect(await dialog.getByRole('radio').count()).toBe(6)
      expect(await title.inputValue()).toBe(titleFor('account_takeover'))
      if (lang === 'ja') expect(await title.inputValue()).toBe(`アカウント乗っ取り（${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日）`)
      await dialog.getByRole('radio', { name: t.caseKinds.points_theft }).check()
      expect(await title.inputValue()).toBe(titleFor('points_theft'))
      // By keyboard: the arrow keys move through the kinds.
      await dialog.getByRole('radio', { name: t.caseKinds.points_theft }).press('ArrowRight')
      expect(await dialog.getByRole('radio', { name: t.caseKinds.card_fraud }).isChecked()).toBe(true)
      expect(await title.inputValue()).toBe(titleFor('card_fraud'))
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height })
        await fitsWidth('new case', width)
        await screenshot(page, `first-run-${lang}-new-case-${width}x${height}`)
      }
      await page.setViewportSize({ width: 1280, height: 800 })
      // A title of one's own stays when the kind changes.
      const ownTitle = lang === 'ja' ? 'Yahoo! JAPAN ID 乗っ取り' : 'Yahoo! JAPAN ID takeover'
      await title.fill(ownTitle)
      await dialog.getByRole('radio', { name: t.caseKinds.account_takeover }).check()
      expect(await title.inputValue()).toBe(ownTitle)

      // Show and hide: a toggle button, by mouse and by keyboard.
      const passphrase = dialog.getByLabel(t.passphrase, { exact: true })
      const repeat = dialog.getByLabel(t.passphraseRepeat, { exact: true })
      const show = dialog.getByRole('button', { name: t.newPassphrase.show })
      const types = async () => [await passphrase.getAttribute('type'), await repeat.getAttribute('type')]
      expect(await show.getAttribute('aria-pressed')).toBe('false')
      expect(await types()).toEqual(['password', 'password'])
      await show.click()
      expect(await show.getAttribute('aria-pressed')).toBe('true')
      expect(await types()).toEqual(['text', 'text'])
      await show.focus()
      await page.keyboard.press('Space')
      expect(await show.getAttribute('aria-pressed')).toBe('false')
      expect(await types()).toEqual(['password', 'password'])
      await page.keyboard.press('Enter')
      expect(await types()).toEqual(['text', 'text'])
      await show.click()
      expect(await types()).toEqual(['password', 'password'])

      // Printing waits for an accepted passphrase.
      const print = dialog.getByRole('button', { name: f.print })
      expect(await print.isDisabled()).toBe(true)

      // A suggested passphrase fills both fields and is shown.
      await dialog.getByRole('button', { name: f.suggest }).click()
      const suggested = await passphrase.inputValue()
      expect(suggested).toMatch(/^[a-z]{3,}(-[a-z]{3,}){4,}$/)
      expect(await repeat.inputValue()).toBe(suggested)
      expect(await show.getAttribute('aria-pressed')).toBe('true')
      expect(await types()).toEqual(['text', 'text'])
      await expect.poll(() => dialog.getByRole('meter', { name: t.newPassphrase.strength }).getAttribute('aria-valuetext')).toMatch(
        new RegExp(`^(${t.newPassphrase.meter[3]}|${t.newPassphrase.meter[4]})$`),
      )
      expect(await dialog.getByText(f.suggested).isVisible()).toBe(true)
      // Another suggestion is another passphrase.
      await dialog.getByRole('button', { name: f.suggest }).click()
      const second = await passphrase.inputValue()
      expect(second).not.toBe(suggested)
      expect(await repeat.inputValue()).toBe(second)
      await screenshot(page, `first-run-${lang}-suggested`)

      // The printed sheet: the case title, the passphrase, the advice; alone on paper.
      expect(await print.isEnabled()).toBe(true)
      await print.click()
      const printed = await page.evaluate(() => (window as unknown as { __printed: Printed[] }).__printed)
      expect(printed).toHaveLength(1)
      expect(printed[0].passphrase).toBe(second)
      expect(printed[0].text).toContain(ownTitle)
      expect(printed[0].text).toContain(f.sheetNote)
      const sheet = page.locator('.print-sheet')
      expect(await sheet.isVisible()).toBe(false)
      await page.emulateMedia({ media: 'print' })
      expect(await sheet.isVisible()).toBe(true)
      expect(await dialog.isVisible()).toBe(false)
      await screenshot(page, `first-run-${lang}-print-sheet`)
      expect(await sheet.locator('.print-passphrase').evaluate((node) => getComputedStyle(node).fontFamily)).toMatch(/mono/i)
      await page.emulateMedia({ media: 'screen' })
      expect(await dialog.isVisible()).toBe(true)
      expect(app.browserDialogs).toEqual([])

      // Creating the case with it opens the case; the sheet leaves the page with the form.
      const file = path.join(app.dir, `first-run-${lang}.kiroku`)
      app.dialogs.create = file
      await dialog.getByRole('button', { name: t.createCase }).click()
      await page.getByRole('heading', { level: 1, name: ownTitle }).waitFor()
      expect(await page.locator('.print-sheet').count()).toBe(0)
      expect(app.problems).toEqual([])
      await app.close()
      const opened = openCaseFile(file, second)
      try {
        expect(opened.case.get()).toMatchObject({ title: ownTitle, kind: 'account_takeover' })
      } finally {
        opened.close()
      }
    })
  })
}
