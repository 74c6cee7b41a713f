// The readers of evidence text: e-mails (postal-mime) and PDFs (pdf.js), and
// the normal form their text is stored in. Real bytes: a mail encoded as a
// Japanese mailer writes it, PDFs made by pdf-lib.
import { describe, expect, it } from 'vitest'
import { PDFDocument } from 'pdf-lib'
import { FontSet } from '../../electron/main/core/dossier/fonts'
import { defangUrls } from '../../electron/main/core/reading/defang'
import { htmlToText } from '../../electron/main/core/reading/html-text'
import { readMail, mailText } from '../../electron/main/core/reading/mail'
import { normaliseText } from '../../electron/main/core/reading/normalise'
import { readPdfText, timeoutReason } from '../../electron/main/core/reading/pdf-text'
import { PAGE_BREAK, readEvidenceText } from '../../electron/main/core/reading/read-evidence'
import { heavyPdf, numberedPagesPdf } from '../helpers/big-pdfs'
import { INNER_BODY, SCAM_SUBJECT, attachedMessage, encryptedPdf, iso2022jp, scamMail, shiftJis, twoPagePdf } from '../helpers/japanese-mail'

describe("Node's decoders", () => {
  it('decode ISO-2022-JP and Shift_JIS (full ICU), which the mail reader relies on', () => {
    expect(new TextDecoder('iso-2022-jp').decode(iso2022jp('被害届 No.12'))).toBe('被害届 No.12')
    expect(new TextDecoder('shift_jis').decode(shiftJis('ポイント補填'))).toBe('ポイント補填')
  })
})

describe('normaliseText', () => {
  it('makes digits and Latin half-width, joins Japanese split by spaces, keeps line breaks', () => {
    expect(normaliseText('ログ イン　履歴\r\n１０，０００円 ｶﾀｶﾅ')).toBe('ログイン履歴\n10,000円カタカナ')
    expect(normaliseText('Vポイント 残高 is 300 pt')).toBe('Vポイント残高 is 300 pt')
  })
})

describe('defangUrls', () => {
  it('leaves no address a viewer would make clickable', () => {
    expect(defangUrls('see https://evil.example.com/a?b=1 or HTTP://x.y and www.foo.jp.')).toBe(
      'see hxxps://evil[.]example[.]com/a?b=1 or HXXP://x[.]y and www[.]foo[.]jp.',
    )
  })
})

describe('readMail', () => {
  it('reads a multipart ISO-2022-JP mail: envelope, body, trace headers, attachments', async () => {
    const pdf = await twoPagePdf()
    const mail = await readMail(await scamMail(pdf))
    expect(mail.from).toBe('ヤフー <security@yahoo-login.example.com>')
    expect(mail.to).toBe('hanako@example.jp')
    expect(mail.subject).toBe(SCAM_SUBJECT)
    expect(mail.date).toBe('2018-10-15T00:00:00.000Z')
    expect(mail.body).toBe('ログイン確認はこちら hxxps://yahoo-login[.]example[.]com/verify から。お客様番号１２３４５')
    expect(mail.traceHeaders.map((h) => h.name)).toEqual(['Return-Path', 'Received', 'Received', 'Authentication-Results', 'Message-ID'])
    expect(mail.traceHeaders[1].value).toBe('from mx.evil.example (mx.evil.example [203.0.113.5]) by mx.example.jp with ESMTP id 1A2B; Mon, 15 Oct 2018 09:00:02 +0900')
    expect(mail.attachments.map((a) => [a.fileName, a.mimeType])).toEqual([
      ['invoice.pdf', 'application/pdf'],
      ['forwarded.eml', 'message/rfc822'],
    ])
    // The base64 attachment decodes to exactly the PDF that was attached.
    expect(Buffer.from(mail.attachments[0].bytes).equals(Buffer.from(pdf))).toBe(true)
  })

  it('reads the attached message on its own: Shift_JIS in quoted-printable, a UTF-8 encoded word', async () => {
    const outer = await readMail(await scamMail())
    const inner = await readMail(outer.attachments[1].bytes)
    expect(inner.subject).toBe('補填のお知らせ')
    expect(inner.body).toBe(INNER_BODY)
    // postal-mime hands an attached message on with its lines ending in LF: the same message, not the same bytes.
    const lf = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').replace(/\r\n/g, '\n').trim()
    expect(lf(outer.attachments[1].bytes)).toBe(lf(attachedMessage()))
  })

  it('turns an HTML-only body into text, loading nothing and writing link targets out defanged', async () => {
    const html = [
      'From: a@evil.example',
      'To: b@example.jp',
      'Subject: =?UTF-8?Q?=E7=A2=BA=E8=AA=8D?=',
      'Content-Type: text/html; charset=UTF-8',
      '',
      '<html><head><style>p{}</style><script>alert(1)</script></head><body><p>こちらから&amp;確認</p>',
      '<img src="https://tracker.example/pixel.gif"><a href="https://evil.example/login">ログイン</a></body></html>',
    ].join('\r\n')
    const mail = await readMail(new TextEncoder().encode(html))
    expect(mail.subject).toBe('確認')
    expect(mail.body).toBe('こちらから&確認\nログイン (hxxps://evil[.]example/login)')
    expect(mail.body).not.toMatch(/https?:|tracker|alert|style/)
  })

  it('gives the text that is searched: envelope lines then the body', async () => {
    const text = mailText(await readMail(await scamMail()))
    expect(text.split('\n').slice(0, 5)).toEqual([
      'From: ヤフー <security@yahoo-login.example.com>',
      'To: hanako@example.jp',
      'Date: 2018-10-15T00:00:00.000Z',
      `Subject: ${SCAM_SUBJECT}`,
      '',
    ])
  })
})

