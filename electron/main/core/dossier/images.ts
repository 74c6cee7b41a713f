// Evidence images for the appendix. The type and the size in pixels are read
// from the header before pdf-lib sees the bytes (pdf-lib throws bare strings on
// bad input, and decodes some PNGs whole), and every failure becomes an
// ImageProblem the dossier prints instead of the picture.
import { degrees, drawImage, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib'
import { MAX_PICTURE_PIXELS, pictureSize } from '../../../../shared/image-size'
import { embedPngDirect, isPng, parsePng } from './png'

export type ImageProblem = 'tooLarge' | 'unreadable'

export class ImageError extends Error {
  constructor(
    readonly problem: ImageProblem,
    message: string,
  ) {
    super(message)
  }
}

/** Pictures past this many pixels are listed, not drawn: decoding one could take gigabytes (intake refuses them too). */
export const MAX_IMAGE_PIXELS = MAX_PICTURE_PIXELS

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
    if (!isPng(bytes) && !isJpeg(bytes)) throw new ImageError('unreadable', 'neither PNG nor JPEG')
    // Nothing is decoded before the header has said how large the picture is.
    const size = pictureSize(bytes)
    if (!size) throw new ImageError('unreadable', 'no readable width and height in the header')
    if (size.width * size.height > MAX_IMAGE_PIXELS) throw new ImageError('tooLarge', `${size.width}×${size.height} pixels`)
    if (isPng(bytes)) {
      // parsePng refuses a second IHDR, so the size the PNG is decoded at (here or by pdf-lib) is the one just checked.
      const png = parsePng(bytes)
      const direct = embedPngDirect(doc, png)
      if (direct) return placed(direct.ref, direct.width, direct.height)
      // pdf-lib decodes every frame of an animated PNG, at whatever size each frame claims, before refusing it.
      if (png.animated) throw new ImageError('unreadable', 'animated PNG')
    }
    const image = isPng(bytes) ? await doc.embedPng(bytes) : await doc.embedJpg(bytes)
    // A JPEG goes into the PDF as it is: embedJpg only reads its frame header, and reads it its own way (it does
    // not skip fill bytes), so its size is checked before the bytes are written and a PDF reader decodes them.
    // embedPng has decoded by now, at the size checked above; for a PNG this is a backstop.
    const embedded = placed(image.ref, image.width, image.height)
    // Writes the image into the document now, so its decoded pixels are not kept until save().
    await image.embed()
    return embedded
  } catch (error) {
    if (error instanceof ImageError) throw error
    throw new ImageError('unreadable', typeof error === 'string' ? error : ((error as Error)?.message ?? String(error)))
  }
}
