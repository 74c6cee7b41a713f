// Mails and PDFs in the dossier, read back with pdf.js as a recipient would:
// a mail as From/To/Date/Subject, its body and routing headers (addresses
// defanged); each PDF page drawn into the appendix with the evidence number
// and SHA-256 above it; an encrypted PDF listed with the reason. Pages are
// rendered to test-results/dossier/ for a person to look at. A screenshot's
// recognised text is printed under it, labelled a machine's reading.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { addEvidence, addEvidenceFiles, createCaseFile, createTextRecogniser, makeDossier, openCaseFile, type Readers } from '../../electron/main/core'
import { encryptedPdf, scamMail, twoPagePdf } from '../helpers/japanese-mail'
import { pdfPageTexts, renderPages, squeeze } from '../helpers/pdf'
import { screenshot } from '../helpers/screenshot'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const CASE = { title: 'フィッシングメール', kind: 'phishing', status: 'open', summary: '', victim: {} } as const
const NOW = new Date('2018-11-20T10:00:00+09:00')

async function dossierOfMailCase(lang: 'ja' | 'en'): Promise<{ out: string; pdfSha: string; mailSha: string }> {
  const dir = tempDir()
  const file = path.join(dir, 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, CASE)
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    const mail = await addEvidence(caseFile, { bytes: await scamMail(await twoPagePdf('Point statement', 'Zebracorn refund')), fileName: 'phish.eml', caption: '偽の警告メール' })
    await addEvidenceFiles(caseFile, [{ bytes: encryptedPdf(), fileName: 'locked.pdf' }])
    const { pdf } = await makeDossier(caseFile, { now: NOW, lang })
    const out = path.join(dir, `evidence-text-${lang}.pdf`)
    fs.writeFileSync(out, pdf)
    return { out, pdfSha: mail.parts[0].evidence.sha256, mailSha: mail.evidence.sha256 }
  } finally {
    caseFile.close()
  }
}

describe('dossier with mail and PDF evidence', () => {
  it('shows the mail, draws each PDF page with its number and hash, lists the encrypted PDF with the reason (ja)', async () => {
    const { out, pdfSha, mailSha } = await dossierOfMailCase('ja')
    const pages = pdfPageTexts(out)
    const all = squeeze(pages.join('\n'))

    const mailPage = pages.find((p) => p.includes('付録: 証拠メール'))!
    expect(mailPage).toBeDefined()
    const mail = squeeze(mailPage)
    expect(mail).toContain('証拠1：偽の警告メール')
    expect(mail).toContain('差出人ヤフー<security@yahoo-login.example.com>')
    expect(mail).toContain('件名【重要】アカウント確認のお願い')
    expect(mail).toContain('日時Mon,15Oct201809:00:00+0900')
    expect(mail).toContain('ログイン確認はこちらhxxps://yahoo-login[.]example[.]com/verifyから。')
    expect(mail).toContain('Authentication-Results:mx.example.jp;spf=failsmtp.mailfrom=evil.example;dkim=none')
    expect(mail).toContain('Received:frommx.evil.example(mx.evil.example[203.0.113.5])')
    expect(mail).toContain(`SHA-256${mailSha}`)
    expect(all).not.toMatch(/https?:\/\/yahoo/)

    // Page 2 of the attached PDF, drawn as it is, under evidence 2's number and hash.
    const second = pages.find((p) => p.includes('Zebracorn refund'))!
    expect(squeeze(second)).toContain('証拠2：invoice.pdf（2ページ中2ページ目）')
    expect(squeeze(second)).toContain(`SHA-256${pdfSha}`)
    expect(all.split(pdfSha).length - 1).toBe(3) // the index, and above each of the two PDF pages

    expect(all).toContain('付録にPDFの全2ページを掲載')
    expect(all).toContain('付録にメールの内容を掲載')
    expect(all).toContain('invoice.pdf証拠1（メール）の添付ファイル')
    expect(all).toContain('forwarded.eml証拠1（メール）の添付ファイル')
    expect(all).not.toContain('locked.pdf証拠')
    expect(all).toContain('パスワードで暗号化されたPDFのため掲載なし（原本を参照）')
    expect(all).not.toContain('画像ではないため掲載なし')

    const rendered = renderPages(out, 'evidence-text-ja', 70)
    expect(rendered.length).toBe(pages.length)
  })

  it('says the same in English', async () => {
    const { out } = await dossierOfMailCase('en')
    const all = squeeze(pdfPageTexts(out).join('\n'))
    expect(all).toContain('Appendix:evidencee-mails')
    expect(all).toContain('all2PDFpagesintheappendix')
    expect(all).toContain('Evidence2:invoice.pdf')
    expect(all).toContain('invoice.pdfattachedtoevidence1(ane-mail)')
    expect(all).toContain('PDFencryptedwithapassword:listedonly(seetheoriginal)')
    renderPages(out, 'evidence-text-en', 70)
  })
})

