// `npm run bench`: what SQLCipher encryption costs a large case. The same
// generated document is imported into an encrypted case file and into an
// unencrypted twin (same schema and settings), then both answer the same
// queries, interleaved. Target: encrypted queries under 1.5× the plain ones.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importJsonFile, openCaseFile, type CaseFile } from '../electron/main/core'
import { writeFixture } from './fixtures'
import { median, medianPair, timeAsync, timeOnce } from './measure'
import { importJsonFilePlain, openPlainCaseFile } from './plain'

const EVENTS = 10_000
const EVIDENCE = 200
const PASSPHRASE = 'bench-パスフレーズ-2018'
const IMPORT_RUNS = 3
const QUERY_RUNS = 9
const SEARCH_RUNS = 15
const TARGET_RATIO = 1.5

interface Row {
  label: string
  unit: 'ms' | 'MB'
  enc: number
  plain: number
  /** Query rows are held to the target ratio; the others are for information. */
  query?: boolean
  note?: string
}

const mb = (bytes: number) => bytes / 1024 / 1024
const fileMb = (file: string) => mb(fs.statSync(file).size)
/** Range of a few timings: import times depend on fsync, so show how much they moved. */
const spread = (ms: number[]) => `${Math.round(Math.min(...ms))}–${Math.round(Math.max(...ms))}`

/** Terminal columns: CJK and full-width characters take two. */
const displayWidth = (s: string) =>
  [...s].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0)
const pad = (s: string, width: number, left: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)))
  return left ? s + fill : fill + s
}

