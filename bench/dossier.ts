// `npm run bench:dossier`: the PDF dossier of a case of 200 events and 50
// screenshots (1920×1080 PNG), made by Kiroku (pdf-lib) and, in the same run,
// by Chromium's page.pdf() from the same content as HTML (what most Electron
// apps do). Target: Kiroku faster and its PDF not larger. A case of 500
// events and 100 screenshots shows that peak memory stays bounded.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import { importJsonFile, openCaseFile } from '../electron/main/core'
import { localMoment } from '../shared/dates'
import { labelsFor } from '../electron/main/core/dossier/labels'
import { buildSections } from '../electron/main/core/dossier/sections'
import { selectData } from '../electron/main/core/dossier/select'
import { browserLaunchOptions } from '../test/e2e/harness/browser'
import { dossierHtml } from './dossier-html'
import { writeFixture } from './fixtures'
import { median } from './measure'
import { screenshotPng } from './screenshot'

const PASSPHRASE = 'bench-パスフレーズ-2018'
const RUNS = 3

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
/** page.pdf() takes px, in, cm or mm; the PDF's margins are in points. */
const inches = (pt: number) => `${(pt / 72).toFixed(4)}in`
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function makeCase(dir: string, events: number, evidence: number): Promise<string> {
  const fixture = writeFixture(path.join(dir, `doc-${events}`), { events, evidence, png: (rng) => screenshotPng(rng) })
  const file = path.join(dir, `case-${events}.kiroku`)
  await importJsonFile(file, PASSPHRASE, fixture.jsonPath)
  return file
}

interface WorkerResult {
  ms: number
  pages: number
  bytes: number
  peakRss: number
  baseRss: number
}

/** Kiroku's dossier in a fresh process (so maxRSS is the dossier's own). */
function kiroku(file: string, out: string): WorkerResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'dossier-worker.ts'), file, PASSPHRASE, out, 'ja'], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (run.status !== 0) throw new Error(`dossier worker failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!)
}

/** Sum of the resident memory of a process and all its descendants (Linux /proc). */
function treeRss(root: number): number {
  const children = new Map<number, number[]>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      total += Number(kb ?? 0) * 1024
    } catch {
      // ended
    }
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-bench-dossier-'))
  // Playwright gives the browser a fresh profile folder of its own.
  // The browser the tests drive (an installed one, else the npm Chromium): test/e2e/harness/browser.ts.
  const server = await chromium.launchServer(await browserLaunchOptions())
  const browser = await chromium.connect(server.wsEndpoint())
  try {
    let start = performance.now()
    const file = await makeCase(dir, 200, 50)
    console.log(`Generated and imported 200 events + 50 screenshots (1920×1080 PNG) in ${sec(performance.now() - start)} (${dir})`)

    // Chromium: the same blocks as HTML with the images as data URLs, then page.pdf().
    const page = await browser.newPage()
    const chromiumOnce = async (out: string) => {
      const t0 = performance.now()
      const caseFile = openCaseFile(file, PASSPHRASE)
      const htmlFile = path.join(dir, 'dossier.html')
      try {
        const data = selectData(caseFile)
        const L = labelsFor('ja')
        const blocks = buildSections({ data, L, dates: { lang: 'ja', era: 'western' }, audience: 'police', redacted: false, madeAt: localMoment(new Date()), imageProblems: new Map() })
        const mime = new Map(data.evidence.map((e) => [e.id, e.mimeType]))
        fs.writeFileSync(htmlFile, dossierHtml(blocks, (id) => `data:${mime.get(id)};base64,${caseFile.evidence.bytes(id).toString('base64')}`))
      } finally {
        caseFile.close()
      }
      await page.goto(`file://${htmlFile}`, { waitUntil: 'load' })
      const pdf = await page.pdf({
        path: out,
        format: 'A4',
        margin: { top: inches(62), bottom: inches(56), left: inches(46), right: inches(46) },
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-size:7.5pt;width:100%;margin:0 46pt;color:#6b6b6b"><span class="title"></span></div>`,
        footerTemplate: `<div style="font-size:7.5pt;width:100%;text-align:center;color:#6b6b6b"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
      })
      return { ms: performance.now() - t0, bytes: pdf.byteLength }
    }

    // Warm-ups, untimed: the first call of each pays for loading code (and Chromium for its first page).
    kiroku(file, path.join(dir, 'warm.pdf'))
    await chromiumOnce(path.join(dir, 'warm-chromium.pdf'))

    const k: WorkerResult[] = []
    const c: Array<{ ms: number; bytes: number; peakRss: number }> = []
    const browserPid = server.process().pid!
    for (let i = 0; i < RUNS; i++) {
      k.push(kiroku(file, path.join(dir, 'kiroku.pdf')))
      let peak = treeRss(browserPid)
      const sampler = setInterval(() => (peak = Math.max(peak, treeRss(browserPid))), 50)
      const result = await chromiumOnce(path.join(dir, 'chromium.pdf'))
      clearInterval(sampler)
      c.push({ ...result, peakRss: Math.max(peak, treeRss(browserPid)) })
    }
    const chromiumPages = (fs.readFileSync(path.join(dir, 'chromium.pdf'), 'latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length

    start = performance.now()
    const large = await makeCase(dir, 500, 100)
    console.log(`Generated and imported 500 events + 100 screenshots in ${sec(performance.now() - start)}`)
    const big = kiroku(large, path.join(dir, 'kiroku-500.pdf'))

    const kMs = median(k.map((r) => r.ms))
    const cMs = median(c.map((r) => r.ms))
    const kBytes = k.at(-1)!.bytes
    const cBytes = c.at(-1)!.bytes
    const rows = [
      ['measure', 'Kiroku (pdf-lib)', 'Chromium page.pdf()', 'Kiroku/Chromium'],
      ['time (median of 3)', sec(kMs), sec(cMs), `${(kMs / cMs).toFixed(2)}×`],
      ['PDF size', mb(kBytes), mb(cBytes), `${(kBytes / cBytes).toFixed(2)}×`],
      ['pages', String(k.at(-1)!.pages), String(chromiumPages), ''],
      ['peak memory', mb(Math.max(...k.map((r) => r.peakRss))), mb(Math.max(...c.map((r) => r.peakRss))), ''],
    ]
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
    console.log()
    for (const [i, r] of rows.entries()) {
      console.log(r.map((s, j) => (j === 0 ? s.padEnd(widths[j]) : s.padStart(widths[j]))).join('  '))
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
    }
    console.log(
      '\nKiroku: peak RSS of its own process (maxRSS), from opening the case to the saved PDF;' +
        '\nChromium: RSS of the browser and all its processes, sampled every 50 ms, plus nothing of the Node side.' +
        '\nChromium times include building the HTML (reading and base64-encoding the evidence), loading and printing it.',
    )
    console.log(
      `\n500 events + 100 screenshots: ${sec(big.ms)}, ${big.pages} pages, ${mb(big.bytes)}, peak memory ${mb(big.peakRss)} (process at start ${mb(big.baseRss)})`,
    )
    const faster = kMs < cMs
    const smaller = kBytes <= cBytes
    console.log(`\nTarget (faster than Chromium and not larger): ${faster && smaller ? 'met' : `NOT met (${[!faster && 'slower', !smaller && 'larger'].filter(Boolean).join(', ')})`}.`)
  } finally {
    await browser.close()
    await server.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
