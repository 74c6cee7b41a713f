// The text Kiroku holds about one piece of evidence, as a person reads it:
// a mail's envelope, the headers the police ask for, its body and what it
// carried; a PDF's pages; or why there is no text. Shared by `kiroku text`
// and anything else that shows it (the mail is read again from its original
// bytes for the full headers, which the search text leaves out).
import type { Evidence } from '../../../../shared/domain'
import { readMail, type MailContent } from '../reading/mail'
import { PAGE_BREAK } from '../reading/read-evidence'
import type { EvidenceStore } from './evidence'
import type { StoredReading } from './evidence-text'

export interface EvidenceTextView {
  evidence: Evidence
  reading?: StoredReading
  /** A mail read again from its bytes (undefined when it is not a mail or cannot be read). */
  mail?: MailContent
  /** PDF pages (or the single text of another reading). */
  pages: string[]
  /** The pieces that came inside this one, and the ones it came inside. */
  parts: Evidence[]
  containers: Evidence[]
}

export async function evidenceTextView(store: EvidenceStore, id: number): Promise<EvidenceTextView> {
  const evidence = store.get(id)
  const reading = store.texts.get(id)
  let mail: MailContent | undefined
  if (evidence.mimeType === 'message/rfc822') {
    try {
      mail = await readMail(store.bytes(id))
    } catch {
      mail = undefined // the stored reading's note says why
    }
  }
  return {
    evidence,
    reading,
    mail,
    pages: reading?.text ? reading.text.split(PAGE_BREAK) : [],
    parts: store.texts.parts(id).map((child) => store.get(child)),
    containers: store.texts.containers(id).map((parent) => store.get(parent)),
  }
}

/** The view as lines of plain text (English labels, like the rest of the CLI). */
export function evidenceTextLines(view: EvidenceTextView): string[] {
  const { evidence, reading, mail } = view
  const lines = [`#${evidence.id} ${evidence.fileName} ${evidence.mimeType} sha256 ${evidence.sha256}`]
  if (evidence.caption) lines.push(`Caption: ${evidence.caption}`)
  for (const parent of view.containers) lines.push(`Attached to: #${parent.id} ${parent.fileName}`)
  if (reading) lines.push(`Read by ${reading.engine} ${reading.engineVersion} on ${reading.createdAt.slice(0, 10)}`)
  if (reading?.note) lines.push(`Note: ${reading.note}`)
  lines.push('')
  if (mail) {
    for (const [name, value] of [['From', mail.from], ['To', mail.to], ['Cc', mail.cc], ['Date', mail.date], ['Subject', mail.subject]]) {
      if (value) lines.push(`${name}: ${value}`)
    }
    for (const header of mail.traceHeaders) lines.push(`${header.name}: ${header.value}`)
    lines.push('', mail.body)
  } else if (view.pages.length > 1) {
    view.pages.forEach((page, i) => lines.push(`--- Page ${i + 1} ---`, page, ''))
  } else if (view.pages.length === 1) {
    lines.push(view.pages[0])
  } else if (!reading) {
    lines.push(`Kiroku holds no text for this ${evidence.mimeType} file.`)
  }
  if (view.parts.length) {
    lines.push('', 'Attachments:')
    for (const part of view.parts) lines.push(`  #${part.id} ${part.fileName} ${part.mimeType}`)
  }
  return lines
}
