// Screenshots drawn with the Japanese font the app ships, for text
// recognition to read back: lines of text on a 1280×720 page, light or dark.
import { createRequire } from 'node:module'
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'

const FAMILY = 'Test Noto Sans JP'
GlobalFonts.registerFromPath(createRequire(__filename).resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'), FAMILY)

export interface ScreenshotStyle {
  /** Font size in pixels. */
  size?: number
  /** Baseline of the first line, and the distance from one line's baseline to the next. */
  top?: number
  spacing?: number
  dark?: boolean
}

export function screenshot(lines: string[], { size = 22, top = 80, spacing = 50, dark = false }: ScreenshotStyle = {}): Buffer {
  const canvas = createCanvas(1280, 720)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = dark ? '#16181d' : '#ffffff'
  ctx.fillRect(0, 0, 1280, 720)
  ctx.fillStyle = dark ? '#e6e8eb' : '#1f2328'
  ctx.font = `${size}px '${FAMILY}'`
  lines.forEach((line, i) => ctx.fillText(line, 40, top + i * spacing))
  return canvas.toBuffer('image/png')
}
