// The text `kiroku verify-bundle` prints (--json prints the reports themselves).
// Each OK says what it covers, so nobody reads more into it than it shows.
import type { BundleAgainstCase, BundleReport } from '../main/core'

const newestHash = (report: BundleReport) =>
  report.auditHead ? [`Newest hash of the case when the bundle was made: #${report.auditHead.seq} ${report.auditHead.hash}`] : []

function manifestLines(zip: string, report: BundleReport): string[] {
  if (report.ok) return [`OK: all ${report.checked} files match the manifest`]
  return [
    `${zip} does NOT match its manifest:`,
    ...report.differ.map((file) => `  changed: ${file}`),
    ...report.missing.map((file) => `  missing: ${file}`),
    ...report.unexpected.map((file) => `  not in the manifest: ${file}`),
  ]
}

export function formatBundleReport(zip: string, report: BundleReport): string[] {
  const lines = [...manifestLines(zip, report), ...newestHash(report)]
  if (report.ok) {
    lines.push('This shows no file changed without the manifest; a bundle rewritten whole, manifest included, would pass too.')
    lines.push('To rule that out, check it against the case file: kiroku verify-bundle BUNDLE.zip --against CASE.kiroku')
  }
  return lines
}

export function formatBundleAgainstCase(zip: string, result: BundleAgainstCase): string[] {
  const { bundle, against } = result
  const lines = manifestLines(zip, bundle)
  if (against.ok) {
    lines.push(`OK: the ${against.matched} evidence files are the evidence of ${against.caseFile}, byte for byte, and the case file passes verify`)
  } else {
    lines.push(`${zip} does NOT match the case file ${against.caseFile}:`)
    for (const { path, problem } of against.differ) lines.push(`  not the case's evidence: ${path} ${problem}`)
    for (const { id, fileName } of against.missing) lines.push(`  missing: evidence #${id} (${fileName}), which the manifest lists`)
    for (const problem of against.caseProblems) lines.push(`  case file: ${problem}`)
  }
  if (against.notChecked.length) lines.push(`Checked against the manifest only (made from the case, not kept in it): ${against.notChecked.join(', ')}`)
  lines.push(...newestHash(bundle))
  lines.push(
    against.auditHeadInCase
      ? `That hash is in the audit log of ${against.caseFile}.`
      : `That hash is not in the audit log of ${against.caseFile}: the bundle was made from another copy of the case (a shared copy starts its own log), or its manifest was rewritten.`,
  )
  return lines
}
