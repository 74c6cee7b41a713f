// The security scan of CI: @doyensec/electronegativity over electron/, failing
// on any HIGH or MEDIUM finding that is not in the reviewed allow-list
// (.ci/electronegativity-allow.json, each entry with its reason).
// The tool exits 0 even with findings, so this reads its CSV instead.
//   npx tsx scripts/security-scan.ts
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Finding {
  issue: string
  severity: string
  confidence: string
  file: string
  location: string
  sample: string
}

export interface AllowEntry {
  issue: string
  /** The file as electronegativity names it, relative to the scanned folder. */
  file: string
  /** Why this finding is not a problem; reviewed like code. */
  reason: string
}

/** Splits CSV text (RFC 4180 quoting: "a ""b""", commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(field), (field = '')
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field), rows.push(row), (row = []), (field = '')
    } else field += c
  }
  if (field !== '' || row.length) row.push(field), rows.push(row)
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

/**
 * Whether every row has as many fields as the header. electronegativity
 * 1.10.3 sometimes overwrites the start of its first finding (its CSV writes
 * race), which would silently drop or garble a finding.
 */
export function isWellFormed(csv: string): boolean {
  const [header, ...rows] = parseCsv(csv)
  return !!header && rows.every((r) => r.length === header.length)
}

export function parseFindings(csv: string): Finding[] {
  const [header, ...rows] = parseCsv(csv)
  if (!header) return []
  const names = header.map((h) => h.trim().toLowerCase())
  const col = (name: string) => {
    const index = names.indexOf(name)
    if (index < 0) throw new Error(`electronegativity's CSV has no "${name}" column: ${names.join(', ')}`)
    return index
  }
  const at = { issue: col('issue'), severity: col('severity'), confidence: col('confidence'), file: col('filename'), location: col('location'), sample: col('sample') }
  return rows.map((r) => ({
    issue: r[at.issue].trim(),
    severity: r[at.severity].trim().toUpperCase(),
    confidence: r[at.confidence].trim(),
    file: r[at.file].trim().replaceAll('\\', '/'),
    location: r[at.location].trim(),
    sample: r[at.sample].trim(),
  }))
}

export function checkAllowList(allow: unknown): AllowEntry[] {
  if (!Array.isArray(allow)) throw new Error('the allow-list must be a JSON array')
  return allow.map((entry, i) => {
    const e = entry as Partial<AllowEntry>
    if (typeof e.issue !== 'string' || typeof e.file !== 'string' || typeof e.reason !== 'string' || e.reason.trim().length < 20) {
      throw new Error(`allow-list entry ${i} needs "issue", "file" and a "reason" (at least 20 characters)`)
    }
    return { issue: e.issue, file: e.file, reason: e.reason }
  })
}

export const BLOCKING = new Set(['HIGH', 'MEDIUM'])

/** Findings that fail the run, and allow-list entries that no longer match anything (to be removed). */
export function gate(findings: Finding[], allow: AllowEntry[]): { blocking: Finding[]; stale: AllowEntry[] } {
  const matches = (f: Finding, a: AllowEntry) => a.issue === f.issue && a.file === f.file
  const blocking = findings.filter((f) => BLOCKING.has(f.severity) && !allow.some((a) => matches(f, a)))
  const stale = allow.filter((a) => !findings.some((f) => matches(f, a)))
  return { blocking, stale }
}

function main(): number {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity')
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-scan-'))
  const out = path.join(folder, 'findings.csv')
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
  let csv: string | undefined
  try {
    // A garbled CSV (see isWellFormed) is scanned again rather than read wrong; five garbled runs fail the gate.
    for (let attempt = 1; attempt <= 5 && csv === undefined; attempt++) {
      fs.rmSync(out, { force: true })
      const run = spawnSync(bin, ['-i', path.join(root, 'electron'), '-r', '-e', electronVersion, '-o', out], { encoding: 'utf8' })
      if (run.status !== 0 || !fs.existsSync(out)) {
        console.error(`electronegativity failed (exit ${run.status}):\n${run.stderr}`)
        return 1
      }
      const text = fs.readFileSync(out, 'utf8')
      if (isWellFormed(text)) csv = text
      else console.log(`electronegativity wrote a garbled CSV (attempt ${attempt}); scanning again`)
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true })
  }
  if (csv === undefined) {
    console.error('electronegativity wrote a garbled CSV five times; the gate cannot tell what it found')
    return 1
  }
  const findings = parseFindings(csv)
  const allow = checkAllowList(JSON.parse(fs.readFileSync(path.join(root, '.ci', 'electronegativity-allow.json'), 'utf8')))
  const { blocking, stale } = gate(findings, allow)
  console.log(`electronegativity: ${findings.length} findings, ${findings.filter((f) => BLOCKING.has(f.severity)).length} HIGH/MEDIUM, ${blocking.length} not in the allow-list`)
  for (const a of stale) console.log(`  allow-list entry no longer needed: ${a.issue} in ${a.file}`)
  for (const f of blocking) console.error(`  ${f.severity} ${f.issue} ${f.file}:${f.location}  ${f.sample}`)
  return blocking.length ? 1 : 0
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main()
