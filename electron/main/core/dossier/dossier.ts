// The PDF dossier for the police or a provider (issue 4): case data →
// sections (blocks) → font subsets for exactly that text → pages → PDF.
import fs from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import { withoutHidden } from '../../../../shared/visible-text'
import type { CaseFile } from '../casefile/case-file'
import { KirokuError } from '../errors'
import { writeAtomically } from '../fs/atomic'
import { localMoment } from '../../../../shared/dates'
import { formatDate, type Era, type Lang } from './dates'
import { prepareEvidenceDocuments } from './evidence-documents'
import { embedEvidenceImages } from './evidence-images'
import { FontSet } from './fonts'
import { drawFrame, frameTextOf, type FrameText } from './frame'
import { labelsFor } from './labels'
import { Layout, textOf } from './layout'
import { buildSections } from './sections'
import { redactData, redactionTerms, selectData, type Audience, type DossierData } from './select'

export interface DossierOptions {
  audience?: Audience
  lang?: Lang
  era?: Era
  /** Mask phone numbers, e-mail addresses, account numbers and the address except their last 4 characters. */
  redact?: boolean
  /** Only with audience 'provider': that organisation's id or exact name. */
  organization?: string
  /** When the dossier is made (default now); fixed in tests. */
  now?: Date
  maxImageBytes?: number
  /** Called as evidence images are embedded, the slow part. */
  onProgress?: (done: number, total: number) => void
}

export interface Dossier {
  pdf: Uint8Array
  pages: number
  /** What the dossier shows (after the provider filter and redaction): a bundle carries exactly this. */
  data: DossierData
}

export async function makeDossier(caseFile: CaseFile, options: DossierOptions = {}): Promise<Dossier> {
  const audience = options.audience ?? 'police'
  const lang = options.lang ?? 'ja'
  const dates = { lang, era: options.era ?? 'western' }
  if (options.organization !== undefined && audience !== 'provider') {
    throw new KirokuError('invalid_input', 'An organization can only be chosen for a provider dossier (audience provider).')
  }
  const now = options.now ?? new Date()
  const madeAt = localMoment(now)
  const L = labelsFor(lang)
  const selected = selectData(caseFile, options.organization)
  const data = options.redact ? redactData(selected) : selected

  const doc = await PDFDocument.create({ updateMetadata: false })
  const images = await embedEvidenceImages(doc, caseFile, data.evidence, options)
  const documents = await prepareEvidenceDocuments(doc, caseFile, data.evidence)
  const redaction = options.redact ? redactionTerms(selected) : undefined
  const blocks = buildSections({ data, L, dates, audience, redacted: !!options.redact, redaction, madeAt, imageProblems: images.problems, pictureTexts: images.texts, documents })
  const frame: FrameText = {
    caseTitle: data.caseInfo.title,
    reportTitle: L.reportTitle,
    audience: data.provider ? `${L.audience[audience]}: ${data.provider.name}` : L.audience[audience],
    made: `${L.madeOn} ${formatDate(madeAt, dates, false)}`,
    pageOf: L.pageOf,
  }
  const text = textOf(blocks)
  const fonts = await FontSet.embed(doc, { regular: `${text.regular}\n${frameTextOf(frame)}`, bold: text.bold })

  const layout = new Layout(doc, fonts, images.embedded, documents.pdfs)
  layout.render(blocks)
  layout.finish()
  drawFrame(layout.pages, fonts, frame)

  // Viewers show the title in their window bar, where a direction control would still act.
  doc.setTitle(`${L.reportTitle}: ${withoutHidden(data.caseInfo.title)}`)
  doc.setLanguage(lang === 'ja' ? 'ja-JP' : 'en')
  doc.setCreator('Kiroku')
  doc.setProducer('Kiroku (pdf-lib)')
  doc.setCreationDate(now)
  doc.setModificationDate(now)
  return { pdf: await doc.save(), pages: layout.pages.length, data }
}

/** Writes the dossier to `out`: complete under its name or not at all. */
export async function writeDossierFile(
  caseFile: CaseFile,
  out: string,
  options: DossierOptions = {},
  write: { overwrite?: boolean } = {},
): Promise<{ pages: number; bytes: number }> {
  return writeAtomically(
    out,
    async (tmp) => {
      const { pdf, pages } = await makeDossier(caseFile, options)
      fs.writeFileSync(tmp, pdf)
      return { pages, bytes: pdf.byteLength }
    },
    write,
  )
}

