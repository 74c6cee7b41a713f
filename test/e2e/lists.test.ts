// Organisations, losses and follow-ups: add, edit, tick off and delete
// through their own forms, keyboard first, and check the file afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, openTab, PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

describe('the case lists', () => {
  it('adds, edits and deletes organisations, losses and follow-ups', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: 'リストのテスト' })

    await openTab(page, 'Organisations')
    await page.getByRole('button', { name: 'New organisation' }).click()
    let form = page.getByRole('dialog', { name: 'New organisation' })
    // The first field has the focus: type straight away, Enter saves.
    await page.keyboard.type('Yahoo! JAPAN')
    await form.getByLabel('Role').selectOption('platform')
    await form.getByLabel('Phone').fill('0570-000-000')
    await form.getByLabel('Phone').press('Enter')
    await page.getByRole('cell', { name: 'Yahoo! JAPAN', exact: true }).waitFor()
    await page.getByRole('button', { name: 'New organisation' }).click()
    await page.keyboard.type('警察署 生活安全課')
    await form.getByLabel('Role').selectOption('police')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('cell', { name: '警察署 生活安全課', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Edit Yahoo! JAPAN' }).click()
    form = page.getByRole('dialog', { name: 'Edit organisation' })
    await form.getByLabel('Notes').fill('ポイントは運営会社の管轄とのこと')
    await form.getByLabel('Notes').press('Control+Enter')
    await page.getByRole('cell', { name: 'ポイントは運営会社の管轄とのこと' }).waitFor()
    await screenshot(page, 'organisations-list')

    await openTab(page, 'Losses')
    await page.getByRole('button', { name: 'New loss' }).click()
    form = page.getByRole('dialog', { name: 'New loss' })
    await form.getByLabel('Description').fill('Tポイント不正利用')
    await form.getByLabel('Amount').fill('87233')
    await form.getByLabel('Unit').fill('T-POINT')
    await form.getByLabel('Happened on').fill('2018-10-17')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('cell', { name: '87,233 V Point (formerly T-Point)' }).waitFor()
    await page.getByRole('button', { name: 'Edit Tポイント不正利用' }).click()
    form = page.getByRole('dialog', { name: 'Edit loss' })
    await form.getByLabel('Recovered').fill('87233')
    await form.getByLabel('Expected back by').fill('2018-11-15')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('cell', { name: /Nov 15, 2018/ }).waitFor()
    await screenshot(page, 'losses-list')

    await openTab(page, 'Follow-ups')
    for (const [title, due] of [
      ['Pontaカードを再発行する', '2018-10-30'],
      ['二段階認証を設定する', ''],
    ]) {
      await page.getByRole('button', { name: 'New follow-up' }).click()
      form = page.getByRole('dialog', { name: 'New follow-up' })
      await form.getByLabel('Title').fill(title)
      if (due) await form.getByLabel('Due').fill(due)
      await form.getByRole('button', { name: 'Save' }).click()
      await page.getByRole('cell', { name: title, exact: true }).waitFor()
    }
    // Past its date and not done: marked overdue until ticked off.
    const overdueRow = page.getByRole('row', { name: /Pontaカードを再発行する/ })
    expect(await overdueRow.textContent()).toContain('Overdue')
    await screenshot(page, 'tasks-list')
    await page.getByRole('checkbox', { name: 'Pontaカードを再発行する done' }).check()
    await page.waitForFunction(() => !document.querySelector('tr.overdue'))
    await page.getByRole('button', { name: 'Delete 二段階認証を設定する' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('cell', { name: '二段階認証を設定する', exact: true }).waitFor({ state: 'detached' })

    await openTab(page, 'Organisations')
    await page.getByRole('button', { name: 'Delete 警察署 生活安全課' }).click()
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('cell', { name: '警察署 生活安全課', exact: true }).waitFor({ state: 'detached' })
    expect(app.problems).toEqual([])
    await app.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.organizations.list()).toMatchObject([{ name: 'Yahoo! JAPAN', role: 'platform', phone: '0570-000-000', notes: 'ポイントは運営会社の管轄とのこと' }])
      expect(caseFile.losses.list()).toMatchObject([{ amount: 87233, unit: 'T-POINT', recovered: 87233, occurredAt: '2018-10-17', expectedRecoveryAt: '2018-11-15' }])
      expect(caseFile.tasks.list()).toMatchObject([{ title: 'Pontaカードを再発行する', dueAt: '2018-10-30', done: true }])
    } finally {
      caseFile.close()
    }
  })
})
