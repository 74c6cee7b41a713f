// Evidence images for the appendix. The type is checked from the bytes before
// pdf-lib sees them (pdf-lib throws bare strings on bad input), and every
// failure becomes an ImageProblem the dossier prints instead of the picture.
import { degrees, drawImage, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib'
import { embedPngDirect, isPng } from './png'

export type ImageProblem = 'tooLarge' | 'unreadable'

export class ImageError extends Error {
  constructor(
    readonly problem: ImageProblem,
    message: string,
  ) {
    super(message)
  }
}

/** Pictures past this many pixels are listed, not drawn: decoding one could take gigabytes. */
export const MAX_IMAGE_PIXELS = 50_000_000

export interface EmbeddedImage {
  width: number
  height: number
  draw(page: PDFPage, box: { x: number; y: number; width: number; height: number }): void
}

const isJpeg = (bytes: Uint8Array) => bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff

export const isDrawable = (mimeType: string) => mimeType === 'image/png' || mimeType === 'image/jpeg'

function placed(ref: PDFRef, width: number, height: number): EmbeddedImage {
  if (!(width > 0 && height > 0)) throw new ImageError('unreadable', 'image without width or height')
  if (width * height > MAX_IMAGE_PIXELS) throw new ImageError('tooLarge', `${width}×${height} pixels`)
  return {
    width,
    height,
    draw(page, box) {
      const name = page.node.newXObject('Image', ref)
      page.pushOperators(...drawImage(name, { ...box, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0) }))
    },
  }
}

/** Embeds a PNG or JPEG now (so the bytes can be let go); throws ImageError. */
export async function embedImage(doc: PDFDocument, bytes: Buffer): Promise<EmbeddedImage> {
  try {
    if (isPng(bytes)) {
      // IHDR comes first, so the size is known before anything is decoded.
      if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new ImageError('unreadable', 'PNG without a header')
      if (bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > MAX_IMAGE_PIXELS) {
        throw new ImageError('tooLarge', `${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)} pixels`)
      }
      const direct = embedPngDirect(doc, bytes)
      if (direct) return placed(direct.ref, direct.width, direct.height)
    } else if (!isJpeg(bytes)) {
      throw new ImageError('unreadable', 'neither PNG nor JPEG')
    }
    const image = isPng(bytes) ? await doc.embedPng(bytes) : await doc.embedJpg(bytes)
    const embedded = placed(image.ref, image.width, image.height)
    // Writes the image into the document now, so its decoded pixels are not kept until save().
    await image.embed()
    return embedded
  } catch (error) {
    if (error instanceof ImageError) throw error
    throw new ImageError('unreadable', typeof error === 'string' ? error : ((error as Error)?.message ?? String(error)))
  }
}
