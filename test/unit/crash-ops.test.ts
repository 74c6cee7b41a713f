// SIGKILL in the middle of the operations that write whole files or large
// blobs: import, intake of a ~40 MB piece of evidence, passphrase change,
// share and bundle export. After every kill:
// - the case file opens (with exactly one of the two passphrases after a
//   killed passphrase change, never neither) and passes verify();
// - an output name either does not exist or holds a complete, verifiable
//   output: never a half-written file under the real name. A hidden
//   `.NAME.<random>.partial` temp may remain (counted in the table); the
//   sweep the next start runs (sweepPendingWrites) must remove every one.
// The kill delay is random, measured from the moment the child starts the
// operation (not from Node's startup), over the operation's measured duration.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, importJsonFile, openCaseFile, sweepPendingWrites, verifyBundle, type CaseFile } from '../../electron/main/core'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE } from '../helpers/temp'

const ROOT = path.resolve(__dirname, '../..')
const CHILD = path.join(__dirname, 'crash-ops-child.ts')
const TRIALS = 12
const OTHER_PASSPHRASE = 'the new passphrase 新しい'
const SHARE_PASSPHRASE = 'share passphrase for the lawyer'

interface ChildRun {
  /** The child printed "done" before it was killed. */
  finished: boolean
  durationMs?: number
  lines: string[]
  signal: NodeJS.Signals | null
  code: number | null
  stderr: string
}

function runChild(args: string[], killAfterMs: number | undefined): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KIROKU_PENDING_WRITES: pendingWrites },
    })
    const lines: string[] = []
    let finished = false
    let durationMs: number | undefined
    let pending = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      pending += chunk
      const complete = pending.split('\n')
      pending = complete.pop()!
      for (const line of complete) {
        lines.push(line)
        if (line === 'ready' && killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        const done = /^done (\d+)$/.exec(line)
        if (done) {
          finished = true
          durationMs = Number(done[1])
        }
      }
    })
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ finished, durationMs, lines, signal, code, stderr }))
  })
}

/** Hidden temporaries beside `target`, with their SQLite side files. */
function partialsBeside(target: string): string[] {
  const prefix = `.${path.basename(target)}.`
  return fs.readdirSync(path.dirname(target)).filter((name) => name.startsWith(prefix) && /\.partial(-wal|-shm|-journal)?$/.test(name))
}

/** Counts the temporaries a kill left beside `target`, then runs the next start's sweep, which must remove them all. */
function sweepPartials(target: string): { left: number; notSwept: string[] } {
  const left = partialsBeside(target).filter((name) => name.endsWith('.partial')).length
  sweepPendingWrites(pendingWrites)
  return { left, notSwept: partialsBeside(target) }
}

function verified(file: string, passphrase: string): { ok: boolean; problems: string[]; caseFile: CaseFile } {
  const caseFile = openCaseFile(file, passphrase)
  const report = caseFile.verify()
  return { ok: report.ok, problems: report.problems, caseFile }
}

function tryOpen(file: string, passphrase: string): boolean {
  try {
    openCaseFile(file, passphrase).close()
    return true
  } catch {
    return false
  }
}

interface Operation {
  name: string
  /** Arguments of the child for the next trial. */
  args(): string[]
  /** Checks the files after the child ended (killed or not); returns the failures found. */
  check(run: ChildRun): string[] | Promise<string[]>
  /** Output whose temporaries are counted. */
  output: string
}

interface Row {
  operation: string
  trials: number
  killedMidOperation: number
  failures: number
  leftoverPartials: number
}
const table: Row[] = []

let root: string
/** The children's journal of pending writes (the app's is in its data folder). */
let pendingWrites: string
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-crash-ops-'))
  pendingWrites = path.join(root, 'pending-writes')
})
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true })
  if (table.length) {
    console.log(
      ['| operation | trials | killed mid-operation | failures | .partial temps left, then swept |', '|---|---|---|---|---|']
        .concat(table.map((r) => `| ${r.operation} | ${r.trials} | ${r.killedMidOperation} | ${r.failures} | ${r.leftoverPartials} |`))
        .join('\n'),
    )
  }
})

