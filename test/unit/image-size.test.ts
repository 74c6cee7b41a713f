// Picture sizes read from headers without decoding: real files from real
// encoders (MozJPEG's baseline and progressive JPEGs, Skia's PNG, the
// project's PNG encoder), files built from the format specifications that
// claim huge sizes, and random or damaged bytes, which must never throw.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import encodeJpeg, { init as initJpeg } from '@jsquash/jpeg/encode.js'
import { createCanvas } from '@napi-rs/canvas'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodePng } from '../../bench/png'
import { MAX_PICTURE_PIXELS, checkPicture, isTooLarge, pictureSize } from '../../shared/image-size'
import { gifWithFrame, jpegClaiming, pngClaiming, webpCanvasClaiming, webpLosslessClaiming, webpLossyClaiming } from '../helpers/pictures'
import { TINY_PNG } from '../helpers/temp'

/** A gradient drawn by Skia (@napi-rs/canvas), so the encoders get a real picture. */
function drawing(width: number, height: number) {
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d')
  const gradient = context.createLinearGradient(0, 0, width, height)
  gradient.addColorStop(0, '#1d4ed8')
  gradient.addColorStop(1, '#f59e0b')
  context.fillStyle = gradient
  context.fillRect(0, 0, width, height)
  return canvas
}

/** MozJPEG (the npm package @jsquash/jpeg, WebAssembly): baseline (SOF0) or progressive (SOF2). */
async function mozjpeg(width: number, height: number, progressive: boolean): Promise<Buffer> {
  const wasm = createRequire(__filename).resolve('@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm')
  await initJpeg(await WebAssembly.compile(fs.readFileSync(wasm)))
  const pixels = drawing(width, height).getContext('2d').getImageData(0, 0, width, height)
  const image = { data: pixels.data, width, height, colorSpace: 'srgb' } as ImageData
  const jpeg = Buffer.from(await encodeJpeg(image, { progressive, baseline: !progressive, quality: 80 }))
  // The frame header says which kind it is: make sure each kind is really tested.
  expect(jpeg.includes(Buffer.from(progressive ? 'ffc2' : 'ffc0', 'hex'))).toBe(true)
  expect(jpeg.includes(Buffer.from(progressive ? 'ffc0' : 'ffc2', 'hex'))).toBe(false)
  return jpeg
}

describe('pictureSize from real encoders', () => {
  it('reads baseline and progressive JPEGs and PNGs that real encoders write at a chosen size', async () => {
    expect(pictureSize(await mozjpeg(321, 123, false))).toEqual({ width: 321, height: 123 })
    expect(pictureSize(await mozjpeg(77, 1999, true))).toEqual({ width: 77, height: 1999 })
    expect(pictureSize(drawing(640, 33).toBuffer('image/png'))).toEqual({ width: 640, height: 33 })
    expect(pictureSize(drawing(321, 123).toBuffer('image/jpeg'))).toEqual({ width: 321, height: 123 }) // Skia's JPEG
    expect(pictureSize(encodePng(3, 5, new Uint8Array(45)))).toEqual({ width: 3, height: 5 })
    expect(pictureSize(TINY_PNG)).toEqual({ width: 1, height: 1 })
  })
})

