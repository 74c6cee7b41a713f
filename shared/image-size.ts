// A picture's width and height read from its header, without decoding it.
// A PNG of a few hundred bytes can claim 50,000 × 50,000 pixels, and decoding
// it would ask for 10 GB; so intake refuses pictures over MAX_PICTURE_PIXELS,
// and the dossier and the viewer never decode one whose size is unknown or
// too large. Pure (bytes in, numbers out): the main process and the page use
// the same reading. Where a format allows frames or a canvas to disagree, the
// largest extent is taken, so the answer is never smaller than what a decoder
// would allocate.

export interface PictureSize {
  width: number
  height: number
}

/**
 * 50 million pixels: an 8K screen (7,680 × 4,320 = 33 million), a phone
 * screenshot 1,170 pixels wide scrolled 40,000 long, a 48-megapixel photo all
 * fit; decoding the largest allowed picture takes about 200 MB. The dossier
 * draws up to the same size.
 */
export const MAX_PICTURE_PIXELS = 50_000_000

export const pixelsOf = (size: PictureSize) => size.width * size.height
export const isTooLarge = (size: PictureSize) => pixelsOf(size) > MAX_PICTURE_PIXELS

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8)
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1]
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)
const u32le = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000
const u32be = (b: Uint8Array, at: number) => b[at] * 0x1000000 + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3])

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** PNG: IHDR must be the first chunk (and APNG frames must fit inside it). */
function pngSize(b: Uint8Array): PictureSize | undefined {
  if (b.length < 24 || u32be(b, 8) !== 13 || !startsWith(b, ascii('IHDR'), 12)) return undefined
  return { width: u32be(b, 16), height: u32be(b, 20) }
}

// Start-of-frame markers: C0–CF except DHT (C4), JPG (C8) and DAC (CC).
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc
const STANDALONE = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd9)

/** JPEG: the frame header (SOF) before the first scan; junk between markers is skipped as libjpeg does. */
function jpegSize(b: Uint8Array): PictureSize | undefined {
  let size: PictureSize | undefined
  let at = 2
  while (at < b.length) {
    // A marker is 0xFF (any number of fill bytes) then a code that is not 0x00 or 0xFF.
    while (at < b.length && b[at] !== 0xff) at++
    while (at < b.length && b[at] === 0xff) at++
    if (at >= b.length) break
    const marker = b[at++]
    if (marker === 0x00 || STANDALONE(marker)) continue
    if (at + 2 > b.length) break
    const length = u16be(b, at)
    if (marker === 0xda) break // start of scan: the header is over
    if (isSof(marker) && at + 7 <= b.length) {
      const height = u16be(b, at + 3)
      const width = u16be(b, at + 5)
      size = size ? { width: Math.max(size.width, width), height: Math.max(size.height, height) } : { width, height }
    }
    if (length < 2) break
    at += length
  }
  return size
}

/** GIF: the logical screen, grown to cover every frame (decoders draw frames that stick out). */
function gifSize(b: Uint8Array): PictureSize | undefined {
  if (b.length < 13) return undefined
  let width = u16le(b, 6)
  let height = u16le(b, 8)
  const colorTable = (flags: number) => (flags & 0x80 ? 3 << ((flags & 0x07) + 1) : 0)
  const skipSubBlocks = (at: number) => {
    while (at < b.length && b[at] !== 0) at += b[at] + 1
    return at + 1
  }
  let at = 13 + colorTable(b[10])
  while (at < b.length) {
    const block = b[at]
    if (block === 0x21) {
      at = skipSubBlocks(at + 2)
    } else if (block === 0x2c) {
      if (at + 10 > b.length) break
      width = Math.max(width, u16le(b, at + 1) + u16le(b, at + 5))
      height = Math.max(height, u16le(b, at + 3) + u16le(b, at + 7))
      at = skipSubBlocks(at + 10 + colorTable(b[at + 9]) + 1)
    } else break // the trailer (0x3B) or something a decoder would stop at too
  }
  return { width, height }
}

/** WebP: the VP8X canvas, the VP8/VP8L frame header, and every animation frame; the largest of them. */
function webpSize(b: Uint8Array): PictureSize | undefined {
  let width = 0
  let height = 0
  const grow = (w: number, h: number) => {
    width = Math.max(width, w)
    height = Math.max(height, h)
  }
  for (let at = 12; at + 8 <= b.length; ) {
    const chunkSize = u32le(b, at + 4)
    const data = at + 8
    const fits = (n: number) => data + n <= b.length
    if (startsWith(b, ascii('VP8X'), at) && fits(10)) grow(u24le(b, data + 4) + 1, u24le(b, data + 7) + 1)
    else if (startsWith(b, ascii('VP8 '), at) && fits(10) && startsWith(b, [0x9d, 0x01, 0x2a], data + 3)) {
      grow(u16le(b, data + 6) & 0x3fff, u16le(b, data + 8) & 0x3fff)
    } else if (startsWith(b, ascii('VP8L'), at) && fits(5) && b[data] === 0x2f) {
      const bits = u32le(b, data + 1)
      grow((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
    } else if (startsWith(b, ascii('ANMF'), at) && fits(12)) {
      grow(u24le(b, data) * 2 + u24le(b, data + 6) + 1, u24le(b, data + 3) * 2 + u24le(b, data + 9) + 1)
    }
    at = data + chunkSize + (chunkSize & 1)
  }
  return width && height ? { width, height } : undefined
}

/**
 * Width and height as a PNG, JPEG, GIF or WebP header states them; undefined
 * for other bytes and for a picture whose header cannot be read (or says 0).
 */
export function pictureSize(bytes: Uint8Array): PictureSize | undefined {
  let size: PictureSize | undefined
  if (startsWith(bytes, PNG)) size = pngSize(bytes)
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) size = jpegSize(bytes)
  else if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) size = gifSize(bytes)
  else if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) size = webpSize(bytes)
  return size && size.width > 0 && size.height > 0 ? size : undefined
}

export type PictureCheck = { ok: true; size: PictureSize } | { ok: false; problem: 'unreadable' } | { ok: false; problem: 'tooLarge'; size: PictureSize }

/** Whether a picture may be decoded: its size is known and within MAX_PICTURE_PIXELS. */
export function checkPicture(bytes: Uint8Array): PictureCheck {
  const size = pictureSize(bytes)
  if (!size) return { ok: false, problem: 'unreadable' }
  return isTooLarge(size) ? { ok: false, problem: 'tooLarge', size } : { ok: true, size }
}
