// Reading a PDF back as a recipient would, with no system tool (see
// pdf-reader.ts: pdf.js and pdf-lib's parser). The calls are synchronous, as
// the poppler commands they replace were: pdf.js is asynchronous, so it runs
// in a worker thread and each call waits for its answer.
import path from 'node:path'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'
import type * as Reader from './pdf-reader'

let worker: Worker | undefined

function call<K extends keyof typeof Reader>(fn: K, ...args: Parameters<(typeof Reader)[K]>): Awaited<ReturnType<(typeof Reader)[K]>> {
  if (!worker) {
    worker = new Worker(path.join(__dirname, 'pdf-worker.cjs'))
    worker.unref() // never keeps a test process alive
  }
  const signal = new Int32Array(new SharedArrayBuffer(4))
  const { port1, port2 } = new MessageChannel()
  worker.postMessage({ signal, port: port2, fn, args }, [port2])
  const waited = Atomics.wait(signal, 0, 0, 5 * 60_000)
  const answer = receiveMessageOnPort(port1)?.message as { value?: unknown; error?: string } | undefined
  port1.close()
  if (!answer) throw new Error(`The PDF reader gave no answer to ${fn} (${waited})`)
  if (answer.error !== undefined) throw new Error(`${fn}(${args.map((a) => JSON.stringify(a)).join(', ')}): ${answer.error}`)
  return answer.value as Awaited<ReturnType<(typeof Reader)[K]>>
}

/** The text of each page, in drawing order; Japanese without spaces between its characters. */
export const pdfPageTexts = (file: string): string[] => call('pdfPageTexts', file)

/** The whole text, pages separated by a form feed (as pdftotext writes them). */
export const pdfText = (file: string): string => call('pdfText', file)

/** Text with all white space removed: wrapped lines join up again. */
export const squeeze = (text: string) => text.replace(/\s+/g, '')

export const pdfPages = (file: string): number => call('pdfPages', file)

/** Every font text is drawn with: name (with a subset's six-letter tag), whether the PDF holds it, whether it is a subset. */
export const pdfFonts = (file: string): Array<{ name: string; embedded: boolean; subset: boolean }> => call('pdfFonts', file)

/** Pictures drawn, one per placement (as pdfimages -list reports them): page, size in pixels, `jpeg` or `image` (lossless). */
export const pdfImages = (file: string): Array<{ page: number; width: number; height: number; encoding: string }> => call('pdfImages', file)

/** One page drawn by pdf.js at `resolution` pixels per inch, as PNG or JPEG bytes. */
export const renderPage = (file: string, page: number, options: { resolution?: number; format?: 'png' | 'jpeg' } = {}): Buffer =>
  Buffer.from(call('renderPage', file, page, options))

/** Renders every page to test-results/dossier/NAME-N.png for a person to look at; returns the file names. */
export const renderPages = (file: string, name: string, resolution = 60): string[] => call('renderPages', file, name, resolution)
