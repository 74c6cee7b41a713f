// Every screen of the reference story, in both languages, at 1280×800: the
// screenshots a person looks at before calling the UI done. Each screen must
// show the story's own content, raise no page error and never overflow sideways.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
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

/** What each tab must show of the story, whatever the language (the plan tab has tests of its own). */
const EXPECTED: Partial<Record<keyof typeof en.tabs, string>> = {
  overview: 'TP-20181017-0042',
  timeline: 'Tポイント事務局に電話',
  evidence: 'Tポイント利用履歴',
  organizations: 'Pontaサポートセンター',
  references: '丸の内-第1018-77号',
  losses: '87,233',
  tasks: 'Pontaカードを再発行する',
}

for (const [lang, t, locale] of [['en', en, 'en-US'], ['ja', ja, 'ja-JP']] as const) {
  describe(`every screen in ${lang}`, () => {
    it('shows the story without errors or sideways overflow', async () => {
      const app = await env.launch({ locale })
      const { page } = app
      const file = path.join(app.dir, 'story.kiroku')
      await importJsonFile(file, PASSPHRASE, STORY_JSON)
      const fitsWidth = async (screen: string) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        expect(width, `${screen} is wider than the window`).toBeLessThanOrEqual(1280)
      }

      await page.getByRole('heading', { name: t.startTitle }).waitFor()
      await screenshot(page, `screen-${lang}-start`)
      await page.getByRole('button', { name: t.newCase }).click()
      await page.getByRole('dialog').waitFor()
      await screenshot(page, `screen-${lang}-new-case`)
      await page.keyboard.press('Escape')

      app.dialogs.open = file
      await page.getByRole('button', { name: t.openCase }).click()
      await page.getByRole('heading', { name: t.unlockTitle }).waitFor()
      await screenshot(page, `screen-${lang}-unlock`)
      await page.keyboard.type(PASSPHRASE)
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 1, name: 'Yahoo! JAPAN ID 不正ログインとポイント不正利用' }).waitFor()

      for (const tab of Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>) {
        await page.getByRole('tab', { name: t.tabs[tab], exact: true }).click()
        await page.getByRole('tabpanel').getByText(EXPECTED[tab]!, { exact: false }).first().waitFor()
        await fitsWidth(tab)
        await screenshot(page, `screen-${lang}-${tab}`)
      }
      await page.keyboard.press('Control+n')
      await page.getByRole('dialog').waitFor()
      await screenshot(page, `screen-${lang}-call-note`)
      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: t.settings }).click()
      await page.getByRole('dialog', { name: t.settings }).waitFor()
      await screenshot(page, `screen-${lang}-settings`)
      await page.keyboard.press('Escape')

      expect(app.problems).toEqual([])
      expect(app.browserDialogs).toEqual([])
      expect(fs.existsSync(file)).toBe(true)
      await app.close()
    })
  })
}
