// What a user does again and again, as steps on the page. Assertions stay in
// the tests; these only act and wait for the screen to settle.
import fs from 'node:fs'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { RunningApp } from './app'
import type { FileSpec } from './files'

export const PASSPHRASE = 'correct horse battery 記録'
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../test-results/screenshots')

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
}

export async function createCase(app: RunningApp, options: { title: string; file?: string; passphrase?: string }): Promise<string> {
  const { page } = app
  const file = options.file ?? path.join(app.dir, 'case.kiroku')
  app.dialogs.create = file
  await page.getByRole('button', { name: 'New case' }).click()
  const dialog = page.getByRole('dialog', { name: 'New case' })
  await dialog.getByLabel('Title').fill(options.title)
  await dialog.getByLabel('Passphrase', { exact: true }).fill(options.passphrase ?? PASSPHRASE)
  await dialog.getByLabel('Passphrase again').fill(options.passphrase ?? PASSPHRASE)
  await dialog.getByRole('button', { name: 'Create case' }).click()
  await page.getByRole('heading', { level: 1, name: options.title }).waitFor()
  return file
}

export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click()
}

/** Pastes a file as the clipboard of a screenshot tool would hand it over. */
export async function pasteFile(page: Page, file: FileSpec): Promise<void> {
  await page.evaluate((spec) => {
    const bytes = Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0))
    const data = new DataTransfer()
    data.items.add(new File([bytes], spec.name, { type: spec.type }))
    const target = document.activeElement ?? document.body
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, file)
}

/** Drops files on an element, as dragging them from the file manager would. */
export async function dropFiles(target: Locator, files: FileSpec[]): Promise<void> {
  await target.evaluate((element, specs) => {
    const data = new DataTransfer()
    for (const spec of specs) {
      const bytes = Uint8Array.from(atob(spec.base64), (c) => c.charCodeAt(0))
      data.items.add(new File([bytes], spec.name, { type: spec.type }))
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      element.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
    }
  }, files)
}

/** The page's visible text, to check that nothing of a case is left on screen. */
export const pageText = (page: Page) => page.evaluate(() => document.body.innerText)

/** Everything in the DOM, including attributes and hidden text. */
export const pageHtml = (page: Page) => page.evaluate(() => document.documentElement.outerHTML)

/**
 * Opens one of the hand-over dialogs through the header's "Submit / share"
 * menu (提出・共有): the menu button, then the item named `item` (a string
 * matches the start of the item's name, as the dossier's carries its shortcut).
 */
export async function openSubmitShare(page: Page, item: string | RegExp, menuName: string | RegExp = /^(Submit \/ share|提出・共有)$/): Promise<void> {
  await page.getByRole('button', { name: menuName }).click()
  const menu = page.getByRole('menu')
  await menu.waitFor()
  await menu.getByRole('menuitem', { name: typeof item === 'string' ? new RegExp(`^${item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : item }).click()
}

/**
 * Picks an action from a timeline row's menu (⋯): `name` is the item's full
 * name, e.g. "Edit 警察に相談" / "Delete 警察に相談".
 */
export async function rowAction(page: Page, eventTitle: string, name: string, menuName = `More actions for ${eventTitle}`): Promise<void> {
  await page.getByRole('button', { name: menuName, exact: true }).click()
  await page.getByRole('menu').getByRole('menuitem', { name, exact: true }).click()
}

/**
 * Counts what the user does: every click, Tab press and shortcut is one
 * action, and reaching a field that does not have the focus is one (the
 * click into it); typing the text itself is free.
 */
export function actionCounter(page: Page) {
  let count = 0
  const focused = (target: Locator) => target.evaluate((el) => el === document.activeElement)
  return {
    get count() {
      return count
    },
    reset: () => void (count = 0),
    click: async (target: Locator) => {
      count++
      await target.click()
    },
    press: async (key: string) => {
      count++
      await page.keyboard.press(key)
    },
    type: async (target: Locator, text: string) => {
      if (!(await focused(target))) count++
      await target.fill(text)
    },
  }
}

/** The two window sizes screens are looked at in: 1280×800, then 1024×640 (and back). */
export async function screenshotSizes(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-1280`)
  await page.setViewportSize({ width: 1024, height: 640 })
  await screenshot(page, `${name}-1024`)
  await page.setViewportSize({ width: 1280, height: 800 })
}
