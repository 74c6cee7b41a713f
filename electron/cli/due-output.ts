// The text `kiroku due` prints (--json prints the DueReport itself).
import type { DueReport } from '../main/core'

const STATUS = { overdue: 'OVERDUE', today: 'TODAY', upcoming: '' } as const

function when(daysLeft: number): string {
  if (daysLeft < 0) return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} late`
  if (daysLeft === 0) return 'due today'
  return `in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`
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
  if (report.next) {
    const next = report.next
    lines.push(next.type === 'followUp' ? `Next: chase "${next.title}" (${when(next.daysLeft)})` : `Next: step ${next.number} of the plan: ${next.title}`)
  }
  if (report.plan) lines.push(`Plan: ${report.plan.done} of ${report.plan.total} steps done`)
  return lines
}
