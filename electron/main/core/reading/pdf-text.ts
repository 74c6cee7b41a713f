// The text of each page of a PDF, read with pdf.js (pdfjs-dist's legacy build,
// the one for Node) in a worker thread, within a page and a time limit.
// Nothing is fetched: the document comes as bytes, the character maps Japanese
// fonts need and the standard fonts are read from pdfjs-dist's own folder,
// system fonts and eval are off. A PDF that cannot be read (encrypted with a
// password, damaged, too slow) gives the reason, never a throw.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { PDF_WORKER_SCRIPT } from './pdf-worker-script'

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
// In the packed app pdfjs-dist is kept beside app.asar (electron-builder.yml, asarUnpack): the worker
// imports pdf.js as an ES module and reads its character maps with plain Node, outside Electron's archive.
const outsideAsar = (dir: string) => dir.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked')
const pdfjsDir = () => outsideAsar(path.dirname(createRequire(import.meta.url.split('?')[0]).resolve('pdfjs-dist/package.json')))
// pdf.js is an ES module only: the worker loads it by its file's URL, so no resolution is needed there.
const pdfjsUrl = () => pathToFileURL(path.join(pdfjsDir(), 'legacy', 'build', 'pdf.mjs')).href

/**
 * The worker's heap: enough for a 50 MB PDF of many fonts and pictures; a
 * file that needs more ends the worker, not the app.
 */
const WORKER_HEAP_MB = 1024

function reasonFor(error: { name?: string; message?: string }): string {
  if (error.name === 'PasswordException') return 'the PDF is encrypted with a password, so its text cannot be read'
  if (error.name === 'InvalidPDFException') return 'the PDF is damaged or not a PDF, so its text cannot be read'
  return `the PDF could not be read (${String(error.message).slice(0, 200)})`
}

type WorkerResult = { ok: true; pages: string[]; pageCount: number } | { ok: false; name?: string; message: string }

function documentOptions(bytes: Uint8Array) {
  const dir = pdfjsDir()
  return {
    data: bytes,
    cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  }
}

/**
 * Reads in a worker thread: pdf.js parses on the thread that calls it (its
 * "fake worker" in Node), and a pathological PDF would hold the app's main
 * process, or the CLI, for as long as it likes. A worker leaves the event loop
 * free, and past the time limit it is terminated, not merely abandoned.
 * One worker a PDF: starting it and loading pdf.js afresh costs 0.2-0.4 s
 * (measured on a loaded 2-core machine; the thread alone 25-50 ms), which
 * PDFs, rare evidence, can afford; and no state outlives a hostile file.
 */
export function readPdfText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES
  const timeoutMs = options.timeoutMs ?? PDF_TIMEOUT_MS
  const data = new Uint8Array(bytes) // a copy, handed over to the worker (pdf.js takes ownership of the buffer it is given)
  return new Promise<PdfText>((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(PDF_WORKER_SCRIPT, {
        eval: true,
        workerData: { pdfjsUrl: pdfjsUrl(), documentOptions: documentOptions(data), maxPages },
        transferList: [data.buffer],
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      })
    } catch (error) {
      return resolve({ ok: false, reason: reasonFor(error as Error) }) // pdf.js not found, no thread to be had
    }
    let settled = false
    const settle = (result: PdfText) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => settle({ ok: false, reason: timeoutReason(timeoutMs) }), timeoutMs)
    timer.unref()
    worker.on('message', (result: WorkerResult) => {
      if (!result.ok) return settle({ ok: false, reason: reasonFor(result) })
      const { pages, pageCount } = result
      settle(pages.length < pageCount ? { ok: true, pages, leftOut: { from: pages.length + 1, to: pageCount } } : { ok: true, pages })
    })
    worker.on('error', (error) => settle({ ok: false, reason: reasonFor(error) }))
    worker.on('exit', (code) => settle({ ok: false, reason: `the PDF could not be read (its reader stopped with code ${code})` }))
  })
}
