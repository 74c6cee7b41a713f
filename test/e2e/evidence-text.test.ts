// What Kiroku read, in the evidence viewer (#14): a screenshot dropped in is
// recognised in the background while the page polls, and its number shows
// under the picture with the machine-read note; a phishing mail shows its
// envelope and body as text (the address defanged, no link anywhere), its
// routing headers folded, and its attachment opens from "Files in this mail".
// axe finds nothing in the viewer, in English and Japanese. What the text
// holds (a login row with its IP, a points use) is offered as an event and a
// loss: nothing is added until the filled-in form is saved, and a dismissed
// one is hidden for that viewing only.
import crypto from 'node:crypto'
import { createRequire } from 'node:module'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evidenceTextJa } from '../../renderer/src/i18n/evidence-text-messages'
import { SCAM_SUBJECT, scamMail } from '../helpers/japanese-mail'
import { screenshot } from '../helpers/screenshot'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { axeViolations, describeViolations } from './harness/axe'
import { createCase, dropFiles, openTab, screenshotSizes } from './harness/flows'

const requireHere = createRequire(__filename)
GlobalFonts.registerFromPath(requireHere.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'), 'E2E OCR Noto Sans JP')

/** A points history page holding a number made up for this run. */
function pointsHistory(number: string): Buffer {
  const canvas = createCanvas(1280, 720)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, 1280, 720)
  ctx.fillStyle = '#1f2328'
  ctx.font = "22px 'E2E OCR Noto Sans JP'"
  ;['ポイント利用履歴', `2026/11/03 コンビニ 利用番号 ${number}`].forEach((line, i) => ctx.fillText(line, 40, 80 + i * 50))
  return canvas.toBuffer('image/png')
}

const digits = (text: string | null) => (text ?? '').replace(/\D/g, '')

const value = <T = any>(result: { ok: boolean; value?: T; error?: unknown }): T => {
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true })
  return result.value as T
}

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

async function expectNoAxeViolation(page: Page, where: string) {
  expect(describeViolations(await axeViolations(page)), where).toEqual([])
}

async function closeViewer(page: Page) {
  await page.keyboard.press('Escape')
  await page.locator('dialog[open]').waitFor({ state: 'detached' })
}

