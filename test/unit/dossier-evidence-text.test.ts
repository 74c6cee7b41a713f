// Mails and PDFs in the dossier, read back with pdf.js as a recipient would:
// a mail as From/To/Date/Subject, its body and routing headers (addresses
// defanged); each PDF page drawn into the appendix with the evidence number
// and SHA-256 above it; an encrypted PDF listed with the reason. Pages are
// rendered to test-results/dossier/ for a person to look at.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { addEvidence, addEvidenceFiles, createCaseFile, makeDossier, openCaseFile } from '../../electron/main/core'
import { encryptedPdf, scamMail, twoPagePdf } from '../helpers/japanese-mail'
import { pdfPageTexts, renderPages, squeeze } from '../helpers/pdf'
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

async function pdfTextOf({ pdf }: { pdf: Uint8Array }): Promise<string> {
  const out = path.join(tempDir(), 'dossier.pdf')
  fs.writeFileSync(out, pdf)
  return pdfPageTexts(out).join('\n')
}
