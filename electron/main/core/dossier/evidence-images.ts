// Puts the evidence pictures into the PDF before any page is laid out, one at
// a time: each blob is read, embedded and let go before the next is read, so
// memory holds the PDF being built plus one original at most. Knowing the
// failures up front lets the evidence index say which pictures are missing.
import type { Evidence } from '../../../../shared/domain'
import type { PDFDocument } from 'pdf-lib'
import type { CaseFile } from '../casefile/case-file'
import { ImageError, embedImage, isDrawable, type EmbeddedImage, type ImageProblem } from './images'

/** Larger originals are listed, not drawn (the intake limit is 50 MB by default). */
export const DEFAULT_MAX_IMAGE_BYTES = 30 * 1024 * 1024

export interface EvidenceImages {
  embedded: Map<number, EmbeddedImage>
  problems: Map<number, ImageProblem>
}

export async function embedEvidenceImages(
  doc: PDFDocument,
  caseFile: CaseFile,
  evidence: Evidence[],
  options: { maxImageBytes?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<EvidenceImages> {
  const result: EvidenceImages = { embedded: new Map(), problems: new Map() }
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
    } catch (error) {
      // A damaged picture must not cost the victim the whole dossier.
      result.problems.set(e.id, error instanceof ImageError ? error.problem : 'unreadable')
    }
  }
  options.onProgress?.(images.length, images.length)
  return result
}