async function exercise(operation: Operation): Promise<void> {
  // Two runs without a kill measure how long the operation takes here. The shorter counts: a first run
  // that paid for cold caches made most kills land after the end (2 of 12 inside, in one CI run).
  let measured = Infinity
  for (let run = 0; run < 2; run++) {
    const calibration = await runChild(operation.args(), undefined)
    expect(calibration.finished, calibration.stderr).toBe(true)
    expect(await operation.check(calibration)).toEqual([])
    expect(sweepPartials(operation.output)).toEqual({ left: 0, notSwept: [] })
    measured = Math.min(measured, calibration.durationMs ?? 0)
  }
  const duration = Math.max(measured, 20)

  const row: Row = { operation: operation.name, trials: 0, killedMidOperation: 0, failures: 0, leftoverPartials: 0 }
  const failures: string[] = []
  for (let trial = 1; trial <= TRIALS; trial++) {
    const delay = Math.floor(Math.random() * duration * 1.1)
    const run = await runChild(operation.args(), delay)
    const context = `${operation.name} trial ${trial}, killed ${delay} ms into a ~${duration} ms operation`
    // Anything but our SIGKILL (or a normal end when the operation won the race) is a failure of its own.
    if (!(run.signal === 'SIGKILL' || (run.finished && run.code === 0))) failures.push(`${context}: child ended on its own\n${run.stderr}`)
    row.trials++
    if (!run.finished) row.killedMidOperation++
    let found: string[]
    try {
      found = await operation.check(run)
    } catch (error) {
      found = [`${(error as Error).message}`]
    }
    const { left, notSwept } = sweepPartials(operation.output)
    row.leftoverPartials += left
    if (notSwept.length) found.push(`the sweep left ${notSwept.join(', ')}`)
    if (found.length) row.failures++
    failures.push(...found.map((f) => `${context}: ${f}`))
  }
  table.push(row)
  expect(failures).toEqual([])
  // Guard against a test that passes because no kill ever landed inside the operation.
  expect(row.killedMidOperation).toBeGreaterThanOrEqual(TRIALS / 4)
}

