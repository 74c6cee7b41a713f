// An older copy of a case put back behind Kiroku's back (by hand, or by a
// synced folder restoring an old version): the app says so when the file is
// opened, in both languages, and the user can keep the file or restore a
// backup. Real files, the real router, a real Chromium.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile } from '../../electron/main/core'
import { ja } from '../../renderer/src/i18n/ja'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** What the OS does on a double-click: the main process gets the file, then the window gains focus. */
async function openFile(app: RunningApp, file: string, passphraseLabel: string): Promise<void> {
  app.dialogs.fileToOpen = file
  await app.page.evaluate(() => window.dispatchEvent(new Event('focus')))
  await app.page.getByLabel(passphraseLabel, { exact: true }).fill(PASSPHRASE)
  await app.page.keyboard.press('Enter')
}

/** A case seen by the app with one more event than the copy taken before it: the copy is then put back. */
async function putOlderCopyBack(app: RunningApp, passphraseLabel: string, title: string): Promise<string> {
  const file = path.join(app.dir, 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, { title, kind: 'account_takeover', status: 'open', summary: '', victim: {} })
  const older = path.join(app.dir, 'older.kiroku')
  fs.copyFileSync(file, older)
  await openFile(app, file, passphraseLabel)
  await app.page.getByRole('heading', { level: 1, name: title }).waitFor()
  expect((await app.call('events:create', { occurredAt: '2018-10-12T21:40:00+09:00', kind: 'unauthorized_access', title: '不正ログイン' })).ok).toBe(true)
  // Locking closes the file: this device has now seen the case with the event.
  await app.page.keyboard.press('Control+Shift+L')
  await app.page.locator('.unlock-file-name').waitFor()
  fs.copyFileSync(older, file)
  return file
}

describe('a case file older than what this device saw', () => {
  it('is reported on opening; keeping it as it is stops the report', async () => {
    const app = await env.launch()
    const { page } = app
    await page.getByRole('button', { name: 'New case' }).waitFor()
    const file = await putOlderCopyBack(app, 'Passphrase', 'Yahoo! ID takeover')
    await openFile(app, file, 'Passphrase')
    const banner = page.getByRole('alert').filter({ hasText: 'This file is older than the case this computer last saw' })
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/this computer saw the case with 2 recorded changes; this file has only 1/)
    await screenshot(page, 'history-en-older')

    await banner.getByRole('button', { name: 'Keep this file as it is' }).click()
    await banner.waitFor({ state: 'detached' })
    await page.keyboard.press('Control+Shift+L')
    await openFile(app, file, 'Passphrase')
    await page.getByRole('heading', { level: 1, name: 'Yahoo! ID takeover' }).waitFor()
    expect(await page.locator('.history-banner').count()).toBe(0)
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('in Japanese, with the way to the backups', async () => {
    const app = await env.launch({ locale: 'ja-JP' })
    const { page } = app
    await page.getByRole('button', { name: ja.newCase }).waitFor()
    const file = await putOlderCopyBack(app, ja.passphrase, 'ポイント不正利用')
    await openFile(app, file, ja.passphrase)
    const banner = page.getByRole('alert').filter({ hasText: ja.history.olderTitle })
    await banner.waitFor()
    await screenshot(page, 'history-ja-older')
    await banner.getByRole('button', { name: ja.restore.backupsButton }).click()
    await page.getByRole('dialog', { name: ja.restore.backupsTitle }).waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })
})
