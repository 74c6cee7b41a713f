// `npm run bench:ocr`: how well and how fast screenshots are read (#14).
// 32 Japanese screenshots with known text (bench/ocr-screens.ts: login,
// point, payment and card pages; light and dark; 1280×720 and 390×844),
// rendered by Chromium with Noto Sans JP. For the raw picture and each
// preprocessing step: the character error rate per picture after
// normalisation (whitespace ignored), whether every amount is read exactly,
// seconds per 1280×720 picture (one worker, started once; its start timed
// apart). Then 200 pictures added at once through the app's router and read
// in the background (bench/ocr-app.ts): how fast the requests a click makes
// are answered meanwhile, the time to read them all, the process's peak RSS.
// Targets: median CER ≤ 2 %, every amount exact, ≤ 1.5 s per 1280×720.
// OCR_BENCH_QUICK=1 runs fewer variants and 40 pictures instead of 200.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import os from 'node:os'
import { Worker } from 'node:worker_threads'
import { createTextRecogniser, DEFAULT_PREPROCESSING, type PreprocessingStep, type RecognisedText } from '../electron/main/core/reading/ocr'
import { median } from './measure'
import { intakeThroughApp } from './ocr-app'
import { ocrScreenSpecs, renderScreens, type RenderedScreen } from './ocr-screens'

const QUICK = process.env.OCR_BENCH_QUICK === '1'
const QUEUED = QUICK ? 40 : 200

const VARIANTS: { name: string; steps: PreprocessingStep[] }[] = [
  { name: 'raw', steps: [] },
  { name: 'invertDark', steps: ['invertDark'] },
  { name: 'scale2x', steps: ['scale2x'] },
  { name: 'binarise', steps: ['binarise'] },
  ...(QUICK ? [] : [{ name: 'invertDark+scale2x', steps: ['invertDark', 'scale2x'] as PreprocessingStep[] }]),
]

/** What is compared: NFKC, no whitespace (layout decides where Tesseract puts spaces and line breaks, not the reading). */
const comparable = (text: string) => text.normalize('NFKC').replace(/\s+/g, '')

/** Levenshtein distance over code points, two rows. */
function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[y.length]
}

export function characterErrorRate(expected: string, recognised: string): number {
  const truth = comparable(expected)
  return editDistance(truth, comparable(recognised)) / Math.max(1, [...truth].length)
}

interface Reading {
  screen: RenderedScreen
  result: RecognisedText
  seconds: number
  cer: number
  amountsExact: number
  missedAmounts: string[]
}

/** The recognised line that holds a missed amount's last three digits, to show how it was misread. */
function readAs(amount: string, text: string): string {
  const tail = amount.replace(/\D/g, '').slice(-3)
  const line = text.split('\n').find((l) => l.replace(/\D/g, '').includes(tail))
  return line ? `"${line.trim()}"` : 'nowhere'
}

const percent = (x: number) => `${(x * 100).toFixed(2)} %`
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function readAll(screens: RenderedScreen[], steps: PreprocessingStep[]): Promise<{ startMs: number; readings: Reading[] }> {
  const recogniser = createTextRecogniser({ preprocessing: steps })
  try {
    const started = performance.now()
    await recogniser.start()
    const startMs = performance.now() - started
    const readings: Reading[] = []
    for (const screen of screens) {
      const begin = performance.now()
      const result = await recogniser.recognise(screen.png)
      const seconds = (performance.now() - begin) / 1000
      const found = comparable(result.text)
      const missedAmounts = screen.amounts.filter((amount) => !found.includes(comparable(amount)))
      readings.push({ screen, result, seconds, cer: characterErrorRate(screen.text, result.text), amountsExact: screen.amounts.length - missedAmounts.length, missedAmounts })
    }
    return { startMs, readings }
  } finally {
    await recogniser.close()
  }
}

/**
 * The same event-loop measurement while a worker thread does nothing but
 * spin: what the machine itself (two cores, other processes) costs the main
 * thread, to tell apart from anything recognition does to it.
 */
