// Creating, locking and unlocking a case in the real UI over a real file.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, PASSPHRASE, pageHtml, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

describe('a case file in the UI', () => {
  it('is created with a passphrase that is checked, warned about and measured', async () => {
    const app = await env.launch()
    const { page } = app
    await page.getByRole('heading', { name: 'Your case files' }).waitFor()
    await screenshot(page, 'start-empty')

    await page.getByRole('button', { name: 'New case' }).click()
    const dialog = page.getByRole('dialog', { name: 'New case' })
    await dialog.getByLabel('Title').fill('Tポイント不正利用')
    await dialog.getByRole('radio', { name: 'Stolen points' }).check()
    expect(await dialog.getByRole('note').textContent()).toMatch(/cannot be recovered/)

    const passphrase = dialog.getByLabel('Passphrase', { exact: true })
    // The meter follows once the rule has loaded (a chunk of its own: test/e2e/passphrase-rule.test.ts).
    const meter = dialog.getByRole('meter')
    await passphrase.fill('abc')
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe('Too short')
    await passphrase.fill(PASSPHRASE)
    await expect.poll(() => meter.getAttribute('aria-valuetext')).toMatch(/Good|Strong/)
    await dialog.getByLabel('Passphrase again').fill('something else')
    await dialog.getByRole('button', { name: 'Create case' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'not the same' }).waitFor()
    // Nothing was asked for or written while the passphrases differ.
    expect(app.dialogs.create).toBeUndefined()

    const file = path.join(app.dir, 'tpoint.kiroku')
    app.dialogs.create = file
    await dialog.getByLabel('Passphrase again').fill(PASSPHRASE)
    await screenshot(page, 'new-case-dialog')
    await dialog.getByRole('button', { name: 'Create case' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tポイント不正利用' }).waitFor()
    await screenshot(page, 'overview-empty')
    // The passphrase is nowhere in the page once the case is open.
    expect(await pageHtml(page)).not.toContain(PASSPHRASE)
    await app.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.case.get()).toMatchObject({ title: 'Tポイント不正利用', kind: 'points_theft', status: 'open' })
    } finally {
      caseFile.close()
    }
  })

  it('locks, refuses a wrong passphrase without changing anything, and unlocks with the right one', async () => {
    const app = await env.launch()
    const { page } = app
    await createCase(app, { title: '乗っ取り事件' })
    await page.getByRole('button', { name: /^Lock/ }).click()
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    expect(await pageHtml(page)).not.toContain('乗っ取り事件')

    const field = page.getByLabel('Passphrase')
    await field.fill('wrong passphrase')
    await page.getByRole('button', { name: 'Unlock' }).click()
    const error = page.getByRole('alert').filter({ hasText: 'Wrong passphrase' })
    await error.waitFor()
    await screenshot(page, 'unlock-wrong-passphrase')
    expect(await field.inputValue()).toBe('')
    expect(await page.getByRole('heading', { name: 'Unlock case file' }).isVisible()).toBe(true)

    await field.fill(PASSPHRASE)
    await field.press('Enter')
    await page.getByRole('heading', { level: 1, name: '乗っ取り事件' }).waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('opens another file from the start screen and moves through the case with the keyboard', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: '別のファイル', file: path.join(app.dir, 'other-file.kiroku') })
    await page.keyboard.press('Control+Shift+L')
    await page.getByRole('button', { name: 'Other case file' }).click()
    // The start screen lists it as a recent file by its file name (never the case's title,
    // which stays inside the encrypted file); "Open case file…" asks the native dialog.
    await page.getByRole('button', { name: 'Open other-file', exact: true }).waitFor()
    expect(await page.locator('.recent-path').first().textContent()).toBe(app.dir)
    expect(await pageHtml(page)).not.toContain('別のファイル')
    await screenshot(page, 'start-recent')
    app.dialogs.open = file
    await page.getByRole('button', { name: 'Open case file…' }).click()
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: '別のファイル' }).waitFor()

    // Tabs: arrow keys move between sections.
    await page.getByRole('tab', { name: 'Overview' }).focus()
    await page.keyboard.press('ArrowRight')
    expect(await page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('End')
    expect(await page.getByRole('tab', { name: 'Follow-ups' }).getAttribute('aria-selected')).toBe('true')
    // Ctrl+F goes to the timeline's search box.
    await page.keyboard.press('Control+f')
    expect(await page.getByRole('searchbox', { name: 'Search' }).evaluate((el) => el === document.activeElement)).toBe(true)
    // Escape closes a dialog and gives the focus back.
    await page.keyboard.press('Control+n')
    await page.getByRole('dialog', { name: 'Record a contact' }).waitFor()
    await page.keyboard.press('Escape')
    expect(await page.getByRole('dialog').count()).toBe(0)
    expect(app.problems).toEqual([])
    await app.close()
  })
})
