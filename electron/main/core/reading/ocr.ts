// Text in pictures (issue #14, "evidence that reads itself"): a screenshot of
// a login history or a point statement becomes searchable text. Tesseract
// (tesseract.js 7, WebAssembly) runs in a worker thread, so the main process
// stays responsive; the Japanese and English models come from the npm
// packages @tesseract.js-data/jpn and /eng, so nothing is downloaded and, with
// caching off, nothing is written: no traineddata copy, no image in a temp
// folder. The case data stays inside the encrypted file.
//
// One worker, started on the first picture and kept: starting it (loading
// ~20 MB of models) costs about as much as reading one screenshot. Pictures
// queue and are read one at a time: Tesseract uses one core per worker, and
// a second worker would double the memory for little gain on a 2-core laptop
// that is also running the app.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Worker as ThreadWorker } from 'node:worker_threads'
import { createWorker, OEM, type Worker } from 'tesseract.js'
import { checkPicture } from '../../../../shared/image-size'
import { binarised, decodePngGrey, encodePgm, inverted, isMostlyDark, scaledTwice, type GreyImage } from './ocr-pixels'

export const OCR_LANGUAGES = 'jpn+eng'

export interface RecognisedText {
  source: 'ocr'
  engine: 'tesseract.js'
  engineVersion: string
  languages: typeof OCR_LANGUAGES
  /** Normalised (normaliseRecognisedText); empty when nothing legible was found. */
  text: string
  /** Why the text is empty or partial, in plain English; absent when recognition went normally. */
  note?: string
  /**
   * Recognition did not run to its end (the engine did not start, the picture
   * timed out, the worker died, the recogniser was closed): nothing should be
   * stored, so the picture is tried again next time.
   */
  unfinished?: true
}

/**
 * Optional steps before recognition, measured by bench/ocr.ts against the
 * raw picture. `invertDark`: a dark-theme screenshot is turned into dark text
 * on light; `scale2x`: twice the size, for small text; `binarise`: black and
 * white at Otsu's threshold. Only 8-bit PNGs are processed.
 */
export type PreprocessingStep = 'invertDark' | 'scale2x' | 'binarise'

/**
 * None, by measurement (bench/ocr.ts, 32 screenshots, 171 amounts): raw
 * pictures gave median CER 0.13 %, worst 8.7 %, 169/171 amounts exact.
 * Inverting dark themes lost amounts (165/171; Tesseract already reads
 * light-on-dark), binarising lost many (143/171), and 2× scaling, alone or
 * after inversion, took the median CER to 0 % but the worst to 13-15 % and
 * amounts to 168/171, on a picture four times the size: no clear gain.
 */
export const DEFAULT_PREPROCESSING: readonly PreprocessingStep[] = []

export interface RecogniserOptions {
  preprocessing?: readonly PreprocessingStep[]
  /** A picture that takes longer is given up (the worker is restarted for the next one). */
  timeoutMs?: number
}

export interface TextRecogniser {
  /** Starts the worker now (it otherwise starts with the first picture); rejects if it cannot start. */
  start(): Promise<void>
  /** Never throws: a picture that cannot be read gives empty text and a note. */
  recognise(picture: Uint8Array): Promise<RecognisedText>
  /**
   * Ends the worker for good: pictures still queued, and any given later, come back unfinished with a
   * note (a reading still under way when its case closed must not start a worker nobody will stop).
   */
  close(): Promise<void>
}

/**
 * Below this mean word confidence (0-100) the "text" is what Tesseract makes
 * of noise or a blank page, and is dropped rather than indexed (measured:
 * the benchmark's screenshots score ~85-93, a picture of random noise ~15;
 * photos with a little text in them are not measured yet).
 */
const MIN_CONFIDENCE = 50
/** Below this many pixels a side no character fits (Tesseract needs ~8 px of x-height). */
const MIN_SIDE = 8
const DEFAULT_TIMEOUT_MS = 120_000
/** Starting takes about a second; a start that hangs (a model that will not load) is given up. */
const START_TIMEOUT_MS = 60_000
/** Ending a worker that does not answer is not waited for longer than this. */
const STOP_TIMEOUT_MS = 5_000

