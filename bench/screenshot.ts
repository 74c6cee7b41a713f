// A screenshot-like PNG (1920×1080 by default): title bar, sidebar, and lines
// of "text" drawn from a small set of glyph bitmaps. Real screenshots repeat
// glyphs on flat backgrounds, with a photo here and there, so they compress
// to a few hundred KB; pure noise would make every image megabytes.
import { encodePng } from './png'
import type { Random } from './random'

const GLYPH_W = 9
const GLYPH_H = 15

function glyphs(rng: Random): Uint8Array[] {
  // 80 random "characters" with 3 grey levels, like anti-aliased strokes.
  return Array.from({ length: 80 }, () => {
    const g = new Uint8Array(GLYPH_W * GLYPH_H).fill(255)
    for (let i = 0; i < 14; i++) {
      const x = rng.int(1, GLYPH_W - 2)
      const y = rng.int(2, GLYPH_H - 3)
      g[y * GLYPH_W + x] = 40
      g[y * GLYPH_W + x + 1] = 140
      g[(y + 1) * GLYPH_W + x] = 190
    }
    return g
  })
}

export function screenshotPng(rng: Random, width = 1920, height = 1080): Buffer {
  const rgb = new Uint8Array(width * height * 3).fill(255)
  const rect = (x0: number, y0: number, w: number, h: number, c: [number, number, number]) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      for (let x = x0; x < Math.min(width, x0 + w); x++) rgb.set(c, (y * width + x) * 3)
  }
  const font = glyphs(rng)
  const text = (x0: number, y0: number, chars: number, shade: number) => {
    for (let c = 0; c < chars; c++) {
      if (rng.chance(0.15)) continue // a space
      const g = font[rng.int(0, font.length - 1)]
      for (let y = 0; y < GLYPH_H; y++)
        for (let x = 0; x < GLYPH_W; x++) {
          const v = g[y * GLYPH_W + x]
          if (v < 255) rgb.fill(Math.min(255, v + shade), ((y0 + y) * width + x0 + c * GLYPH_W + x) * 3, ((y0 + y) * width + x0 + c * GLYPH_W + x) * 3 + 3)
        }
    }
  }
  const accent: [number, number, number] = [rng.int(20, 80), rng.int(60, 140), rng.int(150, 230)]
  rect(0, 0, width, 64, accent)
  rect(0, 64, 280, height - 64, [242, 243, 245])
  for (let y = 90; y + GLYPH_H < height; y += 36) text(24, y, 22, 0)
  for (let y = 96; y + GLYPH_H < height - 20; y += 28) {
    if (rng.chance(0.12)) rect(320, y - 4, width - 380, 1, [220, 220, 225])
    else text(320, y, rng.int(20, Math.floor((width - 380) / GLYPH_W)), 0)
  }
  // A photo-like thumbnail (product image, map): noisy, so it dominates the file size as photos do.
  const [px, py] = [width - 460, 110]
  for (let y = py; y < Math.min(height, py + 240); y++)
    for (let x = px; x < Math.min(width, px + 360); x++) {
      const bits = rng.u32()
      rgb.set([(x - px) / 2 + (bits & 31), (y - py) / 1.5 + ((bits >> 5) & 31), 120 + ((bits >> 10) & 31)], (y * width + x) * 3)
    }
  return encodePng(width, height, rgb)
}
