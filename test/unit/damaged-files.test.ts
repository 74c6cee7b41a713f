// A damaged case file must get a message that says what happened and what
// to do (restore a backup): through the CLI and through the app's router.
// Never an empty new case, never a stack trace, and the damaged file is
// left exactly as it was (it may still be rescued by hand).
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile } from '../../electron/main/core'
import { main } from '../../electron/cli/main'
import { createRouter, type Handlers } from '../../electron/main/ipc/router'
import { APP_PAGE, testRouter } from '../helpers/ipc'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'

const PAGE = 4096
const BIN = path.resolve(__dirname, '../../bin/kiroku.mjs')

/** The real `kiroku` command, asynchronously, so that the cases can run side by side. */
function kiroku(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, KIROKU_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** Each damage: a name, what it does to the good bytes, and the reasons it may be reported as. */
type Damage = [name: string, damage: (good: Buffer) => Buffer, reasons: string[]]

const flip = (good: Buffer, pages: number[]) => {
  const bytes = Buffer.from(good)
  for (const page of pages) bytes[page * PAGE + 1000 + (page % 7) * 100] ^= 0x10
  return bytes
}

const REAL_PROCESS = new Set(['zero bytes', 'bit flip in page 1', 'bit flips in several pages', 'a PNG renamed .kiroku'])

/** The CLI's main() with its output captured: the same code as the command, without starting Node. */
async function kirokuInProcess(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const saved = process.env.KIROKU_PASSPHRASE
  process.env.KIROKU_PASSPHRASE = PASSPHRASE
  try {
    const status = await main(args, (line) => out.push(line), (line) => err.push(line))
    return { status, stdout: out.join('\n'), stderr: err.join('\n') }
  } finally {
    if (saved === undefined) delete process.env.KIROKU_PASSPHRASE
    else process.env.KIROKU_PASSPHRASE = saved
  }
}

const DAMAGES: Damage[] = [
  ['zero bytes', () => Buffer.alloc(0), ['empty_file']],
  ['random bytes (64 KB)', () => crypto.randomBytes(16 * PAGE), ['wrong_passphrase_or_damaged']],
  ['random bytes (not whole pages)', () => crypto.randomBytes(5000), ['truncated']],
  ['truncated to 100 bytes', (g) => g.subarray(0, 100), ['truncated']],
  ['truncated to one page', (g) => g.subarray(0, PAGE), ['corrupt', 'wrong_passphrase_or_damaged']],
  ['truncated mid-file, inside a page', (g) => g.subarray(0, Math.floor(g.length / 2) + 123), ['truncated']],
  ['truncated mid-file, at a page boundary', (g) => g.subarray(0, Math.floor(g.length / PAGE / 2) * PAGE), ['corrupt']],
  ['last page missing', (g) => g.subarray(0, g.length - PAGE), ['corrupt']],
  ['bit flip in page 1', (g) => flip(g, [0]), ['wrong_passphrase_or_damaged']],
  ['bit flip in page 2', (g) => flip(g, [1]), ['corrupt']],
  ['bit flip in a middle page', (g) => flip(g, [Math.floor(g.length / PAGE / 2)]), ['corrupt']],
  ['bit flip in the last page', (g) => flip(g, [g.length / PAGE - 1]), ['corrupt']],
  ['bit flips in several pages', (g) => flip(g, [2, 5, 9, g.length / PAGE - 2]), ['corrupt']],
  ['a PNG renamed .kiroku', () => TINY_PNG, ['not_a_case_file']],
  ['a PNG of whole pages renamed .kiroku', () => Buffer.concat([TINY_PNG, Buffer.alloc(3 * PAGE - TINY_PNG.length)]), ['not_a_case_file']],
  ['a page of zeros', () => Buffer.alloc(2 * PAGE), ['wrong_passphrase_or_damaged']],
]

let good: Buffer

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-damaged-'))
  const dir = tempDir()
  const file = path.join(dir, 'story.kiroku')
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  good = fs.readFileSync(file)
  // Enough pages that "middle" and "several" mean different pages.
  expect(good.length / PAGE).toBeGreaterThan(16)
})

// One folder for the file: the helper's folders are removed after each test, which concurrent tests must not share.
let root: string
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

function damagedFile(damage: (good: Buffer) => Buffer): { dir: string; file: string; bytes: Buffer } {
  const dir = fs.mkdtempSync(path.join(root, 'case-'))
  const file = path.join(dir, 'case.kiroku')
  const bytes = damage(good)
  fs.writeFileSync(file, bytes)
  return { dir, file, bytes }
}

/** The file is exactly as damaged as before, and nothing new (no empty case, no -wal) was left beside it. */
function expectUntouched(dir: string, file: string, bytes: Buffer, context: string) {
  expect(fs.readFileSync(file).equals(bytes), context).toBe(true)
  expect(fs.readdirSync(dir).filter((name) => name.startsWith('case.kiroku')), context).toEqual(['case.kiroku'])
}

function expectHelpfulMessage(message: string, context: string) {
  // What happened …
  expect(message, context).toMatch(/empty|incomplete|damaged|not a Kiroku case file|Wrong passphrase/)
  // … and what to do.
  expect(message, context).toMatch(/[Rr]estore it from a backup/)
  // Never a stack trace or an internal error.
  expect(message, context).not.toMatch(/^\s+at /m)
  expect(message, context).not.toMatch(/unexpected error|SqliteError|SQLITE_|malformed/)
}

describe('damaged case files', () => {
  for (const [name, damage, reasons] of DAMAGES) {
    it(`${name}: the CLI's list and verify say what happened and what to do`, async () => {
      const { dir, file, bytes } = damagedFile(damage)
      for (const command of ['list', 'verify']) {
        const context = `${name}, kiroku ${command}`
        // The real process for a few damages (what a user sees on the terminal), in-process for the rest (fast).
        const result = REAL_PROCESS.has(name) ? await kiroku([command, file]) : await kirokuInProcess([command, file])
        expect(result.status, `${context}\n${result.stderr}`).toBe(2)
        expect(result.stdout, context).toBe('')
        expectHelpfulMessage(result.stderr, context)
        expectUntouched(dir, file, bytes, context)
      }
    })

    it(`${name}: the app's case:open refuses it with a reason and opens nothing`, async () => {
      const { dir, file, bytes } = damagedFile(damage)
      const router = testRouter(path.join(dir, 'app'))
      await router.choose('open', file)
      const result = await router.call('case:open', { path: file, passphrase: PASSPHRASE })
      expect(result.ok, name).toBe(false)
      if (!result.ok) {
        expect(result.error.code, name).toBe('cannot_open')
        expect(reasons, `${name}: ${result.error.reason}`).toContain(result.error.reason)
        expectHelpfulMessage(result.error.message, name)
      }
      // Nothing is open afterwards, and the failure was not an internal error.
      expect(await router.call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
      expect(router.logged).toEqual([])
      expectUntouched(dir, file, bytes, name)
    })
  }

  it('a page found damaged after open (damaged while open): the router answers with what to do, not "internal"', async () => {
    const malformed = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' })
    const logged: string[] = []
    const handlers = new Proxy({}, { get: () => () => { throw malformed } }) as Handlers
    const dispatch = createRouter(handlers, () => true, (m) => logged.push(m))
    const result = await dispatch('events:list', undefined, APP_PAGE)
    expect(result).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'corrupt' } })
    if (!result.ok) expectHelpfulMessage(result.error.message, 'damaged while open')
  })

})
