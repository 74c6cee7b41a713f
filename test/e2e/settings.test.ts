// Settings: the language (remembered on this computer) and the auto-lock
// that clears every trace of the case from the page when idle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, openTab, PASSPHRASE, pageHtml, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

describe('language', () => {
  it('switches to Japanese in Settings, stays Japanese after a restart, and renders Japanese text', async () => {
    const app = await env.launch()
    const { page } = app
    await createCase(app, { title: 'Tポイント不正利用' })
    const org = await app.call('organizations:create', { name: 'Tポイント事務局', role: 'points_operator' })
    if (!org.ok) throw new Error(org.error.message)
    await app.call('events:logCall', {
      event: { occurredAt: '2018-10-13T10:00:00+09:00', kind: 'contact', channel: 'phone', title: '調査依頼', organizationId: org.value.id, representative: '佐藤', durationMinutes: 12, body: '1週間ほどで連絡するとのこと' },
      reference: { label: '受付番号', value: 'TP-1013' },
      promise: { title: '調査結果の連絡', dueAt: '2018-10-20' },
    })
    await app.call('losses:create', { description: 'Tポイント不正利用', amount: 87233, unit: 'T-POINT', recovered: 0, organizationId: org.value.id })
    await app.call('losses:create', { description: 'Pontaポイント不正利用', amount: 18739, unit: 'Ponta', recovered: 18739 })

    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByLabel('Language').selectOption('ja')
    await page.getByRole('dialog', { name: '設定' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja')
    await page.keyboard.press('Escape')

    // Reload the lists the Japanese way: lock, unlock.
    await page.getByRole('button', { name: /^ロック/ }).click()
    await page.getByLabel('パスフレーズ').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'ロック解除' }).click()
    await page.getByRole('tab', { name: '概要' }).waitFor()
    await page.getByRole('region', { name: '未完了の対応予定' }).getByText('期限切れ 1 件').waitFor()
    const totals = await page.getByRole('region', { name: '被害額と回復額' }).textContent()
    expect(totals).toContain('87,233')
    await screenshot(page, 'overview-ja')
    await openTab(page, '経緯')
    await page.getByRole('article', { name: '調査依頼' }).waitFor()
    await screenshot(page, 'timeline-ja')
    await page.keyboard.press('Control+n')
    await page.getByRole('dialog', { name: '連絡の記録' }).waitFor()
    await screenshot(page, 'call-note-ja')
    await page.keyboard.press('Escape')

    // The choice survives a restart of the page (localStorage, no case data in it).
    await page.reload()
    await page.getByRole('heading', { name: '事件ファイル' }).waitFor()
    await screenshot(page, 'start-ja')
    const stored = await page.evaluate(() => ({ ...localStorage }))
    expect(stored).toEqual({ 'kiroku.language': 'ja' })
    expect(app.problems).toEqual([])
    await app.close()
  })
})

describe('auto-lock', () => {
  it('locks after the idle time set in Settings and leaves no case data in the page', async () => {
    const app = await env.launch({ beforeLoad: (context) => context.clock.install() })
    const { page } = app
    await createCase(app, { title: '秘密の事件' })
    await page.getByRole('button', { name: /^Record a contact/ }).click()
    const note = page.getByRole('dialog', { name: 'Record a contact' })
    await note.getByLabel('Subject').fill('担当 鈴木 との通話')
    await note.getByLabel('Number', { exact: true }).fill('SECRET-42')
    await note.getByRole('button', { name: 'Save contact' }).click()
    await page.getByRole('region', { name: 'Latest reference numbers' }).getByText('SECRET-42').waitFor()
    await openTab(page, 'Timeline')
    await page.getByRole('article', { name: '担当 鈴木 との通話' }).waitFor()

    await page.getByRole('button', { name: 'Settings' }).click()
    const idle = page.getByLabel('Lock after this many idle minutes')
    expect(await idle.inputValue()).toBe('10')
    await idle.fill('2')
    await page.keyboard.press('Escape')

    // Idle, but not yet for two minutes: still open.
    await page.clock.fastForward('01:30')
    expect(await page.getByRole('heading', { level: 1, name: '秘密の事件' }).isVisible()).toBe(true)
    await page.clock.fastForward('00:31')
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    await page.getByText('The case was locked because nothing happened for a while.').waitFor()
    await screenshot(page, 'auto-locked')

    const html = await pageHtml(page)
    for (const secret of ['秘密の事件', 'SECRET-42', '鈴木']) expect(html).not.toContain(secret)
    expect(await page.locator('img').count()).toBe(0)
    // The file was closed in the main process too.
    expect(await app.call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    // And unlocking brings it back.
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByLabel('Passphrase').press('Enter')
    await page.getByRole('heading', { level: 1, name: '秘密の事件' }).waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })
})
