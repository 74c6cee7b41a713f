// Checks a submission bundle someone received against its own manifest: the
// archive is read safely first (bundle-archive.ts), then every file's
// SHA-256 and size are compared with manifest.json, and manifest.sha256 with
// what the writer would have put there. This shows a file changed after the
// bundle was made, by accident or by someone who did not also rewrite the
// manifest; a bundle rewritten whole, manifest included, passes. Only a check
// against the case file (bundle-against-case.ts) can show that.
import path from 'node:path'
import { z } from 'zod'
import { InvalidInputError, KirokuError } from '../errors'
import { BUNDLE_FORMAT, CHECKSUMS, MANIFEST, checksumsText } from './bundle'
import { DEFAULT_BUNDLE_LIMITS, readBundleArchive, refuse, type BundleArchive, type BundleLimits } from './bundle-archive'
import { foldName } from './zip-names'

export { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './bundle-archive'

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
  /** Bytes hashed in all: each entry once, however often the manifest names it. */
  hashedBytes: number
}

const ManifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int(),
  auditHead: z.object({ seq: z.number(), hash: z.string() }),
  files: z.array(z.object({ path: z.string(), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(100_000),
})

export type ReceivedManifest = z.output<typeof ManifestSchema>

function parseManifest(bytes: Buffer): ReceivedManifest {
  let raw: unknown
  try {
    raw = JSON.parse(bytes.toString('utf8'))
  } catch {
    refuse(`${MANIFEST} is not valid JSON`)
  }
  const parsed = ManifestSchema.safeParse(raw)
  if (!parsed.success) refuse(`${MANIFEST} is not a Kiroku bundle manifest`)
  const manifest = parsed.data!
  // Kiroku lists each file once. A path listed twice, or two spellings of one
  // file (NFC/NFD, case), would be checked twice while one file is unpacked.
  const seen = new Map<string, string>()
  for (const { path: name } of manifest.files) {
    const earlier = seen.get(foldName(name))
    if (earlier === name) throw new KirokuError('verification_failed', `${MANIFEST} lists "${name}" more than once: Kiroku never writes such a manifest`)
    if (earlier !== undefined) {
      throw new KirokuError('verification_failed', `${MANIFEST} lists "${earlier}" and "${name}", which are one file on macOS or Windows: Kiroku never writes such a manifest`)
    }
    seen.set(foldName(name), name)
  }
  return manifest
}

function compare(archive: BundleArchive, manifest: ReceivedManifest): BundleReport {
  const report: BundleReport = { ok: false, checked: 0, differ: [], missing: [], unexpected: [], auditHead: manifest.auditHead, hashedBytes: archive.hashedBytes }
  const listed = new Set(manifest.files.map((f) => f.path))
  for (const expected of manifest.files) {
    const found = archive.files.get(expected.path)
    if (!found) {
      report.missing.push(expected.path)
      continue
    }
    report.checked++
    if (found.sha256 !== expected.sha256 || found.size !== expected.size) report.differ.push(expected.path)
  }
  for (const name of archive.files.keys()) {
    if (!listed.has(name) && name !== MANIFEST && name !== CHECKSUMS) report.unexpected.push(name)
  }
  // manifest.sha256 is what `sha256sum -c` reads: it must say exactly what manifest.json says.
  const checksums = archive.kept.get(CHECKSUMS)
  const manifestHash = archive.files.get(MANIFEST)!.sha256
  if (!checksums) report.missing.push(CHECKSUMS)
  else if (!checksums.toString('utf8').split('\n').includes(`${manifestHash}  ${MANIFEST}`)) report.differ.push(MANIFEST)
  else if (checksums.toString('utf8') !== checksumsText(manifest.files, manifestHash)) report.differ.push(CHECKSUMS)
  report.ok = report.differ.length + report.missing.length + report.unexpected.length === 0
  return report
}

/** The archive as read and its manifest, for checks that go further than the manifest. */
export interface InspectedBundle {
  report: BundleReport
  manifest: ReceivedManifest
  archive: BundleArchive
}

export async function inspectBundle(file: string, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<InspectedBundle> {
  try {
    const archive = await readBundleArchive(file, [MANIFEST, CHECKSUMS], limits)
    const manifestBytes = archive.kept.get(MANIFEST) ?? refuse(`the archive has no ${MANIFEST}: it is not a Kiroku bundle`)
    const manifest = parseManifest(manifestBytes)
    return { report: compare(archive, manifest), manifest, archive }
  } catch (error) {
    if (error instanceof KirokuError) throw error
    throw new InvalidInputError([{ path: '$', message: `${path.basename(file)} is damaged: ${(error as Error).message}` }])
  }
}

export async function verifyBundle(file: string, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<BundleReport> {
  return (await inspectBundle(file, limits)).report
}
