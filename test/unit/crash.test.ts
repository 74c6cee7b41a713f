// A process crash at any moment must leave a case file that opens, passes
// verify(), and holds every transaction the writer saw committed — whole.
// The writer (crash-writer.ts) runs in a child process that is SIGKILLed at
// random moments; the file is reopened and checked after every kill.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { expect, it } from 'vitest'
import { createCaseFile, openCaseFile } from '../../electron/main/core'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const ROOT = path.resolve(__dirname, '../..')
const WRITER = path.join(__dirname, 'crash-writer.ts')
const KILLS = 25

interface Outcome {
  /** The last "committed <n>" line read before the child died (0 if none). */
  lastCommitted: number
  signal: NodeJS.Signals | null
  stderr: string
}

/** Runs the writer and kills it `delayMs` after it reports ready. */
function runAndKill(file: string, run: number, delayMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    // cwd is the project root so that `--import tsx` resolves the project's tsx (as bin/kiroku.mjs does).
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, PASSPHRASE, String(run)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let lastCommitted = 0
    let stderr = ''
    let pending = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop()! // a line cut short by the kill does not count
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), delayMs)
        const match = /^committed (\d+)$/.exec(line)
        if (match) lastCommitted = Number(match[1])
      }
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (_code, signal) => resolve({ lastCommitted, signal, stderr }))
  })
}

/** Markers found in the file, as run -> { n -> which halves ("a", "b") of the transaction are there }. */
function markersByRun(titles: string[]): Map<number, Map<number, string[]>> {
  const runs = new Map<number, Map<number, string[]>>()
  for (const title of titles) {
    const match = /^crash r(\d+) #(\d+) ([ab])$/.exec(title)
    if (!match) continue
    const [, run, n, half] = match
    const byN = runs.get(Number(run)) ?? new Map<number, string[]>()
    runs.set(Number(run), byN)
    byN.set(Number(n), [...(byN.get(Number(n)) ?? []), half].sort())
  }
  return runs
}

it(`survives ${KILLS} SIGKILLs of a writer with every reported commit intact`, async () => {
  const file = path.join(tempDir(), 'crash.kiroku')
  await createCaseFile(file, PASSPHRASE, { title: 'crash test', kind: 'other', status: 'open', summary: '', victim: {} })
  const reported = new Map<number, number>()
  let totalCommitted = 0

  for (let run = 1; run <= KILLS; run++) {
    const delayMs = 50 + Math.floor(Math.random() * 350)
    const outcome = await runAndKill(file, run, delayMs)
    const context = `run ${run}, killed ${delayMs} ms after ready\n${outcome.stderr}`
    // Anything but our SIGKILL means the writer failed on its own.
    expect(outcome.signal, context).toBe('SIGKILL')
    reported.set(run, outcome.lastCommitted)
    totalCommitted += outcome.lastCommitted

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const report = caseFile.verify()
      expect(report.problems, context).toEqual([])
      expect(report.ok).toBe(true)

      const found = markersByRun(caseFile.events.list({ order: 'creation' }).map((e) => e.title))
      for (const [r, last] of reported) {
        const byN = found.get(r) ?? new Map<number, string[]>()
        const ns = [...byN.keys()].sort((x, y) => x - y)
        // Transactions run one after another, so what survived is exactly 1..m,
        // with m at least the last one reported (the kill may fall between commit and print).
        expect(ns, `${context}\nrun ${r}`).toEqual(ns.map((_, i) => i + 1))
        expect(ns.length, `${context}\nrun ${r}`).toBeGreaterThanOrEqual(last)
        // No transaction landed in part.
        for (const [n, halves] of byN) expect(halves, `${context}\nrun ${r} #${n}`).toEqual(['a', 'b'])
      }
    } finally {
      caseFile.close()
    }
  }
  // Guard against a test that passes because the writer never got going.
  expect(totalCommitted).toBeGreaterThan(KILLS)
}, 120_000)