describe('htmlToText', () => {
  it('keeps the text, lines and link targets of a mail body, and drops script, style and comments', () => {
    const html = '<html><head><title>t</title><style>p{}</style></head><body><p>ご利用明細</p><!-- hidden -->' +
      '<script>alert(1)</script><ul><li>一</li><li>二</li></ul><table><tr><td>A</td><td>B</td></tr></table>' +
      '<a href="https://evil.example/x">こちら</a> &amp; <a href="#top">top</a><br>末尾&#x3042;</body></html>'
    expect(htmlToText(html)).toBe('ご利用明細\n\n・一\n・二\n\nA\tB\n\nこちら (https://evil.example/x) & top\n末尾あ')
  })

  it('reads a hostile body (thousands of unclosed tags, a stray "<") in one pass, keeping its words', () => {
    // Each of these made the former patterns scan to the end again: minutes for a few megabytes.
    const unclosed = ['<a href="x">word ', '<script>', '<!-- ', '<<<<', '<p ', 'text\n   \n  '.repeat(3)]
    for (const piece of unclosed) {
      const html = `<p>start</p>${piece.repeat(Math.ceil(2_000_000 / piece.length))}`
      const text = htmlToText(html)
      expect(text.startsWith('start'), piece).toBe(true)
    }
    expect(htmlToText(`${'<a href="x">word '.repeat(1000)}`)).toContain('word')
  })
})

