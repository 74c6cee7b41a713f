// Real Japanese e-mails as bytes, for the readers' tests. Node has no
// encoder for ISO-2022-JP or Shift_JIS (TextEncoder writes UTF-8 only), so
// the tables are built once from its decoder: every two-byte code is decoded
// and the character remembered with its bytes.
import { PDFDocument, StandardFonts } from 'pdf-lib'

function codeTable(charset: string, leads: number[], trails: number[], frame: (a: number, b: number) => number[]): Map<string, number[]> {
  const decoder = new TextDecoder(charset)
  const table = new Map<string, number[]>()
  for (const a of leads) {
    for (const b of trails) {
      const ch = decoder.decode(new Uint8Array(frame(a, b)))
      if ([...ch].length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b])
    }
  }
  return table
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
let jisTable: Map<string, number[]> | undefined
let sjisTable: Map<string, number[]> | undefined

/** ISO-2022-JP: ASCII as it is, every other character in a JIS X 0208 run between ESC $ B and ESC ( B. */
export function iso2022jp(text: string): Buffer {
  jisTable ??= codeTable('iso-2022-jp', range(0x21, 0x7e), range(0x21, 0x7e), (a, b) => [0x1b, 0x24, 0x42, a, b, 0x1b, 0x28, 0x42])
  const out: number[] = []
  let inJis = false
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) {
      if (inJis) out.push(0x1b, 0x28, 0x42)
      inJis = false
      out.push(code)
      continue
    }
    const bytes = jisTable.get(ch)
    if (!bytes) throw new Error(`${ch} has no ISO-2022-JP code`)
    if (!inJis) out.push(0x1b, 0x24, 0x42)
    inJis = true
    out.push(...bytes)
  }
  if (inJis) out.push(0x1b, 0x28, 0x42)
  return Buffer.from(out)
}

export function shiftJis(text: string): Buffer {
  sjisTable ??= codeTable('shift_jis', [...range(0x81, 0x9f), ...range(0xe0, 0xef)], range(0x40, 0xfc).filter((b) => b !== 0x7f), (a, b) => [a, b])
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const bytes = sjisTable.get(ch)
      if (!bytes) throw new Error(`${ch} has no Shift_JIS code`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}

/** An RFC 2047 encoded word: B (base64) of ISO-2022-JP, as Japanese mailers write them. */
export const encodedWordJis = (text: string) => `=?ISO-2022-JP?B?${iso2022jp(text).toString('base64')}?=`

/** Quoted-printable of raw bytes (lines under 76 characters). */
export function quotedPrintable(bytes: Buffer): string {
  let line = ''
  const lines: string[] = []
  for (const b of bytes) {
    const piece = b === 0x0a ? '\n' : (b >= 0x21 && b <= 0x7e && b !== 0x3d) || b === 0x20 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`
    if (piece === '\n') {
      lines.push(line)
      line = ''
      continue
    }
    if (line.length + piece.length > 73) {
      lines.push(`${line}=`)
      line = ''
    }
    line += piece
  }
  lines.push(line)
  return lines.join('\r\n')
}

const base64Lines = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/.{1,76}/g, '$&\r\n').trimEnd()

/** A two-page PDF; `pageTwo` is on page 2 only. Standard fonts are Latin-only, so both are Latin. */
export async function twoPagePdf(pageOne = 'Invoice for points', pageTwo = 'Zebracorn refund'): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  doc.addPage([300, 200]).drawText(pageOne, { x: 20, y: 150, size: 14, font })
  doc.addPage([300, 200]).drawText(pageTwo, { x: 20, y: 150, size: 14, font })
  return doc.save()
}

export const SCAM_BODY = 'ログイン確認はこちら https://yahoo-login.example.com/verify から。お客様番号１２３４５'
export const SCAM_SUBJECT = '【重要】アカウント確認のお願い'
export const INNER_BODY = '払い戻し手続きのご案内です。'

/** The message attached to the scam mail: a Shift_JIS body in quoted-printable, a UTF-8 encoded-word subject. */
export function attachedMessage(): Buffer {
  const head = [
    'From: points@operator.example',
    'To: hanako@example.jp',
    `Subject: =?UTF-8?B?${Buffer.from('補填のお知らせ').toString('base64')}?=`,
    'Date: Tue, 16 Oct 2018 10:00:00 +0900',
    'Message-ID: <inner-1@operator.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=Shift_JIS',
    'Content-Transfer-Encoding: quoted-printable',
  ].join('\r\n')
  return Buffer.from(`${head}\r\n\r\n${quotedPrintable(shiftJis(INNER_BODY))}\r\n`)
}

/**
 * A phishing mail as a Japanese mailer sends it: multipart/mixed with an
 * ISO-2022-JP text body, an encoded-word subject and sender, trace headers,
 * a base64 PDF and an attached message.
 */
export async function scamMail(pdf?: Uint8Array): Promise<Buffer> {
  const attachedPdf = pdf ?? (await twoPagePdf())
  const parts = [
    'Return-Path: <bounce@evil.example>',
    'Received: from mx.evil.example (mx.evil.example [203.0.113.5])\r\n\tby mx.example.jp with ESMTP id 1A2B; Mon, 15 Oct 2018 09:00:02 +0900',
    'Received: from localhost (localhost [127.0.0.1]) by mx.evil.example; Mon, 15 Oct 2018 09:00:00 +0900',
    'Authentication-Results: mx.example.jp; spf=fail smtp.mailfrom=evil.example; dkim=none',
    'Message-ID: <scam-0001@evil.example>',
    `From: ${encodedWordJis('ヤフー')} <security@yahoo-login.example.com>`,
    'To: hanako@example.jp',
    `Subject: ${encodedWordJis(SCAM_SUBJECT)}`,
    'Date: Mon, 15 Oct 2018 09:00:00 +0900',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: text/plain; charset=ISO-2022-JP',
    'Content-Transfer-Encoding: 7bit',
    '',
    '',
  ].join('\r\n')
  const afterBody = [
    '',
    '--outer',
    'Content-Type: application/pdf; name="invoice.pdf"',
    'Content-Disposition: attachment; filename="invoice.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(attachedPdf),
    '--outer',
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment; filename="forwarded.eml"',
    '',
    attachedMessage().toString('latin1'),
    '--outer--',
    '',
  ].join('\r\n')
  return Buffer.concat([Buffer.from(parts), iso2022jp(SCAM_BODY), Buffer.from('\r\n'), Buffer.from(afterBody, 'latin1')])
}

/**
 * A PDF encrypted with a user password (RC4 40-bit, standard security handler
 * revision 2): pdf.js asks for the password before it reads anything, so only
 * the trailer's /Encrypt dictionary matters here, not real ciphertext.
 */
export function encryptedPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${'28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a'}> /U <${'0'.repeat(64)}> /P -4 >>`,
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>] >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(body)
}
