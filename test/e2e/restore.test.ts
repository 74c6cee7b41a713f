// Restoring a backup in the real UI over real files: a case whose file was
// damaged on disk is put back from its automatic encrypted backup from the
// unlock screen, and an intact case is rolled back after something was
// deleted by mistake (Settings → Backups…). The replaced file is kept.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, listBackups, openCaseFile } from '../../electron/main/core'
import { ja } from '../../renderer/src/i18n/ja'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { createCase, openTab, PASSPHRASE, pageHtml, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const PAGE = 4096
const EVENT = { occurredAt: '2018-10-12T21:40:00+09:00', kind: 'unauthorized_access', title: '中国からの不正ログイン' }

/** A bit flip in a page in the middle of the file, as a failing disk would leave it. */
function flipMiddlePage(file: string): Buffer {
  const bytes = fs.readFileSync(file)
  bytes[Math.floor(bytes.length / PAGE / 2) * PAGE + 777] ^= 0x40
  fs.writeFileSync(file, bytes)
  return bytes
}

const keptAside = (app: RunningApp) => fs.readdirSync(app.dir).filter((name) => name.includes('.before-restore-'))

function eventTitles(file: string): string[] {
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    return caseFile.events.list().map((e) => e.title)
  } finally {
    caseFile.close()
  }
}

