// Handing a case over: the PDF dossier (Ctrl+P), the unencrypted ZIP bundle
// with its warning, and the encrypted copy under a passphrase of its own,
// each through the main process's save dialog (answered by `app.dialogs`).
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile, verifyBundle } from '../../electron/main/core'
import { pdfPages, pdfText, squeeze } from '../helpers/pdf'
import { readZip } from '../helpers/zip'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { screenshotPng } from './harness/files'
import { createCase, openSubmitShare, PASSPHRASE, pageHtml, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const TITLE = 'Yahoo! ID 乗っ取りと T ポイント不正利用'
const PUBLIC_EVENT = '中国からの不正ログイン'
const PRIVATE_EVENT = '家族にだけ話したこと'
const SHARE_PASSPHRASE = 'another horse for the police 共有'

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** A case with two organisations, a private event and three pieces of evidence (one private). */
async function seedCase(app: RunningApp): Promise<{ file: string; evidence: Record<string, number> }> {
  const file = await createCase(app, { title: TITLE })
  const tpoint = ok(await app.call('organizations:create', { name: 'Tポイント事務局', role: 'points_operator' }))
  ok(await app.call('organizations:create', { name: '警視庁 サイバー犯罪相談窓口', role: 'police' }))
  ok(await app.call('events:create', { occurredAt: '2018-10-12T21:40+09:00', kind: 'unauthorized_access', title: PUBLIC_EVENT }))
  ok(
    await app.call('events:create', {
      occurredAt: '2018-10-13T10:00+09:00',
      kind: 'contact',
      title: 'Tポイント事務局に電話',
      organizationId: tpoint.id,
      channel: 'phone',
    }),
  )
  ok(await app.call('events:create', { occurredAt: '2018-10-14T20:00+09:00', kind: 'note', title: PRIVATE_EVENT, private: true }))
  const evidence: Record<string, number> = {}
  for (const [i, [fileName, caption, isPrivate]] of (
    [
      ['login-history.png', 'ログイン履歴', false],
      ['points-usage.png', 'ポイント利用履歴', false],
      ['family-chat.png', '家族とのやりとり', true],
    ] as const
  ).entries()) {
    const added = ok(await app.call('evidence:add', { fileName, caption, base64: screenshotPng(10 + i).toString('base64') })) as {
      evidence: { id: number }
    }
    evidence[fileName] = added.evidence.id
    // evidence:add drops `private` (handlers.ts passes only bytes, name, caption, date): mark it afterwards.
    if (isPrivate) ok(await app.call('evidence:update', { id: added.evidence.id, value: { caption, private: true } }))
  }
  // Show what was added behind the page's back: lock and unlock (the UI's own way).
  await app.page.getByRole('button', { name: /^Lock/ }).click()
  await app.page.getByLabel('Passphrase').fill(PASSPHRASE)
  await app.page.getByLabel('Passphrase').press('Enter')
  await app.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
  return { file, evidence }
}

/** A save dialog that stays open until `answer` is called. */
function pendingDialog(): { promise: Promise<string | undefined>; answer: (path: string | undefined) => void } {
  let answer!: (path: string | undefined) => void
  const promise = new Promise<string | undefined>((resolve) => (answer = resolve))
  return { promise, answer }
}

const filesIn = (dir: string) => fs.readdirSync(dir).sort()

const isFocused = (page: Page, selector: string) => page.evaluate((s) => document.activeElement === document.querySelector(s), selector)

describe('the dossier', () => {
  it('opens with Ctrl+P, shows progress while the PDF is written, then the file; a cancelled save writes nothing', async () => {
    const app = await env.launch()
    const { page } = app
    await seedCase(app)

    await page.keyboard.press('Control+p')
    const dialog = page.getByRole('dialog', { name: 'Dossier (PDF)' })
    await dialog.waitFor()
    // Defaults: for the police, in the language of the UI, western dates, nothing masked.
    const police = dialog.getByRole('radio', { name: 'Police' })
    expect(await police.isChecked()).toBe(true)
    expect(await police.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await dialog.getByRole('radio', { name: 'English' }).isChecked()).toBe(true)
    expect(await dialog.getByRole('radio', { name: /^Western/ }).isChecked()).toBe(true)
    const redact = dialog.getByRole('checkbox', { name: 'Redact personal details' })
    expect(await redact.isChecked()).toBe(false)
    expect(await redact.getAttribute('aria-describedby')).toBeTruthy()
    expect(await dialog.getByText(/masked except their last 4 characters/).isVisible()).toBe(true)
    // The provider is asked for only for a provider dossier, from the case's organisations.
    expect(await dialog.getByLabel('Provider', { exact: true }).count()).toBe(0)
    await dialog.getByRole('radio', { name: 'A provider' }).check()
    const provider = dialog.getByRole('combobox', { name: 'Provider' })
    expect(await provider.locator('option').allTextContents()).toEqual([
      'Not one in particular (the whole case)',
      'Tポイント事務局',
      '警視庁 サイバー犯罪相談窓口',
    ])
    await provider.selectOption({ label: 'Tポイント事務局' })
    await dialog.getByRole('radio', { name: '日本語' }).check()
    await dialog.getByRole('radio', { name: /^Japanese era/ }).check()
    // The date style shows what it means, in the dossier's language.
    expect(await dialog.getByText(/令和\d+年/).count()).toBe(1)
    await redact.check()

    // Everything is disabled and a progress line shows while the main process works.
    const save = pendingDialog()
    app.dialogs.dossier = save.promise
    const make = dialog.getByRole('button', { name: /^Make dossier/ })
    await make.click()
    const busy = dialog.getByRole('status').filter({ hasText: 'Making the dossier' })
    await busy.waitFor()
    expect(await dialog.getByRole('button', { name: 'Working…' }).isDisabled()).toBe(true)
    expect(await dialog.getByRole('radio', { name: 'Police' }).isDisabled()).toBe(true)
    expect(await provider.isDisabled()).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true)
    expect(await dialog.locator('.sharing-form').getAttribute('aria-busy')).toBe('true')
    await screenshot(page, 'dossier-dialog-busy')
    // Escape does not drop a dossier that is being written.
    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(true)

    const pdf = path.join(app.dir, 'dossier.pdf')
    save.answer(pdf)
    const result = dialog.getByRole('region', { name: 'Dossier saved.' })
    await result.waitFor()
    expect(await busy.count()).toBe(0)
    const resultText = (await result.textContent()) ?? ''
    expect(resultText).toContain('dossier.pdf')
    expect(resultText).toContain(pdf)
    expect(resultText).toMatch(/\d+ pages? · [\d.]+ (KB|MB)/)
    // The focus goes to the result, which the screen reader reads out.
    expect(await result.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Close' }).last().isEnabled()).toBe(true)
    await screenshot(page, 'dossier-dialog')
    // The file manager, on the file just written (the main process shows only what it wrote).
    await result.getByRole('button', { name: 'Show in folder' }).click()
    await expect.poll(() => app.shown).toEqual([pdf])
    expect(await app.call('app:showInFolder', { path: path.join(app.dir, 'case.kiroku') })).toMatchObject({ ok: false, error: { code: 'forbidden' } })

    expect(fs.existsSync(pdf)).toBe(true)
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    const pages = pdfPages(pdf)
    expect(resultText).toContain(pages === 1 ? '1 page' : `${pages} pages`)
    const text = squeeze(pdfText(pdf))
    expect(text).toContain(squeeze(TITLE))
    expect(text).toContain(squeeze(PUBLIC_EVENT))
    expect(text).toContain('Tポイント事務局')
    expect(text).toMatch(/平成30年10月1[23]日/) // Japanese era dates
    expect(text).not.toContain(squeeze(PRIVATE_EVENT)) // private items never reach a dossier

    // Cancelling the save dialog: nothing written, nothing shown (the last result goes away).
    const before = filesIn(app.dir)
    app.dialogs.dossier = undefined
    await make.click()
    await dialog.getByRole('button', { name: /^Make dossier/ }).waitFor()
    expect(await result.count()).toBe(0)
    expect(await dialog.getByRole('alert').count()).toBe(0)
    expect(filesIn(app.dir)).toEqual(before)
    // The focus is back on the button, so Enter tries again.
    expect(await make.evaluate((el) => el === document.activeElement)).toBe(true)

    // A failure is shown as such: a folder that does not exist.
    app.dialogs.dossier = path.join(app.dir, 'no-such-folder', 'dossier.pdf')
    await make.click()
    const error = dialog.getByRole('alert')
    await error.waitFor()
    expect(await error.textContent()).toContain('The dossier was not saved.')
    expect(await result.count()).toBe(0)

    await page.keyboard.press('Escape')
    expect(await dialog.count()).toBe(0)
    // The router logs the unexpected write failure (ENOENT) it turned into that error.
    expect(app.problems.filter((problem) => !problem.includes('no-such-folder'))).toEqual([])
    await app.close()
  })

  it('is made from the Submit / share menu with the keyboard alone', async () => {
    const app = await env.launch()
    const { page } = app
    await seedCase(app)
    const menuButton = page.getByRole('button', { name: 'Submit / share' })
    await menuButton.focus()
    await page.keyboard.press('Enter')
    const item = page.getByRole('menu').getByRole('menuitem', { name: /^Dossier/ })
    expect(await item.getAttribute('aria-keyshortcuts')).toBe('Control+P')
    // The dossier is the first item and has the focus.
    expect(await item.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Dossier (PDF)' })
    await dialog.waitFor()
    // Arrow keys move through the audience choices; Tab moves on.
    await page.keyboard.press('ArrowRight')
    expect(await dialog.getByRole('radio', { name: 'A provider' }).isChecked()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await isFocused(page, 'dialog select')).toBe(true)
    await page.keyboard.press('ArrowDown') // the first organisation
    const pdf = path.join(app.dir, 'provider.pdf')
    app.dialogs.dossier = pdf
    // Tab on to the Make button (past language, dates, redaction, the fixes of what is missing and Cancel) and press it.
    const make = dialog.getByRole('button', { name: /^Make dossier/ })
    for (let i = 0; i < 20 && !(await make.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    expect(await make.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.keyboard.press('Enter')
    await dialog.getByRole('region', { name: 'Dossier saved.' }).waitFor()
    expect(squeeze(pdfText(pdf))).toContain('Tポイント事務局')
    expect(app.problems).toEqual([])
    await app.close()
  })
})

describe('the ZIP bundle', () => {
  it('warns that it is not encrypted, writes the ZIP, and can switch to an encrypted copy', async () => {
    const app = await env.launch()
    const { page } = app
    const { evidence } = await seedCase(app)

    await openSubmitShare(page, 'ZIP bundle')
    const dialog = page.getByRole('dialog', { name: 'Submission bundle (ZIP)' })
    await dialog.waitFor()
    const warning = dialog.getByRole('note', { name: /This ZIP is NOT encrypted/ })
    expect(await warning.isVisible()).toBe(true)
    expect(await warning.textContent()).toContain('without any passphrase')
    // The safer way is what the keyboard lands on first.
    const instead = warning.getByRole('button', { name: 'Make an encrypted copy instead' })
    expect(await instead.evaluate((el) => el === document.activeElement)).toBe(true)
    // The same dossier options as the dossier itself.
    expect(await dialog.getByRole('radio', { name: 'Police' }).isChecked()).toBe(true)
    expect(await dialog.getByRole('checkbox', { name: 'Redact personal details' }).isVisible()).toBe(true)
    await screenshot(page, 'bundle-dialog')

    const zip = path.join(app.dir, 'bundle.zip')
    const save = pendingDialog()
    app.dialogs.bundle = save.promise
    await dialog.getByRole('button', { name: 'Make ZIP…' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Making the ZIP' }).waitFor()
    expect(await instead.isDisabled()).toBe(true)
    save.answer(zip)
    const result = dialog.getByRole('region', { name: 'ZIP bundle saved (not encrypted).' })
    await result.waitFor()
    expect(await result.textContent()).toMatch(/4 files · [\d.]+ (KB|MB)/) // dossier, two pieces of evidence, README
    await screenshot(page, 'bundle-dialog-done')

    expect(fs.existsSync(zip)).toBe(true)
    const report = await verifyBundle(zip)
    expect(report.ok).toBe(true)
    const entries = readZip(zip).map((e) => e.name)
    expect(entries).toContain('dossier.pdf')
    expect(entries).toContain(`evidence/${evidence['login-history.png']}-login-history.png`)
    expect(entries.some((e) => e.includes('family-chat'))).toBe(false) // private evidence stays out

    // From the warning to the encrypted copy.
    await instead.click()
    await page.getByRole('dialog', { name: 'Encrypted copy' }).waitFor()
    expect(await dialog.count()).toBe(0)
    expect(await page.getByLabel('Case passphrase (asked again)').evaluate((el) => el === document.activeElement)).toBe(true)
    expect(app.problems).toEqual([])
    await app.close()
  })
})

describe('the encrypted copy', () => {
  it('refuses a wrong case passphrase, then writes a copy without private items that opens with its own passphrase', async () => {
    const app = await env.launch()
    const { page } = app
    const { file, evidence } = await seedCase(app)

    await openSubmitShare(page, 'Encrypted copy')
    const dialog = page.getByRole('dialog', { name: 'Encrypted copy' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('the recipient opens with Kiroku, under a passphrase of its own')
    const casePassphrase = dialog.getByLabel('Case passphrase (asked again)')
    const sharePassphrase = dialog.getByLabel('New passphrase for the copy', { exact: true })
    const repeat = dialog.getByLabel('New passphrase for the copy, again')
    const withoutPrivate = dialog.getByRole('checkbox', { name: 'Leave out private items' })
    expect(await withoutPrivate.isChecked()).toBe(true)
    expect(await dialog.getByText('This case has 1 private event and 1 private piece of evidence.').isVisible()).toBe(true)
    // Private evidence is shown as left out; the others can be left out one by one.
    const leaveOut = dialog.getByRole('group', { name: 'Evidence to leave out' })
    const privateItem = leaveOut.getByRole('checkbox', { name: /家族とのやりとり/ })
    expect(await privateItem.isChecked()).toBe(true)
    expect(await privateItem.isDisabled()).toBe(true)
    await leaveOut.getByRole('checkbox', { name: /ポイント利用履歴/ }).check()
    await leaveOut.getByText('2 pieces of evidence will be left out.').waitFor()

    // Passphrases for the copy are checked before anything is asked of the main process:
    // a weak one holds the button back (test/e2e/passphrase-rule.test.ts), a good one is checked on submit.
    await casePassphrase.fill(PASSPHRASE)
    await sharePassphrase.fill('short')
    await repeat.fill('short')
    await dialog.getByText('The passphrase needs at least 8 characters (it has 5).', { exact: false }).waitFor()
    expect(await dialog.getByRole('button', { name: 'Make encrypted copy…' }).isDisabled()).toBe(true)
    await sharePassphrase.fill(PASSPHRASE)
    await repeat.fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Make encrypted copy…' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'different from the case passphrase' }).waitFor()

    // A wrong case passphrase: an error, no copy, the fields emptied and the focus on the case passphrase.
    const copy = path.join(app.dir, 'for-police.kiroku')
    app.dialogs.share = copy
    await casePassphrase.fill('not the passphrase')
    await sharePassphrase.fill(SHARE_PASSPHRASE)
    await dialog.getByText(/^(Good|Strong)$/).waitFor() // the strength meter follows what is typed
    await repeat.fill(SHARE_PASSPHRASE)
    await screenshot(page, 'share-dialog')
    await repeat.press('Enter')
    await dialog.getByRole('alert').filter({ hasText: 'That is not this case’s passphrase. No copy was made.' }).waitFor()
    expect(fs.existsSync(copy)).toBe(false)
    for (const field of [casePassphrase, sharePassphrase, repeat]) expect(await field.inputValue()).toBe('')
    expect(await casePassphrase.evaluate((el) => el === document.activeElement)).toBe(true)
    await screenshot(page, 'share-dialog-wrong-passphrase')

    // The right one: progress, then what the copy holds and what was left out.
    const save = pendingDialog()
    app.dialogs.share = save.promise
    await casePassphrase.fill(PASSPHRASE)
    await sharePassphrase.fill(SHARE_PASSPHRASE)
    await repeat.fill(SHARE_PASSPHRASE)
    await dialog.getByRole('button', { name: 'Make encrypted copy…' }).click()
    await dialog.getByRole('status').filter({ hasText: 'Making the encrypted copy' }).waitFor()
    expect(await casePassphrase.isDisabled()).toBe(true)
    expect(await withoutPrivate.isDisabled()).toBe(true)
    save.answer(copy)
    const result = dialog.getByRole('region', { name: 'Encrypted copy saved.' })
    await result.waitFor()
    const summary = (await result.textContent()) ?? ''
    expect(summary).toContain('for-police.kiroku')
    expect(summary).toContain('It holds 2 events and 1 piece of evidence.')
    expect(summary).toContain('Left out: 1 event and 2 pieces of evidence.')
    for (const field of [casePassphrase, sharePassphrase, repeat]) expect(await field.inputValue()).toBe('')
    await screenshot(page, 'share-dialog-done')

    // No passphrase is left anywhere in the page: not in the DOM, not in storage.
    const html = await pageHtml(page)
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
    for (const secret of [PASSPHRASE, SHARE_PASSPHRASE]) {
      expect(html).not.toContain(secret)
      expect(storage).not.toContain(secret)
    }
    expect(app.problems).toEqual([])
    await app.close()

    // The copy opens with its own passphrase only, without the private event and the left-out evidence.
    expect(() => openCaseFile(copy, PASSPHRASE)).toThrow()
    const shared = openCaseFile(copy, SHARE_PASSPHRASE)
    try {
      expect(shared.case.get().title).toBe(TITLE)
      const titles = shared.events.list().map((e) => e.title)
      expect(titles).toContain(PUBLIC_EVENT)
      expect(titles).not.toContain(PRIVATE_EVENT)
      expect(shared.evidence.list().map((e) => e.id)).toEqual([evidence['login-history.png']])
    } finally {
      shared.close()
    }
    // The original is untouched and still opens with its passphrase.
    const original = openCaseFile(file, PASSPHRASE)
    try {
      expect(original.events.list()).toHaveLength(3)
      expect(original.evidence.list()).toHaveLength(3)
    } finally {
      original.close()
    }
  })
})

describe('in Japanese', () => {
  it('shows the three dialogs in Japanese, the dossier in Japanese by default', async () => {
    const app = await env.launch()
    const { page } = app
    await seedCase(app)
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await page.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).last().click()

    await openSubmitShare(page, '報告書')
    const dossier = page.getByRole('dialog', { name: '報告書（PDF）' })
    await dossier.waitFor()
    expect(await dossier.getByRole('radio', { name: '日本語' }).isChecked()).toBe(true)
    await dossier.getByRole('radio', { name: '事業者' }).check()
    await dossier.getByRole('combobox', { name: '事業者' }).selectOption({ label: 'Tポイント事務局' })
    await dossier.getByRole('radio', { name: /^和暦/ }).check()
    await screenshot(page, 'dossier-dialog-ja')
    const pdf = path.join(app.dir, '報告書.pdf')
    app.dialogs.dossier = pdf
    await dossier.getByRole('button', { name: /報告書を作る…$/ }).click()
    await dossier.getByRole('region', { name: '報告書を保存しました。' }).waitFor()
    await screenshot(page, 'dossier-dialog-done-ja')
    await page.keyboard.press('Escape')

    await openSubmitShare(page, 'ZIP 一式')
    const bundle = page.getByRole('dialog', { name: '提出書類一式（ZIP）' })
    await bundle.getByRole('note', { name: /暗号化されません/ }).waitFor()
    await screenshot(page, 'bundle-dialog-ja')
    await bundle.getByRole('button', { name: '代わりに暗号化コピーを作る' }).click()

    const share = page.getByRole('dialog', { name: '暗号化コピー' })
    await share.waitFor()
    await share.getByLabel('この事件のパスフレーズ（確認のため再入力）').fill(PASSPHRASE)
    await share.getByLabel('コピー用の新しいパスフレーズ', { exact: true }).fill(SHARE_PASSPHRASE)
    await share.getByLabel('コピー用の新しいパスフレーズ（確認）').fill(SHARE_PASSPHRASE)
    expect(await share.getByRole('checkbox', { name: '非公開の項目を含めない' }).isChecked()).toBe(true)
    await screenshot(page, 'share-dialog-ja')
    expect(app.problems).toEqual([])
    await app.close()
  })
})
