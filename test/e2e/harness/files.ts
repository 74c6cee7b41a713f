// Files a user would paste or drop: real PNG screenshots (each different,
// so none is a duplicate of another) and files the app must refuse.
import { encodePng } from '../../../bench/png'

/** A small "screenshot": horizontal bands in a colour of its own. */
export function screenshotPng(seed: number, width = 160, height = 100): Buffer {
  const rgb = new Uint8Array(width * height * 3)
  for (let y = 0; y < height; y++) {
    const band = Math.floor(y / 12) % 2
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      rgb[i] = (seed * 67 + band * 90) % 256
      rgb[i + 1] = (seed * 131 + x) % 256
      rgb[i + 2] = band ? 230 : 180
    }
  }
  return encodePng(width, height, rgb)
}

export interface FileSpec {
  name: string
  type: string
  base64: string
}

export const pngFile = (name: string, seed: number): FileSpec => ({
  name,
  type: 'image/png',
  base64: screenshotPng(seed).toString('base64'),
})
