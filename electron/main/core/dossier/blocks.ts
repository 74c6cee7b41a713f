// The dossier as data: sections produce blocks, the layout draws them. Keeping
// the two apart lets the font subset be made from exactly the text that will
// be drawn, before anything is drawn.

export interface Para {
  text: string
  bold?: boolean
  /** Smaller, grey text for secondary details. */
  muted?: boolean
  /** Red: overdue follow-ups, problems found by verification. */
  warn?: boolean
  size?: number
}

export type Cell = Para[]

export interface Column {
  title: string
  /** Share of the content width; a table's shares add up to 1. */
  width: number
  align?: 'left' | 'right'
}

export interface Row {
  cells: Cell[]
  /** Printed under the cells across the whole width (e.g. a SHA-256, which must extract in one piece). */
  below?: Cell
  /** A totals row: bold, shaded. */
  total?: boolean
}

/** The cover's page count is known only once everything is laid out. */
export const PAGE_COUNT = '\u0000pages'

export type Block =
  | { kind: 'title'; text: string; subtitle: string }
  /** `keep`: points of what follows that must fit on the same page (default 60). */
  | { kind: 'heading'; text: string; newPage?: boolean; keep?: number }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; para: Para }
  | { kind: 'table'; columns: Column[]; rows: Row[]; header?: boolean }
  | { kind: 'image'; evidenceId: number; caption: Cell }
  /** One page of a PDF evidence item, drawn as it is on a page of its own under its caption. */
  | { kind: 'pdfPage'; evidenceId: number; index: number; caption: Cell }
  | { kind: 'signature'; lines: Array<[string, string]>; seal: string }
  | { kind: 'space'; height: number }

/** Fields shown as a two-column table without header (label, value). */
export function fields(rows: Array<[string, string | undefined]>, labelShare = 0.26): Block {
  return {
    kind: 'table',
    header: false,
    columns: [
      { title: '', width: labelShare },
      { title: '', width: 1 - labelShare },
    ],
    rows: rows
      .filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '')
      .map(([label, value]) => ({ cells: [[{ text: label, bold: true, muted: true }], [{ text: value }]] })),
  }
}

export const para = (text: string, style: Omit<Para, 'text'> = {}): Block => ({ kind: 'paragraph', para: { text, ...style } })