describe('evidence text in the viewer', () => {
  it('shows a picture’s recognised text as machine-read, and a mail as text with its attachment a button away', async () => {
    const app = await env.launch({ recognise: true })
    const { page } = app
    try {
      await createCase(app, { title: 'ポイント不正利用' })
      await openTab(page, 'Evidence')

      // What the polite live regions said meanwhile (the reading takes a second or more: the page polls before it ends).
      await page.evaluate(() => {
        const said: string[] = ((window as unknown as { said: string[] }).said = [])
        new MutationObserver(() => {
          for (const region of document.querySelectorAll('[role="status"]')) {
            const text = region.textContent ?? ''
            if (text && !said.includes(text)) said.push(text)
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true })
      })
      const number = String(crypto.randomInt(10_000_000, 99_999_999))
      await dropFiles(page.getByTestId('drop-zone'), [{ name: 'points-history.png', type: 'image/png', base64: pointsHistory(number).toString('base64') }])
      await page.getByRole('button', { name: 'View points-history.png' }).click()
      const viewer = page.getByRole('dialog', { name: 'points-history.png' })
      // Read in the background: the page polls until the reading is done, then shows the text.
      const note = viewer.getByText(/^Machine-read from the picture: it may contain errors \(tesseract\.js \d+\.\d+\.\d+, .+\)\.$/)
      await note.waitFor({ timeout: 60_000 })
      expect(digits(await viewer.locator('pre.reading-text').textContent())).toContain(number)
      expect(await viewer.getByRole('status').textContent()).toBe('')
      const said = await page.evaluate(() => (window as unknown as { said: string[] }).said)
      expect(said).toContain('Reading text in 1 picture…')
      expect(said).toContain('Reading the text of this picture…')
      await expectNoAxeViolation(page, 'picture viewer (en)')
      await screenshotSizes(page, 'evidence-text-picture')
      await closeViewer(page)
      // Nothing waits: the evidence tab's status is empty again.
      expect(await page.locator('.reading-status').textContent()).toBe('')

      await dropFiles(page.getByTestId('drop-zone'), [{ name: 'phish.eml', type: 'message/rfc822', base64: (await scamMail()).toString('base64') }])
      await page.getByRole('button', { name: 'View phish.eml' }).click()
      const mail = page.getByRole('dialog', { name: 'phish.eml' })
      const envelope = mail.locator('dl.mail-envelope')
      await envelope.waitFor()
      const text = await envelope.innerText()
      expect(text).toContain(SCAM_SUBJECT)
      expect(text).toContain('security@yahoo-login.example.com')
      const body = mail.locator('pre.mail-body')
      expect(await body.textContent()).toContain('hxxps://yahoo-login[.]example[.]com/verify')
      expect(await mail.locator('a').count()).toBe(0)
      // The routing headers are there, folded.
      const routing = mail.locator('details.mail-routing')
      expect(await routing.getAttribute('open')).toBeNull()
      await routing.locator('summary').click()
      await routing.getByText('Authentication-Results', { exact: true }).waitFor()
      await expectNoAxeViolation(page, 'mail viewer (en)')
      await screenshotSizes(page, 'evidence-text-mail')

      // Its attachment opens from "Files in this mail", and leads back to the mail.
      await mail.getByRole('button', { name: /^Open #\d+ invoice\.pdf$/ }).click()
      const pdf = page.getByRole('dialog', { name: 'invoice.pdf' })
      await pdf.getByRole('button', { name: /^Open #\d+ phish\.eml$/ }).waitFor()
      await pdf.getByText('Text of the PDF (2 pages)').click()
      await pdf.getByText('Zebracorn refund').waitFor()
      await expectNoAxeViolation(page, 'PDF viewer (en)')
      await screenshotSizes(page, 'evidence-text-pdf')
      await pdf.getByRole('button', { name: /^Open #\d+ phish\.eml$/ }).click()
      await mail.locator('dl.mail-envelope').waitFor()
      await closeViewer(page)

      // In Japanese: the same views, axe-clean.
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('ja')
      await page.keyboard.press('Escape')
      await page.locator('dialog[open]').waitFor({ state: 'detached' })
      await page.getByRole('button', { name: 'points-history.png を表示' }).click()
      const ja = page.locator('dialog[open]')
      await ja.locator('.machine-read').waitFor()
      expect(await ja.locator('.machine-read').textContent()).toMatch(/^画像から機械で読み取った文字です。誤りを含むことがあります（tesseract\.js \d+\.\d+\.\d+、\d{4}年\d{1,2}月\d{1,2}日.*）$/)
      await expectNoAxeViolation(page, 'picture viewer (ja)')
      await screenshotSizes(page, 'evidence-text-picture-ja')
      await closeViewer(page)
      await page.getByRole('button', { name: 'phish.eml を表示' }).click()
      await ja.locator('dl.mail-envelope').getByText(evidenceTextJa.mailFrom).waitFor()
      await ja.getByText(evidenceTextJa.partsHeading).waitFor()
      await expectNoAxeViolation(page, 'mail viewer (ja)')
      await screenshotSizes(page, 'evidence-text-mail-ja')
      expect(app.problems).toEqual([])
    } finally {
      await app.close()
    }
  }, 180_000)

  it('offers a login row as an event and a points use as a loss, adding each only when its form is saved', async () => {
    const app = await env.launch({ recognise: true })
    const { page } = app
    try {
      await createCase(app, { title: 'ポイント不正利用' })
      await openTab(page, 'Evidence')
      const ip = `198.51.100.${crypto.randomInt(10, 251)}`
      const other = `203.0.113.${crypto.randomInt(10, 251)}`
      const points = `${crypto.randomInt(1, 100)},${crypto.randomInt(100, 1000)}`
      const picture = screenshot(
        ['ログイン履歴', `2026/11/30 03:12 ${ip} ログイン 成功`, `2026/11/29 23:40 ${other} ログイン 失敗`, `2026/11/03 コンビニ 利用 ${points}ポイント`],
        { size: 22 },
      )
      await dropFiles(page.getByTestId('drop-zone'), [{ name: 'login-history.png', type: 'image/png', base64: picture.toString('base64') }])
      await page.getByRole('button', { name: 'View login-history.png' }).click()
      const [piece] = value(await app.call('evidence:list'))
      const viewer = page.getByRole('dialog', { name: 'login-history.png' })
      await viewer.locator('.machine-read').waitFor({ timeout: 60_000 })

      // Offered, not added.
      const found = viewer.getByRole('region', { name: 'Found in this text' })
      await found.getByText('Nothing is added until you save it.').waitFor()
      const rows = found.getByRole('listitem')
      const login = rows.filter({ hasText: ip })
      const failed = rows.filter({ hasText: other })
      const loss = rows.filter({ has: page.getByRole('button', { name: 'Add as loss…' }) })
      await login.waitFor()
      expect(await failed.count()).toBe(1)
      expect(digits(await loss.locator('.suggestion-amount').textContent())).toBe(digits(points))
      expect(value(await app.call('events:list'))).toEqual([])
      expect(value(await app.call('losses:list'))).toEqual([])
      await expectNoAxeViolation(page, 'suggestions (en)')
      await screenshotSizes(page, 'evidence-suggestions')

      // Dismissed: gone from the list, still nothing added.
      await failed.getByRole('button', { name: 'Dismiss' }).click()
      await failed.waitFor({ state: 'detached' })
      expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true)

      // The event form, filled in from the row: saved, the suggestion is gone.
      await login.getByRole('button', { name: 'Add to timeline…' }).click()
      const form = page.getByRole('dialog', { name: 'New event' })
      expect(await form.getByLabel('Title').inputValue()).toContain(ip)
      expect(await form.locator('input[name="whenLocal"]').inputValue()).toMatch(/^2026-11-30T03:12/)
      expect(await form.locator('input[name="whenOffset"]').inputValue()).toBe('+09:00')
      expect(await form.locator(`input[name="evidenceIds"][value="${piece.id}"]`).isChecked()).toBe(true)
      await screenshotSizes(page, 'evidence-suggestion-event')
      await form.getByRole('button', { name: 'Save' }).click()
      await form.waitFor({ state: 'detached' })
      await login.waitFor({ state: 'detached' })
      const [event] = value(await app.call('events:list'))
      expect(event.title).toContain(ip)
      expect(event.kind).toBe('unauthorized_access')
      expect(event.evidenceIds).toEqual([piece.id])
      expect(await page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null)).toBe(true)

      // The loss form the same way (digits only: the reading may take the unit for another).
      await loss.getByRole('button', { name: 'Add as loss…' }).click()
      const lossForm = page.getByRole('dialog', { name: 'New loss' })
      expect(digits(await lossForm.getByLabel('Amount').inputValue())).toBe(digits(points))
      expect(await lossForm.locator('input[name="occurredAt"]').inputValue()).toBe('2026-11-03')
      await lossForm.getByRole('button', { name: 'Save' }).click()
      await lossForm.waitFor({ state: 'detached' })
      await loss.waitFor({ state: 'detached' })
      const [saved] = value(await app.call('losses:list'))
      expect(String(saved.amount)).toBe(digits(points))
      expect(saved.occurredAt).toBe('2026-11-03')
      await found.getByText('Everything found here has been added or dismissed.').waitFor()
      await closeViewer(page)

      // In Japanese, viewed again: the dismissed row is back (nothing about it was stored), the added ones are not.
      await page.getByRole('button', { name: 'Settings' }).click()
      await page.getByRole('dialog', { name: 'Settings' }).getByLabel('Language').selectOption('ja')
      await page.keyboard.press('Escape')
      await page.locator('dialog[open]').waitFor({ state: 'detached' })
      await page.getByRole('button', { name: 'login-history.png を表示' }).click()
      const ja = page.getByRole('region', { name: evidenceTextJa.suggestionsHeading })
      await ja.getByRole('listitem').filter({ hasText: other }).getByRole('button', { name: evidenceTextJa.addToTimeline }).waitFor()
      expect(await ja.getByRole('listitem').count()).toBe(1)
      await expectNoAxeViolation(page, 'suggestions (ja)')
      await screenshotSizes(page, 'evidence-suggestions-ja')
      expect(app.problems).toEqual([])
    } finally {
      await app.close()
    }
  }, 180_000)
})
