// A summary to have at hand when calling 188 (消費者ホットライン) or visiting a
// 消費生活センター: what happened in short, whom the victim contacted and what
// they said or promised, the losses, and what to ask.
import { formatAmount } from '../../../../shared/amounts'
import { dueFollowUps } from '../../../../shared/followups'
import type { Organization } from '../../../../shared/domain'
import { fields, para, type Block } from '../dossier/blocks'
import { formatDate } from '../dossier/dates'
import { labelsFor } from '../dossier/labels'
import { INCIDENT_KINDS, damageSpan, type LetterData } from './data'
import type { LetterContent } from './content'
import { lossTable, numbering, type PartContext } from './parts'

const CONTACT_KINDS = new Set(['contact', 'police_report', 'refund'])
const MAX_INCIDENTS = 5

export function consumerCenterSummary(data: LetterData, ctx: PartContext, today: string): LetterContent {
  const { W, dates } = ctx
  const C = W.consumer
  const L = labelsFor(dates.lang)
  const heading = numbering()
  const { caseInfo } = data
  const value = (v: string | undefined) => (v?.trim() ? v : W.notRecorded)
  const span = damageSpan(data)

  const head: Block[] = [
    { kind: 'title', text: C.title, subtitle: C.subtitle },
    fields(
      [
        [L.name, value(caseInfo.victim.name)],
        [L.phone, value(caseInfo.victim.phone)],
        [L.address, value(caseInfo.victim.address)],
      ],
      0.2,
    ),
    { kind: 'space', height: 4 },
  ]

  // 1. What happened, short.
  const incidents = data.events.filter((e) => INCIDENT_KINDS.has(e.kind))
  const totals = new Map<string, number>()
  for (const l of data.losses) totals.set(l.unit, (totals.get(l.unit) ?? 0) + l.amount - l.recovered)
  const what: Block[] = [
    fields(
      [
        [C.kind, L.kinds[caseInfo.kind]],
        [C.discovered, formatDate(caseInfo.discoveredAt, dates) || undefined],
        [W.police.when, span ? (span.first === span.last ? formatDate(span.first, dates) : W.range(formatDate(span.first, dates), formatDate(span.last, dates))) : W.notRecorded],
        [C.losses, [...totals].map(([unit, n]) => formatAmount(n, unit, dates.lang)).join(' / ') || W.notRecorded],
      ],
      0.2,
    ),
    ...(caseInfo.summary.trim() ? [para(caseInfo.summary)] : []),
    ...(incidents.length ? [{ kind: 'subheading', text: C.incidents } as Block] : []),
    ...incidents.slice(0, MAX_INCIDENTS).map((e) => para(`・${formatDate(e.occurredAt, dates)}　${e.title}`)),
    ...(incidents.length > MAX_INCIDENTS ? [para(W.andMore(incidents.length - MAX_INCIDENTS), { muted: true })] : []),
  ]

  // 2. Whom the victim contacted: what they said, the numbers they gave, what they promised.
  const contacted: Block[] = []
  const open = dueFollowUps(data.tasks, today)
  const openWithoutDue = data.tasks.filter((t) => !t.done && !t.dueAt)
  for (const o of data.organizations) {
    const calls = data.events.filter((e) => e.organizationId === o.id && CONTACT_KINDS.has(e.kind))
    const references = data.references.filter((r) => r.organizationId === o.id)
    const promises = [...open.filter((d) => d.task.organizationId === o.id), ...openWithoutDue.filter((t) => t.organizationId === o.id).map((task) => ({ task, status: undefined }))]
    if (!calls.length && !references.length && !promises.length) continue
    contacted.push({ kind: 'subheading', text: `${o.name}${W.paren(L.roles[o.role])}` })
    for (const e of calls) {
      const who = e.representative ? W.paren(`${W.representative}${W.colon}${e.representative}`) : ''
      contacted.push(para(`${formatDate(e.occurredAt, dates)}${who}　${e.title}`, { bold: true }))
      if (e.body?.trim()) contacted.push(para(e.body))
    }
    if (references.length) contacted.push(para(references.map((r) => `${r.label} ${r.value}`).join(' / '), { muted: true }))
    for (const p of promises) {
      const overdue = p.status === 'overdue'
      const due = p.task.dueAt ? W.paren(`${C.due}${W.colon}${formatDate(p.task.dueAt, dates, false)}${overdue ? C.overdue : ''}`) : ''
      contacted.push(para(`□ ${p.task.title}${due}`, { warn: overdue }))
    }
  }

  // 4. What to ask.
  const ask: string[] = [C.askItems.fair, C.askItems.howToNegotiate]
  const named = (id: number | undefined) => data.organizations.find((o: Organization) => o.id === id)?.name
  for (const d of open.filter((x) => x.status === 'overdue')) {
    const name = named(d.task.organizationId)
    if (name) ask.push(C.askItems.noResponse(name))
  }
  // A deadline is said with the rule's date and source, as everywhere.
  for (const d of data.deadlines) {
    if (d.day) ask.push(`${C.askItems.deadline(d.organization, formatDate(d.day, dates))} ${W.claim.asOf(formatDate(d.rule.source.checked, dates, false))} ${d.rule.source.url}`)
  }
  if (!data.policeRecords.some((r) => r.kind === 'report') && !data.organizations.some((o) => o.role === 'police')) ask.push(C.askItems.police)
  ask.push(C.askItems.other)

  const body: Block[] = [
    heading(C.what),
    ...what,
    heading(C.contacted),
    ...(contacted.length ? contacted : [para(W.notRecorded, { warn: true })]),
    heading(C.losses),
    ...(data.losses.length ? [lossTable(ctx, data.losses)] : [para(W.notRecorded, { warn: true })]),
    heading(C.ask),
    ...[...new Set(ask)].map((a) => para(`□ ${a}`)),
  ]
  return { head, body, reportTitle: C.title, audience: C.audience }
}
