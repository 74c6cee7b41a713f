// What Kiroku read from a piece of evidence: text derived from the original,
// never a change to it. Mail and PDF text are read at intake; OCR of
// pictures stores its text the same way with source 'ocr'.

export const READING_SOURCES = ['mail', 'pdf', 'ocr'] as const
export type ReadingSource = (typeof READING_SOURCES)[number]

export interface Reading {
  source: ReadingSource
  /** What read it (a library), and its version: a later, better reader can be told apart. */
  engine: string
  engineVersion: string
  /** Languages the reader was told to expect (OCR), e.g. ['jpn', 'eng']. */
  languages?: string[]
  /** The text, normalised for search (see normalise.ts); empty when nothing could be read. */
  text: string
  /** Why there is no text (an encrypted or damaged file, a scan without a text layer). */
  note?: string
}
