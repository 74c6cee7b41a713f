// A letter as blocks, before fonts and pages: what the head (title and the
// addressee) says above the box of missing items, and the body below it.
import type { Block } from '../dossier/blocks'

export interface LetterContent {
  /** Above the box of missing items. */
  head: Block[]
  /** Below it. */
  body: Block[]
  /** The running header's title and the PDF's title. */
  reportTitle: string
  /** The footer's left part: whom the letter is for. */
  audience: string
  /** Printed at the top of every page (the police report's draft mark). */
  banner?: string
}
