// Merging a case someone shared back into the open case: the main process
// asks for the file (answered by `app.dialogs.open`), opens it with the
// passphrase typed in the dialog, and adds what the case lacks.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile, shareCaseFile } from '../../electron/main/core'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { createCase, openSubmitShare, openTab, PASSPHRASE, pageHtml, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const TITLE = 'Yahoo! ID 乗っ取りと T ポイント不正利用'
const OLD_EVENT = '中国からの不正ログイン'
const NEW_EVENT = '弁護士と面談'
const SHARE_PASSPHRASE = 'from the lawyer 弁護士より'

function ok<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/**
 * A case with one event, shown in the app; and an encrypted copy of it (made
 * with the core, as another Kiroku would) to which the lawyer added a meeting
 * and its reference number.
 */
async function seed(app: RunningApp): Promise<{ file: string; shared: string }> {
  const file = await createCase(app, { title: TITLE })
  ok(await app.call('events:create', { occurredAt: '2018-10-12T21:40+09:00', kind: 'unauthorized_access', title: OLD_EVENT }))
  await app.page.getByRole('button', { name: /^Lock/ }).click()
  await app.page.getByLabel('Passphrase').fill(PASSPHRASE)
  await app.page.getByLabel('Passphrase').press('Enter')
  await app.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()

  const shared = path.join(app.dir, 'from-lawyer.kiroku')
  const source = openCaseFile(file, PASSPHRASE)
  try {
    await shareCaseFile(source, PASSPHRASE, shared, SHARE_PASSPHRASE)
  } finally {
    source.close()
  }
  const copy = openCaseFile(shared, SHARE_PASSPHRASE)
  try {
    const meeting = copy.events.create({ occurredAt: '2018-11-05T14:00+09:00', kind: 'contact', title: NEW_EVENT })
    copy.references.create({ label: '相談番号', value: 'L-1105', eventId: meeting.id })
  } finally {
    copy.close()
  }
  return { file, shared }
}

/** An open dialog that stays open until `answer` is called. */
function pendingDialog(): { promise: Promise<string | undefined>; answer: (path: string | undefined) => void } {
  let answer!: (path: string | undefined) => void
  const promise = new Promise<string | undefined>((resolve) => (answer = resolve))
  return { promise, answer }
}

