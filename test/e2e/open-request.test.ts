// A case file double-clicked while Kiroku already runs: the main process
// keeps it (second-instance / open-file) and raises the window; the page
// takes it when it gains focus. Over an open case the user is asked, and
// staying is the default; on the unlock screen it simply takes the place.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile } from '../../electron/main/core'
import { ja } from '../../renderer/src/i18n/ja'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { createCase, PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment
beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

async function otherCase(app: RunningApp, title: string): Promise<string> {
  const file = path.join(app.dir, `${title}.kiroku`)
  await createCaseFile(file, PASSPHRASE, { title, kind: 'other', status: 'open', summary: '', victim: {} })
  return file
}

/** What the OS does on a double-click: the main process gets the file, then the window gains focus. */
async function doubleClick(app: RunningApp, file: string): Promise<void> {
  app.dialogs.fileToOpen = file
  await app.page.evaluate(() => window.dispatchEvent(new Event('focus')))
}

describe('a case file double-clicked while Kiroku runs', () => {
  it('over an open case: asks, Enter stays, then locks this case and opens the other one', async () => {
    const app = await env.launch()
    const { page } = app
    const first = await createCase(app, { title: 'Yahoo! ID takeover' })
    const second = await otherCase(app, 'Ponta points')

    // The case already open, asked for again: nothing to ask.
    await doubleClick(app, first)
    await page.waitForTimeout(300)
    expect(await page.getByRole('alertdialog').count()).toBe(0)

    await doubleClick(app, second)
    const dialog = page.getByRole('alertdialog', { name: 'Open another case file?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Ponta points')
    await screenshot(page, 'open-request-en')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('heading', { name: 'Yahoo! ID takeover' }).waitFor()

    await doubleClick(app, second)
    await dialog.getByRole('button', { name: 'Lock this case and open it' }).click()
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    expect(await page.locator('.unlock-file-name').textContent()).toBe('Ponta points.kiroku')
    expect((await app.call('case:get')).ok).toBe(false) // the first case is closed
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Ponta points' }).waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('on the unlock and start screens: goes straight to that file (in Japanese too)', async () => {
    const app = await env.launch({ locale: 'ja-JP' })
    const { page } = app
    const first = await otherCase(app, '最初の事件')
    const second = await otherCase(app, 'ポイント不正利用')

    await doubleClick(app, first)
    await page.getByRole('heading', { name: ja.unlockTitle }).waitFor()
    expect(await page.locator('.unlock-file-name').textContent()).toBe('最初の事件.kiroku')
    await doubleClick(app, second)
    await page.locator('.unlock-file-name', { hasText: 'ポイント不正利用.kiroku' }).waitFor()

    await page.getByLabel(ja.passphrase).fill(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'ポイント不正利用' }).waitFor()
    await doubleClick(app, first)
    await page.getByRole('alertdialog', { name: ja.openRequest.title }).waitFor()
    await screenshot(page, 'open-request-ja')
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('an unanswered request is not lost when the case locks itself: the unlock screen is for that file', async () => {
    const app = await env.launch({ beforeLoad: (context) => context.clock.install() })
    const { page } = app
    await createCase(app, { title: 'Yahoo! ID takeover' })
    const second = await otherCase(app, 'Ponta points')
    await doubleClick(app, second)
    await page.getByRole('alertdialog', { name: 'Open another case file?' }).waitFor()
    // Nobody answers; the idle lock (10 minutes by default) closes the case.
    await page.clock.fastForward('10:01')
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    expect(await page.locator('.unlock-file-name').textContent()).toBe('Ponta points.kiroku')
    expect(await page.getByRole('alertdialog').count()).toBe(0)
    expect(await app.call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(app.problems).toEqual([])
    await app.close()
  })
})