describe('restoring a backup', () => {
  it('a damaged file: the unlock screen says so, offers its backups, and restores one with its passphrase', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: '乗っ取り事件' })
    expect((await app.call('events:create', EVENT)).ok).toBe(true)
    // Locking closes the file, which writes the backup.
    await page.keyboard.press('Control+Shift+L')
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    expect(listBackups(app.backupsDir, file)).toHaveLength(1)
    const damaged = flipMiddlePage(file)

    const field = page.getByLabel('Passphrase')
    await field.fill(PASSPHRASE)
    await field.press('Enter')
    await page.getByRole('alert').filter({ hasText: 'The file is damaged' }).waitFor()
    expect(await page.getByRole('alert').textContent()).toMatch(/backups/)
    const offer = page.getByRole('region', { name: 'Restore from a backup' })
    expect(await offer.textContent()).toMatch(/Kiroku has one backup of this file, from /)
    await screenshot(page, 'restore-en-unlock-damaged')

    // By keyboard: to the offer's button, the newest backup is chosen, on to the passphrase.
    await offer.getByRole('button', { name: 'Restore from a backup…' }).focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' })
    const choices = dialog.getByRole('radio')
    await choices.first().waitFor()
    expect(await choices.count()).toBe(1)
    expect(await choices.first().isChecked()).toBe(true)
    expect(await choices.first().evaluate((el) => el === document.activeElement)).toBe(true)
    await screenshot(page, 'restore-en-choose')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    const passphrase = dialog.getByLabel('Passphrase of the backup')
    await passphrase.waitFor()
    expect(await passphrase.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await dialog.textContent()).toMatch(/encrypted with the passphrase the case had when the backup was made/)
    expect(await dialog.getByRole('note').textContent()).toContain('case.kiroku.before-restore-')
    await screenshot(page, 'restore-en-passphrase')

    // A wrong passphrase: said, the field emptied, the damaged file left as it was.
    await page.keyboard.type('not the passphrase')
    await page.keyboard.press('Enter')
    await dialog.getByRole('alert').filter({ hasText: 'does not open the backup' }).waitFor()
    expect(await passphrase.inputValue()).toBe('')
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)
    expect(keptAside(app)).toEqual([])

    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: '乗っ取り事件' }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Restored the backup from' }).waitFor()
    await openTab(page, 'Timeline')
    await page.getByRole('article', { name: EVENT.title }).waitFor()
    expect(await pageHtml(page)).not.toContain(PASSPHRASE)

    // On disk: the restored case has its data; the damaged file is kept beside it, byte for byte.
    const [kept] = keptAside(app)
    expect(kept).toMatch(/^case\.kiroku\.before-restore-\d{8}T\d{9}Z$/)
    expect(fs.readFileSync(path.join(app.dir, kept)).equals(damaged)).toBe(true)
    await app.close()
    expect(eventTitles(file)).toEqual([EVENT.title])
    expect(app.problems).toEqual([])
    expect(app.browserDialogs).toEqual([])
  })

  it('in Japanese: an empty file gets the same help, in Japanese, and is restored', async () => {
    const app = await env.launch({ locale: 'ja-JP' })
    const { page } = app
    const t = ja.restore
    // The case and its backup as the app leaves them (the harness's backups folder), then emptied.
    const file = path.join(app.dir, '事件.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: 'ポイント不正利用', kind: 'points_theft', status: 'open', summary: '', victim: {} })
    const caseFile = openCaseFile(file, PASSPHRASE, { backups: { dir: app.backupsDir } })
    caseFile.events.create(EVENT)
    caseFile.close()
    fs.writeFileSync(file, '')

    app.dialogs.open = file
    await page.getByRole('button', { name: ja.openCase }).click()
    await page.getByRole('heading', { name: ja.unlockTitle }).waitFor()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('alert').filter({ hasText: 'ファイルが空' }).waitFor()
    const offer = page.getByRole('region', { name: t.offerTitle })
    expect(await offer.textContent()).toContain('このファイルのバックアップが 1 件あります')
    await screenshot(page, 'restore-ja-unlock-empty')
    await offer.getByRole('button', { name: t.restoreButton }).click()
    const dialog = page.getByRole('dialog', { name: t.title })
    await dialog.getByRole('radio').first().waitFor()
    await screenshot(page, 'restore-ja-choose')
    await dialog.getByRole('button', { name: t.continue }).click()
    await dialog.getByLabel(t.passphrase).waitFor()
    expect(await dialog.getByRole('note').textContent()).toContain('「事件.kiroku.before-restore-日時」')
    await screenshot(page, 'restore-ja-passphrase')
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'ポイント不正利用' }).waitFor()
    await page.getByRole('status').filter({ hasText: 'のバックアップに戻しました' }).waitFor()
    // The open case's backups, and the question before closing it, in Japanese too.
    await page.getByRole('button', { name: ja.settings }).click()
    await page.getByRole('dialog', { name: ja.settingsTitle }).getByRole('button', { name: t.backupsButton }).click()
    await page.getByRole('dialog', { name: t.backupsTitle }).getByRole('button', { name: t.restoreOne }).click()
    await page.getByRole('alertdialog', { name: t.confirmTitle }).waitFor()
    await screenshot(page, 'restore-ja-confirm')
    await page.keyboard.press('Escape')
    await app.close()
    expect(eventTitles(file)).toEqual([EVENT.title])
    expect(keptAside(app).map((name) => fs.statSync(path.join(app.dir, name)).size)).toEqual([0])
    expect(app.problems).toEqual([])
  })

  it('an intact case: Settings → Backups… lists them, closes the case after a confirmation, and rolls back a mistaken deletion', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: '誤って削除' })
    const created = await app.call('events:create', EVENT)
    if (!created.ok) throw new Error(created.error.message)
    await page.keyboard.press('Control+Shift+L')
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByLabel('Passphrase').press('Enter')
    await page.getByRole('heading', { level: 1, name: '誤って削除' }).waitFor()
    // Deleted by mistake (the backup made on locking still has it).
    expect((await app.call('events:delete', { id: created.value.id })).ok).toBe(true)

    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Backups…' }).click()
    const list = page.getByRole('dialog', { name: 'Backups of this case' })
    await list.getByRole('row').nth(1).waitFor()
    expect(await list.getByRole('row').count()).toBe(2) // the header and one backup
    await screenshot(page, 'restore-en-backups')
    await list.getByRole('button', { name: 'Restore a backup…' }).click()
    const confirm = page.getByRole('alertdialog', { name: 'Close this case to restore a backup?' })
    expect(await confirm.textContent()).toMatch(/what you changed after it was made will not be in it/)
    // Cancel is focused: Enter keeps the case open.
    await page.keyboard.press('Enter')
    expect(await confirm.count()).toBe(0)
    expect(await page.getByRole('heading', { level: 1, name: '誤って削除' }).isVisible()).toBe(true)
    await list.getByRole('button', { name: 'Restore a backup…' }).click()
    await screenshot(page, 'restore-en-confirm')
    await confirm.getByRole('button', { name: 'Close the case' }).click()

    // Closed (which made one more backup, without the event), then asked which one.
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' })
    await dialog.waitFor()
    expect(await pageHtml(page)).not.toContain('誤って削除')
    const choices = dialog.getByRole('radio')
    await choices.first().waitFor()
    expect(await choices.count()).toBe(2)
    await page.keyboard.press('ArrowDown')
    expect(await choices.nth(1).isChecked()).toBe(true)
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.getByLabel('Passphrase of the backup').fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Restore and open' }).click()
    await page.getByRole('heading', { level: 1, name: '誤って削除' }).waitFor()
    await openTab(page, 'Timeline')
    await page.getByRole('article', { name: EVENT.title }).waitFor()
    await app.close()

    expect(eventTitles(file)).toEqual([EVENT.title])
    const [kept] = keptAside(app)
    expect(eventTitles(path.join(app.dir, kept))).toEqual([])
    expect(app.problems).toEqual([])
    expect(app.browserDialogs).toEqual([])
  })
})
