// An e-mail (.eml) as the police read it: who sent it to whom and when, the
// subject, the body as text, and the headers that trace where it came from.
// postal-mime decodes the MIME (ISO-2022-JP, Shift_JIS, quoted-printable,
// base64, encoded words, multipart) with Node's TextDecoder, which knows the
// Japanese charsets only in a build with full ICU (Node's default; checked
// in test/unit/reading-mail.test.ts). Nothing is fetched: remote pictures
// and links in an HTML body are never loaded, and addresses are defanged.
import PostalMime, { type Address, type Email } from 'postal-mime'
import { defangUrls } from './defang'
import { htmlToText } from './html-text'

export const MAIL_ENGINE = { engine: 'postal-mime', engineVersion: '4.0.0' } as const

/** The headers a police report on a fraudulent mail asks for, in the order they appear. */
const TRACE_HEADERS = new Set(['received', 'authentication-results', 'message-id', 'return-path'])

export interface MailAttachment {
  fileName: string
  mimeType: string
  bytes: Uint8Array
}

export interface MailContent {
  from: string
  to: string
  cc: string
  /** ISO 8601 when the Date header parses, else as written; '' when absent. */
  date: string
  /** The Date header as the sender wrote it (with the sender's offset); '' when absent. */
  dateHeader: string
  subject: string
  /** The text part, or the HTML part turned into text; URLs defanged. */
  body: string
  /** Received (all of them), Authentication-Results, Message-ID, Return-Path: name and value, as in the mail. */
  traceHeaders: Array<{ name: string; value: string }>
  /** Attached files and attached messages (as .eml), in the mail's order. */
  attachments: MailAttachment[]
}

const mailbox = (a: { name: string; address: string }) => (a.name ? `${a.name} <${a.address}>` : a.address)

function addresses(list: Address | Address[] | undefined): string {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list]
  return all
    .map((a) => (a.group ? `${a.name}: ${a.group.map(mailbox).join(', ')};` : mailbox(a as { name: string; address: string })))
    .join(', ')
}

const asBytes = (content: Email['attachments'][number]['content']) =>
  typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content)

function attachmentName(mimeType: string, given: string | null, index: number): string {
  if (given) return given
  if (mimeType === 'message/rfc822') return `attached-message-${index + 1}.eml`
  return `attachment-${index + 1}`
}

/** Parses an e-mail; throws when the bytes are not a mail postal-mime can read. */
export async function readMail(bytes: Uint8Array): Promise<MailContent> {
  // Attached messages stay whole (they become evidence of their own) instead of being merged into this body.
  const email = await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' })
  return {
    from: addresses(email.from),
    to: addresses(email.to),
    cc: addresses(email.cc),
    date: email.date ?? '',
    dateHeader: email.headers.find((h) => h.key === 'date')?.value.trim() ?? '',
    subject: defangUrls(email.subject ?? ''),
    body: defangUrls((email.text ?? htmlToText(email.html ?? '')).replace(/\r\n?/g, '\n')).trim(),
    traceHeaders: email.headers
      .filter((h) => TRACE_HEADERS.has(h.key))
      .map((h) => ({ name: h.originalKey, value: h.value.replace(/\s+/g, ' ').trim() })),
    attachments: email.attachments.map((a, i) => ({
      fileName: attachmentName(a.mimeType, a.filename, i),
      mimeType: a.mimeType,
      bytes: asBytes(a.content),
    })),
  }
}

/** The mail as one text: the envelope lines, then the body (what is searched and shown). */
export function mailText(mail: MailContent, { trace = false } = {}): string {
  const lines = [
    ['From', mail.from],
    ['To', mail.to],
    ['Cc', mail.cc],
    ['Date', mail.date],
    ['Subject', mail.subject],
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}: ${value}`)
  const traced = trace ? mail.traceHeaders.map((h) => `${h.name}: ${h.value}`) : []
  return [...lines, ...traced, '', mail.body].join('\n')
}
