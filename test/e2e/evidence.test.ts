// Evidence in by paste, drop and file picker; refused with a reason when it
// is too large or not a supported type; shown with its SHA-256; linked to
// an event.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { screenshotPng, pngFile } from './harness/files'
import { createCase, dropFiles, openTab, PASSPHRASE, pasteFile, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')

describe('evidence', () => {
  it('comes in by paste, drop and the file picker, and is refused with a reason when it must be', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: 'ログイン履歴の証拠' })
    const created = await app.call('events:create', { occurredAt: '2018-10-12T21:40:00+09:00', kind: 'unauthorized_access', title: '中国からのログイン' })
    expect(created.ok).toBe(true)
    await page.getByRole('button', { name: /^Lock/ }).click()
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByLabel('Passphrase').press('Enter')
    await page.getByRole('heading', { level: 1 }).waitFor()

    // A screenshot pasted anywhere in the case (here: the overview).
    await pasteFile(page, pngFile('image.png', 1))
    await page.getByRole('status').filter({ hasText: 'Evidence added.' }).waitFor()
    await openTab(page, 'Evidence')
    const grid = page.getByRole('list', { name: 'Evidence' })
    await grid.getByRole('listitem').first().waitFor()
    expect(await grid.getByRole('listitem').first().textContent()).toMatch(/screenshot-\d{8}-\d{6}\.png/)

    // Dropped from the file manager.
    await dropFiles(page.getByTestId('drop-zone'), [pngFile('login-history.png', 2)])
    await grid.getByText('login-history.png').waitFor()

    // Chosen with the file picker (reachable as a labelled control).
    await page.getByLabel('choose files').setInputFiles({ name: 'usage.png', mimeType: 'image/png', buffer: screenshotPng(3) })
    await grid.getByText('usage.png').waitFor()
    expect(await grid.getByRole('listitem').count()).toBe(3)
    await page.locator('.evidence-grid img').nth(2).waitFor()
    await screenshot(page, 'evidence-grid')

    // Refusals: a type Kiroku does not take, bytes that lie about their type, and a file over 50 MB.
    await dropFiles(page.getByTestId('drop-zone'), [{ name: 'report.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: 'UEsDBA==' }])
    await page.getByRole('alert').filter({ hasText: 'report.docx cannot be added' }).waitFor()
    await dropFiles(page.getByTestId('drop-zone'), [{ name: 'fake.png', type: 'image/png', base64: Buffer.from('PK\u0003\u0004 zip').toString('base64') }])
    await page.getByRole('alert').filter({ hasText: 'fake.png' }).waitFor()
    await page.getByTestId('drop-zone').evaluate((zone) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'video.png', { type: 'image/png' }))
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }))
    })
    await page.getByRole('alert').filter({ hasText: 'video.png is 51.0 MB' }).waitFor()
    await screenshot(page, 'evidence-refused')
    expect(await grid.getByRole('listitem').count()).toBe(3)

    // The same picture again is recognised, not stored twice.
    await pasteFile(page, pngFile('again.png', 2))
    await page.getByRole('status').filter({ hasText: 'login-history.png is already in this case.' }).waitFor()
    expect(await grid.getByRole('listitem').count()).toBe(3)

    // Full view: the picture, its SHA-256, and a link to the event it shows.
    await page.getByRole('button', { name: 'View login-history.png' }).click()
    const viewer = page.getByRole('dialog', { name: 'login-history.png' })
    await viewer.locator('img.viewer-image').waitFor()
    expect(await viewer.getByLabel('SHA-256').textContent()).toBe(sha256(screenshotPng(2)))
    await viewer.getByLabel('Caption').fill('ログイン履歴（中国）')
    await viewer.getByRole('button', { name: 'Save', exact: true }).click()
    // The dialog is titled by the caption now.
    const captioned = page.getByRole('dialog', { name: 'ログイン履歴（中国）' })
    await captioned.waitFor()
    await captioned.getByLabel('Find event').fill('中国')
    await page.getByRole('button', { name: 'Link to 中国からのログイン' }).click()
    await page.getByRole('button', { name: 'Unlink from 中国からのログイン' }).waitFor()
    await screenshot(page, 'evidence-viewer')
    await page.keyboard.press('Escape')
    expect(await page.getByRole('dialog').count()).toBe(0)

    // The timeline shows it as a thumbnail on the event.
    await openTab(page, 'Timeline')
    const row = page.getByRole('article', { name: '中国からのログイン' })
    await row.getByRole('button', { name: 'View login-history.png' }).locator('img').waitFor()
    await screenshot(page, 'timeline-with-evidence')
    expect(app.problems).toEqual([])
    await app.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const evidence = caseFile.evidence.list()
      expect(evidence.map((e) => e.fileName)).toEqual([expect.stringMatching(/^screenshot-/), 'login-history.png', 'usage.png'])
      const dropped = evidence[1]
      expect(dropped).toMatchObject({ sha256: sha256(screenshotPng(2)), caption: 'ログイン履歴（中国）', mimeType: 'image/png' })
      expect(caseFile.evidence.bytes(dropped.id).equals(screenshotPng(2))).toBe(true)
      expect(caseFile.events.list()[0].evidenceIds).toEqual([dropped.id])
    } finally {
      caseFile.close()
    }
  })

  it('fetches a picture only when its tile comes near the screen', async () => {
    const app = await env.launch()
    const { page } = app
    await createCase(app, { title: 'many screenshots' })
    const count = 80
    for (let i = 0; i < count; i++) {
      expect((await app.call('evidence:add', { fileName: `shot-${i}.png`, base64: screenshotPng(100 + i).toString('base64') })).ok).toBe(true)
    }
    await page.getByRole('button', { name: /^Lock/ }).click()
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByLabel('Passphrase').press('Enter')
    await page.getByRole('heading', { level: 1 }).waitFor()
    await openTab(page, 'Evidence')
    const grid = page.getByRole('list', { name: 'Evidence' })
    await grid.locator('img').first().waitFor()
    await page.waitForTimeout(300)
    const shownFirst = await grid.locator('img').count()
    expect(await grid.getByRole('listitem').count()).toBe(count)
    expect(shownFirst).toBeGreaterThan(0)
    expect(shownFirst).toBeLessThan(count / 2)

    const last = grid.getByRole('listitem').last()
    await last.scrollIntoViewIfNeeded()
    await last.locator('img').waitFor()
    expect(app.problems).toEqual([])
    await app.close()
  })
})
