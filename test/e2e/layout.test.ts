// The case screen's layout in Japanese and English (issue 15, items 5, 6, 8):
// the header keeps the title and status readable at 1024×640 and holds the
// exports in one "Submit / share" menu that works by keyboard; a timeline row
// opens to its full note; the UTC offset shows only when it differs from this
// computer's; reference numbers are copied with one click, on the row and on
// the overview beside What next.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile, planLibrary } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { LAYOUT_MESSAGES } from '../../renderer/src/i18n/layout-messages'
import { STORY_JSON } from '../helpers/story'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const TITLE = 'Yahoo! JAPAN ID 不正ログインとポイント不正利用'
const LOCAL_EVENT = '全文の確認用メモ'
const OTHER_EVENT = '海外から届いた確認メール'
const NOTE_END = '最後の行：担当者は佐藤さん、折り返しは来月15日頃。'
const REFERENCE = 'LAYOUT-4242'
const PLAN_TICK = '手順を完了：ログインを止める'
const LONG_NOTE = [
  'Tポイント事務局に電話。オペレーターに不正利用の経緯を説明しました。',
  '利用停止の手続きは完了。補填については調査後に連絡するとのこと。',
  '調査には二週間ほどかかる見込み。必要なら警察の受理番号を伝えること。',
  NOTE_END,
].join('\n')

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`

/** Stubs the clipboard in the page: what the app copies lands in window.__copied. */
async function stubClipboard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const copied: string[] = []
    ;(window as unknown as { __copied: string[] }).__copied = copied
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (text: string) => void copied.push(text) }, configurable: true })
  })
}
const copied = (page: Page) => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied)
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')

for (const [lang, t, locale] of [['ja', ja as typeof en, 'ja-JP'], ['en', en, 'en-US']] as const) {
  const M = LAYOUT_MESSAGES[lang]
  describe(`the case screen's layout in ${lang}`, () => {
    it('keeps the header readable, opens the menu by keyboard, expands a row and copies reference numbers', async () => {
      const app = await env.launch({ locale })
      const { page } = app
      const file = path.join(app.dir, 'story.kiroku')
      await importJsonFile(file, PASSPHRASE, STORY_JSON)

      // Two notes before the story: one at this computer's offset, one at another.
      const localMinutes = await page.evaluate(() => -new Date(2010, 0, 5, 10, 0).getTimezoneOffset())
      const otherMinutes = localMinutes === 9 * 60 ? 60 : 9 * 60
      const caseFile = openCaseFile(file, PASSPHRASE)
      try {
        const local = caseFile.events.create({ occurredAt: `2010-01-05T10:00:00${offsetText(localMinutes)}`, kind: 'contact', title: LOCAL_EVENT, body: LONG_NOTE, evidenceIds: [] })
        caseFile.events.create({ occurredAt: `2010-01-05T12:00:00${offsetText(otherMinutes)}`, kind: 'note', title: OTHER_EVENT, evidenceIds: [] })
        caseFile.references.create({ label: '受付番号', value: REFERENCE, eventId: local.id, issuedAt: '2030-01-05' })
        // A plan step ticked: its note is a quiet row.
        const plan = caseFile.plan.adopt(planLibrary().get(lang), 'points_theft', new Date('2010-01-05T00:00:00Z'))
        caseFile.plan.setDone({ id: plan.steps[0].id, done: true, at: `2010-01-05T11:00:00${offsetText(localMinutes)}` }, PLAN_TICK)
      } finally {
        caseFile.close()
      }

      app.dialogs.open = file
      await page.getByRole('button', { name: t.openCase }).click()
      await page.getByLabel(t.passphrase, { exact: true }).fill(PASSPHRASE)
      await page.keyboard.press('Enter')
      const title = page.getByRole('heading', { level: 1, name: TITLE })
      await title.waitFor()
      await stubClipboard(page)

      // The header at 1024×640: the title keeps its width or wraps, the status stays on one line.
      for (const viewport of [{ width: 1024, height: 640 }, { width: 1280, height: 800 }]) {
        await page.setViewportSize(viewport)
        const titleBox = (await title.boundingBox())!
        const titleLine = await title.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
        expect(titleBox.width >= 200 || titleBox.height >= 1.8 * titleLine, `title ${JSON.stringify(titleBox)} at ${viewport.width}`).toBe(true)
        const badge = page.locator('.status-badge')
        expect(await badge.textContent()).toBe(t.caseStatuses.awaiting_refund)
        const badgeBox = (await badge.boundingBox())!
        const badgeLine = await badge.evaluate((el) => {
          const style = getComputedStyle(el)
          return style.lineHeight === 'normal' ? 1.5 * parseFloat(style.fontSize) : parseFloat(style.lineHeight)
        })
        expect(badgeBox.height, `status badge at ${viewport.width}`).toBeLessThanOrEqual(1.6 * badgeLine)

        // The reference numbers beside What next, above the fold, with a Copy button.
        const references = page.getByRole('region', { name: t.latestReferences })
        const referencesBox = (await references.boundingBox())!
        if (viewport.width === 1280) expect(referencesBox.y).toBeLessThan(viewport.height - 60)
      }

      // The Submit / share menu by keyboard.
      await page.setViewportSize({ width: 1024, height: 640 })
      const menuButton = page.getByRole('button', { name: M.submitShare })
      expect(await menuButton.getAttribute('aria-haspopup')).toBe('menu')
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false')
      await menuButton.focus()
      await page.keyboard.press('Enter')
      const menu = page.getByRole('menu', { name: M.submitShare })
      await menu.waitFor()
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true')
      const items = menu.getByRole('menuitem')
      expect(await items.count()).toBe(5)
      expect(await items.nth(0).evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.press('ArrowDown')
      expect(await items.nth(1).evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('ArrowUp')
      expect(await items.nth(4).evaluate((el) => el === document.activeElement)).toBe(true)
      await page.keyboard.press('Home')
      expect(await items.nth(0).evaluate((el) => el === document.activeElement)).toBe(true)
      for (const viewport of [{ width: 1024, height: 640 }, { width: 1280, height: 800 }]) {
        await page.setViewportSize(viewport)
        // The resize closes the menu (focus back on its button): open it again with the keyboard.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
        if (!(await menu.isVisible())) {
          await menuButton.focus()
          await page.keyboard.press('ArrowDown')
          await menu.waitFor()
        }
        await screenshot(page, `layout-header-menu-${lang}-${viewport.width}`)
      }
      await page.keyboard.press('Escape')
      await menu.waitFor({ state: 'detached' })
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false')
      expect(await menuButton.evaluate((el) => el === document.activeElement)).toBe(true)
      // An item opens its dialog; Ctrl+P still opens the dossier directly.
      await page.keyboard.press('ArrowDown')
      await menu.waitFor()
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      const letter = page.getByRole('dialog')
      await letter.waitFor()
      await page.keyboard.press('Escape')
      await letter.waitFor({ state: 'detached' })
      await page.keyboard.press('Control+p')
      await page.getByRole('dialog', { name: t.sharing.dossierTitle }).waitFor()
      await page.keyboard.press('Escape')
      await page.getByRole('dialog').waitFor({ state: 'detached' })

      // The overview's Copy button.
      await page.getByRole('button', { name: M.copyReference('受付番号', REFERENCE) }).first().click()
      expect(await copied(page)).toEqual([REFERENCE])

      // The timeline: the offset only for the note written in another time zone.
      await page.getByRole('tab', { name: t.tabs.timeline, exact: true }).click()
      const localRow = page.getByRole('article', { name: LOCAL_EVENT })
      const otherRow = page.getByRole('article', { name: OTHER_EVENT })
      await localRow.waitFor()
      expect(await localRow.locator('.event-offset').count()).toBe(0)
      expect(await otherRow.locator('.event-offset').textContent()).toBe(M.otherOffset(offsetText(otherMinutes)))

      // The plan tick: smaller and muted, labelled as a plan step.
      const tick = page.getByRole('article', { name: PLAN_TICK })
      expect(await tick.getAttribute('class')).toContain('plan-tick')
      expect((await tick.boundingBox())!.height).toBeLessThan((await localRow.boundingBox())!.height / 1.5)
      expect(await tick.locator('.kind-badge').textContent()).toBe(M.planTick)

      // The row opens to the full note by keyboard, and closes again.
      const disclosure = localRow.getByRole('button', { name: M.showNote(LOCAL_EVENT) })
      expect(await disclosure.getAttribute('aria-expanded')).toBe('false')
      expect(await localRow.locator('.event-note').count()).toBe(0)
      await disclosure.focus()
      await page.keyboard.press('Enter')
      expect(await disclosure.getAttribute('aria-expanded')).toBe('true')
      const note = localRow.locator('.event-note')
      expect(await note.textContent()).toBe(LONG_NOTE)
      const noteBox = (await note.boundingBox())!
      const lastLine = (await localRow.getByText(NOTE_END, { exact: false }).boundingBox()) ?? noteBox
      expect(lastLine.y + 4).toBeLessThan(noteBox.y + noteBox.height)
      for (const viewport of [{ width: 1024, height: 640 }, { width: 1280, height: 800 }]) {
        await page.setViewportSize(viewport)
        await screenshot(page, `layout-timeline-expanded-${lang}-${viewport.width}`)
      }

      // The row's Copy button and its menu (⋯).
      await localRow.getByRole('button', { name: M.copyReference('受付番号', REFERENCE) }).click()
      expect(await copied(page)).toEqual([REFERENCE, REFERENCE])
      const rowMenu = localRow.getByRole('button', { name: M.moreActions(LOCAL_EVENT) })
      await rowMenu.focus()
      await page.keyboard.press('Enter')
      const actions = page.getByRole('menu').getByRole('menuitem')
      expect(await actions.allTextContents()).toEqual([t.edit, `${t.delete}…`])
      expect(await focusedName(page)).toBe(t.editThis(LOCAL_EVENT))
      await page.keyboard.press('Escape')
      expect(await rowMenu.evaluate((el) => el === document.activeElement)).toBe(true)

      // Enter on the disclosure again closes the row.
      await disclosure.focus()
      await page.keyboard.press('Enter')
      expect(await disclosure.getAttribute('aria-expanded')).toBe('false')
      expect(app.problems).toEqual([])
      await app.close()
    })
  })
}
