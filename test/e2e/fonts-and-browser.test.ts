// What a machine with no Japanese fonts and no browser of its own relies on:
// the Noto Sans JP web font the renderer ships (served under the app's CSP,
// used for Japanese characters only), and the Chromium inside the npm
// package @sparticuz/chromium, which the browser tests fall back to when no
// Chrome, Chromium or Edge is installed (test/e2e/harness/browser.ts).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ja } from '../../renderer/src/i18n/ja'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { bundledBrowser } from './harness/browser'
import { screenshot } from './harness/flows'

const FAMILY = 'Kiroku Noto Sans JP'
/** Kanji, kana, full-width punctuation and digits, as a case's records have them. */
const JAPANESE = '被害状況報告書、ログイン履歴（丸の内）第１０１８号'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** The fonts Chromium drew an element's text with, and how many glyphs each (DevTools' "Rendered Fonts"). */
async function renderedFonts(page: Page, selector: string): Promise<Array<{ familyName: string; postScriptName: string; isCustomFont: boolean; glyphCount: number }>> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument')
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts
  } finally {
    await cdp.detach()
  }
}

/** Appends JAPANESE plus Latin text in the web font alone (with monospace after it), and waits until it is drawn. */
async function probe(page: Page): Promise<void> {
  await page.evaluate(
    async ([family, text]) => {
      const element = document.createElement('p')
      element.id = 'font-probe'
      element.textContent = `${text} Kiroku 2018`
      element.style.fontFamily = `"${family}", monospace`
      document.body.append(element)
      void element.offsetWidth // lay it out, so the font is asked for
      await document.fonts.ready
      await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))
    },
    [FAMILY, JAPANESE],
  )
}

describe('the Japanese web font (Noto Sans JP, bundled by Vite)', () => {
  it('is named after the system’s Japanese fonts, draws every Japanese character under the CSP, and is never fetched for Latin text', async () => {
    const app = await env.launch({ locale: 'ja-JP' })
    const { page } = app
    await page.getByRole('heading', { name: ja.startTitle }).waitFor()

    const families = (await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily)).split(',').map((f) => f.trim().replace(/"/g, ''))
    expect(families.indexOf(FAMILY)).toBeGreaterThan(families.indexOf('Noto Sans CJK JP'))
    expect(families.indexOf(FAMILY)).toBeGreaterThan(families.indexOf('Hiragino Sans'))
    expect(families.indexOf(FAMILY)).toBeLessThan(families.indexOf('sans-serif'))
    // unicode-range: Latin text never asks for it, Japanese does.
    expect(await page.evaluate(async (family) => (await document.fonts.load(`16px "${family}"`, 'Kiroku 2018')).length, FAMILY)).toBe(0)
    expect(await page.evaluate(async (family) => (await document.fonts.load(`16px "${family}"`, '記録')).length, FAMILY)).toBe(1)

    await probe(page)
    const fonts = await renderedFonts(page, '#font-probe')
    const bundled = fonts.filter((f) => f.isCustomFont)
    expect(bundled).toEqual([expect.objectContaining({ familyName: 'Noto Sans JP', postScriptName: 'NotoSansJP-Regular', glyphCount: [...JAPANESE].length })])
    expect(fonts.filter((f) => !f.isCustomFont).reduce((sum, f) => sum + f.glyphCount, 0)).toBe(' Kiroku 2018'.length)
    expect(await page.evaluate((family) => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family).map((f) => f.status), FAMILY)).toEqual(['loaded'])
    expect(app.problems).toEqual([]) // a font blocked by the CSP is a console error
    await app.close()
  })
})

/** Families fontconfig says cover Japanese (none where fontconfig is absent). */
function systemJapaneseFamilies(): Set<string> {
  try {
    const listed = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' })
    return new Set(listed.split('\n').flatMap((line) => line.split(',')).map((f) => f.trim()).filter(Boolean))
  } catch {
    return new Set()
  }
}

// The package holds a Chromium for Linux x64 only; elsewhere an installed Chrome or Edge serves.
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('the Chromium from the npm package @sparticuz/chromium', () => {
  it('starts, runs the app in Japanese without errors, and draws Japanese only with fonts that have it', async () => {
    const own = await startEnvironment({ browser: await bundledBrowser() })
    try {
      const app = await own.launch({ locale: 'ja-JP' })
      const { page } = app
      await page.getByRole('heading', { name: ja.startTitle }).waitFor()
      const packageDir = path.resolve(path.dirname(createRequire(__filename).resolve('@sparticuz/chromium')), '..')
      const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
      expect(app.context.browser()!.version().split('.')[0]).toBe(version.split('.')[0]) // its Chromium, not an installed one

      await probe(page) // waits for the web font where the page's own text asked for it
      const allowed = systemJapaneseFamilies()
      for (const font of await renderedFonts(page, 'h1')) {
        expect(font.isCustomFont || allowed.has(font.familyName), `${font.familyName} has no Japanese`).toBe(true)
      }
      await screenshot(page, 'npm-chromium-ja-start')
      expect(app.problems).toEqual([])
      await app.close()
    } finally {
      await own.close()
    }
  })
})
