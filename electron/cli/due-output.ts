// The text `kiroku due` prints (--json prints the DueReport itself).
import { PREREQUISITE_TEXT, WINDOW_START_TEXT } from '../../shared/directory'
import type { DeadlineEntry, DueReport } from '../main/core'

const STATUS = { overdue: 'OVERDUE', today: 'TODAY', upcoming: '' } as const

function when(daysLeft: number): string {
  if (daysLeft < 0) return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} late`
  if (daysLeft === 0) return 'due today'
  return `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`
}

function deadlineLines(d: DeadlineEntry): string[] {
  const window = `apply within ${d.windowDays} days of ${WINDOW_START_TEXT[d.from].en}`
  const head = d.day
    ? `  ${(d.status === 'overdue' ? 'PASSED' : STATUS[d.status!]).padEnd(7)}  ${d.day}  ${when(d.daysLeft!).padEnd(12)}  ${d.organization}: ${d.rule.en} (${window}, from ${d.startDay})`
    : `  ${'?'.padEnd(7)}  ${'?'.padEnd(10)}  ${''.padEnd(12)}  ${d.organization}: ${d.rule.en} (${window}; the case does not say that day yet)`
  const list = (items: DeadlineEntry['missing']) => items.map((p) => PREREQUISITE_TEXT[p].en).join('; ')
  return [
    head,
    ...(d.missing.length ? [`             still missing: ${list(d.missing)}`] : []),
    ...(d.confirm.length ? [`             confirm: ${list(d.confirm)}`] : []),
    `             rule as of ${d.source.checked}${d.stale ? ' (over a year old: may be out of date)' : ''}, confirm with the provider: ${d.source.url}`,
  ]
}

export function formatDueReport(report: DueReport): string[] {
  const overdue = report.due.filter((d) => d.status === 'overdue').length
  const lines = [`${report.caseTitle} — follow-ups as of ${report.today}${overdue ? ` (${overdue} overdue)` : ''}`]
  if (!report.due.length) lines.push('  No open follow-ups with a due date.')
  for (const d of report.due) {
    const organization = d.organization ? `  [${d.organization}]` : ''
    lines.push(`  ${STATUS[d.status].padEnd(7)}  ${d.dueAt.slice(0, 10)}  ${when(d.daysLeft).padEnd(12)}  #${d.id} ${d.title}${organization}`)
  }
  if (report.undated) lines.push(`  ${report.undated} open follow-up${report.undated === 1 ? '' : 's'} without a date (kiroku list, or the app's Follow-ups tab).`)
  if (report.deadlines.length) {
    lines.push('Claim deadlines:')
    for (const d of report.deadlines) lines.push(...deadlineLines(d))
  }
  if (report.suggestedLinks.length) {
    const names = report.suggestedLinks.map((s) => `${s.organization} → ${s.directoryId}`).join(', ')
    lines.push(`Not linked to the provider directory (no claim deadlines for them yet): ${names}. Link with \`kiroku link FILE\`.`)
  }
  if (report.next) {
    const next = report.next
    lines.push(next.type === 'followUp' ? `Next: chase "${next.title}" (${when(next.daysLeft)})` : `Next: step ${next.number} of the plan: ${next.title}`)
  }
  if (report.plan) lines.push(`Plan: ${report.plan.done} of ${report.plan.total} steps done`)
  return lines
}
