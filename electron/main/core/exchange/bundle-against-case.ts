// Checks a bundle against the case file it was made from. Its own manifest
// cannot show a bundle rewritten whole (files, manifest.json and
// manifest.sha256 together); the case file can: it keeps the SHA-256 each
// piece of evidence had when it was taken in, behind the passphrase and the
// audit chain. Every evidence file of the bundle must be the evidence its name
// gives (evidence/<id>-<name>, as writeBundle names it), byte for byte.
import path from 'node:path'
import type { CaseFile } from '../casefile/case-file'
import { auditHashAt } from '../casefile/audit'
import { CHECKSUMS, DOSSIER_FILE, MANIFEST, README_FILE } from './bundle'
import { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from './bundle-archive'
import { inspectBundle, type BundleReport } from './verify-bundle'

/** Made from the case, not kept in it: only the manifest speaks for these. */
const MADE_FROM_THE_CASE = [DOSSIER_FILE, README_FILE]
const OWN_FILES = new Set([...MADE_FROM_THE_CASE, MANIFEST, CHECKSUMS])

export interface CaseComparison {
  ok: boolean
  /** The case file's name. */
  caseFile: string
  /** Evidence files of the bundle that are, byte for byte, the evidence their names give. */
  matched: number
  /** Files of the bundle that are not the case's evidence their names give, and why. */
  differ: Array<{ path: string; problem: string }>
  /** Shared evidence of the case the manifest lists but the archive lacks. */
  missing: Array<{ id: number; fileName: string }>
  /** Files only the manifest speaks for (made from the case, not kept in it). */
  notChecked: string[]
  /** Whether the manifest's newest hash is an entry of this case's audit log (not so for a bundle made from a shared copy). */
  auditHeadInCase: boolean
  /** What `kiroku verify` finds wrong with the case file itself. */
  caseProblems: string[]
}

export interface BundleAgainstCase {
  ok: boolean
  bundle: BundleReport
  against: CaseComparison
}

/** The evidence id in a name writeBundle made, evidence/<id>-<name>. */
const evidenceId = (name: string): number | undefined => {
  const match = /^evidence\/(\d+)-/.exec(name)
  return match ? Number(match[1]) : undefined
}

export async function verifyBundleAgainstCase(file: string, caseFile: CaseFile, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<BundleAgainstCase> {
  const { report, manifest, archive } = await inspectBundle(file, limits)
  const evidence = caseFile.evidence.list()
  const byId = new Map(evidence.map((e) => [e.id, e]))
  const bySha256 = new Map(evidence.map((e) => [e.sha256, e]))
  const against: CaseComparison = {
    ok: false,
    caseFile: path.basename(caseFile.path),
    matched: 0,
    differ: [],
    missing: [],
    notChecked: [],
    auditHeadInCase: auditHashAt(caseFile.db, manifest.auditHead.seq) === manifest.auditHead.hash,
    caseProblems: caseFile.verify().problems,
  }
  const present = new Set<number>()
  for (const found of archive.files.values()) {
    if (MADE_FROM_THE_CASE.includes(found.name)) against.notChecked.push(found.name)
    if (OWN_FILES.has(found.name)) continue
    const id = evidenceId(found.name)
    const expected = id === undefined ? undefined : byId.get(id)
    if (id !== undefined) present.add(id)
    if (expected?.sha256 === found.sha256) {
      against.matched++
      continue
    }
    const actual = bySha256.get(found.sha256)
    if (actual) present.add(actual.id)
    const what = (e: { id: number; fileName: string }) => `evidence #${e.id} (${e.fileName})`
    against.differ.push({
      path: found.name,
      problem: actual
        ? `holds the bytes of ${what(actual)}, not ${expected ? what(expected) : 'the evidence its name gives'}`
        : expected
          ? `is not ${what(expected)} of the case: its SHA-256 differs from the one taken at intake`
          : 'is no evidence of this case',
    })
  }
  // A bundle carries only what its dossier shows; shared evidence counts as missing only when the manifest claims it.
  const claimed = new Set(manifest.files.flatMap((f) => [evidenceId(f.path), bySha256.get(f.sha256)?.id]))
  for (const e of evidence) {
    if (!present.has(e.id) && !e.private && claimed.has(e.id)) against.missing.push({ id: e.id, fileName: e.fileName })
  }
  against.ok = against.differ.length + against.missing.length + against.caseProblems.length === 0
  return { ok: report.ok && against.ok, bundle: report, against }
}
