// Text recognition in pictures (#14): a screenshot drawn here with the
// Japanese font the app ships, holding a reference number and an amount made
// up for this run, is read back; pictures with no text give empty text and a
// reason; and recognition writes no file (no cached model, no temp image),
// since a screenshot's text is case data and belongs only in the encrypted
// file. One recogniser (one worker) serves the whole file.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { encodePng } from '../../bench/png'
import { createTextRecogniser, normaliseRecognisedText } from '../../electron/main/core/reading/ocr'
import { screenshot as drawScreenshot } from '../helpers/screenshot'

const requireHere = createRequire(__filename)

/** What this run's screenshot says: a reference number and an amount nobody wrote down in advance. */
function madeUpEvidence() {
  // Digits only: a Latin prefix such as `KR-` is sometimes read `KR.` at this size, which is Tesseract's error, not what is tested here.
  const reference = String(crypto.randomInt(10_000_000, 99_999_999))
  // The digits are what the test holds to: 円 drawn by this canvas at line end is read `F` or `F3` in about
  // one picture in ten (30 probes each at 18 and 22 px; the digits were right in all 90). How often units are
  // read exactly is measured on Chromium-drawn pages by `npm run bench:ocr`, not asserted per run.
  const amount = `${crypto.randomInt(1, 99)},${String(crypto.randomInt(0, 999)).padStart(3, '0')}`
  return { reference, amount }
}

/** A page with a title, a reference line and a payment row, light or dark, in the 18 px these probes were measured at. */
const screenshot = (lines: string[], dark = false) => drawScreenshot(lines, { size: 18, top: 60, spacing: 40, dark })

const compact = (text: string) => text.replace(/\s+/g, '')

const recogniser = createTextRecogniser()
afterAll(() => recogniser.close())

describe('normaliseRecognisedText', () => {
  it('joins Japanese that Tesseract spaced out and keeps spaces between Latin words', () => {
    expect(normaliseRecognisedText('ログ イン 履歴')).toBe('ログイン履歴')
    expect(normaliseRecognisedText('Windows / Chrome 大 阪 府 成功')).toBe('Windows / Chrome 大阪府成功')
    expect(normaliseRecognisedText('PayPay 残 高')).toBe('PayPay 残高')
    expect(normaliseRecognisedText('カー ド ご 利用 明細 2026 年 10 月 分')).toBe('カードご利用明細 2026年10月分')
  })

  it('turns full-width digits and letters into ASCII (NFKC)', () => {
    expect(normaliseRecognisedText('ＩＤ：ＡＢＣ１２３')).toBe('ID:ABC123')
  })

  it('restores the comma in amounts read as 10.000円, and leaves dots elsewhere', () => {
    expect(normaliseRecognisedText('合計 10.000 円')).toBe('合計 10,000円')
    expect(normaliseRecognisedText('3.500ポイント 1.234.567円 ¥12.000')).toBe('3,500ポイント 1,234,567円 ¥12,000')
    expect(normaliseRecognisedText('203.0.113.45 v1.000 2026.10.01 3.14円')).toBe('203.0.113.45 v1.000 2026.10.01 3.14円')
  })

  it('reads ボイント after a number as the ポイント it must be, and joins the amount to it', () => {
    expect(normaliseRecognisedText('17.000 ボポイント 85,247 ボイント 39,.991 ポイント 500 ポイント')).toBe('17,000ポイント 85,247ポイント 39,991ポイント 500ポイント')
    // As Tesseract writes it: spaced out.
    expect(normaliseRecognisedText('3,.500 ボ ポ イン ト')).toBe('3,500ポイント')
    // A date or time column before a label that starts with ポイント stays apart.
    expect(normaliseRecognisedText('2026/08/10 ポイント付与 12:25:45 ポイント交換')).toBe('2026/08/10 ポイント付与 12:25:45 ポイント交換')
  })

  it('trims lines and drops runs of blank lines', () => {
    expect(normaliseRecognisedText('  a  b \n\n\n\n c ')).toBe('a b\n\nc')
  })
})

