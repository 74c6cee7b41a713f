// The running header (case title, report title) and footer (audience,
// page X / Y, date made) on every page, drawn once the page count is known.
import type { PDFPage } from 'pdf-lib'
import type { FontSet } from './fonts'
import { COLOR, CONTENT_WIDTH, PAGE } from './page'

export interface FrameText {
  caseTitle: string
  reportTitle: string
  audience: string
  made: string
  pageOf: (x: number, y: number) => string
}

const SIZE = 7.5

/** Cuts `text` to `width` points, ending in …. */
function fit(fonts: FontSet, text: string, width: number): string {
  if (fonts.width(text, 'regular', SIZE) <= width) return text
  const chars = [...text]
  while (chars.length && fonts.width(`${chars.join('')}…`, 'regular', SIZE) > width) chars.pop()
  return `${chars.join('')}…`
}

export function drawFrame(pages: PDFPage[], fonts: FontSet, text: FrameText): void {
  const font = fonts.regular
  const clean = (s: string) => fonts.clean(s, 'regular')
  const reportTitle = clean(text.reportTitle)
  const caseTitle = fit(fonts, clean(text.caseTitle), CONTENT_WIDTH - fonts.width(reportTitle, 'regular', SIZE) - 24)
  const made = clean(text.made)
  const audience = clean(text.audience)
  const headerY = PAGE.height - PAGE.top + 16
  const footerY = PAGE.bottom - 26
  const right = PAGE.left + CONTENT_WIDTH
  pages.forEach((page, i) => {
    const draw = (s: string, x: number, y: number) => page.drawText(s, { x, y, size: SIZE, font, color: COLOR.muted })
    draw(caseTitle, PAGE.left, headerY)
    draw(reportTitle, right - fonts.width(reportTitle, 'regular', SIZE), headerY)
    page.drawLine({ start: { x: PAGE.left, y: headerY - 5 }, end: { x: right, y: headerY - 5 }, thickness: 0.4, color: COLOR.rule })
    page.drawLine({ start: { x: PAGE.left, y: footerY + 12 }, end: { x: right, y: footerY + 12 }, thickness: 0.4, color: COLOR.rule })
    const pageOf = text.pageOf(i + 1, pages.length)
    draw(audience, PAGE.left, footerY)
    draw(pageOf, PAGE.left + (CONTENT_WIDTH - fonts.width(pageOf, 'regular', SIZE)) / 2, footerY)
    draw(made, right - fonts.width(made, 'regular', SIZE), footerY)
  })
}

/** What the frame prints, for the font subset. */
export const frameTextOf = (text: FrameText) => [text.caseTitle, text.reportTitle, text.audience, text.made, text.pageOf(0, 0), '…'].join('\n')