describe('merging a shared case', () => {
  it('refuses a wrong passphrase, merges what is new into the timeline, and the second time finds nothing new', async () => {
    const app = await env.launch()
    const { page } = app
    const { file, shared } = await seed(app)
    await openTab(page, 'Timeline')
    await page.getByRole('article', { name: OLD_EVENT }).waitFor()
    expect(await page.getByRole('article', { name: NEW_EVENT }).count()).toBe(0)

    await openSubmitShare(page, 'Merge…')
    const dialog = page.getByRole('dialog', { name: 'Merge a shared case' })
    await dialog.waitFor()
    const intro = (await dialog.textContent()) ?? ''
    expect(intro).toContain('Nothing in this case is removed or changed')
    expect(intro).toContain('the same evidence is never added twice')
    const passphrase = dialog.getByLabel('Passphrase of the shared file')
    expect(await passphrase.evaluate((el) => el === document.activeElement)).toBe(true)
    const merge = dialog.getByRole('button', { name: 'Merge…' })

    // A wrong passphrase: said as such, the field emptied and focused, nothing added.
    app.dialogs.open = shared
    await passphrase.fill('not the passphrase')
    await merge.click()
    await dialog.getByRole('alert').filter({ hasText: 'That passphrase does not open the shared file. Nothing was merged.' }).waitFor()
    expect(await passphrase.inputValue()).toBe('')
    expect(await passphrase.evaluate((el) => el === document.activeElement)).toBe(true)

    // The right one: progress while the open dialog is up, then what was added.
    const open = pendingDialog()
    app.dialogs.open = open.promise
    await passphrase.fill(SHARE_PASSPHRASE)
    await passphrase.press('Enter')
    await dialog.getByRole('status').filter({ hasText: 'Merging: choose the shared file' }).waitFor()
    expect(await passphrase.isDisabled()).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Working…' }).isDisabled()).toBe(true)
    open.answer(shared)
    const result = dialog.getByRole('region', { name: 'Shared case merged.' })
    await result.waitFor()
    const resultText = (await result.textContent()) ?? ''
    expect(resultText).toContain('Merged from')
    expect(resultText).toContain('from-lawyer.kiroku')
    expect(resultText).toContain('Added 1 event and 1 reference number.')
    expect(await result.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await dialog.getByRole('alert').count()).toBe(0)
    expect(await passphrase.inputValue()).toBe('')
    await screenshot(page, 'merge-dialog')

    // The new event is on the timeline at once.
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    expect(await dialog.count()).toBe(0)
    await page.getByRole('article', { name: NEW_EVENT }).waitFor()
    expect(await page.getByRole('article', { name: OLD_EVENT }).count()).toBe(1)

    // Again: nothing new.
    app.dialogs.open = shared
    await openSubmitShare(page, 'Merge…')
    await passphrase.fill(SHARE_PASSPHRASE)
    await merge.click()
    await result.waitFor()
    expect(await result.textContent()).toContain('Nothing new: this case already had everything.')
    await screenshot(page, 'merge-dialog-nothing-new')
    expect(await page.getByRole('article', { name: NEW_EVENT }).count()).toBe(1)

    // A cancelled open dialog: nothing shown, the focus back on Merge.
    app.dialogs.open = undefined
    await passphrase.fill(SHARE_PASSPHRASE)
    await merge.click()
    await dialog.getByRole('button', { name: 'Merge…' }).waitFor()
    expect(await result.count()).toBe(0)
    expect(await dialog.getByRole('alert').count()).toBe(0)
    expect(await merge.evaluate((el) => el === document.activeElement)).toBe(true)

    // The open case file itself is refused.
    app.dialogs.open = file
    await passphrase.fill(PASSPHRASE)
    await merge.click()
    const refusal = dialog.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('Nothing was merged.')
    expect(await refusal.textContent()).toContain('open case file itself')

    // No passphrase is left in the page.
    const html = await pageHtml(page)
    for (const secret of [PASSPHRASE, SHARE_PASSPHRASE]) expect(html).not.toContain(secret)
    expect(app.problems).toEqual([])
    expect(app.browserDialogs).toEqual([])
    await app.close()

    const merged = openCaseFile(file, PASSPHRASE)
    try {
      expect(merged.events.list().map((e) => e.title).sort()).toEqual([NEW_EVENT, OLD_EVENT].sort())
      expect(merged.references.list().map((r) => r.value)).toEqual(['L-1105'])
      expect(merged.audit().filter((e) => e.action === 'merge')).toHaveLength(2)
      expect(merged.verify().ok).toBe(true)
    } finally {
      merged.close()
    }
  })

  it('in Japanese', async () => {
    const app = await env.launch()
    const { page } = app
    const { shared } = await seed(app)
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('combobox', { name: 'Language' }).selectOption('ja')
    await page.getByRole('dialog', { name: '設定' }).getByRole('button', { name: '閉じる' }).last().click()

    await openSubmitShare(page, '取り込む…')
    const dialog = page.getByRole('dialog', { name: '共有された事件を取り込む' })
    await dialog.waitFor()
    app.dialogs.open = shared
    await dialog.getByLabel('共有されたファイルのパスフレーズ').fill(SHARE_PASSPHRASE)
    await dialog.getByRole('button', { name: '取り込む…' }).click()
    const result = dialog.getByRole('region', { name: '共有された事件を取り込みました。' })
    await result.waitFor()
    expect(await result.textContent()).toContain('経緯 1 件、受付番号 1 件を追加しました。')
    await screenshot(page, 'merge-dialog-ja')
    await dialog.getByLabel('共有されたファイルのパスフレーズ').fill(SHARE_PASSPHRASE)
    await dialog.getByRole('button', { name: '取り込む…' }).click()
    await result.getByText('新しいものはありません。この事件にはすべて揃っていました。').waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })
})
