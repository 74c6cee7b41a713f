// A printed sheet for a new case's passphrase: the browser's own print of a
// page-sized element that only the print stylesheet shows (first-run.css).
// Nothing is written to disk. The element is built outside React, so the
// passphrase never sits in React's state or props, and it is removed after
// printing (afterprint), before another sheet, and when the form closes.
import type { FirstRunMessages } from '../i18n/first-run-messages'

const SHEET_CLASS = 'print-sheet'
const PRINTING_CLASS = 'printing-sheet'

/** Removes the sheet (and the passphrase in it) from the page, if there is one. */
export function removePassphraseSheet(): void {
  for (const sheet of document.querySelectorAll(`.${SHEET_CLASS}`)) sheet.remove()
  document.documentElement.classList.remove(PRINTING_CLASS)
}

export function printPassphraseSheet(words: FirstRunMessages, caseTitle: string, passphrase: string): void {
  removePassphraseSheet()
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string) => {
    const node = document.createElement(tag)
    node.textContent = text
    if (className) node.className = className
    return node
  }
  const sheet = document.createElement('section')
  sheet.className = SHEET_CLASS
  // Only for paper: screen readers and the screen never see it.
  sheet.setAttribute('aria-hidden', 'true')
  const passphraseText = element('p', passphrase, 'print-passphrase')
  passphraseText.lang = 'en'
  sheet.append(
    element('h1', words.sheetTitle),
    element('h2', words.sheetCase),
    element('p', caseTitle || '—', 'print-case'),
    element('h2', words.sheetPassphrase),
    passphraseText,
    element('p', words.sheetSeparator, 'print-small'),
    element('p', words.sheetNote, 'print-note'),
  )
  document.body.append(sheet)
  document.documentElement.classList.add(PRINTING_CLASS)
  window.addEventListener('afterprint', removePassphraseSheet, { once: true })
  window.print()
}