describe('readPdfText', () => {
  it('reads the text of each page', async () => {
    expect(await readPdfText(await twoPagePdf('First page words', 'Zebracorn'))).toEqual({ ok: true, pages: ['First page words', 'Zebracorn'] })
  })

  it('reads Japanese drawn with an embedded subset font (the dossier\'s Noto Sans JP), and stores it normalised', async () => {
    const pageTwo = '受付番号ＴＰ－２０１８ ポイント 補填'
    const doc = await PDFDocument.create()
    const fonts = await FontSet.embed(doc, { regular: `表紙\n${pageTwo}`, bold: '' })
    doc.addPage([300, 200]).drawText('表紙', { x: 20, y: 150, size: 14, font: fonts.font('regular') })
    doc.addPage([300, 200]).drawText(pageTwo, { x: 20, y: 150, size: 14, font: fonts.font('regular') })
    const bytes = await doc.save()
    expect(await readPdfText(bytes)).toEqual({ ok: true, pages: ['表紙', pageTwo] })
    const read = await readEvidenceText(bytes, 'application/pdf')
    expect(read?.reading.text).toBe(`表紙${PAGE_BREAK}受付番号TP-2018 ポイント補填`)
  })

  it('gives a reason for an encrypted or a damaged PDF instead of throwing', async () => {
    const damaged = await readPdfText(new TextEncoder().encode('%PDF-1.7\n1 0 obj <</Type /Catalog'))
    expect(damaged).toEqual({ ok: false, reason: 'the PDF is damaged or not a PDF, so its text cannot be read' })
    const encrypted = await readPdfText(encryptedPdf())
    expect(encrypted).toEqual({ ok: false, reason: 'the PDF is encrypted with a password, so its text cannot be read' })
  })

  it('reads the first pages of a long PDF and says which were left out', async () => {
    const bytes = await numberedPagesPdf(5)
    expect(await readPdfText(bytes, { maxPages: 3 })).toEqual({ ok: true, pages: ['Page 1', 'Page 2', 'Page 3'], leftOut: { from: 4, to: 5 } })
    expect(await readPdfText(bytes, { maxPages: 4 })).toMatchObject({ leftOut: { from: 5, to: 5 } })
    expect(await readPdfText(bytes, { maxPages: 5 })).not.toHaveProperty('leftOut')
  })

  it('gives up a PDF that takes longer than the time limit, with a reason', async () => {
    // A second of parsing against a millisecond's limit: the limit always comes first.
    expect(await readPdfText(heavyPdf(300_000), { timeoutMs: 1 })).toEqual({ ok: false, reason: timeoutReason(1) })
    expect(timeoutReason(30_000)).toBe('the PDF took longer than 30 s to read, so reading it was given up')
    // The reader is left fit for the next PDF.
    expect(await readPdfText(await twoPagePdf('After', 'Timeout'))).toEqual({ ok: true, pages: ['After', 'Timeout'] })
  })

  it('leaves the event loop free while a heavy PDF is parsed', async () => {
    // About a second of parsing. On the calling thread a 1 ms timer ran only between pdf.js's
    // steps (measured: 8 times); with the worker it runs all along (measured: ~900 times).
    let hops = 0
    const hopping = setInterval(() => hops++, 1)
    const reading = readPdfText(heavyPdf(300_000)).then((result) => ({ result, hopsBefore: hops }))
    const { result, hopsBefore } = await reading.finally(() => clearInterval(hopping))
    expect(result.ok).toBe(true)
    expect(hopsBefore, `${hopsBefore} hops`).toBeGreaterThanOrEqual(50)
  })
})

describe('readEvidenceText', () => {
  it('notes the pages of a PDF past the 500th as not read', async () => {
    const read = await readEvidenceText(await numberedPagesPdf(502), 'application/pdf')
    expect(read?.reading.text.split(PAGE_BREAK)).toHaveLength(500)
    expect(read?.reading.text.endsWith('Page 500')).toBe(true)
    expect(read?.reading.note).toBe('pages 501–502 not read (only the first 500 pages of a PDF are read)')
  }, 20_000)

  it('stores a PDF as normalised pages apart, and notes a PDF without text', async () => {
    const read = await readEvidenceText(await twoPagePdf('Page one', 'Page two'), 'application/pdf')
    expect(read?.reading).toEqual({ source: 'pdf', engine: 'pdfjs-dist', engineVersion: '5.6.205', text: `Page one${PAGE_BREAK}Page two` })
    const blank = await PDFDocument.create()
    blank.addPage()
    const empty = await readEvidenceText(await blank.save(), 'application/pdf')
    expect(empty?.reading).toMatchObject({ text: '', note: 'the PDF has no text layer (a scan or pictures only)' })
  })

  it('reads a mail and hands its attachments on; reads nothing of a picture', async () => {
    const read = await readEvidenceText(await scamMail(), 'message/rfc822')
    expect(read?.reading.source).toBe('mail')
    expect(read?.reading.text).toContain('お客様番号12345') // normalised: full-width digits made ASCII
    expect(read?.attachments).toHaveLength(2)
    expect(await readEvidenceText(new Uint8Array([0x89, 0x50]), 'image/png')).toBeUndefined()
  })
})