function printTable(rows: Row[]): void {
  const cells = rows.map((r) => {
    const ratio = r.enc / r.plain
    const digits = r.unit === 'MB' ? 1 : r.enc < 10 ? 2 : 0
    return [
      r.label,
      `${r.enc.toFixed(digits)} ${r.unit}`,
      `${r.plain.toFixed(digits)} ${r.unit}`,
      `${ratio.toFixed(2)}×`,
      r.query ? (ratio < TARGET_RATIO ? 'ok' : 'OVER') : '',
      r.note ?? '',
    ]
  })
  const head = ['measure', 'encrypted', 'unencrypted', 'enc/plain', `<${TARGET_RATIO}×`, 'note']
  const widths = head.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]))))
  const line = (c: string[]) => c.map((s, i) => pad(s, widths[i], i === 0 || i === 5)).join('  ').trimEnd()
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const c of cells) console.log(line(c))
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-bench-'))
  try {
    const generated = timeOnce(() => writeFixture(path.join(dir, 'doc'), { events: EVENTS, evidence: EVIDENCE }))
    const fixture = generated.result
    console.log(
      `Generated ${EVENTS} events and ${EVIDENCE} PNGs (${mb(fixture.evidenceBytes).toFixed(1)} MB) in ${(generated.ms / 1000).toFixed(1)} s (${dir})`,
    )

    // A small import first, so neither measured import pays for JIT warm-up.
    const warm = writeFixture(path.join(dir, 'warm'), { events: 300, evidence: 5, seed: 1 })
    await importJsonFile(path.join(dir, 'warm.kiroku'), PASSPHRASE, warm.jsonPath)
    await importJsonFilePlain(path.join(dir, 'warm.sqlite'), warm.jsonPath)

    const encFile = path.join(dir, 'case.kiroku')
    const plainFile = path.join(dir, 'case.sqlite')
    // Three imports each, alternating; the last pair is kept for the queries.
    const imports: [number[], number[]] = [[], []]
    for (let i = 0; i < IMPORT_RUNS; i++) {
      for (const f of [encFile, plainFile]) fs.rmSync(f, { force: true })
      imports[0].push(await timeAsync(() => importJsonFile(encFile, PASSPHRASE, fixture.jsonPath)))
      imports[1].push(await timeAsync(() => importJsonFilePlain(plainFile, fixture.jsonPath)))
    }

    // Opening: the encrypted side includes key derivation (PBKDF2, by design slow).
    const opens: [number[], number[]] = [[], []]
    for (let i = 0; i < 3; i++) {
      const e = timeOnce(() => openCaseFile(encFile, PASSPHRASE))
      const p = timeOnce(() => openPlainCaseFile(plainFile))
      opens[0].push(e.ms)
      opens[1].push(p.ms)
      e.result.close()
      p.result.close()
    }

    const enc = openCaseFile(encFile, PASSPHRASE)
    const plain = openPlainCaseFile(plainFile)
    try {
      const count = enc.events.list().length
      if (count !== EVENTS || plain.events.list().length !== EVENTS) throw new Error(`expected ${EVENTS} events, got ${count}`)
      const rows: Row[] = [
        { label: 'import JSON + evidence', unit: 'ms', enc: median(imports[0]), plain: median(imports[1]), note: `validate, write, fsync; median of ${IMPORT_RUNS} (enc ${spread(imports[0])}, plain ${spread(imports[1])})` },
        { label: 'open', unit: 'ms', enc: median(opens[0]), plain: median(opens[1]), note: 'encrypted: key derivation (PBKDF2), slow by design' },
      ]
      // This build's page cache (16 MB) holds every event page after one run,
      // so the medians below are warm-cache figures: the app's steady state.
      // A fresh connection's first query decrypts every page it touches.
      const openEnc = () => openCaseFile(encFile, PASSPHRASE)
      const cold = (query: (c: CaseFile) => unknown): [number, number] => {
        const t: [number[], number[]] = [[], []]
        for (let i = 0; i < 3; i++) {
          ;[openEnc, () => openPlainCaseFile(plainFile)].forEach((open, side) => {
            const c = open()
            t[side].push(timeOnce(() => query(c)).ms)
            c.close()
          })
        }
        return [median(t[0]), median(t[1])]
      }
      const [coldListEnc, coldListPlain] = cold((c) => c.events.list())
      rows.push({ label: 'timeline, first after open', unit: 'ms', enc: coldListEnc, plain: coldListPlain, query: true, note: 'empty SQLite cache (OS cache warm); median of 3' })
      const [coldSearchEnc, coldSearchPlain] = cold((c) => c.search('受付番号'))
      rows.push({ label: 'search "受付番号", first after open', unit: 'ms', enc: coldSearchEnc, plain: coldSearchPlain, query: true, note: 'empty SQLite cache (OS cache warm); median of 3' })

      const [listEnc, listPlain] = medianPair(QUERY_RUNS, () => enc.events.list(), () => plain.events.list())
      rows.push({ label: `timeline (events.list(), ${EVENTS} rows)`, unit: 'ms', enc: listEnc, plain: listPlain, query: true, note: `warm cache; median of ${QUERY_RUNS}` })

      const searches: Array<[string, string]> = [
        ['受付番号', 'trigram, common'],
        ['ポイント', 'trigram, common'],
        [fixture.rareTerm, 'trigram, rare'],
        ['電話', '2 chars: LIKE, common'],
        ['札幌', '2 chars: LIKE, rare (full scan)'],
      ]
      for (const [term, kind] of searches) {
        const hits = enc.search(term).length
        if (plain.search(term).length !== hits) throw new Error(`search "${term}" differs between the two files`)
        const [s, p] = medianPair(SEARCH_RUNS, () => enc.search(term), () => plain.search(term))
        rows.push({ label: `search "${term}"`, unit: 'ms', enc: s, plain: p, query: true, note: `warm; ${kind}, ${hits} hits (max 200); median of ${SEARCH_RUNS}` })
      }

      const readAll = (c: CaseFile) => c.evidence.list().reduce((n, e) => n + c.evidence.bytes(e.id).length, 0)
      const [readEnc, readPlain] = medianPair(5, () => readAll(enc), () => readAll(plain))
      // Not a query: bulk decryption of every blob page, shown for information.
      const blobMb = mb(readAll(enc))
      rows.push({ label: `read all ${EVIDENCE} evidence blobs`, unit: 'ms', enc: readEnc, plain: readPlain, note: `${blobMb.toFixed(1)} MB, ${(readEnc / EVIDENCE).toFixed(2)} ms/image encrypted; median of 5` })

      enc.close()
      plain.close()
      rows.push({ label: 'file size (after checkpoint)', unit: 'MB', enc: fileMb(encFile), plain: fileMb(plainFile) })
      console.log()
      printTable(rows)
      const over = rows.filter((r) => r.query && r.enc / r.plain >= TARGET_RATIO)
      console.log(
        over.length
          ? `\n${over.length} query figure(s) at or over ${TARGET_RATIO}× (reported, not failed).`
          : `\nEvery query figure is under ${TARGET_RATIO}× the unencrypted one.`,
      )
    } finally {
      enc.close()
      plain.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