/** `work`, or `fallback` once `ms` have passed; the timer never keeps the process alive. */
function within<T>(work: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms)
    timer.unref()
  })
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

const gunzip = promisify(zlib.gunzip)

// From the plain module URL: the CLI's tsx loader tags URLs with ?tsx-namespace=… (see dossier/fonts.ts).
const requireHere = createRequire(import.meta.url.split('?')[0])

export const TESSERACT_VERSION: string = (JSON.parse(fs.readFileSync(requireHere.resolve('tesseract.js/package.json'), 'utf8')) as { version: string }).version

/** The npm package's directory of LSTM-only ("best_int") models for `language`. */
function modelDirectory(language: 'jpn' | 'eng'): string {
  return path.join(path.dirname(requireHere.resolve(`@tesseract.js-data/${language}/package.json`)), '4.0.0_best_int')
}

/**
 * Starts a worker with both models from the local packages. tesseract.js
 * reads every language from one `langPath`, and the two packages are two
 * directories, so Japanese is loaded through langPath (a plain path: read
 * with fs, never fetched) and English is written into the worker's in-memory
 * file system before the worker is initialised with both. `cacheMethod:
 * 'none'` stops tesseract.js from saving an unpacked copy of each model in
 * the working directory, which it does by default.
 */
async function startWorker(onFailure: (message: string) => void): Promise<Worker> {
  // tesseract.js swallows a model that fails to load and never settles: a missing file is found here first.
  for (const language of ['jpn', 'eng'] as const) await fs.promises.access(path.join(modelDirectory(language), `${language}.traineddata.gz`), fs.constants.R_OK)
  const loaded = ['jpn']
  const worker = await createWorker(loaded, OEM.LSTM_ONLY, {
    langPath: modelDirectory('jpn'),
    cacheMethod: 'none',
    gzip: true,
    // Without a handler tesseract.js throws a failed job's message from its
    // message listener: an uncaught exception that would end the process.
    errorHandler: (message: unknown) => onFailure(String(message)),
  })
  try {
    // Read and unpacked asynchronously: ~4 MB of gzip is tens of milliseconds the main thread need not be blocked for.
    const english = await gunzip(await fs.promises.readFile(path.join(modelDirectory('eng'), 'eng.traineddata.gz')))
    await worker.FS('writeFile', ['eng.traineddata', english])
    // createWorker keeps the array it was given as its list of loaded
    // languages; saying English is loaded makes reinitialize use the copy
    // written above instead of looking for it beside the Japanese model.
    loaded.push('eng')
    await worker.reinitialize(OCR_LANGUAGES, OEM.LSTM_ONLY)
  } catch (error) {
    await worker.terminate()
    throw error
  }
  return worker
}

const JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆〇・、。「」『』（）【】〜'
/** A counter or unit written straight after a number in Japanese: `2026年`, `3回`, `12,000円`. */
const UNITS = '年月日時分秒円回件個枚点名人歳代週号階番位台本冊万千億'
const SPACE_BETWEEN_JAPANESE = new RegExp(`(?<=[${JAPANESE}])[ \\t\\u3000]+(?=[${JAPANESE}])`, 'gu')
const SPACE_BEFORE_UNIT = new RegExp(`(?<=\\d)[ \\t]+(?=[${UNITS}])`, 'gu')
/** `3,500 ポイント`, but not a date or time column before `ポイント付与` (`2026/08/10 ポイント付与`). */
const SPACE_BEFORE_POINTS = /(?<=(?:^|[^\d/:.,-])\d+(?:[.,]{1,2}\d{3})*)[ \t]+(?=ポイント)/gmu
/** `2026年 10月`: a date's parts run together in Japanese. */
const SPACE_IN_DATE = /(?<=\d[年月])[ \t]+(?=\d)/gu
/**
 * `10.000円`, `3.500ポイント`, `¥12.000`: in an amount of yen or points a
 * dot before exactly three digits is a misread comma (yen and points have no
 * decimals). Only rewritten next to a currency or point unit, so version
 * numbers, IP addresses (`203.0.113.45`) and dates are left alone.
 */
