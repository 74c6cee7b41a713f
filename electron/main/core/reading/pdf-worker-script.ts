// The code of the worker thread that reads a PDF's text (see pdf-text.ts). A
// string run with `eval: true`, not a file: the same code then runs from the
// TypeScript sources (tests, the CLI under tsx) and from the bundled app,
// with no worker file to place or to find. It is plain JavaScript, CommonJS
// with a dynamic import, because nothing compiles it.
//
// workerData: { pdfjsUrl, documentOptions (getDocument's, the bytes in `data`), maxPages }.
// Posts one message: { ok: true, pages, pageCount } or { ok: false, name, message }.
export const PDF_WORKER_SCRIPT = String.raw`
const { parentPort, workerData } = require('node:worker_threads')

// One page's text: runs joined as drawn, a line break where pdf.js ends a line.
function pageText(items) {
  let text = ''
  for (const item of items) {
    if (!('str' in item)) continue // marked-content boundaries
    text += item.str
    if (item.hasEOL) text += '\n'
  }
  return text.trim()
}

async function read({ pdfjsUrl, documentOptions, maxPages }) {
  const { getDocument } = await import(pdfjsUrl)
  const doc = await getDocument(documentOptions).promise
  try {
    const pages = []
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
      const page = await doc.getPage(n)
      pages.push(pageText((await page.getTextContent()).items))
      page.cleanup()
    }
    return { ok: true, pages, pageCount: doc.numPages }
  } finally {
    await doc.destroy()
  }
}

read(workerData).then(
  (result) => parentPort.postMessage(result),
  (error) => parentPort.postMessage({ ok: false, name: error && error.name, message: String((error && error.message) || error) }),
)
`
