// Draws blocks onto A4 pages, top to bottom, keeping a cursor (page, y).
// Paragraphs may continue on the next page; an image with its caption, a
// heading with the start of what follows it and the signature block never do
// (tables: see table.ts).
import type { PDFDocument, PDFPage } from 'pdf-lib'
import { PAGE_COUNT, type Block, type Cell, type Para } from './blocks'
import type { FontSet, Weight } from './fonts'
import type { EmbeddedPdf } from './evidence-documents'
import type { EmbeddedImage } from './images'
import { wrapText } from './linebreak'
import { BODY_HEIGHT, COLOR, CONTENT_WIDTH, LEADING, PAGE, SIZE, height, type Line } from './page'
import { Table } from './table'

export class Layout {
  readonly pages: PDFPage[] = []
  page!: PDFPage
  /** Top of the free space on the page. */
  y = 0
  /** True while nothing but a repeated table header is on the page. */
  fresh = true
  private pageCountAt: Array<{ page: PDFPage; x: number; y: number; size: number }> = []

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: FontSet,
    private readonly images: Map<number, EmbeddedImage>,
    private readonly pdfs: Map<number, EmbeddedPdf> = new Map(),
  ) {
    this.newPage()
  }

  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height])
    this.pages.push(this.page)
    this.y = PAGE.height - PAGE.top
    this.fresh = true
  }

  get room(): number {
    return this.y - PAGE.bottom
  }

  /** Wraps a paragraph to `width`; the first line carries `gap`. */
  lines(para: Para, width: number, defaultSize: number, gap = 0): Line[] {
    const size = para.size ?? defaultSize
    const weight: Weight = para.bold ? 'bold' : 'regular'
    const color = para.warn ? COLOR.warn : para.muted ? COLOR.muted : COLOR.text
    const make = (text: string, i: number): Line => ({
      text,
      weight,
      size,
      color,
      width: text === PAGE_COUNT ? 0 : this.fonts.width(text, weight, size),
      height: size * LEADING,
      gap: i === 0 ? gap : 0,
    })
    if (para.text === PAGE_COUNT) return [make(PAGE_COUNT, 0)]
    const clean = para.text
      .split(/\r\n|\r|\n/)
      .map((line) => this.fonts.clean(line, weight))
      .join('\n')
    return wrapText(clean, width, (s) => this.fonts.width(s, weight, size)).map(make)
  }

  cellLines(cell: Cell, width: number, size: number): Line[] {
    return cell.flatMap((p, i) => this.lines(p, width, size, i === 0 ? 0 : size * 0.25))
  }

  /** Draws lines from `top` down; returns the height used. */
  drawLines(lines: Line[], x: number, top: number, width: number, align: 'left' | 'right' | 'center' = 'left'): number {
    let y = top
    for (const line of lines) {
      y -= line.gap
      const baseline = y - (line.height - line.size) / 2 - line.size * 0.86
      const dx = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0
      if (line.text === PAGE_COUNT) this.pageCountAt.push({ page: this.page, x: x + dx, y: baseline, size: line.size })
      else if (line.text) this.page.drawText(line.text, { x: x + dx, y: baseline, size: line.size, font: this.fonts.font(line.weight), color: line.color })
      y -= line.height
    }
    return top - y
  }

  rule(y: number, x = PAGE.left, width = CONTENT_WIDTH, thickness = 0.5, color = COLOR.rule): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness, color })
  }

  /** Lays out every block in order. */
  render(blocks: Block[]): void {
    blocks.forEach((block, i) => this.block(block, () => this.startHeight(blocks, i + 1)))
  }

  /**
   * How much of blocks[i] must fit below a heading so the heading is not left
   * alone at the foot of a page: a table's header and first row, two lines of text.
   */
  private startHeight(blocks: Block[], i: number): number {
    const block = blocks[i]
    if (!block) return 0
    if (block.kind === 'subheading') return this.lines({ text: block.text, bold: true }, CONTENT_WIDTH, SIZE.subheading, 6)[0].height + 9 + this.startHeight(blocks, i + 1)
    if (block.kind === 'paragraph') return height(this.lines(block.para, CONTENT_WIDTH, SIZE.body).slice(0, 2))
    if (block.kind === 'table') return new Table(this, block.columns, block.header).startHeight(block.rows[0])
    return 0
  }

  private block(block: Block, following: () => number): void {
    switch (block.kind) {
      case 'title':
        return this.title(block.text, block.subtitle)
      case 'heading':
        return this.heading(block.text, block.newPage, Math.max(block.keep ?? 0, following()))
      case 'subheading':
        return this.subheading(block.text, following())
      case 'paragraph':
        return this.paragraph(block.para)
      case 'table':
        return new Table(this, block.columns, block.header).draw(block.rows)
      case 'image':
        return this.image(block.evidenceId, block.caption)
      case 'pdfPage':
        return this.pdfPage(block.evidenceId, block.index, block.caption)
      case 'signature':
        return this.signature(block.lines, block.seal)
      case 'space':
        this.y = Math.max(PAGE.bottom, this.y - block.height)
        return
    }
  }

  private title(text: string, subtitle: string): void {
    this.y -= 60
    this.y -= this.drawLines(this.lines({ text, bold: true }, CONTENT_WIDTH, SIZE.title), PAGE.left, this.y, CONTENT_WIDTH, 'center')
    this.y -= 4
    this.y -= this.drawLines(this.lines({ text: subtitle, muted: true }, CONTENT_WIDTH, SIZE.subtitle), PAGE.left, this.y, CONTENT_WIDTH, 'center')
    this.y -= 30
    this.fresh = false
  }

  private heading(text: string, newPage: boolean | undefined, keep: number): void {
    const lines = this.lines({ text, bold: true }, CONTENT_WIDTH, SIZE.heading)
    const needed = height(lines) + 22 + keep
    if ((newPage && !this.fresh) || needed > this.room) this.newPage()
    else if (!this.fresh) this.y -= 14
    this.y -= this.drawLines(lines, PAGE.left, this.y, CONTENT_WIDTH)
    this.rule(this.y - 1, PAGE.left, CONTENT_WIDTH, 1, COLOR.accent)
    this.y -= 8
    this.fresh = false
  }

  private subheading(text: string, keep: number): void {
    const lines = this.lines({ text, bold: true }, CONTENT_WIDTH, SIZE.subheading, 6)
    if (height(lines) + 3 + keep > this.room) this.newPage()
    this.y -= this.drawLines(lines, PAGE.left, this.y, CONTENT_WIDTH) + 3
    this.fresh = false
  }

  private paragraph(para: Para): void {
    for (const line of this.lines(para, CONTENT_WIDTH, SIZE.body)) {
      if (line.height > this.room) this.newPage()
      this.y -= this.drawLines([line], PAGE.left, this.y, CONTENT_WIDTH)
      this.fresh = false
    }
    this.y -= 3
  }

  private image(evidenceId: number, caption: Cell): void {
    const image = this.images.get(evidenceId)
    if (!image) return
    const captionLines = this.cellLines(caption, CONTENT_WIDTH, SIZE.body)
    const captionHeight = height(captionLines) + 6
    const full = PAGE.height - PAGE.top - PAGE.bottom - captionHeight - 14
    // 96 dpi is a screenshot's natural size; never enlarge past it.
    const scale = Math.min(CONTENT_WIDTH / image.width, full / image.height, 0.75)
    const w = image.width * scale
    const h = image.height * scale
    if (captionHeight + h + 14 > this.room) this.newPage()
    else if (!this.fresh) this.y -= 10
    this.y -= this.drawLines(captionLines, PAGE.left, this.y, CONTENT_WIDTH) + 6
    const x = PAGE.left + (CONTENT_WIDTH - w) / 2
    image.draw(this.page, { x, y: this.y - h, width: w, height: h })
    this.page.drawRectangle({ x, y: this.y - h, width: w, height: h, borderColor: COLOR.rule, borderWidth: 0.5 })
    this.y -= h + 8
    this.fresh = false
  }

  /** A PDF page on a page of its own: its caption, then the page scaled to the room left, framed. */
  private pdfPage(evidenceId: number, index: number, caption: Cell): void {
    const embedded = this.pdfs.get(evidenceId)?.pages[index]
    if (!embedded) return
    const captionLines = this.cellLines(caption, CONTENT_WIDTH, SIZE.body)
    // Never enlarged: a small receipt stays its own size.
    const scaleIn = (room: number) => Math.min(CONTENT_WIDTH / embedded.width, (room - height(captionLines) - 10) / embedded.height, 1)
    // Below what is already on the page (a heading, a small page before it) only when it is drawn nearly as large there.
    if (!this.fresh && scaleIn(this.room) < 0.9 * scaleIn(BODY_HEIGHT)) this.newPage()
    else if (!this.fresh) this.y -= 10
    const scale = scaleIn(this.room)
    this.y -= this.drawLines(captionLines, PAGE.left, this.y, CONTENT_WIDTH) + 6
    const w = embedded.width * scale
    const h = embedded.height * scale
    const x = PAGE.left + (CONTENT_WIDTH - w) / 2
    this.page.drawPage(embedded, { x, y: this.y - h, width: w, height: h })
    this.page.drawRectangle({ x, y: this.y - h, width: w, height: h, borderColor: COLOR.rule, borderWidth: 0.5 })
    this.y -= h + 8
    this.fresh = false
  }

  private signature(lines: Array<[string, string]>, seal: string): void {
    const rowHeight = 30
    const needed = lines.length * rowHeight + 20
    if (needed > this.room) this.newPage()
    this.y -= 14
    const labelWidth = 90
    const lineEnd = PAGE.left + CONTENT_WIDTH - (seal ? 70 : 0)
    for (const [label, value] of lines) {
      const base = this.y - rowHeight + 8
      this.drawLines(this.lines({ text: label, muted: true }, labelWidth, SIZE.body), PAGE.left, base + 16, labelWidth)
      this.drawLines(this.lines({ text: value }, lineEnd - PAGE.left - labelWidth, SIZE.body + 1), PAGE.left + labelWidth, base + 17, lineEnd - PAGE.left - labelWidth)
      this.rule(base, PAGE.left + labelWidth, lineEnd - PAGE.left - labelWidth, 0.6, COLOR.muted)
      this.y -= rowHeight
    }
    if (seal) {
      const cx = PAGE.left + CONTENT_WIDTH - 30
      const cy = this.y + rowHeight / 2 + 4
      this.page.drawCircle({ x: cx, y: cy, size: 22, borderColor: COLOR.muted, borderWidth: 0.6 })
      const sealLines = this.lines({ text: seal, muted: true }, 40, 11)
      this.drawLines(sealLines, cx - 20, cy + sealLines[0].height / 2, 40, 'center')
    }
    this.fresh = false
  }

  /** Writes the total page count wherever the cover asked for it. */
  finish(): void {
    for (const at of this.pageCountAt) {
      at.page.drawText(String(this.pages.length), { x: at.x, y: at.y, size: at.size, font: this.fonts.regular, color: COLOR.text })
    }
  }
}

