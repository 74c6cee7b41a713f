// Puts the evidence pictures into the PDF before any page is laid out, one at
// a time: each blob is read, embedded and let go before the next is read, so
// memory holds the PDF being built plus one original at most. Knowing the
// failures up front lets the evidence index say which pictures are missing.
// The text recognised in each picture (a stored OCR reading) comes along, to
// be printed under it: a word only in the picture is then found in the text.
import type { Evidence } from '../../../../shared/domain'
import type { PDFDocument } from 'pdf-lib'
import type { CaseFile } from '../casefile/case-file'
import type { Reading } from '../reading/reading'
import { ImageError, embedImage, isDrawable, type EmbeddedImage, type ImageProblem } from './images'

/** Larger originals are listed, not drawn (the intake limit is 50 MB by default). */
export const DEFAULT_MAX_IMAGE_BYTES = 30 * 1024 * 1024

export interface EvidenceImages {
  embedded: Map<number, EmbeddedImage>
  problems: Map<number, ImageProblem>
  /** Text recognised in the pictures embedded, where there is any. */
  texts: Map<number, Reading>
}

function recognisedText(caseFile: CaseFile, evidenceId: number): Reading | undefined {
  const reading = caseFile.evidence.texts.get(evidenceId)
  return reading?.source === 'ocr' && reading.text.trim() ? reading : undefined
}

export async function embedEvidenceImages(
  doc: PDFDocument,
  caseFile: CaseFile,
  evidence: Evidence[],
  options: { maxImageBytes?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<EvidenceImages> {
  const result: EvidenceImages = { embedded: new Map(), problems: new Map(), texts: new Map() }
  const images = evidence.filter((e) => isDrawable(e.mimeType))
  const maxBytes = options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES
  for (const [i, e] of images.entries()) {
    options.onProgress?.(i, images.length)
    if (e.size > maxBytes) {
      result.problems.set(e.id, 'tooLarge')
      continue
    }
    try {
      result.embedded.set(e.id, await embedImage(doc, caseFile.evidence.bytes(e.id)))
      const text = recognisedText(caseFile, e.id)
      if (text) result.texts.set(e.id, text)
    } catch (error) {
      // A damaged picture must not cost the victim the whole dossier.
      result.problems.set(e.id, error instanceof ImageError ? error.problem : 'unreadable')
    }
  }
  options.onProgress?.(images.length, images.length)
  return result
}
