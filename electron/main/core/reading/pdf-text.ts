// The text of each page of a PDF, read with pdf.js (pdfjs-dist's legacy build,
// the one for Node). Nothing is fetched: the document comes as bytes, the
// character maps Japanese fonts need and the standard fonts are read from
// pdfjs-dist's own folder, system fonts and eval are off. A PDF that cannot
// be read (encrypted with a password, damaged) gives the reason, never a throw.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const PDF_ENGINE = { engine: 'pdfjs-dist', engineVersion: '5.6.205' } as const

/** Pages past the limit, not read: `from`–`to`, numbered from 1. */
export interface PagesLeftOut {
  from: number
  to: number
}

export type PdfText = { ok: true; pages: string[]; leftOut?: PagesLeftOut } | { ok: false; reason: string }

export interface PdfReadOptions {
  /** Pages past this many are not read (their numbers are given back in `leftOut`). */
  maxPages?: number
  /** Reading that takes longer is given up with a reason. */
  timeoutMs?: number
}

/**
 * A statement or a contract runs to tens of pages; 500 keeps every real
 * document whole while a made-up one with 100 000 empty pages cannot hold
 * intake for minutes.
 */
export const MAX_PDF_PAGES = 500
/** A normal PDF reads in well under a second; a file that takes this long is hostile or broken. */
export const PDF_TIMEOUT_MS = 30_000

export const timeoutReason = (ms: number) =>
  `the PDF took longer than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`} to read, so reading it was given up`

// Resolved from this module's place (without tsx's ?tsx-namespace tag, see dossier/fonts.ts), so the
// character maps are found from the source (tests, CLI) and from the bundled app alike.
const pdfjsDir = () => path.dirname(createRequire(import.meta.url.split('?')[0]).resolve('pdfjs-dist/package.json'))
// pdf.js is an ES module only: loaded on first use, by its file's URL, because a module that tsx
// compiled to CommonJS (the CLI) cannot resolve a bare specifier in a dynamic import.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
const pdfjs = (): Promise<PdfJs> => import(pathToFileURL(path.join(pdfjsDir(), 'legacy', 'build', 'pdf.mjs')).href)

function reasonFor(error: unknown): string {
  const name = (error as { name?: string })?.name
  if (name === 'PasswordException') return 'the PDF is encrypted with a password, so its text cannot be read'
  if (name === 'InvalidPDFException') return 'the PDF is damaged or not a PDF, so its text cannot be read'
  const message = String((error as Error)?.message ?? error).slice(0, 200)
  return `the PDF could not be read (${message})`
}

/** One page's text: runs joined as drawn, a line break where pdf.js ends a line. */
function pageText(items: ReadonlyArray<object>): string {
  let text = ''
  for (const item of items) {
    if (!('str' in item)) continue // marked-content boundaries
    const run = item as { str: string; hasEOL: boolean }
    text += run.str
    if (run.hasEOL) text += '\n'
  }
  return text.trim()
}

class TimedOut extends Error {}

export async function readPdfText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']> | undefined
  let timer: NodeJS.Timeout | undefined
  let timedOut = false
  // Checked between pages too: a timer only fires when pdf.js yields to the event loop.
  const checkTime = () => {
    if (timedOut) throw new TimedOut()
  }
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true
      reject(new TimedOut())
    }, timeoutMs)
    timer.unref()
  })
  late.catch(() => {}) // raced below; never left unhandled when reading ends first
  try {
    const { getDocument } = await Promise.race([pdfjs(), late])
    const dir = pdfjsDir()
    const task = getDocument({
      data: new Uint8Array(bytes), // a copy: pdf.js takes ownership of (detaches) the buffer it is given
      cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
      useSystemFonts: false,
      isEvalSupported: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    })
    // Destroying the task (not only the document) also stops a document that is still loading.
    void late.catch(() => task.destroy())
    doc = await Promise.race([task.promise, late])
    const pages: string[] = []
    const readCount = Math.min(doc.numPages, maxPages)
    for (let n = 1; n <= readCount; n++) {
      checkTime()
      const page = await Promise.race([doc.getPage(n), late])
      pages.push(pageText((await Promise.race([page.getTextContent(), late])).items))
      page.cleanup()
    }
    checkTime()
    return readCount < doc.numPages ? { ok: true, pages, leftOut: { from: readCount + 1, to: doc.numPages } } : { ok: true, pages }
  } catch (error) {
    if (error instanceof TimedOut) return { ok: false, reason: timeoutReason(timeoutMs) }
    return { ok: false, reason: reasonFor(error) }
  } finally {
    clearTimeout(timer)
    await doc?.destroy()
  }
}
