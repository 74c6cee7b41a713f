// Logging a call in under a minute, and what it leaves behind: the event,
// the reference number and the promise as a follow-up, in the overview and
// in the file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, openTab, PASSPHRASE, rowAction, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

describe('the quick call note', () => {
  it('opens with Ctrl+N, creates the organisation inline, and saves event, reference and promise together', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: 'Tポイント不正利用' })

    await page.keyboard.press('Control+n')
    const dialog = page.getByRole('dialog', { name: 'Record a contact' })
    await dialog.waitFor()
    // The organisation is the first thing asked, and already has the focus.
    expect(await dialog.getByRole('combobox', { name: 'Organisation', exact: true }).evaluate((el) => el === document.activeElement)).toBe(true)
    // "When" defaults to now, written with this computer's offset.
    expect(await dialog.getByLabel('When', { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    expect(await dialog.getByLabel('UTC offset').inputValue()).toMatch(/^([+-]\d{2}:\d{2}|Z)$/)

    await dialog.getByRole('combobox', { name: 'Organisation', exact: true }).fill('Tポイント事務局')
    await dialog.getByLabel('Role').selectOption('points_operator')
    await dialog.locator('details.time-zone summary').click()
    await dialog.getByLabel('Representative').fill('佐藤')
    await dialog.getByLabel('When', { exact: true }).fill('2018-10-13T10:00')
    await dialog.getByLabel('UTC offset').fill('+09:00')
    await dialog.getByLabel('Duration (minutes)').fill('12')
    await dialog.getByLabel('What was said').fill('調査して連絡するとのこと。1週間ほどかかる。')
    expect(await dialog.getByLabel('Label', { exact: true }).inputValue()).toBe('受付番号')
    await dialog.getByLabel('Number', { exact: true }).fill('TP-1013')
    await dialog.getByLabel('Promise', { exact: true }).fill('調査結果の連絡')
    await dialog.getByRole('button', { name: 'In a week' }).click()
    expect(await dialog.getByLabel('By when').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await screenshot(page, 'call-note-dialog')
    // Enter in a field saves the note.
    await dialog.getByLabel('Number', { exact: true }).press('Enter')
    await page.getByRole('status').filter({ hasText: 'Contact saved.' }).waitFor()
    expect(await dialog.count()).toBe(0)

    // The overview shows the promise to chase and the number given.
    const followUps = page.getByRole('region', { name: 'Open follow-ups' })
    await followUps.getByText('調査結果の連絡').waitFor()
    expect(await followUps.textContent()).toContain('Tポイント事務局')
    const references = page.getByRole('region', { name: 'Latest reference numbers' })
    await references.getByText('TP-1013').waitFor()

    // A second call whose promised date has passed shows as overdue.
    await page.getByRole('button', { name: /^Record a contact/ }).click()
    await dialog.getByRole('combobox', { name: 'Organisation', exact: true }).fill('Tポイント事務局')
    await dialog.getByLabel('Subject').fill('再度の問い合わせ')
    await dialog.getByLabel('Promise', { exact: true }).fill('折り返し電話')
    await dialog.getByLabel('By when').fill('2018-10-20')
    await dialog.getByRole('button', { name: 'Save contact' }).click()
    await followUps.getByText('折り返し電話').waitFor()
    expect(await followUps.textContent()).toContain('1 overdue')
    await screenshot(page, 'overview-with-call')

    await openTab(page, 'Timeline')
    const row = page.getByRole('article', { name: 'Call with Tポイント事務局' })
    await row.waitFor()
    const rowText = await row.textContent()
    expect(rowText).toContain('受付番号 TP-1013')
    expect(rowText).toContain('佐藤')
    expect(rowText).toContain('12 min')
    expect(rowText).toContain('10:00')
    await page.getByRole('heading', { name: /Oct 13, 2018/ }).waitFor()
    await screenshot(page, 'timeline-two-calls')
    expect(app.problems).toEqual([])
    await app.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const [organization] = caseFile.organizations.list()
      expect(organization).toMatchObject({ name: 'Tポイント事務局', role: 'points_operator' })
      const events = caseFile.events.list()
      expect(events[0]).toMatchObject({
        occurredAt: '2018-10-13T10:00+09:00',
        kind: 'contact',
        channel: 'phone',
        title: 'Call with Tポイント事務局',
        representative: '佐藤',
        durationMinutes: 12,
        organizationId: organization.id,
      })
      expect(caseFile.references.list()).toMatchObject([{ label: '受付番号', value: 'TP-1013', eventId: events[0].id, organizationId: organization.id }])
      expect(caseFile.tasks.list()).toMatchObject([
        { title: '調査結果の連絡', done: false, eventId: events[0].id },
        { title: '折り返し電話', dueAt: '2018-10-20', done: false },
      ])
    } finally {
      caseFile.close()
    }
  })
})

