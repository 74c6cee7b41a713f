// "Remember on this device" in the real UI: offered only where the OS keyring
// is a real one, kept sealed by it, used with one explicit click, forgotten
// on request or when the keyring can no longer unseal it (never because the
// file would not open: that may be damage, which its backups can mend). The keyring is a test double
// that really encrypts (test/helpers/keyring.ts).
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changePassphrase, listBackups } from '../../electron/main/core'
import { TestKeyring } from '../helpers/keyring'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, PASSPHRASE, pageHtml, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const TITLE = 'Yahoo! ID 乗っ取り'
const storeOf = (dir: string) => path.join(dir, 'settings', 'remembered-passphrases.json')

describe('remember the passphrase on this device', () => {
  it('is offered with what it means, keeps the passphrase sealed, and unlocks with one click', async () => {
    const app = await env.launch({ keyring: new TestKeyring() })
    const { page } = app
    await createCase(app, { title: TITLE })
    await page.getByRole('button', { name: /^Lock/ }).click()

    const remember = page.getByRole('checkbox', { name: 'Remember on this device' })
    await remember.waitFor()
    expect(await page.getByText('Anyone who can log in to this computer account can then open this case').isVisible()).toBe(true)
    expect(await remember.getAttribute('aria-describedby')).toBeTruthy()
    expect(await remember.isChecked()).toBe(false)
    await screenshot(page, 'unlock-remember-offered')

    // By keyboard: type, Tab to the box, tick it, back and Enter.
    const field = page.getByLabel('Passphrase')
    await field.fill(PASSPHRASE)
    await field.press('Tab')
    expect(await remember.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Space')
    expect(await remember.isChecked()).toBe(true)
    await field.press('Enter')
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()

    // Sealed on disk: no trace of the passphrase in any encoding.
    const stored = fs.readFileSync(storeOf(app.dir))
    for (const form of [Buffer.from(PASSPHRASE), Buffer.from(PASSPHRASE, 'utf16le'), Buffer.from(Buffer.from(PASSPHRASE).toString('base64'))]) {
      expect(stored.includes(form)).toBe(false)
    }
    expect(Object.keys(JSON.parse(stored.toString('utf8')).entries)).toHaveLength(1)

    // Locked again: an explicit button, nothing typed, nothing opened by itself.
    await page.getByRole('button', { name: /^Lock/ }).click()
    const unlockRemembered = page.getByRole('button', { name: 'Unlock with the remembered passphrase' })
    await unlockRemembered.waitFor()
    expect(await page.getByText('The passphrase of this case file is remembered on this device.').isVisible()).toBe(true)
    expect(await remember.count()).toBe(0)
    await screenshot(page, 'unlock-remembered')
    await page.waitForTimeout(300)
    expect(await page.getByRole('heading', { name: 'Unlock case file' }).isVisible()).toBe(true)
    // It has the focus, so Enter is the one deliberate key.
    expect(await unlockRemembered.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    expect(await pageHtml(page)).not.toContain(PASSPHRASE)

    // Forget it from the unlock screen: the box comes back, typing is needed again.
    await page.getByRole('button', { name: /^Lock/ }).click()
    await page.getByRole('button', { name: 'Forget it' }).click()
    await remember.waitFor()
    expect(await unlockRemembered.count()).toBe(0)
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(fs.existsSync(storeOf(app.dir))).toBe(false)
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('forgets all of them from Settings, in Japanese too', async () => {
    const app = await env.launch({ keyring: new TestKeyring(), locale: 'ja-JP' })
    const { page } = app
    await page.getByRole('button', { name: '設定' }).click()
    const settings = page.getByRole('dialog', { name: '設定' })
    await settings.getByText('このパソコンに記憶しているパスフレーズはありません。').waitFor()
    expect(await settings.getByRole('button', { name: '記憶したパスフレーズを消す' }).count()).toBe(0)
    await page.keyboard.press('Escape')

    await settings.waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '新しい事件' }).click()
    const file = path.join(app.dir, 'ja.kiroku')
    app.dialogs.create = file
    const dialog = page.getByRole('dialog', { name: '新しい事件' })
    await dialog.getByLabel('件名').fill(TITLE)
    await dialog.getByLabel('パスフレーズ', { exact: true }).fill(PASSPHRASE)
    await dialog.getByLabel('パスフレーズ（確認）').fill(PASSPHRASE)
    await dialog.getByRole('button', { name: '作成する' }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await page.getByRole('button', { name: /^ロック/ }).click()
    await page.getByLabel('パスフレーズ').fill(PASSPHRASE)
    await page.getByRole('checkbox', { name: 'このパソコンに記憶する' }).check()
    await screenshot(page, 'unlock-remember-offered-ja')
    await page.getByRole('button', { name: 'ロック解除' }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()

    await page.getByRole('button', { name: '設定' }).click()
    await settings.getByText('このパソコンに 1 件の事件ファイルのパスフレーズを記憶しています。').waitFor()
    await screenshot(page, 'settings-remembered-ja')
    await settings.getByRole('button', { name: '記憶したパスフレーズを消す' }).click()
    const forgotten = settings.getByRole('status').filter({ hasText: '消しました' })
    await forgotten.waitFor()
    expect(await forgotten.evaluate((el) => el === document.activeElement)).toBe(true)
    await settings.getByText('このパソコンに記憶しているパスフレーズはありません。').waitFor()
    expect(fs.existsSync(storeOf(app.dir))).toBe(false)
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: /^ロック/ }).click()
    await page.getByRole('checkbox', { name: 'このパソコンに記憶する' }).waitFor()
    expect(await page.getByRole('button', { name: '記憶したパスフレーズで解除' }).count()).toBe(0)
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('keeps a passphrase changed elsewhere until told to forget it, and forgets one the keyring no longer unseals', async () => {
    const keyring = new TestKeyring()
    const app = await env.launch({ keyring })
    const { page } = app
    const file = await createCase(app, { title: TITLE })
    const field = page.getByLabel('Passphrase', { exact: true })
    await page.getByRole('button', { name: /^Lock/ }).click()
    await field.fill(PASSPHRASE)
    await page.getByRole('checkbox', { name: 'Remember on this device' }).check()
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await page.getByRole('button', { name: /^Lock/ }).click()

    // Changed with the command line while the app was locked: to the file, the same as a wrong passphrase typed.
    await changePassphrase(file, PASSPHRASE, 'a new passphrase 新しい')
    const unlockRemembered = page.getByRole('button', { name: 'Unlock with the remembered passphrase' })
    await unlockRemembered.click()
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase, or the file is damaged. Nothing was changed.' }).waitFor()
    await screenshot(page, 'unlock-remembered-stale')
    expect(await unlockRemembered.isVisible()).toBe(true)
    expect(Object.keys(JSON.parse(fs.readFileSync(storeOf(app.dir), 'utf8')).entries)).toHaveLength(1)
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    // Forgetting is the user's call; typing the new one and ticking the box replaces it.
    await field.fill('a new passphrase 新しい')
    await page.getByRole('checkbox', { name: 'Remember this passphrase instead' }).check()
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await page.getByRole('button', { name: /^Lock/ }).click()
    await unlockRemembered.click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await page.getByRole('button', { name: /^Lock/ }).click()

    // The OS keyring was reset: what it sealed no longer opens, so it is forgotten and the page says why.
    keyring.replaceKey()
    await unlockRemembered.click()
    await page.getByRole('alert').filter({ hasText: 'could not be read back from its keyring' }).waitFor()
    expect(await unlockRemembered.count()).toBe(0)
    expect(await page.getByRole('checkbox', { name: 'Remember on this device' }).isVisible()).toBe(true)
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(fs.existsSync(storeOf(app.dir))).toBe(false)
    await field.fill('a new passphrase 新しい')
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('keeps it when the first page of the file is damaged, and offers its backups as a typed passphrase would', async () => {
    const app = await env.launch({ keyring: new TestKeyring() })
    const { page } = app
    const file = await createCase(app, { title: TITLE })
    expect((await app.call('events:create', { occurredAt: '2018-10-12T21:40:00+09:00', kind: 'unauthorized_access', title: '不正ログイン' })).ok).toBe(true)
    await page.getByRole('button', { name: /^Lock/ }).click()
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByRole('checkbox', { name: 'Remember on this device' }).check()
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    await page.getByRole('button', { name: /^Lock/ }).click()
    expect(listBackups(app.backupsDir, file).length).toBeGreaterThan(0)

    // One bit of the first page flipped, as a failing disk would: to an encrypted file, a wrong passphrase.
    const bytes = fs.readFileSync(file)
    bytes[1000] ^= 0x10
    fs.writeFileSync(file, bytes)
    const unlockRemembered = page.getByRole('button', { name: 'Unlock with the remembered passphrase' })
    await unlockRemembered.click()
    await page.getByRole('alert').filter({ hasText: 'Wrong passphrase, or the file is damaged. Nothing was changed.' }).waitFor()
    const offer = page.getByRole('region', { name: 'Restore from a backup' })
    await offer.waitFor()
    expect(await offer.textContent()).toMatch(/If you are sure of the passphrase, the file is damaged\. Kiroku has one backup of this file/)
    await screenshot(page, 'unlock-remembered-damaged')
    // Still remembered (the backup is encrypted with it), and still up to the user to forget.
    expect(Object.keys(JSON.parse(fs.readFileSync(storeOf(app.dir), 'utf8')).entries)).toHaveLength(1)
    expect(await unlockRemembered.isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Forget it' }).isVisible()).toBe(true)

    await offer.getByRole('button', { name: 'Restore from a backup…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' })
    await dialog.getByRole('button', { name: 'Continue' }).click()
    await dialog.getByLabel('Passphrase of the backup').fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Restore and open' }).click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    // The remembered passphrase opens the restored file.
    await page.getByRole('button', { name: /^Lock/ }).click()
    await unlockRemembered.click()
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('is not offered where the keyring is not a real one, and the main process refuses it', async () => {
    for (const keyring of [new TestKeyring(false), undefined]) {
      const app = await env.launch({ keyring })
      const { page } = app
      await createCase(app, { title: TITLE })
      await page.getByRole('button', { name: /^Lock/ }).click()
      await page.getByLabel('Passphrase').waitFor()
      // Wait for the answer about the keyring before looking for what it hides.
      await page.waitForTimeout(300)
      expect(await page.getByRole('checkbox').count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Unlock with the remembered passphrase' }).count()).toBe(0)
      expect(await page.getByText('Remember on this device').count()).toBe(0)

      // A page that asks anyway (the path is one the page was given: only the keyring says no).
      const file = path.join(app.dir, 'case.kiroku')
      const asked = await page.evaluate(
        ([file, passphrase]) => window.kiroku.invoke('case:open', { path: file, passphrase, remember: true }),
        [file, PASSPHRASE],
      )
      expect(asked).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/keyring/) } })
      expect(await page.evaluate((file) => window.kiroku.invoke('case:openRemembered', { path: file }), file)).toMatchObject({ ok: false })
      expect(fs.existsSync(storeOf(app.dir))).toBe(false)

      await page.getByRole('button', { name: 'Other case file' }).click()
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('dialog', { name: 'Settings' }).getByText('This device has no keyring that Kiroku trusts').waitFor()
      if (!keyring) await screenshot(page, 'settings-no-keyring')
      await page.keyboard.press('Escape')
      expect(app.problems).toEqual([])
      await app.close()
    }
  })
})