const AMOUNT_BEFORE_UNIT = /(?<![\d.,])\d{1,3}(?:[.,]{1,2}\d{3})+(?=\s*(?:円|ポイント|pt\b|P\b|point))/gu
const AMOUNT_AFTER_YEN = /(?<=[¥￥]\s*)\d{1,3}(?:[.,]{1,2}\d{3})+(?![\d.,])/gu
/** A group separator read as `.`, or as `,.` (seen: `39,.991ポイント`). */
const groupWithCommas = (amount: string) => amount.replace(/[.,]{1,2}(?=\d{3})/g, ',')
/**
 * `17,000 ボイント`, `29.000 ボポイント`: after a number, Tesseract reads
 * ポ (with its small circle) as ボ, sometimes as both. No Japanese word is
 * spelled ボイント, so after digits it can only be ポイント.
 */
const POINTS_MISREAD = /(?<=\d\s*)[ボポ]{1,2}イント/gu

/**
 * Tesseract's output made fit for reading and for trigram search: NFKC
 * (full-width digits and letters become ASCII, half-width katakana
 * full-width), spaces between Japanese characters removed (Tesseract puts
 * one between most: `ログ イン 履歴`) while spaces between Latin words stay,
 * digit groups in amounts read as `10.000円` restored to `10,000円`, `ボイント`
 * after a number read as the `ポイント` it must be, and
 * trailing spaces and runs of blank lines dropped.
 */
export function normaliseRecognisedText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(SPACE_BETWEEN_JAPANESE, '')
    // After the spaces go: Tesseract writes the misread word spaced out too (`ボ ポ イン ト`).
    .replace(POINTS_MISREAD, 'ポイント')
    .replace(SPACE_BEFORE_UNIT, '')
    .replace(SPACE_BEFORE_POINTS, '')
    .replace(SPACE_IN_DATE, '')
    .replace(AMOUNT_BEFORE_UNIT, groupWithCommas)
    .replace(AMOUNT_AFTER_YEN, groupWithCommas)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The bytes Tesseract is given: the picture itself, or its processed grey levels as PGM. */
export function preprocess(picture: Uint8Array, steps: readonly PreprocessingStep[]): Uint8Array {
  if (!steps.length) return picture
  let image: GreyImage | undefined
  try {
    image = decodePngGrey(picture)
  } catch {
    image = undefined // a damaged PNG: Tesseract gets it as it is and says what it can
  }
  if (!image) return picture
  if (steps.includes('invertDark') && isMostlyDark(image)) image = inverted(image)
  if (steps.includes('scale2x')) image = scaledTwice(image)
  if (steps.includes('binarise')) image = binarised(image)
  return encodePgm(image)
}

interface RecognizeData {
  text: string
  confidence: number
}

