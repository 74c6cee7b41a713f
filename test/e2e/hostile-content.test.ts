// Hostile content in the real page (issue 7 item 8): a file name and a caption
// with a right-to-left override are shown with the override written out; a
// reference label with one cannot turn the number beside it around; a PNG
// whose header claims 50,000 × 50,000 pixels and a ZIP called .png are
// refused with a sentence a person can read; a picture too large to decode
// that an older file still holds is never handed to the browser. And the
// browser's own decoders agree with the header reader on what they decode.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, openCaseFile, sha256Hex } from '../../electron/main/core'
import { appendAudit } from '../../electron/main/core/casefile/audit'
import { ja } from '../../renderer/src/i18n/ja'
import { pictureSize } from '../../shared/image-size'
import { gifWithFrame, pngClaiming } from '../helpers/pictures'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { pngFile, screenshotPng } from './harness/files'
import { PASSPHRASE, dropFiles, openTab, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const RLO = '\u202E'

describe('hostile content', () => {
  it('shows direction controls written out, refuses a 50,000² PNG and a ZIP called .png in words, never decodes an oversized picture', async () => {
    const app = await env.launch()
    const { page } = app
    // A case as an older Kiroku left it: one picture whose header claims 50,000 × 50,000 pixels,
    // an event whose reference label carries a right-to-left override.
    const file = path.join(app.dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: '請求書の詐欺', kind: 'account_takeover', status: 'open', summary: '', victim: {} }, {
      fill: (caseFile) => {
        const bomb = pngClaiming(50_000, 50_000)
        const record = { fileName: 'old-bomb.png', mimeType: 'image/png', size: bomb.length, sha256: sha256Hex(bomb), addedAt: '2018-10-20T10:00:00.000Z' }
        const id = Number(
          caseFile.db
            .prepare('INSERT INTO evidence (sha256, mime_type, file_name, size, added_at, data) VALUES (?, ?, ?, ?, ?, ?)')
            .run(record.sha256, record.mimeType, record.fileName, record.size, record.addedAt, bomb).lastInsertRowid,
        )
        appendAudit(caseFile.db, 'evidence', id, 'create', record)
        const event = caseFile.events.create({ occurredAt: '2018-10-12T21:40:00+09:00', kind: 'contact', title: `返金の連絡${RLO}`, body: `<img src=x onerror=alert(1)> ${RLO}gnp.exe` })
        caseFile.references.create({ label: `受付番号${RLO}`, value: '12345', eventId: event.id })
      },
    })
    app.dialogs.open = file
    await page.getByRole('button', { name: 'Open case' }).click()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Passphrase', { exact: true }).press('Enter')
    await page.getByRole('heading', { level: 1, name: '請求書の詐欺' }).waitFor()

    // The timeline: the override in the label stays in the label; 12345 reads left to right.
    await openTab(page, 'Timeline')
    const chip = page.locator('.reference-chip').first()
    await chip.waitFor()
    const digitsLeftToRight = await chip.locator('strong').evaluate((strong) => {
      const text = (strong.firstChild!.firstChild ?? strong.firstChild) as Text // <strong><bdi>12345</bdi></strong>
      const x = (i: number) => {
        const range = document.createRange()
        range.setStart(text, i)
        range.setEnd(text, i + 1)
        return range.getBoundingClientRect().x
      }
      return x(0) < x(1) && x(1) < x(2) && x(2) < x(3) && x(3) < x(4)
    })
    expect(digitsLeftToRight).toBe(true)
    expect(await page.locator('.event-title').first().evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate')
    expect(await page.locator('.event-body img').count()).toBe(0)
    await screenshot(page, 'hostile-timeline')

    await openTab(page, 'Evidence')
    const grid = page.getByRole('list', { name: 'Evidence' })
    // The old oversized picture: a tile that says it is not shown, never an <img>.
    const old = grid.getByRole('listitem').filter({ hasText: 'old-bomb.png' })
    await old.getByText('Not shown').waitFor()
    expect(await old.locator('img').count()).toBe(0)

    // "report<RLO>fdp.png" would read "reportgnp.pdf": shown with the override written out.
    await dropFiles(page.getByTestId('drop-zone'), [pngFile(`report${RLO}fdp.png`, 1)])
    const named = grid.getByRole('listitem').filter({ hasText: 'report〔U+202E〕fdp.png' })
    await named.waitFor()
    await named.locator('img').waitFor()

    // Refused, with the reason in words: a 50,000 × 50,000 PNG of a few hundred bytes, and a ZIP called .png.
    await dropFiles(page.getByTestId('drop-zone'), [{ name: 'bomb.png', type: 'image/png', base64: pngClaiming(50_000, 50_000).toString('base64') }])
    const refusal = page.getByRole('alert').filter({ hasText: 'bomb.png is a picture of 50,000 × 50,000 pixels.' })
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('Kiroku takes pictures of up to 50 million pixels (an 8K screen is 33 million)')
    await screenshot(page, 'hostile-evidence-refused')
    await dropFiles(page.getByTestId('drop-zone'), [{ name: `photo${RLO}gnp.png`, type: 'image/png', base64: Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000').toString('base64') }])
    await page.getByRole('alert').filter({ hasText: 'photo〔U+202E〕gnp.png is not a supported evidence type (PNG, JPEG, WebP, GIF, PDF, plain text or an e-mail (.eml))' }).waitFor()
    expect(await grid.getByRole('listitem').count()).toBe(2)

    // The full view: the name written out, a note saying why, and a caption with an override written out too.
    await page.getByRole('button', { name: 'View report〔U+202E〕fdp.png' }).click()
    const viewer = page.getByRole('dialog', { name: 'report〔U+202E〕fdp.png' })
    await viewer.getByRole('note').filter({ hasText: 'invisible or direction-changing characters' }).waitFor()
    await viewer.getByLabel('Caption').fill(`請求書${RLO}fdp.exe`)
    await viewer.getByRole('button', { name: 'Save', exact: true }).click()
    const captioned = page.getByRole('dialog', { name: '請求書〔U+202E〕fdp.exe' })
    await captioned.waitFor()
    // The field never shows the caption turned around either; saved untouched, the original stays.
    expect(await captioned.getByLabel('Caption').inputValue()).toBe('請求書〔U+202E〕fdp.exe')
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await page.locator('.notice-close').dispatchEvent('click') // under the dialog: not a pointer target
    await captioned.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await captioned.locator('.details').textContent()).toContain('report〔U+202E〕fdp.png')
    // Edited (a word added at the end), the marker goes back to the override it stands for; a marker-like
    // text typed for a character that is not hidden stays text.
    await page.locator('.notice-close').dispatchEvent('click')
    await captioned.getByLabel('Caption').press('End')
    await page.keyboard.type(' 控え〔U+0041〕')
    await captioned.getByRole('button', { name: 'Save', exact: true }).click()
    const edited = page.getByRole('dialog', { name: '請求書〔U+202E〕fdp.exe 控え〔U+0041〕' })
    await edited.waitFor()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await edited.getByLabel('Caption').inputValue()).toBe('請求書〔U+202E〕fdp.exe 控え〔U+0041〕')
    await screenshot(page, 'hostile-evidence-viewer')
    await page.keyboard.press('Escape')
    await grid.getByText('請求書〔U+202E〕fdp.exe 控え〔U+0041〕').waitFor()
    await screenshot(page, 'hostile-evidence-grid')

    const html = await page.evaluate(() => document.body.innerHTML)
    expect(html).not.toContain(RLO)
    expect(app.problems).toEqual([])
    expect(app.browserDialogs).toEqual([])
    await app.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      // What is stored is the original: the name and caption are evidence.
      expect(caseFile.evidence.list().map((e) => [e.fileName, e.caption])).toEqual([
        ['old-bomb.png', undefined],
        [`report${RLO}fdp.png`, `請求書${RLO}fdp.exe 控え〔U+0041〕`],
      ])
    } finally {
      caseFile.close()
    }
  })

  it('says the same in Japanese', async () => {
    const app = await env.launch({ locale: 'ja-JP' })
    const { page } = app
    const file = path.join(app.dir, 'ja.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: '請求書の詐欺', kind: 'phishing', status: 'open', summary: '', victim: {} })
    app.dialogs.open = file
    await page.getByRole('button', { name: ja.openCase }).click()
    await page.getByRole('heading', { name: ja.unlockTitle }).waitFor()
    await page.keyboard.type(PASSPHRASE)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: '請求書の詐欺' }).waitFor()
    await page.getByRole('tab', { name: ja.tabs.evidence, exact: true }).click()
    await dropFiles(page.getByTestId('drop-zone'), [{ name: 'bomb.png', type: 'image/png', base64: pngClaiming(50_000, 50_000).toString('base64') }])
    await page.getByRole('alert').filter({ hasText: 'bomb.png は 50,000 × 50,000 ピクセルの画像です。取り込める画像は 5,000 万ピクセル' }).waitFor()
    await screenshot(page, 'hostile-evidence-refused-ja')
    await dropFiles(page.getByTestId('drop-zone'), [pngFile(`report${RLO}fdp.png`, 2)])
    await page.getByRole('button', { name: ja.viewEvidence('report〔U+202E〕fdp.png') }).click()
    await page.getByRole('dialog', { name: 'report〔U+202E〕fdp.png' }).getByRole('note').filter({ hasText: ja.hiddenCharacters }).waitFor()
    await screenshot(page, 'hostile-evidence-viewer-ja')
    expect(app.problems).toEqual([])
    await app.close()
  })

  it("agrees with the browser's decoders on the size of what they decode", async () => {
    const app = await env.launch()
    const { page } = app
    // Real encoders: Chromium's own PNG, JPEG and WebP writers.
    const encoded = await page.evaluate(async () => {
      const canvas = document.createElement('canvas')
      canvas.width = 123
      canvas.height = 45
      canvas.getContext('2d')!.fillRect(0, 0, 10, 10)
      const out: Array<{ type: string; base64: string }> = []
      for (const type of ['image/png', 'image/jpeg', 'image/webp']) {
        const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.9))
        const bytes = new Uint8Array(await blob.arrayBuffer())
        out.push({ type: blob.type, base64: btoa(String.fromCharCode(...bytes)) })
      }
      return out
    })
    expect(encoded.map((e) => e.type)).toEqual(['image/png', 'image/jpeg', 'image/webp'])
    for (const { base64 } of encoded) expect(pictureSize(Buffer.from(base64, 'base64'))).toEqual({ width: 123, height: 45 })

    // Real decoders: what Chromium makes of files built from the specifications. The
    // header reader must never say less than the browser would allocate.
    const samples = [
      screenshotPng(1, 160, 100),
      gifWithFrame({ width: 10, height: 10 }, { left: 0, top: 0, width: 1, height: 1 }),
      gifWithFrame({ width: 10, height: 10 }, { left: 0, top: 0, width: 300, height: 200 }),
    ]
    const decoded: Array<{ width: number; height: number }> = []
    for (const bytes of samples) {
      decoded.push(
        await page.evaluate(async (b64) => {
          const image = new Image()
          image.src = `data:application/octet-stream;base64,${b64}`
          await image.decode()
          return { width: image.naturalWidth, height: image.naturalHeight }
        }, bytes.toString('base64')),
      )
    }
    expect(decoded.slice(0, 2)).toEqual([{ width: 160, height: 100 }, { width: 10, height: 10 }])
    samples.forEach((bytes, i) => {
      const read = pictureSize(bytes)!
      expect(read.width).toBeGreaterThanOrEqual(decoded[i].width)
      expect(read.height).toBeGreaterThanOrEqual(decoded[i].height)
    })
    expect(app.problems).toEqual([])
    await app.close()
  })
})
