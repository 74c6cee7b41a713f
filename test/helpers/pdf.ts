// Reading a PDF back as a recipient's tools would (Debian's poppler-utils:
// pdftotext, pdffonts, pdfinfo, pdfimages, pdftoppm).
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 })

export const pdfText = (file: string) => run('pdftotext', ['-enc', 'UTF-8', file, '-'])

/** Text with all white space removed: wrapped lines join up again. */
export const squeeze = (text: string) => text.replace(/\s+/g, '')

export function pdfFonts(file: string): Array<{ name: string; embedded: boolean; subset: boolean }> {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/)
      // name … emb sub uni object ID: count from the end, the type column has spaces.
      return { name: cols[0], embedded: cols.at(-5) === 'yes', subset: cols.at(-4) === 'yes' }
    })
}

export const pdfPages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1])

/** Images drawn, as pdfimages -list reports them (one per placement). */
export function pdfImages(file: string): Array<{ page: number; width: number; height: number; encoding: string }> {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => ({ page: Number(cols[0]), width: Number(cols[3]), height: Number(cols[4]), encoding: cols[8] }))
}

/** Renders pages to test-results/dossier/NAME-N.png for a person to look at. */
export function renderPages(file: string, name: string, resolution = 60): string[] {
  const dir = path.resolve(__dirname, '../../test-results/dossier')
  fs.mkdirSync(dir, { recursive: true })
  for (const old of fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-`))) fs.rmSync(path.join(dir, old))
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), file, path.join(dir, name)])
  return fs.readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
}
