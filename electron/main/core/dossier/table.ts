// Tables: a shaded header repeated on every page, rows that never split across
// pages (a row that does not fit moves to the next page whole), right-aligned
// number columns, and a full-width line under a row for what must not wrap
// into a column (a SHA-256). Only a row taller than a whole page is cut, at a
// line boundary, as the last resort.
import type { Column, Row } from './blocks'
import type { Layout } from './layout'
import { BELOW_GAP, BODY_HEIGHT, COLOR, CONTENT_WIDTH, MIN_SPLIT, PAD, PAGE, SIZE, belowHeight, height, type Line } from './page'

export class Table {
  private readonly xs: number[] = []
  private readonly widths: number[]
  private readonly headerLines: Line[][]
  readonly headerHeight: number

  constructor(
    private readonly layout: Layout,
    private readonly columns: Column[],
    private readonly header = true,
  ) {
    columns.reduce((x, c) => (this.xs.push(x), x + c.width * CONTENT_WIDTH), PAGE.left)
    this.widths = columns.map((c) => c.width * CONTENT_WIDTH)
    this.headerLines = columns.map((c, i) => layout.lines({ text: c.title, bold: true }, this.inner(i), SIZE.table))
    this.headerHeight = header ? Math.max(...this.headerLines.map(height)) + 2 * PAD.y : 0
  }

  private inner(i: number): number {
    return this.widths[i] - 2 * PAD.x
  }

  private layoutRow(row: Row): { cells: Line[][]; below: Line[] } {
    return {
      cells: row.cells.map((cell, i) => this.layout.cellLines(cell, this.inner(i), SIZE.table)),
      below: row.below ? this.layout.cellLines(row.below, CONTENT_WIDTH - 2 * PAD.x, SIZE.table) : [],
    }
  }

  /** Room the header and first row need at the foot of a page (a row taller than a page needs only a start). */
  startHeight(first: Row | undefined): number {
    if (!first) return this.headerHeight
    const { cells, below } = this.layoutRow(first)
    const row = Math.max(...cells.map(height)) + belowHeight(below) + 2 * PAD.y
    return this.headerHeight + (row <= BODY_HEIGHT - this.headerHeight ? row : MIN_SPLIT)
  }

  draw(rows: Row[]): void {
    const layout = this.layout
    // The header goes with the first row: a header alone at the foot of a page helps no one.
    if (this.startHeight(rows[0]) > layout.room) layout.newPage()
    this.drawHeader()
    for (const row of rows) {
      let { cells, below } = this.layoutRow(row)
      for (;;) {
        const needed = Math.max(...cells.map(height)) + belowHeight(below) + 2 * PAD.y
        if (needed <= layout.room) {
          this.drawRow(cells, below, row.total ?? false, needed)
          break
        }
        // A row that fits on a page moves to the next one whole; one taller than a
        // page is cut anyway, so it starts here unless only a few lines would fit.
        if (!layout.fresh && (needed <= BODY_HEIGHT - this.headerHeight || layout.room < MIN_SPLIT)) {
          this.nextPage()
          continue
        }
        const room = layout.room - 2 * PAD.y
        const split = cells.map((lines) => splitLines(lines, room))
        if (split.every(([now]) => now.length === 0) && !below.length) throw new Error('a table line is taller than a page')
        const used = Math.max(...split.map(([now]) => height(now)))
        const [belowNow, belowLater] = split.every(([, later]) => later.length === 0) ? splitLines(below, room - used - BELOW_GAP) : [[], below]
        this.drawRow(split.map(([now]) => now), belowNow, row.total ?? false, used + belowHeight(belowNow) + 2 * PAD.y)
        cells = split.map(([, later]) => later)
        below = belowLater
        this.nextPage()
      }
    }
    layout.y -= 6
  }

  private nextPage(): void {
    this.layout.newPage()
    this.drawHeader()
  }

  private drawHeader(): void {
    if (!this.header) return
    const layout = this.layout
    layout.page.drawRectangle({ x: PAGE.left, y: layout.y - this.headerHeight, width: CONTENT_WIDTH, height: this.headerHeight, color: COLOR.shade })
    this.headerLines.forEach((lines, i) => layout.drawLines(lines, this.xs[i] + PAD.x, layout.y - PAD.y, this.inner(i), this.columns[i].align))
    layout.y -= this.headerHeight
    layout.rule(layout.y, PAGE.left, CONTENT_WIDTH, 0.8, COLOR.muted)
  }

  private drawRow(cells: Line[][], below: Line[], total: boolean, rowHeight: number): void {
    const layout = this.layout
    if (total) layout.page.drawRectangle({ x: PAGE.left, y: layout.y - rowHeight, width: CONTENT_WIDTH, height: rowHeight, color: COLOR.shade })
    const top = layout.y - PAD.y
    cells.forEach((lines, i) => layout.drawLines(lines, this.xs[i] + PAD.x, top, this.inner(i), this.columns[i].align))
    if (below.length) layout.drawLines(below, PAGE.left + PAD.x, top - Math.max(...cells.map(height)) - BELOW_GAP, CONTENT_WIDTH - 2 * PAD.x)
    layout.y -= rowHeight
    layout.rule(layout.y)
    layout.fresh = false
  }
}

/** The lines that fit in `room`, and the rest. */
function splitLines(lines: Line[], room: number): [Line[], Line[]] {
  let used = 0
  let i = 0
  while (i < lines.length && used + lines[i].gap + lines[i].height <= room) used += lines[i].gap + lines[i++].height
  return [lines.slice(0, i), lines.slice(i).map((l, j) => (j === 0 ? { ...l, gap: 0 } : l))]
}
