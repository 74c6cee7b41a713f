// Reads the text of one piece of evidence by its type: a mail's envelope and
// body (and the files it carries, which become evidence of their own), a
// PDF's pages, and a picture's text when a recogniser is given (OCR costs a
// second or so a picture, so the caller decides when). Never throws: a file
// that cannot be read gives a Reading with empty text and a note.
import { MAIL_ENGINE, mailText, readMail, type MailAttachment } from './mail'
import { normaliseText } from './normalise'
import { PDF_ENGINE, readPdfText, type PagesLeftOut } from './pdf-text'
import type { TextRecogniser } from './ocr'
import type { Reading } from './reading'

/** What reads besides the mail and PDF readers: text recognition, when the caller has one running. */
export interface Readers {
  recogniser?: Pick<TextRecogniser, 'recognise'>
}

const PICTURE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif'])

export interface ReadEvidence {
  reading: Reading
  /** A mail's attachments (files and attached messages), to be taken in as evidence of their own. */
  attachments: MailAttachment[]
}

/** Pages are kept apart by a form feed, as pdftotext writes them. */
export const PAGE_BREAK = '\f'

/** Whether Kiroku reads the text of this type with these readers. */
export const isReadable = (mimeType: string, readers: Readers = {}) =>
  mimeType === 'message/rfc822' || mimeType === 'application/pdf' || (readers.recogniser !== undefined && PICTURE_TYPES.has(mimeType))

async function readMailEvidence(bytes: Uint8Array): Promise<ReadEvidence> {
  try {
    const mail = await readMail(bytes)
    return { reading: { source: 'mail', ...MAIL_ENGINE, text: normaliseText(mailText(mail)) }, attachments: mail.attachments }
  } catch (error) {
    const note = `the e-mail could not be read (${String((error as Error)?.message ?? error).slice(0, 200)})`
    return { reading: { source: 'mail', ...MAIL_ENGINE, text: '', note }, attachments: [] }
  }
}

const leftOutNote = ({ from, to }: PagesLeftOut) =>
  `${from === to ? `page ${from}` : `pages ${from}–${to}`} not read (only the first ${from - 1} pages of a PDF are read)`

async function readPdfEvidence(bytes: Uint8Array): Promise<ReadEvidence> {
  const result = await readPdfText(bytes)
  if (!result.ok) return { reading: { source: 'pdf', ...PDF_ENGINE, text: '', note: result.reason }, attachments: [] }
  const text = result.pages.map(normaliseText).join(PAGE_BREAK)
  const notes = [
    text.replaceAll(PAGE_BREAK, '').trim() ? undefined : 'the PDF has no text layer (a scan or pictures only)',
    result.leftOut && leftOutNote(result.leftOut),
  ].filter((note) => note !== undefined)
  const note = notes.length > 0 ? notes.join('; ') : undefined
  return { reading: { source: 'pdf', ...PDF_ENGINE, text, ...(note ? { note } : {}) }, attachments: [] }
}

/** The reading of these bytes, or undefined for a type Kiroku does not read at intake. */
export async function readEvidenceText(bytes: Uint8Array, mimeType: string, readers: Readers = {}): Promise<ReadEvidence | undefined> {
  if (mimeType === 'message/rfc822') return readMailEvidence(bytes)
  if (mimeType === 'application/pdf') return readPdfEvidence(bytes)
  if (readers.recogniser && PICTURE_TYPES.has(mimeType)) {
    const { languages, unfinished, ...recognised } = await readers.recogniser.recognise(bytes)
    // Not stored: the picture stays unread, and is tried again by the next command that reads pictures.
    if (unfinished) return undefined
    return { reading: { ...recognised, languages: languages.split('+') }, attachments: [] }
  }
  return undefined
}
