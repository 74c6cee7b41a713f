// The text of each page of a PDF, read with pdf.js (pdfjs-dist's legacy build,
// the one for Node). Nothing is fetched: the document comes as bytes, the
// character maps Japanese fonts need and the standard fonts are read from
// pdfjs-dist's own folder, system fonts and eval are off. A PDF that cannot
// be read (encrypted with a password, damaged) gives the reason, never a throw.
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

export const PDF_ENGINE = { engine: 'pdfjs-dist', engineVersion: '5.6.205' } as const

export type PdfText = { ok: true; pages: string[] } | { ok: false; reason: string }

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

export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']> | undefined
  try {
    const { getDocument } = await pdfjs()
    const dir = pdfjsDir()
    doc = await getDocument({
      data: new Uint8Array(bytes), // a copy: pdf.js takes ownership of (detaches) the buffer it is given
      cMapUrl: `${path.join(dir, 'cmaps')}${path.sep}`,
      cMapPacked: true,
      standardFontDataUrl: `${path.join(dir, 'standard_fonts')}${path.sep}`,
      useSystemFonts: false,
      isEvalSupported: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      pages.push(pageText((await page.getTextContent()).items))
      page.cleanup()
    }
    return { ok: true, pages }
  } catch (error) {
    return { ok: false, reason: reasonFor(error) }
  } finally {
    await doc?.destroy()
  }
}