describe('SIGKILL during whole-file operations', () => {
  it(`import-json: the target is absent or complete (${TRIALS} kills)`, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'import-'))
    const target = path.join(dir, 'imported.kiroku')
    let expectedEvents: number | undefined
    await exercise({
      name: 'import-json',
      output: target,
      args: () => ['import', target, PASSPHRASE, STORY_JSON],
      check: () => {
        if (!fs.existsSync(target)) return []
        const { ok, problems, caseFile } = verified(target, PASSPHRASE)
        try {
          const events = caseFile.events.list().length
          expectedEvents ??= events
          const found = ok ? [] : problems
          if (events !== expectedEvents || events === 0) found.push(`the imported file has ${events} events, not ${expectedEvents}`)
          return found
        } finally {
          caseFile.close()
          fs.rmSync(target)
        }
      },
    })
  }, 180_000)

  it(`evidence intake of a ~40 MB file: the evidence is there whole or not at all (${TRIALS} kills)`, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'evidence-'))
    const file = path.join(dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: 'large evidence', kind: 'other', status: 'open', summary: '', victim: {} })
    const source = path.join(dir, 'large.png')
    fs.writeFileSync(source, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(40 * 1024 * 1024)]))
    const size = fs.statSync(source).size + 16
    await exercise({
      name: 'evidence intake (40 MB)',
      output: file,
      args: () => ['evidence', file, PASSPHRASE, source],
      check: (run) => {
        const sha = run.lines.find((l) => l.startsWith('sha '))?.slice(4)
        const { ok, problems, caseFile } = verified(file, PASSPHRASE)
        try {
          const found = ok ? [] : [...problems]
          const evidence = caseFile.evidence.list()
          if (evidence.length > 1) found.push(`${evidence.length} pieces of evidence, expected 0 or 1`)
          for (const e of evidence) {
            if (e.sha256 !== sha || e.size !== size) found.push(`evidence ${e.id} is not the bytes that were added`)
            caseFile.evidence.delete(e.id) // keep the file small for the next trial
          }
          if (run.finished && evidence.length !== 1) found.push('the intake reported done but the evidence is missing')
          return found
        } finally {
          caseFile.close()
        }
      },
    })
  }, 300_000)

  it(`passphrase change: the file opens with exactly one of the two passphrases (${TRIALS} kills)`, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'passwd-'))
    const file = path.join(dir, 'case.kiroku')
    await importJsonFile(file, PASSPHRASE, STORY_JSON)
    let current = PASSPHRASE
    const other = () => (current === PASSPHRASE ? OTHER_PASSPHRASE : PASSPHRASE)
    await exercise({
      name: 'passphrase change',
      output: file,
      args: () => ['passwd', file, current, other()],
      check: (run) => {
        const opensWith = [PASSPHRASE, OTHER_PASSPHRASE].filter((p) => tryOpen(file, p))
        if (opensWith.length !== 1) return [`the file opens with ${opensWith.length} of the two passphrases`]
        if (run.finished && opensWith[0] === current) return ['passwd reported done but the old passphrase still opens the file']
        current = opensWith[0]
        const { ok, problems, caseFile } = verified(file, current)
        caseFile.close()
        return ok ? [] : problems
      },
    })
  }, 180_000)

  /** A source case with enough evidence that a copy takes a while to write. */
  async function richCase(dir: string): Promise<string> {
    const file = path.join(dir, 'case.kiroku')
    await importJsonFile(file, PASSPHRASE, STORY_JSON)
    const caseFile = openCaseFile(file, PASSPHRASE)
    for (let i = 0; i < 3; i++) {
      caseFile.evidence.add({ bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(4 * 1024 * 1024)]), fileName: `big-${i}.png` })
    }
    caseFile.close()
    return file
  }

  it(`share export: the copy is absent or complete, the source untouched (${TRIALS} kills)`, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'share-'))
    const file = await richCase(dir)
    const head = (() => {
      const caseFile = openCaseFile(file, PASSPHRASE)
      try {
        return caseFile.auditHead()
      } finally {
        caseFile.close()
      }
    })()
    const target = path.join(dir, 'copy.kiroku')
    await exercise({
      name: 'share export',
      output: target,
      args: () => ['share', file, PASSPHRASE, target, SHARE_PASSPHRASE],
      check: (run) => {
        const found: string[] = []
        const source = verified(file, PASSPHRASE)
        if (!source.ok) found.push(...source.problems)
        if (JSON.stringify(source.caseFile.auditHead()) !== JSON.stringify(head)) found.push('the source case changed')
        source.caseFile.close()
        if (fs.existsSync(target)) {
          const copy = verified(target, SHARE_PASSPHRASE)
          if (!copy.ok) found.push(...copy.problems.map((p) => `copy: ${p}`))
          copy.caseFile.close()
          fs.rmSync(target)
        } else if (run.finished) {
          found.push('share reported done but the copy is missing')
        }
        return found
      },
    })
  }, 180_000)

  it(`bundle export: the ZIP is absent or verifies (${TRIALS} kills)`, async () => {
    const dir = fs.mkdtempSync(path.join(root, 'bundle-'))
    const file = await richCase(dir)
    const target = path.join(dir, 'bundle.zip')
    await exercise({
      name: 'bundle export',
      output: target,
      args: () => ['bundle', file, PASSPHRASE, target],
      check: async (run) => {
        const found: string[] = []
        if (fs.existsSync(target)) {
          const report = await verifyBundle(target)
          if (!report.ok) found.push(`the bundle under its real name does not verify: ${JSON.stringify(report)}`)
          fs.rmSync(target)
        } else if (run.finished) {
          found.push('bundle reported done but the ZIP is missing')
        }
        const source = verified(file, PASSPHRASE)
        if (!source.ok) found.push(...source.problems)
        source.caseFile.close()
        return found
      },
    })
  }, 180_000)
})
