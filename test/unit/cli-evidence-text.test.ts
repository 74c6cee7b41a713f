// `kiroku attach`, `search` and `text` with mails and PDFs, through the real
// command on a real encrypted file.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { scamMail, twoPagePdf } from '../helpers/japanese-mail'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }

async function caseWithMail(): Promise<{ dir: string; file: string }> {
  const dir = tempDir()
  const file = path.join(dir, 'case.kiroku')
  expect(kiroku(['new', file, '--title', 'フィッシング'], { env }).status).toBe(0)
  fs.writeFileSync(path.join(dir, 'phish.eml'), await scamMail(await twoPagePdf('Point statement', 'Zebracorn refund')))
  return { dir, file }
}

describe('kiroku and evidence text', () => {
  it('attaches a mail with its attachments, finds words in them, prints what it read', async () => {
    const { dir, file } = await caseWithMail()
    const attached = kiroku(['attach', file, path.join(dir, 'phish.eml'), '--caption', '偽の警告メール'], { env })
    expect(attached.status).toBe(0)
    expect(attached.stdout.split('\n').map((l) => l.replace(/sha256 \w+/, 'sha256 …'))).toEqual([
      'Attached: #1 phish.eml message/rfc822 sha256 …',
      '  attachment: #2 invoice.pdf application/pdf sha256 …',
      '  attachment: #3 forwarded.eml message/rfc822 sha256 …',
      '',
    ])

    const found = kiroku(['search', file, 'Zebracorn'], { env })
    expect(found.status).toBe(0)
    expect(found.stdout.trim()).toBe('evidence #2  invoice.pdf  Point statement Zebracorn refund')
    const body = kiroku(['search', file, 'お客様番号'], { env }).stdout.trim()
    expect(body).toMatch(/^evidence #1 {2}phish\.eml {2}"偽の警告メール" {2}….*お客様番号12345$/)

    const text = kiroku(['text', file, 'phish.eml'], { env })
    expect(text.status).toBe(0)
    const lines = text.stdout.split('\n')
    expect(lines).toContain('From: ヤフー <security@yahoo-login.example.com>')
    expect(lines).toContain('Subject: 【重要】アカウント確認のお願い')
    expect(lines).toContain('Authentication-Results: mx.example.jp; spf=fail smtp.mailfrom=evil.example; dkim=none')
    expect(lines.filter((l) => l.startsWith('Received: '))).toHaveLength(2)
    expect(lines).toContain('ログイン確認はこちら hxxps://yahoo-login[.]example[.]com/verify から。お客様番号１２３４５')
    expect(lines).toContain('  #2 invoice.pdf application/pdf')
    expect(text.stdout).not.toMatch(/https?:\/\//)

    const pdf = kiroku(['text', file, '#2'], { env }).stdout.split('\n')
    expect(pdf).toContain('Attached to: #1 phish.eml')
    expect(pdf.slice(pdf.indexOf('--- Page 2 ---'), pdf.indexOf('--- Page 2 ---') + 2)).toEqual(['--- Page 2 ---', 'Zebracorn refund'])

    const json = JSON.parse(kiroku(['text', file, '1', '--json'], { env }).stdout)
    expect(json.mail.attachments).toEqual([
      { fileName: 'invoice.pdf', mimeType: 'application/pdf', size: expect.any(Number) },
      { fileName: 'forwarded.eml', mimeType: 'message/rfc822', size: expect.any(Number) },
    ])
    expect(json.parts.map((p: { id: number }) => p.id)).toEqual([2, 3])

    const missing = kiroku(['text', file, 'nothing.pdf'], { env })
    expect(missing.status).toBe(3)
    expect(missing.stderr).toMatch(/No evidence "nothing\.pdf"/)
    expect(kiroku(['verify', file], { env }).status).toBe(0)
  })

  it('reads the mails of an older case the first time a command needs their text', async () => {
    const { dir, file } = await caseWithMail()
    // Evidence stored the way Kiroku did before it read mails: the bytes alone.
    const caseFile = openCaseFile(file, PASSPHRASE)
    caseFile.evidence.add({ bytes: fs.readFileSync(path.join(dir, 'phish.eml')), fileName: 'phish.eml' })
    caseFile.close()
    const first = kiroku(['search', file, 'Zebracorn', '--json'], { env })
    expect(first.stderr).toContain('Read the text of 1 evidence item that had none, and took in 2 attachments as evidence.')
    expect(JSON.parse(first.stdout)).toEqual([{ entity: 'evidence', id: 2, text: 'Point statement Zebracorn refund' }])
    const second = kiroku(['search', file, 'Zebracorn'], { env })
    expect(second.stderr).toBe('')
    expect(kiroku(['verify', file], { env }).status).toBe(0)
  })

  it('reads the mails and PDFs of an imported case', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'statement.pdf'), await twoPagePdf('Statement', 'Quokka balance'))
    const doc = {
      format: 'kiroku-case',
      version: 4,
      case: { title: 'import', kind: 'phishing', status: 'open', summary: '', victim: {} },
      organizations: [], events: [], references: [], losses: [], tasks: [],
      evidence: [{ id: 'e1', file: 'statement.pdf' }],
    }
    fs.writeFileSync(path.join(dir, 'case.json'), JSON.stringify(doc))
    const file = path.join(dir, 'imported.kiroku')
    const imported = kiroku(['import-json', file, path.join(dir, 'case.json')], { env })
    expect(imported.stderr).toBe('')
    expect(imported.status).toBe(0)
    expect(kiroku(['search', file, 'Quokka'], { env }).stdout.trim()).toBe('evidence #1  statement.pdf  Statement Quokka balance')
  })
})