/** The lines that fit in `room`, and the rest. */
function splitLines(lines: Line[], room: number): [Line[], Line[]] {
  let used = 0
  let i = 0
  while (i < lines.length && used + lines[i].gap + lines[i].height <= room) used += lines[i].gap + lines[i++].height
  return [lines.slice(0, i), lines.slice(i).map((l, j) => (j === 0 ? { ...l, gap: 0 } : l))]
}

/** Everything the blocks will draw, by weight, so the font subsets hold exactly that. */
export function textOf(blocks: Block[]): Record<Weight, string> {
  const out: Record<Weight, string[]> = { regular: [], bold: [] }
  const add = (p: Para) => out[p.bold ? 'bold' : 'regular'].push(p.text)
  for (const b of blocks) {
    if (b.kind === 'title') out.bold.push(b.text), out.regular.push(b.subtitle)
    else if (b.kind === 'heading' || b.kind === 'subheading') out.bold.push(b.text)
    else if (b.kind === 'paragraph') add(b.para)
    else if (b.kind === 'table') {
      out.bold.push(...b.columns.map((c) => c.title))
      for (const r of b.rows) [...r.cells, r.below ?? []].forEach((cell) => cell.forEach(add))
    } else if (b.kind === 'image' || b.kind === 'pdfPage') b.caption.forEach(add)
    else if (b.kind === 'signature') out.regular.push(...b.lines.flat(), b.seal)
  }
  return { regular: out.regular.join('\n'), bold: out.bold.join('\n') }
}
