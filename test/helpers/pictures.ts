// Picture files built byte by byte from their format specifications: tiny
// files whose headers claim any size (the "decompression bomb" kind), for the
// header reader, intake, the dossier and the viewer to refuse.
import zlib from 'node:zlib'
import { PNG_SIGNATURE, pngChunk } from '../../bench/png'

const TRUECOLOUR = 2
const TRUECOLOUR_ALPHA = 6

function pngHeader(width: number, height: number, options: { colourType?: number; interlaced?: boolean } = {}): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = options.colourType ?? TRUECOLOUR
  header[12] = options.interlaced ? 1 : 0
  return pngChunk('IHDR', header)
}

const u32s = (...values: number[]) => Buffer.concat(values.map((v) => Buffer.from([(v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff])))
const oneRow = (width: number) => pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(1 + 3 * Math.min(width, 64))))
const pngEnd = pngChunk('IEND', Buffer.alloc(0))

/** A valid-looking PNG (CRCs right) whose IHDR claims width × height; its IDAT holds one row only. */
export function pngClaiming(width: number, height: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngHeader(width, height), oneRow(width), pngEnd])
}

/**
 * A 1 × 1 PNG with a second IHDR, after the first, claiming width × height
 * (interlaced, which only pdf-lib's decoder takes): a reader that lets the
 * last header win sees the large one.
 */
export function pngWithSecondHeader(width: number, height: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngHeader(1, 1), pngHeader(width, height, { interlaced: true }), oneRow(1), pngEnd])
}

/**
 * An animated PNG: a 1 × 1 image with a transparent colour (so only pdf-lib
 * could draw it), then a frame claiming width × height, which the frame rules
 * forbid but pdf-lib's decoder allocates anyway.
 */
export function apngWithFrame(width: number, height: number): Buffer {
  const frame = (sequence: number, w: number, h: number) => pngChunk('fcTL', Buffer.concat([u32s(sequence, w, h, 0, 0), Buffer.alloc(6)]))
  return Buffer.concat([
    PNG_SIGNATURE,
    pngHeader(1, 1),
    pngChunk('acTL', u32s(2, 0)),
    frame(0, 1, 1),
    pngChunk('tRNS', Buffer.alloc(6)),
    oneRow(1),
    frame(1, width, height),
    pngChunk('fdAT', Buffer.concat([u32s(2), zlib.deflateSync(Buffer.alloc(4))])),
    pngEnd,
  ])
}

/** A width × height PNG with an alpha channel whose image data inflates to `inflated` bytes, far more than its size needs. */
export function pngInflatingTo(width: number, height: number, inflated: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngHeader(width, height, { colourType: TRUECOLOUR_ALPHA }), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(inflated), { level: 9 })), pngEnd])
}

const be16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff])
const le16 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff])
const le24 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff])
const le32 = (n: number) => Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff])
const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), be16(body.length + 2), body])
const sof = (marker: number, width: number, height: number) =>
  segment(marker, Buffer.concat([Buffer.from([8]), be16(height), be16(width), Buffer.from([1, 1, 0x11, 0])]))

/**
 * A JPEG header (SOI, JFIF, an EXIF block holding a small thumbnail's frame
 * header to mislead a careless reader, fill bytes, SOF, SOS) claiming width × height.
 */
export function jpegClaiming(width: number, height: number, options: { progressive?: boolean } = {}): Buffer {
  const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from([0xff, 0xd8]), sof(0xc0, 160, 120)]))
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    exif,
    Buffer.from([0xff, 0xff, 0xff]), // fill bytes before the next marker are allowed
    sof(options.progressive ? 0xc2 : 0xc0, width, height),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x00, 0x00, 0xff, 0xd9]),
  ])
}

/** A GIF with a small logical screen and one frame placed at (left, top) of width × height. */
export function gifWithFrame(screen: { width: number; height: number }, frame: { left: number; top: number; width: number; height: number }): Buffer {
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    le16(screen.width),
    le16(screen.height),
    Buffer.from([0x80, 0, 0]), // a global colour table of 2 entries
    Buffer.from([0, 0, 0, 255, 255, 255]),
    Buffer.from([0x21, 0xf9, 4, 0, 0, 0, 0, 0]), // graphic control extension
    Buffer.from([0x2c]),
    le16(frame.left),
    le16(frame.top),
    le16(frame.width),
    le16(frame.height),
    Buffer.from([0]),
    Buffer.from([2, 2, 0x4c, 0x01, 0]), // LZW minimum code size 2, one tiny sub-block
    Buffer.from([0x3b]),
  ])
}

const riff = (chunks: Buffer[]) => {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks])
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), le32(body.length), body])
}
const webpChunk = (fourcc: string, data: Buffer) =>
  Buffer.concat([Buffer.from(fourcc, 'latin1'), le32(data.length), data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])

/** Lossy WebP (VP8): width and height up to 16,383. */
export function webpLossyClaiming(width: number, height: number): Buffer {
  const frame = Buffer.concat([Buffer.from([0x50, 0x02, 0x00, 0x9d, 0x01, 0x2a]), le16(width), le16(height), Buffer.alloc(8)])
  return riff([webpChunk('VP8 ', frame)])
}

/** Lossless WebP (VP8L): width and height up to 16,384. */
export function webpLosslessClaiming(width: number, height: number): Buffer {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14)
  return riff([webpChunk('VP8L', Buffer.concat([Buffer.from([0x2f]), le32(bits >>> 0), Buffer.alloc(4)]))])
}

/** Extended WebP (VP8X): a canvas of up to 16,777,216 × 16,777,216 around a 1×1 lossless image. */
export function webpCanvasClaiming(width: number, height: number): Buffer {
  const header = Buffer.concat([Buffer.from([0x10, 0, 0, 0]), le24(width - 1), le24(height - 1)])
  return riff([webpChunk('VP8X', header), webpChunk('VP8L', Buffer.concat([Buffer.from([0x2f]), le32(0), Buffer.alloc(4)]))])
}
