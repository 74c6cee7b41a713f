// The page and its type: A4 geometry, sizes, colours, and the laid-out Line
// that layout and tables measure and draw.
import { rgb, type RGB } from 'pdf-lib'
import type { Weight } from './fonts'

export const PAGE = { width: 595.28, height: 841.89, top: 62, bottom: 56, left: 46, right: 46 }
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right

export const SIZE = { body: 9, table: 8.5, heading: 13, subheading: 10.5, title: 26, subtitle: 13 }
export const LEADING = 1.45
export const PAD = { x: 5, y: 3.5 }
export const BODY_HEIGHT = PAGE.height - PAGE.top - PAGE.bottom
// The least room worth starting a row that will be cut across pages.
export const MIN_SPLIT = 120

export const COLOR = {
  text: rgb(0.1, 0.1, 0.1),
  muted: rgb(0.42, 0.42, 0.42),
  warn: rgb(0.72, 0.08, 0.08),
  rule: rgb(0.72, 0.72, 0.72),
  shade: rgb(0.93, 0.94, 0.95),
  accent: rgb(0.12, 0.25, 0.45),
}

export interface Line {
  text: string
  weight: Weight
  size: number
  color: RGB
  width: number
  height: number
  /** Space before this line (between paragraphs of one cell). */
  gap: number
}

export const height = (lines: Line[]) => lines.reduce((h, l) => h + l.gap + l.height, 0)
// A full-width line under a row's cells sits a little apart from them.
export const BELOW_GAP = 2
export const belowHeight = (lines: Line[]) => (lines.length ? height(lines) + BELOW_GAP : 0)