describe('pictureSize from headers that claim a size', () => {
  it('reads every format, and takes the largest extent where a format has more than one', () => {
    expect(pictureSize(pngClaiming(50_000, 50_000))).toEqual({ width: 50_000, height: 50_000 })
    // The EXIF thumbnail's 160×120 frame header is inside an APP1 block: not the picture's.
    expect(pictureSize(jpegClaiming(40_000, 30_000))).toEqual({ width: 40_000, height: 30_000 })
    expect(pictureSize(jpegClaiming(65_535, 65_535, { progressive: true }))).toEqual({ width: 65_535, height: 65_535 })
    // A frame far outside a 10×10 screen: decoders grow the canvas to draw it.
    expect(pictureSize(gifWithFrame({ width: 10, height: 10 }, { left: 60_000, top: 0, width: 5_000, height: 20_000 }))).toEqual({ width: 65_000, height: 20_000 })
    expect(pictureSize(gifWithFrame({ width: 640, height: 480 }, { left: 0, top: 0, width: 1, height: 1 }))).toEqual({ width: 640, height: 480 })
    expect(pictureSize(webpLossyClaiming(16_383, 16_383))).toEqual({ width: 16_383, height: 16_383 })
    expect(pictureSize(webpLosslessClaiming(16_384, 9_000))).toEqual({ width: 16_384, height: 9_000 })
    expect(pictureSize(webpCanvasClaiming(50_000, 50_000))).toEqual({ width: 50_000, height: 50_000 })
  })

  it('calls 50,000 × 50,000 too large and real screenshots fine', () => {
    expect(checkPicture(pngClaiming(50_000, 50_000))).toEqual({ ok: false, problem: 'tooLarge', size: { width: 50_000, height: 50_000 } })
    for (const [width, height] of [
      [7_680, 4_320], // an 8K screen
      [1_170, 20_000], // a long scrolling phone screenshot
      [1_290, 38_000],
      [8_064, 6_048], // a 48-megapixel phone photo
    ]) {
      expect(isTooLarge({ width, height }), `${width}×${height}`).toBe(false)
      expect(checkPicture(pngClaiming(width, height)).ok).toBe(true)
    }
    expect(isTooLarge({ width: 10_000, height: 5_001 })).toBe(true)
    expect(MAX_PICTURE_PIXELS).toBe(50_000_000)
  })

  it('has no size for what is not a picture, a header cut short, or a size of 0', () => {
    for (const bytes of [
      Buffer.from('PK\u0003\u0004 zip'),
      Buffer.from('%PDF-1.7'),
      Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('not really a picture')]),
      pngClaiming(100, 100).subarray(0, 20),
      pngClaiming(0, 100),
      jpegClaiming(0, 100), // height 0 means "given later" (DNL), which browsers do not decode
      jpegClaiming(100, 100).subarray(0, 40),
      webpLossyClaiming(100, 100).subarray(0, 24),
      Buffer.from('GIF89a\x00\x00\x00\x00\x00\x00\x00;', 'latin1'),
    ]) {
      expect(pictureSize(bytes)).toBeUndefined()
      expect(checkPicture(bytes)).toEqual({ ok: false, problem: 'unreadable' })
    }
  })
})

describe('pictureSize on hostile bytes', () => {
  const seeds = [pngClaiming(300, 200), jpegClaiming(300, 200), gifWithFrame({ width: 30, height: 20 }, { left: 1, top: 1, width: 5, height: 5 }), webpLossyClaiming(300, 200), webpLosslessClaiming(300, 200), webpCanvasClaiming(300, 200)]

  it('never throws, and answers positive whole numbers or nothing, for cut, flipped or random bytes', () => {
    const answerIsSane = (bytes: Uint8Array) => {
      const size = pictureSize(bytes)
      if (size === undefined) return true
      return Number.isSafeInteger(size.width) && Number.isSafeInteger(size.height) && size.width > 0 && size.height > 0
    }
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }), (seed, cut, flips) => {
        const bytes = new Uint8Array(seed.subarray(0, cut % (seed.length + 1)))
        for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value
        return answerIsSane(bytes)
      }),
      { numRuns: 5000 },
    )
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), answerIsSane), { numRuns: 5000 })
  })

  it('reads exactly the size a PNG or JPEG header claims', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0x7fffffff }), fc.integer({ min: 1, max: 0x7fffffff }), (width, height) => {
        expect(pictureSize(pngClaiming(width, height))).toEqual({ width, height })
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 1, max: 0xffff }), (width, height) => {
        expect(pictureSize(jpegClaiming(width, height))).toEqual({ width, height })
      }),
      { numRuns: 500 },
    )
  })
})
