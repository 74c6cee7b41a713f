// Outputs appear whole or not at all: they are built under a temporary name
// in the destination folder (same file system, so the final rename is atomic),
// flushed to disk, then moved into place. A failure removes every trace.
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { KirokuError } from '../errors'
import { PendingWrites, type SweepReport } from './pending-writes'
import { holdPrivateUmask, makePrivate } from './private-mode'

/** SQLite's companions of a database file, removed with it. */
const SIDE_FILES = ['', '-wal', '-shm', '-journal']

export function temporarySibling(target: string): string {
  const suffix = crypto.randomBytes(6).toString('hex')
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.partial`)
}

export function removeWithSideFiles(file: string): void {
  for (const side of SIDE_FILES) fs.rmSync(file + side, { force: true })
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function fsyncDirectory(dir: string): void {
  // Directories cannot be opened for fsync on Windows; there the rename is
  // already durable enough for NTFS's journal.
  if (process.platform === 'win32') return
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

let journal: PendingWrites | undefined

/**
 * Records every temporary in `dir` while it exists (the app's or the CLI's
 * data folder) and removes what a crashed writer left behind. Process-wide,
 * like the temporaries it tracks: set once at start-up.
 */
export function keepPendingWritesIn(dir: string): SweepReport {
  journal = new PendingWrites(dir)
  return sweepPendingWrites(dir)
}

/** Removes the temporaries recorded in `dir` whose writers are gone (what keepPendingWritesIn does first). */
export function sweepPendingWrites(dir: string): SweepReport {
  return new PendingWrites(dir).sweep((tmp) => {
    fs.rmSync(tmp, { recursive: true, force: true })
    removeWithSideFiles(tmp)
  })
}

/** Records a temporary made outside writeAtomically (e.g. a folder); call the result once it is gone or renamed. */
export function trackTemporary(tmp: string): () => void {
  let record: string | undefined
  try {
    record = journal?.begin(tmp)
  } catch {
    // An unwritable journal must not stop the user's own write; only the
    // clean-up after a crash is lost.
  }
  return () => {
    if (record) journal?.end(record)
  }
}

export interface AtomicOptions {
  /** Replace an existing target (default: refuse, so nothing is overwritten by accident). */
  overwrite?: boolean
}

/**
 * Runs `build(tmpPath)`, which must leave a complete file at tmpPath, then
 * moves it to `target`. On any error the temporary file is removed and the
 * target is untouched.
 */
export async function writeAtomically<T>(
  target: string,
  build: (tmpPath: string) => T | Promise<T>,
  options: AtomicOptions = {},
): Promise<T> {
  const { tmp, untrack } = startAtomic(target, options)
  try {
    const result = await build(tmp)
    finishAtomic(tmp, target, options)
    return result
  } catch (error) {
    return failAtomic(tmp, target, error)
  } finally {
    untrack()
  }
}

/** writeAtomically for a synchronous `build` (the same guarantees, for callers that cannot await). */
export function writeAtomicallySync<T>(target: string, build: (tmpPath: string) => T, options: AtomicOptions = {}): T {
  const { tmp, untrack } = startAtomic(target, options)
  try {
    const result = build(tmp)
    finishAtomic(tmp, target, options)
    return result
  } catch (error) {
    return failAtomic(tmp, target, error)
  } finally {
    untrack()
  }
}

/**
 * Refuses an output whose folder is missing before anything is made: said
 * this way, not as an error about the temporary file the user never named.
 */
export function checkOutputFolder(target: string): void {
  const folder = path.dirname(path.resolve(target))
  let stat: fs.Stats
  try {
    stat = fs.statSync(folder)
  } catch {
    throw new KirokuError('io', `The folder ${folder} does not exist; create it or choose another.`)
  }
  if (!stat.isDirectory()) throw new KirokuError('io', `${folder} is not a folder; choose another.`)
}

function startAtomic(target: string, options: AtomicOptions): { tmp: string; untrack: () => void } {
  checkOutputFolder(target)
  if (!options.overwrite && fs.existsSync(target)) {
    throw new KirokuError('io', `${target} already exists; choose another name or remove it first`)
  }
  const tmp = temporarySibling(target)
  const untrack = trackTemporary(tmp)
  const release = holdPrivateUmask()
  return {
    tmp,
    untrack: () => {
      release()
      untrack()
    },
  }
}

function finishAtomic(tmp: string, target: string, options: AtomicOptions): void {
  // Before it appears under its name: whatever created it, only its owner may read it.
  makePrivate(tmp)
  fsyncFile(tmp)
  if (options.overwrite) {
    fs.renameSync(tmp, target)
  } else {
    // link() fails if the target appeared meanwhile, where rename would clobber it.
    fs.linkSync(tmp, target)
    fs.rmSync(tmp)
  }
  fsyncDirectory(path.dirname(path.resolve(target)))
}

function failAtomic(tmp: string, target: string, error: unknown): never {
  removeWithSideFiles(tmp)
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    throw new KirokuError('io', `${target} already exists; choose another name or remove it first`)
  }
  throw error
}
