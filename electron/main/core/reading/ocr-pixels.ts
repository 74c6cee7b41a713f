// Plain-JavaScript image steps tried before recognition: PNG decoding to grey
// levels, dark-mode inversion, 2× upscaling and binarisation, written out as
// a binary PGM (P5), a format Tesseract's Leptonica reads from memory with no
// encoder needed. No image library: @napi-rs/canvas is a devDependency only,
// and the app cannot load it. Only PNG is decoded (screenshots are PNG);
// other formats go to Tesseract as they are.
import { CHANNELS, isPng, parsePng, pngSamples } from '../dossier/png'

export interface GreyImage {
  width: number
  height: number
  /** One byte per pixel, 0 black … 255 white, row by row. */
  grey: Uint8Array
}

/**
 * Grey levels of an 8-bit, non-interlaced PNG (what browsers and phones
 * save); undefined for anything else, which is then recognised undecoded.
 * Transparent pixels are laid on white, as a viewer shows them.
 */
export function decodePngGrey(bytes: Uint8Array): GreyImage | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!isPng(buffer)) return undefined
  const png = parsePng(buffer)
  const channels = CHANNELS[png.colorType]
  if (png.bitDepth !== 8 || png.interlaced || !channels) return undefined
  const { width, height } = png
  const pixels = pngSamples(png, channels)
  const grey = new Uint8Array(width * height)
  const palette = png.palette
  for (let i = 0; i < grey.length; i++) {
    const at = i * channels
    let r: number, g: number, b: number, alpha = 255
    if (png.colorType === 3) {
      const entry = pixels[at] * 3
      if (!palette || entry + 2 >= palette.length) return undefined
      ;[r, g, b] = [palette[entry], palette[entry + 1], palette[entry + 2]]
    } else if (channels <= 2) {
      r = g = b = pixels[at]
      if (channels === 2) alpha = pixels[at + 1]
    } else {
      ;[r, g, b] = [pixels[at], pixels[at + 1], pixels[at + 2]]
      if (channels === 4) alpha = pixels[at + 3]
    }
    // Rec. 601 luma, integer arithmetic.
    const luma = (r * 299 + g * 587 + b * 114) / 1000
    grey[i] = Math.round((luma * alpha + 255 * (255 - alpha)) / 255)
  }
  return { width, height, grey }
}

/** Whether most of the picture is dark (a dark theme): light text on a dark page. */
export function isMostlyDark(image: GreyImage): boolean {
  let dark = 0
  // Every 7th pixel is plenty to tell the background.
  for (let i = 0; i < image.grey.length; i += 7) if (image.grey[i] < 110) dark++
  return dark * 7 > image.grey.length / 2
}

export function inverted(image: GreyImage): GreyImage {
  const grey = new Uint8Array(image.grey.length)
  for (let i = 0; i < grey.length; i++) grey[i] = 255 - image.grey[i]
  return { ...image, grey }
}

/** Twice the size, bilinear: Tesseract's LSTM reads best with x-heights around 20-30 px, small UI text has ~8. */
export function scaledTwice(image: GreyImage): GreyImage {
  const { width, height, grey: src } = image
  const w = width * 2
  const h = height * 2
  const grey = new Uint8Array(w * h)
  for (let y = 0; y < h; y++) {
    const sy = Math.min(height - 1, Math.max(0, (y - 0.5) / 2))
    const y0 = Math.floor(sy)
    const y1 = Math.min(height - 1, y0 + 1)
    const fy = sy - y0
    for (let x = 0; x < w; x++) {
      const sx = Math.min(width - 1, Math.max(0, (x - 0.5) / 2))
      const x0 = Math.floor(sx)
      const x1 = Math.min(width - 1, x0 + 1)
      const fx = sx - x0
      const top = src[y0 * width + x0] * (1 - fx) + src[y0 * width + x1] * fx
      const bottom = src[y1 * width + x0] * (1 - fx) + src[y1 * width + x1] * fx
      grey[y * w + x] = Math.round(top * (1 - fy) + bottom * fy)
    }
  }
  return { width: w, height: h, grey }
}

/** Black and white at Otsu's threshold (the one that best separates the two grey-level populations). */
export function binarised(image: GreyImage): GreyImage {
  const histogram = new Float64Array(256)
  for (const v of image.grey) histogram[v]++
  const total = image.grey.length
  let sumAll = 0
  for (let v = 0; v < 256; v++) sumAll += v * histogram[v]
  let best = 0
  let threshold = 127
  let weightBelow = 0
  let sumBelow = 0
  for (let t = 0; t < 256; t++) {
    weightBelow += histogram[t]
    if (!weightBelow || weightBelow === total) continue
    sumBelow += t * histogram[t]
    const meanBelow = sumBelow / weightBelow
    const meanAbove = (sumAll - sumBelow) / (total - weightBelow)
    const between = weightBelow * (total - weightBelow) * (meanBelow - meanAbove) ** 2
    if (between > best) {
      best = between
      threshold = t
    }
  }
  const grey = new Uint8Array(total)
  for (let i = 0; i < total; i++) grey[i] = image.grey[i] > threshold ? 255 : 0
  return { ...image, grey }
}

/** Binary PGM (Netpbm P5). */
export function encodePgm(image: GreyImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'latin1')
  const out = new Uint8Array(header.length + image.grey.length)
  out.set(header)
  out.set(image.grey, header.length)
  return out
}