describe('recognising a screenshot', () => {
  it('reads text that is only in the picture, light and dark, with the result described', async () => {
    for (const dark of [false, true]) {
      const { reference, amount } = madeUpEvidence()
      const png = screenshot(['不正ログインの被害について', `受付番号 ${reference}`, `2026/11/03 コンビニ支払い ${amount}円`], dark)
      const result = await recogniser.recognise(png)
      expect(result).toMatchObject({ source: 'ocr', engine: 'tesseract.js', engineVersion: requireHere('tesseract.js/package.json').version, languages: 'jpn+eng' })
      expect(result.note).toBeUndefined()
      expect(result.text).toContain('不正ログイン')
      expect(compact(result.text)).toContain(reference)
      expect(compact(result.text)).toContain(amount)
    }
  })

  it('reads pictures queued at once, each its own text, in order', async () => {
    const evidence = [madeUpEvidence(), madeUpEvidence(), madeUpEvidence()]
    const results = await Promise.all(evidence.map(({ reference }) => recogniser.recognise(screenshot([`受付番号 ${reference}`]))))
    results.forEach((result, i) => expect(compact(result.text)).toContain(evidence[i].reference))
  })
})

describe('pictures without text', () => {
  const blank = encodePng(800, 600, new Uint8Array(800 * 600 * 3).fill(255))
  const onePixel = encodePng(1, 1, new Uint8Array([255, 255, 255]))
  const noise = encodePng(240, 160, crypto.randomBytes(240 * 160 * 3))
  const notAPicture = Buffer.from('%PDF-1.7\nnot a picture at all\n')
  const truncated = screenshot(['途中で切れたファイル']).subarray(0, 3_000)

  it.each([
    ['a blank page', blank],
    ['a 1×1 PNG', onePixel],
    ['a picture of noise', noise],
    ['bytes that are not a picture', notAPicture],
    ['a PNG cut short', truncated],
    ['no bytes at all', new Uint8Array(0)],
  ])('%s gives no text and a reason', async (_, bytes) => {
    const result = await recogniser.recognise(bytes)
    expect(result.text).toBe('')
    expect(result.note).toMatch(/\w{4,}/)
  })

  it('a failed picture does not stop the next one being read', async () => {
    const { reference } = madeUpEvidence()
    const [failed, read] = await Promise.all([recogniser.recognise(truncated), recogniser.recognise(screenshot([`受付番号 ${reference}`]))])
    expect(failed.text).toBe('')
    expect(compact(read.text)).toContain(reference)
  })
})

describe('closing', () => {
  it('gives pictures still queued a note, and one given later too (no new worker)', async () => {
    const own = createTextRecogniser()
    const { reference } = madeUpEvidence()
    const png = screenshot([`受付番号 ${reference}`])
    const queued = [own.recognise(png), own.recognise(png)]
    await own.close()
    for (const result of await Promise.all(queued)) {
      expect(result.text).toBe('')
      expect(result.note).toMatch(/closed/)
    }
    expect(await own.recognise(png)).toMatchObject({ text: '', unfinished: true, note: expect.stringMatching(/closed/) })
  })
})

describe('no files', () => {
  it('writes nothing to the working directory or the temp directory while reading a picture', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-ocr-cwd-'))
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-ocr-tmp-'))
    try {
      const { reference } = madeUpEvidence()
      const child = spawn(process.execPath, ['--import', requireHere.resolve('tsx'), path.join(__dirname, 'ocr-child.ts')], {
        cwd: work,
        // TSX_DISABLE_CACHE: tsx, which runs the child's TypeScript, would otherwise cache its compiled files in the temp directory.
        env: { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp, HOME: temp, TSX_DISABLE_CACHE: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      let out = ''
      let err = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      child.stderr.on('data', (chunk) => (err += chunk))
      child.stdin.end(screenshot([`受付番号 ${reference}`]))
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
      expect(code, err).toBe(0)
      // It did read the picture, so the check below covers a real recognition.
      expect(compact(JSON.parse(out).text)).toContain(reference)
      expect(fs.readdirSync(work, { recursive: true })).toEqual([])
      expect(fs.readdirSync(temp, { recursive: true })).toEqual([])
    } finally {
      fs.rmSync(work, { recursive: true, force: true })
      fs.rmSync(temp, { recursive: true, force: true })
    }
  })
})
