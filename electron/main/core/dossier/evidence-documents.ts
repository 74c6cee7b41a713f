// Mails and PDFs for the dossier's appendix, prepared before any page is laid
// out (as evidence-images.ts does for pictures): a mail is read again from
// its original bytes (envelope, body, the headers the police ask for); a
// PDF's pages are embedded with pdf-lib (embedPdf), drawn later as they are,
// so the recipient sees the document itself, not Kiroku's reading of it. A
// PDF that cannot be embedded (encrypted, damaged) is listed with the reason.
import type { Evidence } from '../../../../shared/domain'
import type { PDFDocument, PDFEmbeddedPage } from 'pdf-lib'
import { PDFDocument as PdfReader } from 'pdf-lib'
import type { CaseFile } from '../casefile/case-file'
import { readMail, type MailContent } from '../reading/mail'

/** Pages past this many of one PDF are not drawn (the index says so): a 300-page statement would bury the case. */
export const MAX_PDF_PAGES = 20

export type DocumentProblem = 'pdfEncrypted' | 'pdfUnreadable' | 'mailUnreadable'

export interface EmbeddedPdf {
  pages: PDFEmbeddedPage[]
  /** The PDF's whole page count (more than `pages` when cut at MAX_PDF_PAGES). */
  total: number
}

export interface EvidenceDocuments {
  /** Which mail (evidence id) each attachment came in, among the evidence the dossier shows. */
  containers: Map<number, number>
  mails: Map<number, MailContent>
  pdfs: Map<number, EmbeddedPdf>
  problems: Map<number, DocumentProblem>
}

async function embedPdf(doc: PDFDocument, bytes: Uint8Array): Promise<EmbeddedPdf | DocumentProblem> {
  let source: PDFDocument
  try {
    source = await PdfReader.load(bytes, { updateMetadata: false })
  } catch (error) {
    // pdf-lib refuses an encrypted PDF with its EncryptedPDFError, which (compiled to ES5) is a plain
    // Error to instanceof: told apart by its message. Anything else is damage.
    return /is encrypted/.test(String((error as Error)?.message)) ? 'pdfEncrypted' : 'pdfUnreadable'
  }
  const total = source.getPageCount()
  if (total === 0) return 'pdfUnreadable'
  try {
    const indices = Array.from({ length: Math.min(total, MAX_PDF_PAGES) }, (_, i) => i)
    return { pages: await doc.embedPdf(source, indices), total }
  } catch {
    return 'pdfUnreadable'
  }
}

export async function prepareEvidenceDocuments(doc: PDFDocument, caseFile: CaseFile, evidence: Evidence[]): Promise<EvidenceDocuments> {
  const result: EvidenceDocuments = { containers: new Map(), mails: new Map(), pdfs: new Map(), problems: new Map() }
  const shown = new Set(evidence.map((e) => e.id))
  for (const e of evidence) {
    // A private or left-out mail is not named, even as where its attachment came from.
    const container = caseFile.evidence.texts.containers(e.id).find((id) => shown.has(id))
    if (container !== undefined) result.containers.set(e.id, container)
    if (e.mimeType === 'message/rfc822') {
      try {
        result.mails.set(e.id, await readMail(caseFile.evidence.bytes(e.id)))
      } catch {
        result.problems.set(e.id, 'mailUnreadable')
      }
    } else if (e.mimeType === 'application/pdf') {
      const embedded = await embedPdf(doc, caseFile.evidence.bytes(e.id))
      if (typeof embedded === 'string') result.problems.set(e.id, embedded)
      else result.pdfs.set(e.id, embedded)
    }
  }
  return result
}