describe('a redacted dossier with a mail', () => {
  it('masks the victim’s own address in the mail’s body as it does everywhere else', async () => {
    const address = '東京都千代田区丸の内1-1-1'
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, { ...CASE, victim: { name: '山田 花子', address } })
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const mail = [
        'From: shop@example.com',
        'To: hanako@example.jp',
        'Subject: =?UTF-8?B?' + Buffer.from('ご注文の確認').toString('base64') + '?=',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from(`お届け先：${address}\n合計 12,000円`).toString('base64'),
      ].join('\r\n')
      await addEvidence(caseFile, { bytes: Buffer.from(mail), fileName: 'order.eml' })
      const plain = squeeze((await pdfTextOf(await makeDossier(caseFile, { now: NOW, lang: 'ja' }))))
      const masked = squeeze((await pdfTextOf(await makeDossier(caseFile, { now: NOW, lang: 'ja', redact: true }))))
      expect(plain).toContain(squeeze(address))
      expect(masked).toContain('12,000円')
      expect(masked).not.toContain('千代田区丸の内')
    } finally {
      caseFile.close()
    }
  })
})

/** The dossier's text; with `name`, its pages rendered to test-results/dossier/NAME-N.png too. */
async function pdfTextOf({ pdf }: { pdf: Uint8Array }, name?: string): Promise<string> {
  const out = path.join(tempDir(), 'dossier.pdf')
  fs.writeFileSync(out, pdf)
  if (name) renderPages(out, name)
  return pdfPageTexts(out).join('\n')
}

describe('a screenshot in the dossier', () => {
  const recogniser = createTextRecogniser()
  afterAll(() => recogniser.close())
  const phone = '090-2718-2818'

  it('prints the text recognised in it under the picture, labelled, and masks the victim’s phone in it with redact', async () => {
    // A number nobody wrote down in advance: it can only come from the picture. Kept under redaction as a reference number.
    const number = String(crypto.randomInt(10_000_000, 99_999_999))
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, { ...CASE, victim: { name: '山田 花子', phone } })
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      caseFile.references.create({ label: '受付番号', value: number })
      const picture = screenshot(['ポイント交換のお知らせ', `受付番号 ${number}`, `ご登録の電話番号 ${phone}`])
      await addEvidence(caseFile, { bytes: picture, fileName: 'notice.png', caption: '届いた通知の画面' }, { recogniser })
      const reading = caseFile.evidence.texts.get(caseFile.evidence.list()[0].id)!
      expect(reading.source).toBe('ocr')

      // The number and the phone are printed elsewhere too (references, cover): what the picture gave is what follows its label.
      const readText = async (lang: 'ja' | 'en', label: string, options: { redact?: boolean } = {}) => {
        const name = `picture-text-${lang}${options.redact ? '-redacted' : ''}`
        const all = squeeze(await pdfTextOf(await makeDossier(caseFile, { now: NOW, lang, ...options }), name))
        expect(all).toContain(label)
        return all.slice(all.indexOf(label) + label.length)
      }
      // Digits only: recognition may misread a character (円 as F), never in the probes these digits.
      const digits = (text: string) => text.replace(/\D/g, '')

      const ja = await readText('ja', '画像から機械で読み取った文字（誤りを含むことがあります）')
      expect(ja).toMatch(new RegExp(`^読み取り：tesseract\\.js${reading.engineVersion.replace(/\./g, '\\.')}（言語：jpn\\+eng）`))
      expect(ja).toContain(number)
      expect(digits(ja)).toContain('09027182818')

      const en = await readText('en', 'Textmachine-readfromthepicture(maycontainerrors)')
      expect(en).toMatch(/^Readbytesseract\.js[\d.]+\(languages:jpn\+eng\)/)
      expect(en).toContain(number)

      const masked = await readText('ja', '画像から機械で読み取った文字（誤りを含むことがあります）', { redact: true })
      expect(masked).toContain(number)
      expect(digits(masked)).not.toContain('0902718')
      expect(masked).toContain('2818')
    } finally {
      caseFile.close()
    }
  })

  it('cuts a long reading at 1,500 characters with a note, and never prints a private picture’s text', async () => {
    // The cut is the dossier's, not recognition's: a stand-in recogniser gives the long text at once.
    const lines = Array.from({ length: 150 }, (_, i) => `${String(i).padStart(3, '0')} ご利用履歴の確認`)
    const standIn = (text: string): Readers => ({
      recogniser: { recognise: async () => ({ source: 'ocr', engine: 'tesseract.js', engineVersion: 'stand-in', languages: 'jpn+eng', text }) },
    })
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, CASE)
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      await addEvidence(caseFile, { bytes: screenshot(['ご利用履歴']), fileName: 'history.png' }, standIn(lines.join('\n')))
      await addEvidence(caseFile, { bytes: screenshot(['合言葉']), fileName: 'secret.png', private: true }, standIn('ひみつの合言葉'))
      const all = squeeze(await pdfTextOf(await makeDossier(caseFile, { now: NOW, lang: 'ja' }), 'picture-text-cut'))
      expect(all).toContain('000ご利用履歴の確認001ご利用履歴の確認')
      // Cut at the line break before the 1,500th character, not through line 115.
      expect(all).toContain('114ご利用履歴の確認（続きは原本の画像、またはKirokuで確認できます）')
      expect(all).not.toContain('149ご利用履歴の確認')
      expect(all).not.toContain('ひみつの合言葉')
    } finally {
      caseFile.close()
    }
  })
})
