// The journal of pending writes: what a crashed writer left is swept at the
// next start, and nothing else ever is. (Kills during real exports are in
// crash-ops.test.ts; this file checks the journal's own rules.)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { PendingWrites, TEMPORARY_NAME } from '../../electron/main/core/fs/pending-writes'
import { keepPendingWritesIn, sweepPendingWrites, temporarySibling, writeAtomically } from '../../electron/main/core/fs/atomic'
import { kiroku } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

let dir: string
let journal: string
beforeEach(() => {
  dir = tempDir()
  journal = path.join(dir, 'journal')
})

/** A process id that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
  return Number(child.stdout)
}

function recordFor(tmp: string, pid: number, startedAt = Date.now()): void {
  fs.mkdirSync(journal, { recursive: true })
  fs.writeFileSync(path.join(journal, `${pid}-x${Math.random().toString(16).slice(2)}.json`), JSON.stringify({ tmp, pid, startedAt }))
}

describe('the journal of pending writes', () => {
  it('names the same temporaries writeAtomically makes', () => {
    expect(path.basename(temporarySibling(path.join(dir, 'report.pdf')))).toMatch(TEMPORARY_NAME)
    expect(path.basename(temporarySibling(path.join(dir, 'ケース.kiroku')))).toMatch(TEMPORARY_NAME)
  })

  it('leaves no record after a write that succeeds or fails', async () => {
    keepPendingWritesIn(journal)
    await writeAtomically(path.join(dir, 'ok.txt'), (tmp) => fs.writeFileSync(tmp, 'done'))
    await expect(
      writeAtomically(path.join(dir, 'failed.txt'), (tmp) => {
        fs.writeFileSync(tmp, 'half')
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(fs.readdirSync(journal)).toEqual([])
    expect(fs.readdirSync(dir).sort()).toEqual(['journal', 'ok.txt'])
  })

  it('records the temporary while the write is under way', async () => {
    keepPendingWritesIn(journal)
    await writeAtomically(path.join(dir, 'slow.zip'), (tmp) => {
      fs.writeFileSync(tmp, 'partial zip')
      const records = fs.readdirSync(journal).map((n) => JSON.parse(fs.readFileSync(path.join(journal, n), 'utf8')))
      expect(records).toEqual([{ tmp: path.resolve(tmp), pid: process.pid, startedAt: expect.any(Number) }])
    })
  })

  it("removes a dead writer's temporary file, its SQLite side files and a temporary folder", () => {
    const file = temporarySibling(path.join(dir, 'bundle.zip'))
    const db = temporarySibling(path.join(dir, 'copy.kiroku'))
    const folder = temporarySibling(path.join(dir, 'export-evidence'))
    fs.writeFileSync(file, 'PK partial')
    fs.writeFileSync(db, 'db')
    fs.writeFileSync(`${db}-wal`, 'wal')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'shot.png'), 'png')
    const pid = deadPid()
    for (const tmp of [file, db, folder]) recordFor(tmp, pid)

    const report = sweepPendingWrites(journal)

    expect(report.removed.sort()).toEqual([file, db, folder].sort())
    expect(fs.readdirSync(dir)).toEqual(['journal'])
    expect(fs.readdirSync(journal)).toEqual([])
  })

  it('keeps the temporary of a writer that is still running', () => {
    const tmp = temporarySibling(path.join(dir, 'share.kiroku'))
    fs.writeFileSync(tmp, 'in progress')
    recordFor(tmp, process.pid)
    expect(sweepPendingWrites(journal)).toEqual({ removed: [], inProgress: 1 })
    expect(fs.existsSync(tmp)).toBe(true)
  })

  it('treats a record older than a day as dead even if its process id is in use again', () => {
    const tmp = temporarySibling(path.join(dir, 'old.zip'))
    fs.writeFileSync(tmp, 'old')
    recordFor(tmp, process.pid, Date.now() - 25 * 60 * 60 * 1000)
    expect(sweepPendingWrites(journal).removed).toEqual([tmp])
  })

  it('never deletes a file that is not a temporary, whatever a record says', () => {
    const precious = path.join(dir, 'case.kiroku')
    const lookalike = path.join(dir, '.case.kiroku.partial')
    fs.writeFileSync(precious, 'the case')
    fs.writeFileSync(lookalike, 'not ours')
    const pid = deadPid()
    recordFor(precious, pid)
    recordFor(lookalike, pid)
    recordFor(dir, pid)
    fs.writeFileSync(path.join(journal, 'garbage.json'), '{not json')

    expect(sweepPendingWrites(journal)).toEqual({ removed: [], inProgress: 0 })
    expect(fs.readFileSync(precious, 'utf8')).toBe('the case')
    expect(fs.existsSync(lookalike)).toBe(true)
    expect(fs.readdirSync(journal)).toEqual([])
  })

  it('does nothing when there is no journal yet', () => {
    expect(new PendingWrites(path.join(dir, 'absent')).sweep(() => expect.unreachable())).toEqual({ removed: [], inProgress: 0 })
  })

  it('is swept when the CLI starts, in its data folder', () => {
    const tmp = temporarySibling(path.join(dir, 'bundle.zip'))
    fs.writeFileSync(tmp, 'PK partial')
    journal = path.join(dir, 'data', 'pending-writes')
    recordFor(tmp, deadPid())
    const result = kiroku(['list', '--help'], { env: { KIROKU_DATA_DIR: path.join(dir, 'data') } })
    expect(result.status).toBe(0)
    // --help runs no command, so nothing was swept yet.
    expect(fs.existsSync(tmp)).toBe(true)
    kiroku(['list', path.join(dir, 'absent.kiroku')], { env: { KIROKU_DATA_DIR: path.join(dir, 'data'), KIROKU_PASSPHRASE: 'x' } })
    expect(fs.existsSync(tmp)).toBe(false)
  })
})