export function createTextRecogniser(options: RecogniserOptions = {}): TextRecogniser {
  const steps = options.preprocessing ?? DEFAULT_PREPROCESSING
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let worker: Promise<Worker> | undefined
  /** Settles the job in flight when the worker thread dies or reports an error outside a job. */
  let abandon: ((reason: string) => void) | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  const result = (text: string, note?: string): RecognisedText => ({
    source: 'ocr',
    engine: 'tesseract.js',
    engineVersion: TESSERACT_VERSION,
    languages: OCR_LANGUAGES,
    text,
    ...(note ? { note } : {}),
  })
  const unfinished = (note: string): RecognisedText => ({ ...result('', note), unfinished: true })

  async function stopWorker(): Promise<void> {
    const running = worker
    worker = undefined
    if (running) await within(running.then((w) => w.terminate()).catch(() => undefined), STOP_TIMEOUT_MS, () => undefined)
  }

  function ensureWorker(): Promise<Worker> {
    if (worker) return worker
    const starting: Promise<Worker> = startWorker((message) => abandon?.(message)).then((started) => {
      // tesseract.js leaves a crashed thread's jobs pending forever; hearing of it here settles them,
      // and the next picture starts a new worker instead of waiting on a dead one.
      const thread = (started as unknown as { worker: ThreadWorker }).worker
      thread.on('error', (error) => abandon?.(`the recognition worker failed (${error.message})`))
      thread.on('exit', () => {
        if (worker === starting) worker = undefined
        abandon?.('the recognition worker stopped')
      })
      return started
    })
    starting.catch(() => {
      if (worker === starting) worker = undefined // a failed start is tried again with the next picture
    })
    worker = starting
    return starting
  }

  async function readOne(picture: Uint8Array): Promise<RecognisedText> {
    if (closed) return unfinished('not read: the recogniser was closed')
    const check = checkPicture(picture)
    if (!check.ok) {
      return result('', check.problem === 'tooLarge' ? `not read: the picture is too large (${check.size.width} × ${check.size.height} pixels)` : 'not read: not a PNG, JPEG, GIF or WebP picture')
    }
    if (check.size.width < MIN_SIDE || check.size.height < MIN_SIDE) return result('', `no text: the picture is only ${check.size.width} × ${check.size.height} pixels`)
    let running: Worker
    try {
      const started = await within<Worker | undefined>(ensureWorker(), START_TIMEOUT_MS, () => undefined)
      if (!started) {
        await stopWorker()
        return unfinished(`not read: the recognition engine did not start within ${START_TIMEOUT_MS / 1000} s`)
      }
      // Closed while the engine started: that worker is being stopped, and a job sent to it would fail inside tesseract.js.
      if (closed) return unfinished('not read: the recogniser was closed')
      running = started
    } catch (error) {
      return unfinished(`not read: the recognition engine did not start (${error instanceof Error ? error.message : String(error)})`)
    }
    let input: Uint8Array
    try {
      input = preprocess(picture, steps)
    } catch {
      input = picture
    }
    let timer: NodeJS.Timeout | undefined
    const givenUp = new Promise<string>((resolve) => {
      abandon = resolve
      timer = setTimeout(() => resolve(`the picture took longer than ${Math.round(timeoutMs / 1000)} s`), timeoutMs)
    })
    try {
      const outcome = await Promise.race([
        running.recognize(Buffer.from(input.buffer, input.byteOffset, input.byteLength)).then(
          ({ data }) => data as RecognizeData,
          (error: unknown) => String(error instanceof Error ? error.message : error),
        ),
        givenUp,
      ])
      if (typeof outcome === 'string') {
        const said = `not read: ${outcome.replace(/^Error:\s*/, '')}`
        if (!/worker|longer than|closed/.test(outcome)) return result('', said) // the picture itself could not be read
        await stopWorker() // a stuck or dead worker is replaced for the next picture
        return unfinished(said)
      }
      const text = normaliseRecognisedText(outcome.text)
      if (!text) return result('', 'no text found in the picture')
      if (outcome.confidence < MIN_CONFIDENCE) return result('', `no legible text (recognition confidence ${Math.round(outcome.confidence)}%)`)
      return result(text)
    } finally {
      clearTimeout(timer)
      abandon = undefined
    }
  }

  return {
    async start() {
      if (closed) throw new Error('the recogniser was closed')
      await ensureWorker()
    },
    recognise(picture) {
      const job = queue.then(() => readOne(picture))
      queue = job.catch(() => undefined)
      return job.catch((error: unknown) => unfinished(`not read: ${error instanceof Error ? error.message : String(error)}`))
    },
    async close() {
      closed = true
      abandon?.('the recogniser was closed')
      await stopWorker()
    },
  }
}
