// Checks a submission bundle someone received: every file against the
// manifest. The archive may be hostile, so it is inspected entry by entry
// before anything is read: names that climb out of a folder, absolute paths,
// symlinks, duplicate names and compression bombs are refused outright.
// Nothing is ever extracted to disk; contents are hashed as they stream.
import crypto from 'node:crypto'
import path from 'node:path'
import yauzl from 'yauzl'
import { z } from 'zod'
import { InvalidInputError, KirokuError } from '../errors'
import { BUNDLE_FORMAT, CHECKSUMS, MANIFEST } from './bundle'

export interface BundleLimits {
  maxEntries: number
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number
  /** Uncompressed / compressed size of one entry, past which it is a bomb. */
  maxRatio: number
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  maxRatio: 200,
}

export interface BundleReport {
  ok: boolean
  checked: number
  /** Files whose bytes or size differ from the manifest. */
  differ: string[]
  /** Files the manifest lists but the archive lacks. */
  missing: string[]
  /** Files in the archive the manifest does not list. */
  unexpected: string[]
  auditHead?: { seq: number; hash: string }
}

const ManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  auditHead: z.object({ seq: z.number(), hash: z.string() }),
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(100_000),
})

const S_IFMT = 0o170000
const S_IFLNK = 0o120000

const refuse = (message: string): never => {
  throw new InvalidInputError([{ path: '$', message }])
}

/** Why an entry name is unsafe, or undefined if it is a plain relative path. */
export function unsafeEntryName(name: string): string | undefined {
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

/** Streams one entry through SHA-256, never holding more than `keep` bytes. */
function hashEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keep = 0): Promise<{ sha256: string; size: number; head: Buffer }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error)
      const hash = crypto.createHash('sha256')
      const kept: Buffer[] = []
      let size = 0
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk)
        if (size < keep) kept.push(chunk)
        size += chunk.length
      })
      // validateEntrySizes makes a lying header an error here.
      stream.on('error', reject)
      stream.on('end', () => resolve({ sha256: hash.digest('hex'), size, head: Buffer.concat(kept) }))
    })
  })
}

function checkEntries(entries: yauzl.Entry[], limits: BundleLimits): Map<string, yauzl.Entry> {
  if (entries.length > limits.maxEntries) refuse(`the archive has ${entries.length} entries, more than a bundle ever holds`)
  const files = new Map<string, yauzl.Entry>()
  const folded = new Set<string>()
  let total = 0
  for (const entry of entries) {
    const name = (entry.fileName as unknown as Buffer).toString('utf8')
    const unsafe = unsafeEntryName(name)
    if (unsafe) refuse(`the archive has an entry with ${unsafe}: "${name}"`)
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) refuse(`the archive has a symbolic link: "${name}"`)
    if (name.endsWith('/')) continue
    // Case-insensitive file systems would let one name overwrite the other.
    if (folded.has(name.toLowerCase())) refuse(`the archive has the name "${name}" twice`)
    folded.add(name.toLowerCase())
    total += entry.uncompressedSize
    if (total > limits.maxTotalBytes) refuse('the archive unpacks to more than a bundle ever holds (a ZIP bomb?)')
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
    if (entry.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio) {
      refuse(`"${name}" would unpack ${Math.round(ratio)} times larger than it is packed (a ZIP bomb?)`)
    }
    files.set(name, entry)
  }
  return files
}

export async function verifyBundle(file: string, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<BundleReport> {
  const zip = await openZip(file)
  try {
    const files = checkEntries(await readEntries(zip), limits)
    const manifestEntry = files.get(MANIFEST) ?? refuse(`the archive has no ${MANIFEST}: it is not a Kiroku bundle`)
    if (manifestEntry.uncompressedSize > 50 * 1024 * 1024) refuse(`${MANIFEST} is far too large`)
    const { head, sha256: manifestHash } = await hashEntry(zip, manifestEntry, manifestEntry.uncompressedSize)
    let raw: unknown
    try {
      raw = JSON.parse(head.toString('utf8'))
    } catch {
      refuse(`${MANIFEST} is not valid JSON`)
    }
    const parsed = ManifestSchema.safeParse(raw)
    if (!parsed.success) refuse(`${MANIFEST} is not a Kiroku bundle manifest`)
    const manifest = parsed.data!
    const report: BundleReport = { ok: false, checked: 0, differ: [], missing: [], unexpected: [], auditHead: manifest.auditHead }
    const listed = new Set<string>()
    for (const expected of manifest.files) {
      listed.add(expected.path)
      const entry = files.get(expected.path)
      if (!entry) {
        report.missing.push(expected.path)
        continue
      }
      const actual = await hashEntry(zip, entry)
      report.checked++
      if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) report.differ.push(expected.path)
    }
    for (const name of files.keys()) {
      if (!listed.has(name) && name !== MANIFEST && name !== CHECKSUMS) report.unexpected.push(name)
    }
    // manifest.sha256 must agree with manifest.json, which covers every other file.
    const checksums = files.get(CHECKSUMS)
    if (!checksums) report.missing.push(CHECKSUMS)
    else if (checksums.uncompressedSize > 50 * 1024 * 1024) refuse(`${CHECKSUMS} is far too large`)
    else {
      const text = (await hashEntry(zip, checksums, checksums.uncompressedSize)).head.toString('utf8')
      if (!text.split('\n').includes(`${manifestHash}  ${MANIFEST}`)) report.differ.push(MANIFEST)
    }
    report.ok = report.differ.length + report.missing.length + report.unexpected.length === 0
    return report
  } catch (error) {
    if (error instanceof KirokuError) throw error
    throw new InvalidInputError([{ path: '$', message: `${path.basename(file)} is damaged: ${(error as Error).message}` }])
  } finally {
    zip.close()
  }
}
