// Blocks the three letters share: the tables of losses, events, evidence,
// reference numbers and police records, and the box of what is missing.
import { formatAmount, unitName } from '../../../../shared/amounts'
import type { Evidence, Loss, Organization, PoliceRecord, Reference, TimelineEvent } from '../../../../shared/domain'
import { revealHidden } from '../../../../shared/visible-text'
import type { Block, Cell, Row } from '../dossier/blocks'
import { formatDate, isJapanTime, type DateStyle } from '../dossier/dates'
import { labelsFor } from '../dossier/labels'
import type { MissingItem } from './data'
import type { Words } from './words'

export interface PartContext {
  W: Words
  dates: DateStyle
  organizations: Organization[]
}

/** Section headings numbered in the order they appear. */
export function numbering() {
  let n = 0
  return (text: string, keep?: number): Block => ({ kind: 'heading', text: `${++n}. ${text}`, keep })
}

export const orgNames = (organizations: Organization[]) => new Map(organizations.map((o) => [o.id, o.name]))

/** The box near the top listing what the letter leaves blank. */
export function missingBox(W: Words, missing: MissingItem[]): Block[] {
  if (!missing.length) return []
  return [
    {
      kind: 'table',
      columns: [{ title: W.missingTitle, width: 1 }],
      rows: [{ cells: [[...missing.map((m) => ({ text: `・${m.text}`, warn: true })), { text: W.missingHint, muted: true }]] }],
    },
  ]
}

export function lossTable({ W, dates, organizations }: PartContext, losses: Loss[], withOrganization = true): Block {
  const T = W.lossTable
  const name = orgNames(organizations)
  const money = (n: number, unit: string) => formatAmount(n, unit, dates.lang)
  const recovered = labelsFor(dates.lang).recovered
  const rows: Row[] = losses.map((l) => ({
    cells: [
      [{ text: l.description }],
      [{ text: money(l.amount, l.unit) }, ...(l.recovered ? [{ text: `${recovered} ${money(l.recovered, l.unit)}`, muted: true }] : [])],
      [{ text: formatDate(l.occurredAt, dates) || W.notRecorded, muted: !l.occurredAt }],
      ...(withOrganization ? [[{ text: l.organizationId !== undefined ? (name.get(l.organizationId) ?? '') : '' }]] : []),
    ],
  }))
  // A total for each unit that has more than one loss.
  const units = [...new Set(losses.map((l) => l.unit))]
  for (const unit of units) {
    const of = losses.filter((l) => l.unit === unit)
    if (of.length < 2) continue
    const sum = of.reduce((s, l) => s + l.amount, 0)
    const cells: Cell[] = [[{ text: `${T.total}${W.paren(unitName(unit, dates.lang))}`, bold: true }], [{ text: money(sum, unit), bold: true }], [{ text: '' }]]
    rows.push({ total: true, cells: withOrganization ? [...cells, [{ text: '' }]] : cells })
  }
  const columns = withOrganization
    ? [
        { title: T.description, width: 0.3 },
        { title: T.amount, width: 0.28, align: 'right' as const },
        { title: T.occurred, width: 0.18 },
        { title: T.organization, width: 0.24 },
      ]
    : [
        { title: T.description, width: 0.5 },
        { title: T.amount, width: 0.27, align: 'right' as const },
        { title: T.occurred, width: 0.23 },
      ]
  return { kind: 'table', columns, rows }
}

/** Events in order: date and time, then title, who, what was said and the numbers given. */
export function eventTable({ W, dates, organizations }: PartContext, events: TimelineEvent[], references: Reference[] = []): Block {
  const L = labelsFor(dates.lang)
  const name = orgNames(organizations)
  const rows: Row[] = events.map((e) => {
    const meta = [
      e.organizationId !== undefined && name.has(e.organizationId) ? name.get(e.organizationId)! : '',
      e.representative ? `${W.representative}${W.colon}${e.representative}` : '',
      e.channel ? `${W.channel}${W.colon}${L.channels[e.channel]}` : '',
    ].filter(Boolean)
    const refs = references.filter((r) => r.eventId === e.id).map((r) => `${r.label} ${r.value}`)
    return {
      cells: [
        [{ text: formatDate(e.occurredAt, dates) }, { text: L.eventKinds[e.kind], muted: true }],
        [
          { text: e.title, bold: true },
          ...(meta.length ? [{ text: meta.join(' / '), muted: true }] : []),
          ...(e.body?.trim() ? [{ text: e.body }] : []),
          ...(refs.length ? [{ text: `${L.referencesGiven}${W.colon}${refs.join(' / ')}` }] : []),
        ],
      ],
    }
  })
  const japan = events.some((e) => isJapanTime(e.occurredAt)) && events.every((e) => isJapanTime(e.occurredAt))
  const when = japan ? W.eventTable.whenIn(L.japanTime) : W.eventTable.when
  return {
    kind: 'table',
    columns: [
      { title: when, width: 0.24 },
      { title: W.eventTable.what, width: 0.76 },
    ],
    rows,
  }
}

/** Evidence with its SHA-256 on a line of its own (it must extract in one piece). */
export function evidenceTable({ W, dates }: PartContext, evidence: Evidence[]): Block {
  const T = W.evidenceTable
  const rows: Row[] = evidence.map((e, i) => ({
    cells: [
      [{ text: T.evidenceNo(i + 1), bold: true }],
      e.caption ? [{ text: revealHidden(e.caption) }, { text: revealHidden(e.fileName), muted: true }] : [{ text: revealHidden(e.fileName) }],
      [{ text: formatDate(e.capturedAt, dates, false) }],
    ],
    below: [{ text: `SHA-256 ${e.sha256}`, size: 7.5 }],
  }))
  return {
    kind: 'table',
    columns: [
      { title: T.number, width: 0.13 },
      { title: T.item, width: 0.65 },
      { title: T.captured, width: 0.22 },
    ],
    rows,
  }
}

export function referenceTable({ W, dates, organizations }: PartContext, references: Reference[]): Block {
  const T = W.referenceTable
  const name = orgNames(organizations)
  return {
    kind: 'table',
    columns: [
      { title: T.organization, width: 0.34 },
      { title: T.label, width: 0.2 },
      { title: T.value, width: 0.28 },
      { title: T.issued, width: 0.18 },
    ],
    rows: references.map((r) => ({
      cells: [
        [{ text: r.organizationId !== undefined ? (name.get(r.organizationId) ?? '') : '' }],
        [{ text: r.label }],
        [{ text: r.value, bold: true }],
        [{ text: formatDate(r.issuedAt, dates, false) }],
      ],
    })),
  }
}

export function policeTable({ W, dates }: PartContext, records: PoliceRecord[]): Block {
  const T = W.policeTable
  return {
    kind: 'table',
    columns: [
      { title: T.when, width: 0.2 },
      { title: T.kind, width: 0.14 },
      { title: T.station, width: 0.38 },
      { title: T.receipt, width: 0.28 },
    ],
    rows: records.map((r) => ({
      cells: [
        [{ text: formatDate(r.occurredAt, dates) }],
        [{ text: W.policeKinds[r.kind] }],
        [{ text: [r.station, r.section].filter(Boolean).join(' ') }, ...(r.officer ? [{ text: r.officer, muted: true }] : [])],
        [{ text: r.receiptNumber || W.notRecorded, bold: !!r.receiptNumber, muted: !r.receiptNumber }],
      ],
    })),
  }
}