describe('editing the record', () => {
  it('edits an event, and deletes only after the confirmation says yes', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: '編集テスト' })
    for (const title of ['ログイン通知メール', '警察に相談']) {
      await app.call('events:create', { occurredAt: '2018-10-14T09:00:00+09:00', kind: 'note', title })
    }
    await app.call('references:create', { label: '受理番号', value: 'P-22' })
    // Reload what the page shows: lock and unlock (the UI's own way).
    await page.getByRole('button', { name: /^Lock/ }).click()
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByLabel('Passphrase').press('Enter')
    await openTab(page, 'Timeline')

    await rowAction(page, '警察に相談', 'Edit 警察に相談')
    const editor = page.getByRole('dialog', { name: 'Edit event' })
    await editor.getByLabel('Title').fill('警察に相談（生活安全課）')
    await editor.getByLabel('Kind').selectOption('police_report')
    await editor.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('article', { name: '警察に相談（生活安全課）' }).waitFor()

    await rowAction(page, 'ログイン通知メール', 'Delete ログイン通知メール')
    const confirm = page.getByRole('alertdialog', { name: 'Delete?' })
    await confirm.waitFor()
    expect(await confirm.textContent()).toContain('ログイン通知メール')
    await screenshot(page, 'confirm-delete')
    // Escape (like Cancel) keeps it.
    await page.keyboard.press('Escape')
    expect(await confirm.count()).toBe(0)
    expect(await page.getByRole('article', { name: 'ログイン通知メール' }).count()).toBe(1)
    await rowAction(page, 'ログイン通知メール', 'Delete ログイン通知メール')
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('article', { name: 'ログイン通知メール' }).waitFor({ state: 'detached' })

    // The same for a list: reference numbers.
    await openTab(page, 'Reference numbers')
    await page.getByRole('button', { name: 'Edit 受理番号 P-22' }).click()
    const referenceForm = page.getByRole('dialog', { name: 'Edit reference number' })
    await referenceForm.getByLabel('Number').fill('P-2233')
    await referenceForm.getByLabel('Number').press('Enter')
    await page.getByRole('cell', { name: 'P-2233', exact: true }).waitFor()
    await screenshot(page, 'references-list')
    await page.getByRole('button', { name: 'Delete 受理番号 P-2233' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await page.getByText('No reference numbers yet.').waitFor()
    expect(app.problems).toEqual([])
    await app.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.events.list()).toMatchObject([{ title: '警察に相談（生活安全課）', kind: 'police_report' }])
      expect(caseFile.references.list()).toEqual([])
    } finally {
      caseFile.close()
    }
  })

  it('shows markup typed into a note as text and never runs it', async () => {
    const app = await env.launch()
    const { page } = app
    await createCase(app, { title: 'XSS' })
    const markup = '<img src=x onerror=alert(1)>'
    await openTab(page, 'Timeline')
    await page.getByRole('button', { name: 'New event' }).click()
    const editor = page.getByRole('dialog', { name: 'New event' })
    await editor.getByLabel('Title').fill(markup)
    await editor.getByLabel('Notes').fill(`メモ ${markup}`)
    await editor.getByLabel('Notes').press('Control+Enter')
    const row = page.getByRole('article', { name: markup })
    await row.waitFor()
    expect(await row.getByText(markup, { exact: true }).isVisible()).toBe(true)
    expect(await row.getByText(`メモ ${markup}`).isVisible()).toBe(true)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    await page.waitForTimeout(200) // an onerror would have fired by now
    expect(app.browserDialogs).toEqual([])
    expect(app.problems).toEqual([])
    await app.close()
  })
})