async function spinningThreadControl(ms: number) {
  const delay = monitorEventLoopDelay({ resolution: 10 })
  const spinner = new Worker(`const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end) {}`, { eval: true })
  delay.enable()
  await new Promise((resolve) => spinner.once('exit', resolve))
  delay.disable()
  return { maxDelayMs: delay.max / 1e6, p99DelayMs: delay.percentile(99) / 1e6 }
}

async function main() {
  console.log(`OCR benchmark: tesseract.js, jpn+eng (4.0.0_best_int), ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} (other work on the machine slows every figure)`)
  const renderStart = performance.now()
  const screens = await renderScreens(ocrScreenSpecs(2))
  console.log(`${screens.length} screenshots rendered in ${secs(performance.now() - renderStart)}; ${screens.reduce((n, s) => n + s.amounts.length, 0)} amounts, ${screens.reduce((n, s) => n + [...comparable(s.text)].length, 0)} characters of known text\n`)

  const summary: string[][] = []
  for (const variant of VARIANTS) {
    const { startMs, readings } = await readAll(screens, variant.steps)
    console.log(`— ${variant.name}: worker start ${secs(startMs)}`)
    for (const r of readings) {
      console.log(`  ${r.screen.name.padEnd(24)} CER ${percent(r.cer).padStart(8)}  amounts ${r.amountsExact}/${r.screen.amounts.length}  ${r.seconds.toFixed(2)} s${r.missedAmounts.length ? `  missed: ${r.missedAmounts.map((amount) => `${amount} (read ${readAs(amount, r.result.text)})`).join(', ')}` : ''}${r.result.note ? `  note: ${r.result.note}` : ''}`)
    }
    const desktop = readings.filter((r) => r.screen.width === 1280).map((r) => r.seconds * 1000)
    const phone = readings.filter((r) => r.screen.width !== 1280).map((r) => r.seconds * 1000)
    const cers = readings.map((r) => r.cer)
    const darkCers = readings.filter((r) => r.screen.theme === 'dark').map((r) => r.cer)
    const lightCers = readings.filter((r) => r.screen.theme === 'light').map((r) => r.cer)
    const exact = readings.reduce((n, r) => n + r.amountsExact, 0)
    const total = readings.reduce((n, r) => n + r.screen.amounts.length, 0)
    summary.push([
      variant.name,
      percent(median(cers)),
      percent(Math.max(...cers)),
      `${percent(median(lightCers))} / ${percent(median(darkCers))}`,
      `${exact}/${total}`,
      secs(median(desktop)),
      secs(Math.max(...desktop)),
      secs(median(phone)),
      secs(startMs),
    ])
  }
  const head = ['variant', 'median CER', 'worst CER', 'median CER light / dark', 'amounts exact', 's per 1280×720 (median)', '(max)', 's per 390×844 (median)', 'worker start']
  console.log(`\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`)
  for (const row of summary) console.log(`| ${row.join(' | ')} |`)

  const app = await intakeThroughApp(screens, QUEUED)
  console.log(
    `\n${QUEUED} screenshots added at once through the app's router (preprocessing: ${DEFAULT_PREPROCESSING.join('+') || 'none'}): each add answered in ${app.addMedianMs.toFixed(0)} ms (median); all read in the background in ${secs(app.ms)} (${secs(app.ms / QUEUED)} each), ${app.read} read, ${app.waiting} waiting at the end; ` +
      `meanwhile ${app.answers} requests a click makes (timeline, reading status, search) answered in ${app.answerMedianMs.toFixed(1)} ms median, p99 ${app.answerP99Ms.toFixed(1)} ms, max ${app.answerMaxMs.toFixed(1)} ms, ${app.over100} over 100 ms; peak RSS of the process ${(app.peakRss / 2 ** 20).toFixed(0)} MB; load average ${os.loadavg()[0].toFixed(1)}`,
  )
  const control = await spinningThreadControl(Math.min(app.ms, 60_000))
  console.log(`control, a worker thread that only spins for ${secs(Math.min(app.ms, 60_000))}: main-thread event-loop delay max ${control.maxDelayMs.toFixed(1)} ms (p99 ${control.p99DelayMs.toFixed(1)} ms); load average ${os.loadavg()[0].toFixed(1)}`)
}

void main()
