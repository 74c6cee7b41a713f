// PDFs that test the reader's limits: many pages, or one page whose content
// stream takes pdf.js seconds of CPU to turn into text.
import { PDFDocument, StandardFonts } from 'pdf-lib'

/** `count` pages, each with its own number as text ("Page 1", "Page 2", …). */
export async function numberedPagesPdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let n = 1; n <= count; n++) doc.addPage([200, 100]).drawText(`Page ${n}`, { x: 10, y: 50, size: 12, font })
  return doc.save()
}

/**
 * One page drawing `runs` short strings, written by hand (pdf-lib would take
 * as long to build it as pdf.js to read it). The cross-reference offsets are
 * exact, so pdf.js reads it as is.
 */
export function heavyPdf(runs: number): Uint8Array {
  const content = `BT /F1 10 Tf 10 10 Td ${'(word) Tj 1 0 Td '.repeat(runs)}ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new TextEncoder().encode(pdf)
}
