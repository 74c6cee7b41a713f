// Reading a PDF back as a recipient's viewer would, with no system tool:
// pdf.js (pdfjs-dist, the reader inside Firefox) for the text, the fonts, the
// page count and the rendered pages; pdf-lib's parser for which pictures each
// page draws and how they are stored. Neither is the code that wrote the PDF
// (pdf-lib's writer with HarfBuzz subsets), so a glyph without a Unicode
// mapping, a font left out or a picture not drawn shows here.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib'
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

const pdfjsDir = path.dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
// pdf.js is an ES module; loaded on first use (this file also runs as CommonJS in pdf-worker.cjs).
const pdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs')

/**
 * `substitutes`: whether pdf.js may draw a font the PDF does not embed with
 * one of its own (for rendering); without them such a font is `missingFile`.
 */
async function open(file: string, { substitutes = true } = {}): Promise<PDFDocumentProxy> {
  const { getDocument } = await pdfjs()
  return getDocument({
    data: new Uint8Array(fs.readFileSync(file)),
    standardFontDataUrl: substitutes ? `${path.join(pdfjsDir, 'standard_fonts')}${path.sep}` : undefined,
    useSystemFonts: false,
    cMapUrl: `${path.join(pdfjsDir, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    fontExtraProperties: true, // keeps each font's name (with its subset tag)
    isEvalSupported: false,
    verbosity: 0,
  }).promise
}

async function withPdf<T>(file: string, read: (doc: PDFDocumentProxy) => Promise<T>, options?: { substitutes?: boolean }): Promise<T> {
  const doc = await open(file, options)
  try {
    return await read(doc)
  } finally {
    await doc.destroy()
  }
}

/**
 * The text of each page, in the order it is drawn: a line break where the
 * text moves to a new line, a space where a gap separates two runs on one
 * line (as between a label and its value), nothing added inside a run, so
 * Japanese comes out without spaces between its characters. Characters come
 * from the fonts' ToUnicode maps as they are (no Unicode normalisation:
 * full-width digits stay full-width).
 */
export const pdfPageTexts = (file: string): Promise<string[]> =>
  withPdf(file, async (doc) => {
    const pages: string[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent({ disableNormalization: true })
      let text = ''
      for (const item of content.items) {
        if (!('str' in item)) continue // marked-content boundaries
        text += item.str
        if (item.hasEOL) text += '\n'
      }
      pages.push(text.endsWith('\n') || text === '' ? text : `${text}\n`)
      page.cleanup()
    }
    return pages
  })

/** The whole text, pages separated by a form feed (as pdftotext writes them). */
export const pdfText = async (file: string): Promise<string> => (await pdfPageTexts(file)).map((page) => `${page}\f`).join('')

export const pdfPages = (file: string): Promise<number> => withPdf(file, async (doc) => doc.numPages)

/**
 * Every font a page draws text with, once per font object: its name (with the
 * six-letter tag a subset carries), whether the PDF holds the font program
 * (else a reader substitutes one of its own), and whether it is a subset.
 */
export const pdfFonts = (file: string): Promise<Array<{ name: string; embedded: boolean; subset: boolean }>> =>
  withPdf(file, async (doc) => {
    const { OPS } = await pdfjs()
    const fonts = new Map<string, { name: string; embedded: boolean; subset: boolean }>()
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const ops = await page.getOperatorList()
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return
        const id = ops.argsArray[i][0] as string
        if (fonts.has(id)) return
        const font = page.commonObjs.get(id) as { name?: string; missingFile?: boolean }
        const name = font.name ?? ''
        fonts.set(id, { name, embedded: font.missingFile === false, subset: /^[A-Z]{6}\+/.test(name) })
      })
      page.cleanup()
    }
    return [...fonts.values()]
  }, { substitutes: false })

/** How a picture is stored, in the words of poppler's pdfimages: `jpeg` for DCT, `image` for lossless (Flate) and others. */
function encodingOf(filter: unknown): string {
  const last = filter instanceof PDFArray ? filter.get(filter.size() - 1) : filter
  const name = last instanceof PDFName ? last.asString() : ''
  return { '/DCTDecode': 'jpeg', '/JPXDecode': 'jp2', '/JBIG2Decode': 'jbig2', '/CCITTFaxDecode': 'ccitt' }[name] ?? 'image'
}

/**
 * The operators of a content stream with their operands, enough to find
 * `/Name Do`: strings, hex strings, comments and inline images are skipped
 * so nothing inside them is taken for an operator.
 */
function* operators(content: string): Generator<{ op: string; operands: string[] }> {
  const delimiter = /[\s()<>[\]{}/%]/
  let operands: string[] = []
  let i = 0
  while (i < content.length) {
    const c = content[i]
    if (/\s/.test(c)) i++
    else if (c === '%') while (i < content.length && content[i] !== '\n' && content[i] !== '\r') i++
    else if (c === '(') {
      let depth = 0
      for (; i < content.length; i++) {
        if (content[i] === '\\') i++
        else if (content[i] === '(') depth++
        else if (content[i] === ')' && --depth === 0) break
      }
      i++
      operands.push('(string)')
    } else if (c === '<' && content[i + 1] !== '<') {
      i = content.indexOf('>', i) + 1 || content.length
      operands.push('<hex>')
    } else if ('<>[]{}'.includes(c)) i += c === '<' || c === '>' ? 2 : 1
    else {
      let end = i + 1
      while (end < content.length && !delimiter.test(content[end])) end++
      const token = content.slice(i, end)
      i = end
      if (c === '/' || /^[+-]?(\d|\.\d)/.test(token) || token === 'true' || token === 'false' || token === 'null') operands.push(token)
      else {
        yield { op: token, operands }
        operands = []
        if (token === 'BI') {
          // An inline image: its binary data runs from ID to EI.
          const data = content.slice(i).search(/\sEI(\s|$)/)
          i = data < 0 ? content.length : i + data + 3
        }
      }
    }
  }
}

function contentOf(contents: unknown): string {
  const streams = contents instanceof PDFArray ? Array.from({ length: contents.size() }, (_, i) => contents.lookup(i)) : [contents]
  return streams
    .filter((s): s is PDFStream => s instanceof PDFStream)
    .map((s) => Buffer.from(s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents()).toString('latin1'))
    .join('\n')
}

/** Pictures drawn, one per placement (as pdfimages -list reports them), with their size in pixels and how they are stored. */
export async function pdfImages(file: string): Promise<Array<{ page: number; width: number; height: number; encoding: string }>> {
  const doc = await PDFDocument.load(fs.readFileSync(file), { updateMetadata: false })
  const images: Array<{ page: number; width: number; height: number; encoding: string }> = []
  const walk = (page: number, content: string, resources: PDFDict | undefined, depth: number) => {
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict)
    for (const { op, operands } of operators(content)) {
      const name = operands.at(-1)
      if (op !== 'Do' || !name?.startsWith('/') || !xobjects) continue
      const object = xobjects.lookupMaybe(PDFName.of(name.slice(1)), PDFStream)
      if (!object) continue
      const subtype = object.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.asString()
      if (subtype === '/Image') {
        const size = (key: string) => object.dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber() ?? 0
        images.push({ page, width: size('Width'), height: size('Height'), encoding: encodingOf(object.dict.lookup(PDFName.of('Filter'))) })
      } else if (subtype === '/Form' && depth < 16) {
        walk(page, contentOf(object), object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, depth + 1)
      }
    }
  }
  doc.getPages().forEach((page, index) => walk(index + 1, contentOf(page.node.Contents()), page.node.Resources(), 0))
  return images
}

/** One page drawn by pdf.js at `resolution` pixels per inch, as PNG or JPEG bytes. */
export const renderPage = (file: string, page: number, { resolution = 60, format = 'png' }: { resolution?: number; format?: 'png' | 'jpeg' } = {}): Promise<Buffer> =>
  withPdf(file, async (doc) => draw(doc, page, resolution, format))

async function draw(doc: PDFDocumentProxy, number: number, resolution: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const page = await doc.getPage(number)
  const viewport = page.getViewport({ scale: resolution / 72 })
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height))
  const context = canvas.getContext('2d')
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, canvas.width, canvas.height)
  await page.render({ canvas: null, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise
  page.cleanup()
  return format === 'png' ? canvas.toBuffer('image/png') : canvas.toBuffer('image/jpeg', 80)
}

/** Renders pages to test-results/dossier/NAME-N.png for a person to look at. */
export async function renderPages(file: string, name: string, resolution = 60): Promise<string[]> {
  const dir = path.resolve(__dirname, '../../test-results/dossier')
  fs.mkdirSync(dir, { recursive: true })
  for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-`))) fs.rmSync(path.join(dir, old))
  return withPdf(file, async (doc) => {
    const written: string[] = []
    const digits = String(doc.numPages).length // pdftoppm's names: NAME-1.png, or NAME-01.png from 10 pages on
    for (let n = 1; n <= doc.numPages; n++) {
      const png = `${name}-${String(n).padStart(digits, '0')}.png`
      fs.writeFileSync(path.join(dir, png), await draw(doc, n, resolution, 'png'))
      written.push(png)
    }
    return written
  })
}
