// PNG into PDF without re-encoding where the formats agree. A PDF image with
// FlateDecode and PNG predictors reads a PNG's IDAT stream as it is, so most
// screenshots (RGB, grey or palette, 8-bit, not interlaced) are copied, not
// decoded: pdf-lib's own path decodes every pixel and re-compresses it in
// JavaScript, ~0.2 s per 1920×1080 screenshot. PNGs with an alpha channel are
// inflated and split with Node's zlib; anything rarer returns undefined and is
// left to pdf-lib.
import zlib from 'node:zlib'
import { PDFHexString, PDFName, type PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export const isPng = (bytes: Uint8Array) => bytes.length > 8 && SIGNATURE.equals(bytes.subarray(0, 8))

interface Png {
  width: number
  height: number
  bitDepth: number
  colorType: number
  interlaced: boolean
  palette?: Buffer
  transparency: boolean
  /** Has APNG animation chunks (only the first, still image is ever drawn). */
  animated: boolean
  data: Buffer
}

const ANIMATION_CHUNKS = new Set(['acTL', 'fcTL', 'fdAT'])

/**
 * Reads the chunks. The size checked before this (shared/image-size.ts) is the
 * first chunk's, so an IHDR anywhere else is refused: pdf-lib's decoder walks
 * the chunks the same way and would take the last IHDR it meets.
 */
export function parsePng(bytes: Buffer): Png {
  const parts: Buffer[] = []
  let header: Buffer | undefined
  let palette: Buffer | undefined
  let transparency = false
  let animated = false
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    const body = bytes.subarray(at + 8, at + 8 + length)
    if (body.length !== length) throw new Error('PNG chunk runs past the end of the file')
    if (type === 'IHDR') {
      if (at !== 8) throw new Error('PNG with a header chunk that is not the first')
      header = body
    } else if (type === 'PLTE') palette = body
    else if (type === 'tRNS') transparency = true
    else if (type === 'IDAT') parts.push(body)
    else if (ANIMATION_CHUNKS.has(type)) animated = true
    else if (type === 'IEND') break
    at += 12 + length
  }
  if (!header || header.length < 13 || !parts.length) throw new Error('PNG without header or image data')
  return {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8],
    colorType: header[9],
    interlaced: header[12] !== 0,
    palette,
    transparency,
    animated,
    data: Buffer.concat(parts),
  }
}

/** Bytes a pixel of an 8-bit PNG, by colour type. */
export const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

/** Undoes the PNG row filters (RFC 2083 6); `bpp` bytes per pixel, 8-bit samples. */
function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data is shorter than its size says')
  const out = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]
    const src = y * (stride + 1) + 1
    const row = y * stride
    const prev = row - stride
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0
      const b = y > 0 ? out[prev + x] : 0
      const c = x >= bpp && y > 0 ? out[prev + x - bpp] : 0
      let v = raw[src + x]
      if (filter === 1) v += a
      else if (filter === 2) v += b
      else if (filter === 3) v += (a + b) >> 1
      else if (filter === 4) {
        const p = a + b - c
        const pa = Math.abs(p - a)
        const pb = Math.abs(p - b)
        const pc = Math.abs(p - c)
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      } else if (filter !== 0) throw new Error(`PNG row filter ${filter} is not defined`)
      out[row + x] = v
    }
  }
  return out
}

/**
 * The 8-bit samples of a non-interlaced PNG, row by row, `channels` bytes a
 * pixel. A few megabytes of image data can inflate to gigabytes; past what
 * the header's size needs, it is refused.
 */
export function pngSamples(png: Png, channels: number): Buffer {
  const { width, height } = png
  return unfilter(zlib.inflateSync(png.data, { maxOutputLength: (width * channels + 1) * height }), width, height, channels)
}

/** Registers the PNG (read by parsePng) as an image XObject; undefined when only pdf-lib can handle it. */
export function embedPngDirect(doc: PDFDocument, png: Png): { ref: PDFRef; width: number; height: number } | undefined {
  const { width, height, bitDepth, colorType } = png
  const channels = CHANNELS[colorType]
  if (!channels || png.interlaced || png.transparency) return undefined
  const context = doc.context
  const image = (data: Buffer, colorSpace: string | PDFObject, colors: number, bits: number, predictor: boolean, extra: { SMask?: PDFRef } = {}) =>
    context.register(
      context.stream(data, {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        BitsPerComponent: bits,
        ColorSpace: colorSpace,
        Filter: 'FlateDecode',
        ...(predictor ? { DecodeParms: { Predictor: 15, Colors: colors, BitsPerComponent: bits, Columns: width } } : {}),
        ...extra,
      }),
    )

  if (colorType === 0 || colorType === 2) {
    if (bitDepth > 8) return undefined
    return { ref: image(png.data, colorType === 0 ? 'DeviceGray' : 'DeviceRGB', channels, bitDepth, true), width, height }
  }
  if (colorType === 3) {
    if (!png.palette) throw new Error('palette PNG without a palette')
    const indexed = context.obj([PDFName.of('Indexed'), PDFName.of('DeviceRGB'), png.palette.length / 3 - 1, PDFHexString.of(png.palette.toString('hex'))])
    return { ref: image(png.data, indexed, 1, bitDepth, true), width, height }
  }
  // Grey or RGB with alpha: split the alpha into a soft mask (dropped when fully opaque).
  if (bitDepth !== 8) return undefined
  const pixels = pngSamples(png, channels)
  const colorChannels = channels - 1
  const color = Buffer.alloc(width * height * colorChannels)
  const alpha = Buffer.alloc(width * height)
  let opaque = true
  for (let i = 0, c = 0; i < width * height; i++) {
    for (let k = 0; k < colorChannels; k++) color[c++] = pixels[i * channels + k]
    alpha[i] = pixels[i * channels + colorChannels]
    if (alpha[i] !== 255) opaque = false
  }
  const deflate = (b: Buffer) => zlib.deflateSync(b, { level: 6 })
  const mask = opaque ? {} : { SMask: image(deflate(alpha), 'DeviceGray', 1, 8, false) }
  return { ref: image(deflate(color), colorChannels === 1 ? 'DeviceGray' : 'DeviceRGB', colorChannels, 8, false, mask), width, height }
}
