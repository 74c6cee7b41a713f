// Reads a ZIP someone received, which may be hostile. Every entry is
// inspected before any content is read: names that climb out of a folder,
// absolute paths, symlinks, names that differ between readers (zip-names.ts),
// names that are one file on macOS or Windows, and compression bombs are
// refused. Then each file is hashed exactly once, as it streams, within a
// budget of bytes; nothing is ever extracted to disk.
import crypto from 'node:crypto'
import path from 'node:path'
import yauzl from 'yauzl'
import { InvalidInputError } from '../errors'
import { foldName, readEntryName } from './zip-names'

export interface BundleLimits {
  maxEntries: number
  /** Uncompressed bytes of all entries together, and so the most that is ever hashed. */
  maxTotalBytes: number
  /** Uncompressed / compressed size of one entry, past which it is a bomb. */
  maxRatio: number
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxRatio: 200,
}

/** A file of the archive as found: its size and SHA-256 as read, not as any header claims. */
export interface ArchiveFile {
  name: string
  size: number
  sha256: string
}

export interface BundleArchive {
  /** Every file entry, in the archive's order, by its one name. */
  files: Map<string, ArchiveFile>
  /** The bytes of the small files asked for with `keep` (the manifest and checksums). */
  kept: Map<string, Buffer>
  /** What was hashed in all: never more than the sum of the entries' sizes. */
  hashedBytes: number
}

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
/** The most of one kept file (manifest.json, manifest.sha256) held in memory. */
const MAX_KEPT_BYTES = 50 * 1024 * 1024

export const refuse = (message: string): never => {
  throw new InvalidInputError([{ path: '$', message }])
}

/** Why an entry name is unsafe, or undefined if it is a plain relative path. */
function unsafeEntryName(name: string): string | undefined {
  if (!name || name.includes('\0')) return 'an empty or NUL-containing name'
  if (name.includes('\\')) return 'a backslash in its name'
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'an absolute path'
  if (name.split('/').includes('..')) return 'a path that climbs out of the archive (..)'
  return undefined
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(new InvalidInputError([{ path: '$', message: `${path.basename(file)} is not a readable ZIP archive (${error.message})` }])) : resolve(zip),
    ),
  )
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', reject)
    zip.readEntry()
  })
}

/** The name from the central directory, which must agree with the one in the local header. */
async function nameOf(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  const central = readEntryName({ bytes: entry.fileNameRaw, flags: entry.generalPurposeBitFlag, extraFields: entry.extraFields })
  if (!central.ok) return refuse(`the archive has an entry with ${central.problem}`)
  const local = await zip.readLocalFileHeaderPromise(entry)
  const reading = readEntryName({ bytes: local.fileName, flags: local.generalPurposeBitFlag, extraFields: yauzl.parseExtraFields(local.extraField) })
  // Readers that stream the archive see only the local header: it must say the same.
  if (!reading.ok || reading.name !== central.name || !local.fileName.equals(entry.fileNameRaw)) {
    refuse(`"${central.name}" has another name in its local header${reading.ok ? ` ("${reading.name}")` : ''}: some tools would extract it under that name`)
  }
  return central.name
}

/** Folded names of every folder an entry lies in, so "a" the file and "a/" the folder cannot both exist. */
const foldersOf = (name: string): string[] =>
  name
    .split('/')
    .slice(0, -1)
    .map((_, i, parts) => foldName(parts.slice(0, i + 1).join('/')))

/** Checks every entry before any content is read; returns the files by name. */
async function checkEntries(zip: yauzl.ZipFile, entries: yauzl.Entry[], limits: BundleLimits): Promise<Map<string, yauzl.Entry>> {
  if (entries.length > limits.maxEntries) refuse(`the archive has ${entries.length} entries, more than a bundle ever holds`)
  const files = new Map<string, yauzl.Entry>()
  const byFold = new Map<string, string>()
  const folders = new Set<string>()
  let total = 0
  for (const entry of entries) {
    const name = await nameOf(zip, entry)
    const unsafe = unsafeEntryName(name)
    if (unsafe) refuse(`the archive has an entry with ${unsafe}: "${name}"`)
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) refuse(`the archive has a symbolic link: "${name}"`)
    for (const folder of foldersOf(name)) folders.add(folder)
    if (name.endsWith('/')) {
      // Extraction tools make a folder and drop the data: a folder entry must hold none.
      if (entry.uncompressedSize > 0 || entry.compressedSize > 0) refuse(`the folder entry "${name}" holds data`)
      folders.add(foldName(name.slice(0, -1)))
      continue
    }
    const key = foldName(name)
    const earlier = byFold.get(key)
    if (earlier === name) refuse(`the archive has the name "${name}" twice`)
    if (earlier !== undefined) refuse(`the archive has "${earlier}" and "${name}", which are one file on macOS or Windows`)
    byFold.set(key, name)
    total += entry.uncompressedSize
    if (total > limits.maxTotalBytes) refuse('the archive unpacks to more than a bundle ever holds (a ZIP bomb?)')
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
      refuse(`"${name}" would unpack ${Math.round(ratio)} times larger than it is packed (a ZIP bomb?)`)
    }
    files.set(name, entry)
  }
  for (const [key, name] of byFold) if (folders.has(key)) refuse(`the archive has "${name}" both as a file and as a folder`)
  return files
}

/** Streams one entry through SHA-256; `budget` is charged as bytes arrive, so no header can make it read more. */
function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep: boolean, budget: { left: number }): Promise<{ sha256: string; size: number; bytes?: Buffer }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error)
      const hash = crypto.createHash('sha256')
      const kept: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        budget.left -= chunk.length
        if (budget.left < 0) {
          stream.destroy()
          return reject(new InvalidInputError([{ path: '$', message: 'the archive holds more bytes than its entries declare' }]))
        }
        hash.update(chunk)
        if (keep && size <= MAX_KEPT_BYTES) kept.push(chunk)
      })
      // validateEntrySizes makes a lying header an error here.
      stream.on('error', reject)
      stream.on('end', () => resolve({ sha256: hash.digest('hex'), size, bytes: keep ? Buffer.concat(kept) : undefined }))
    })
  })
}

/** Opens, checks and hashes a received archive; keeps the bytes of the files named in `keep`. */
export async function readBundleArchive(file: string, keep: string[], limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<BundleArchive> {
  const zip = await openZip(file)
  try {
    const entries = await checkEntries(zip, await readEntries(zip), limits)
    for (const name of keep) {
      const entry = entries.get(name)
      if (entry && entry.uncompressedSize > MAX_KEPT_BYTES) refuse(`${name} is far too large`)
    }
    const declared = [...entries.values()].reduce((sum, entry) => sum + entry.uncompressedSize, 0)
    const budget = { left: Math.min(declared, limits.maxTotalBytes) }
    const archive: BundleArchive = { files: new Map(), kept: new Map(), hashedBytes: 0 }
    for (const [name, entry] of entries) {
      const { sha256, size, bytes } = await hashEntry(zip, entry, keep.includes(name), budget)
      archive.files.set(name, { name, size, sha256 })
      if (bytes) archive.kept.set(name, bytes)
      archive.hashedBytes += size
    }
    return archive
  } finally {
    zip.close()
  }
}
