// The dossier's sections, in the order the issue asks for, each only where it
// has data. Pure: case data in, blocks out.
import { formatAmount, unitName } from '../../../../shared/amounts'
import { claimDeadlines } from '../../../../shared/deadlines'
import { PREREQUISITE_TEXT } from '../../../../shared/directory'
import { providerDirectory } from '../directory/library'
import type { Evidence, Loss, Organization, OrganizationRole } from '../../../../shared/domain'
import { revealHidden, withoutHidden } from '../../../../shared/visible-text'
import { PAGE_COUNT, fields, para, type Block, type Cell, type Row } from './blocks'
import { withoutNames } from '../casefile/findings'
import { formatDate, isJapanTime, type DateStyle } from './dates'
import type { EvidenceDocuments } from './evidence-documents'
import type { ImageProblem } from './images'
import type { Reading } from '../reading/reading'
import { redactText } from './redact'
import type { Labels } from './labels'
import type { Audience, DossierData } from './select'

export interface SectionContext {
  data: DossierData
  L: Labels
  dates: DateStyle
  audience: Audience
  redacted: boolean
  /** With `redacted`: the victim's details to mask in texts redactData did not see (a mail's body and headers). */
  redaction?: { secrets: string[]; protect: string[] }
  /** When the dossier is made, as local ISO with offset. */
  madeAt: string
  /** Evidence images that will not be drawn, and why. */
  imageProblems: Map<number, ImageProblem>
  /** Text recognised in the pictures drawn (evidence-images.ts). */
  pictureTexts?: Map<number, Reading>
  /** Mails read and PDFs embedded for the appendix, and those that could not be (evidence-documents.ts). */
  documents?: EvidenceDocuments
}

const amount = (n: number) => new Intl.NumberFormat('en-US').format(n)

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

const TYPE_NAMES: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
  'text/plain': 'TXT',
  'message/rfc822': 'EML',
}

/** Section headings numbered in the order they appear. */
function numbering() {
  let n = 0
  return (text: string, newPage = false, keep?: number): Block => ({ kind: 'heading', text: `${++n}. ${text}`, newPage, keep })
}

type Heading = ReturnType<typeof numbering>

export function buildSections(ctx: SectionContext): Block[] {
  const heading = numbering()
  const { data } = ctx
  return [
    ...cover(ctx),
    ...summary(ctx, heading),
    ...(data.losses.length ? losses(ctx, heading) : []),
    ...(data.events.length ? chronology(ctx, heading) : []),
    ...(data.organizations.length || data.references.length ? organizations(ctx, heading) : []),
    ...(data.policeRecords.length ? police(ctx, heading) : []),
    ...followUps(ctx, heading),
    ...(data.evidence.length ? evidenceIndex(ctx, heading) : []),
    ...integrity(ctx, heading),
    ...(ctx.audience === 'police' ? declaration(ctx, heading) : []),
    ...appendix(ctx),
    ...mailAppendix(ctx),
    ...pdfAppendix(ctx),
  ]
}

/** Japan time is said once (here and on the chronology), not on every time. */
function anyJapanTime({ data, madeAt }: SectionContext): boolean {
  return [data.caseInfo.discoveredAt, madeAt, ...data.events.map((e) => e.occurredAt), ...data.tasks.map((t) => t.dueAt)].some(isJapanTime)
}

function cover(ctx: SectionContext): Block[] {
  const { data, L, dates, audience, redacted, madeAt } = ctx
  const c = data.caseInfo
  const to = audience === 'police' ? L.police : (data.provider?.name ?? L.providers)
  const notes = [
    data.provider ? L.providerScope(data.provider.name) : '',
    redacted ? L.redacted : '',
    anyJapanTime(ctx) ? L.timesAreJapanTime : '',
    L.madeWith,
  ].filter(Boolean)
  return [
    { kind: 'title', text: L.reportTitle, subtitle: L.audience[audience] },
    fields([
      [L.caseTitle, c.title],
      [L.submittedTo, to],
      [L.caseKind, list(L, data.kinds.map((k) => L.kinds[k]), data.kinds.length)],
      [L.caseStatus, L.statuses[c.status]],
      [L.discovered, formatDate(c.discoveredAt, dates)],
      [`${L.victim} ${L.name}`, c.victim.name],
      [`${L.victim} ${L.address}`, c.victim.address],
      [`${L.victim} ${L.phone}`, c.victim.phone],
      [`${L.victim} ${L.email}`, c.victim.email],
      [L.madeOn, formatDate(madeAt, dates)],
      [L.pages, PAGE_COUNT],
    ]),
    { kind: 'space', height: 16 },
    ...notes.map((n) => para(n, { muted: true })),
  ]
}

/** Totals per unit, in order of first appearance. */
function totalsByUnit(losses: Loss[]): Map<string, { amount: number; recovered: number }> {
  const totals = new Map<string, { amount: number; recovered: number }>()
  for (const l of losses) {
    const t = totals.get(l.unit) ?? { amount: 0, recovered: 0 }
    totals.set(l.unit, { amount: t.amount + l.amount, recovered: t.recovered + l.recovered })
  }
  return totals
}

function list(L: Labels, items: string[], max = 4): string {
  const unique = [...new Set(items)]
  const shown = unique.slice(0, max).join(' / ')
  return unique.length > max ? `${shown} ${L.andMore(unique.length - max)}` : shown
}

/**
 * Roles that can be where the damage happened (the service, site or shop);
 * the card company, bank, points operator, police and consumer centre are
 * whom the victim turned to, not where it happened.
 */
const PLACE_ROLES: ReadonlySet<OrganizationRole> = new Set(['platform', 'other'])

function summary({ data, L, dates }: SectionContext, heading: Heading): Block[] {
  const c = data.caseInfo
  const { events } = data
  const org = new Map(data.organizations.map((o) => [o.id, o]))
  const incident = events.filter((e) => e.kind === 'incident' || e.kind === 'unauthorized_access' || e.kind === 'unauthorized_use')
  const totals = [...totalsByUnit(data.losses)]
  const money = (unit: string, n: number) => formatAmount(n, unit, dates.lang)
  const placesOf = (from: typeof events, roles: ReadonlySet<OrganizationRole>) =>
    from.flatMap((e) => {
      const o = e.organizationId !== undefined ? org.get(e.organizationId) : undefined
      return o && roles.has(o.role) ? [o.name] : []
    })
  // Where the damage happened: the service or shop named by the incident itself,
  // else a service the case deals with; never the support centres called.
  const places = placesOf(incident, PLACE_ROLES)
  const span = events.length
    ? `${L.firstEvent}${L.colon}${formatDate(events[0].occurredAt, dates)} / ${L.lastEvent}${L.colon}${formatDate(events.at(-1)!.occurredAt, dates)}`
    : ''
  const when = [c.discoveredAt ? `${L.discovered}${L.colon}${formatDate(c.discoveredAt, dates)}` : '', span].filter(Boolean).join('\n')
  const where = list(L, places.length ? places : placesOf(events, new Set(['platform'])))
  const outstanding = totals.map(([unit, t]) => `${L.outstanding} ${money(unit, t.amount - t.recovered)}`).join(' / ')
  const missing = [
    !events.length && L.missingItems.events,
    !data.losses.length && L.missingItems.losses,
    !data.references.length && L.missingItems.references,
    !data.evidence.length && L.missingItems.evidence,
    !(c.victim.phone || c.victim.email || c.victim.address) && L.missingItems.victim,
  ].filter((m): m is string => !!m)
  return [
    heading(L.summary, true),
    fields(
      [
        [L.when, when || L.notRecorded],
        [L.where, where || L.notRecorded],
        [L.who, `${L.victimIs}${L.colon}${c.victim.name || L.notRecorded} / ${L.perpetratorUnknown}`],
        [L.what, totals.map(([unit, t]) => money(unit, t.amount)).join(' / ') || L.notRecorded],
        [L.how, [list(L, data.kinds.map((k) => L.kinds[k]), data.kinds.length), list(L, incident.map((e) => e.title), 3)].filter(Boolean).join(L.colon)],
        [L.why, L.whyUnknown],
        [L.status, [L.statuses[c.status], outstanding].filter(Boolean).join(' / ')],
      ],
      0.16,
    ),
    ...(c.summary.trim() ? [{ kind: 'subheading', text: L.inVictimsWords } as Block, para(c.summary)] : []),
    ...(missing.length ? [{ kind: 'space', height: 8 } as Block, para(`${L.missing}${L.colon}${missing.join('、')}`, { warn: true })] : []),
  ]
}

function losses({ data, L, dates }: SectionContext, heading: Heading): Block[] {
  const columns = [
    // Dates need 0.17 of the width to stay on one line, even as 平成30年10月12日.
    { title: L.description, width: 0.24 },
    { title: L.occurred, width: 0.17 },
    { title: L.amount, width: 0.13, align: 'right' as const },
    { title: L.recovered, width: 0.12, align: 'right' as const },
    { title: L.outstanding, width: 0.14, align: 'right' as const },
    { title: L.expected, width: 0.2 },
  ]
  const out: Block[] = [heading(L.losses)]
  for (const [unit, total] of totalsByUnit(data.losses)) {
    const rows: Row[] = data.losses
      .filter((l) => l.unit === unit)
      .map((l) => ({
        cells: [l.description, formatDate(l.occurredAt, dates), amount(l.amount), amount(l.recovered), amount(l.amount - l.recovered), formatDate(l.expectedRecoveryAt, dates)].map(
          (text) => [{ text }],
        ),
      }))
    rows.push({
      total: true,
      cells: [L.total, '', amount(total.amount), amount(total.recovered), amount(total.amount - total.recovered), ''].map((text) => [{ text, bold: true }]),
    })
    out.push({ kind: 'subheading', text: L.unitHeading(unitName(unit, dates.lang)) }, { kind: 'table', columns, rows })
  }
  return out
}

function chronology({ data, L, dates }: SectionContext, heading: Heading): Block[] {
  const orgName = new Map(data.organizations.map((o) => [o.id, o.name]))
  const evidenceNo = new Map(data.evidence.map((e, i) => [e.id, i + 1]))
  const rows: Row[] = data.events.map((e) => {
    const meta = [
      e.organizationId ? `${L.organization}${L.colon}${orgName.get(e.organizationId) ?? e.organizationId}` : '',
      e.representative ? `${L.representative}${L.colon}${e.representative}` : '',
      e.channel ? `${L.channel}${L.colon}${L.channels[e.channel]}` : '',
      e.durationMinutes !== undefined ? `${L.duration}${L.colon}${L.minutes(e.durationMinutes)}` : '',
    ].filter(Boolean)
    const refs = data.references.filter((r) => r.eventId === e.id).map((r) => `${r.label} ${r.value}`)
    const evidence = e.evidenceIds.filter((id) => evidenceNo.has(id)).map((id) => L.evidenceNo(evidenceNo.get(id)!))
    const content: Cell = [
      { text: e.title, bold: true },
      ...(meta.length ? [{ text: meta.join(' / '), muted: true }] : []),
      ...(e.body?.trim() ? [{ text: e.body }] : []),
      ...(refs.length ? [{ text: `${L.referencesGiven}${L.colon}${refs.join(' / ')}` }] : []),
      ...(evidence.length ? [{ text: `${L.evidence}${L.colon}${evidence.join(', ')}`, muted: true }] : []),
    ]
    return { cells: [[{ text: formatDate(e.occurredAt, dates) }, { text: L.eventKinds[e.kind], muted: true }], content] }
  })
  // Every time in Japan time: said once, in the column's title.
  const allJapanTime = data.events.every((e) => isJapanTime(e.occurredAt) || !e.occurredAt.includes('T'))
  const dateTitle = allJapanTime && data.events.some((e) => isJapanTime(e.occurredAt)) ? L.dateTimeIn(L.japanTime) : L.dateTime
  return [heading(L.chronology), { kind: 'table', columns: [{ title: dateTitle, width: 0.22 }, { title: L.description, width: 0.78 }], rows }]
}

function contactLines(o: Organization): string[] {
  return [o.phone, o.email, o.url].filter((v): v is string => !!v)
}

function organizations({ data, L, dates }: SectionContext, heading: Heading): Block[] {
  const rows: Row[] = []
  const orgCell = (o: Organization | undefined, first: boolean): Cell =>
    o ? [{ text: o.name, bold: first }, ...(first ? [{ text: L.roles[o.role], muted: true }] : [])] : [{ text: '—' }]
  const referenceRow = (o: Organization | undefined, first: boolean, label: string, value: string, issued?: string): Row => ({
    cells: [orgCell(o, first), first && o ? contactLines(o).map((text) => ({ text, muted: true })) : [], [{ text: label, muted: true }, { text: value, bold: true }], [{ text: formatDate(issued, dates, false) }]],
  })
  for (const o of data.organizations) {
    const refs = data.references.filter((r) => r.organizationId === o.id)
    if (!refs.length) rows.push(referenceRow(o, true, L.noReference, ''))
    refs.forEach((r, i) => rows.push(referenceRow(o, i === 0, r.label, r.value, r.issuedAt)))
  }
  for (const r of data.references.filter((r) => r.organizationId === undefined)) rows.push(referenceRow(undefined, true, r.label, r.value, r.issuedAt))
  const columns = [
    { title: L.organization, width: 0.3 },
    { title: L.contact, width: 0.24 },
    { title: L.reference, width: 0.28 },
    { title: L.issued, width: 0.18 },
  ]
  return [heading(L.organizations), { kind: 'table', columns, rows }]
}

function police({ data, L, dates }: SectionContext, heading: Heading): Block[] {
  const rows: Row[] = data.policeRecords.map((r) => ({
    cells: [
      [{ text: formatDate(r.occurredAt, dates) }],
      [{ text: L.policeKinds[r.kind] }],
      [{ text: r.station, bold: true }, ...[r.section, r.officer].filter((v): v is string => !!v).map((text) => ({ text, muted: true }))],
      [{ text: r.receiptNumber ?? L.notRecorded, bold: !!r.receiptNumber, muted: !r.receiptNumber }],
    ],
  }))
  const columns = [
    { title: L.date, width: 0.22 },
    { title: L.kind, width: 0.18 },
    { title: L.policeStation, width: 0.32 },
    { title: L.policeNumber, width: 0.28 },
  ]
  return [heading(L.policeRecords), { kind: 'table', columns, rows }]
}

/** The claim windows the provider directory's rules set on the losses shown, with their source and date. */
function deadlines({ data, L, dates, madeAt }: SectionContext): Block[] {
  const found = claimDeadlines({ case: data.caseInfo, ...data }, providerDirectory(), madeAt.slice(0, 10))
  if (!found.length) return []
  const lang = dates.lang
  const rows: Row[] = found.map((d) => ({
    cells: [
      [{ text: d.organization, bold: true }],
      [
        { text: d.rule.title[lang] },
        ...(d.missing.length ? [{ text: L.claimStillMissing(d.missing.map((p) => PREREQUISITE_TEXT[p][lang]).join(lang === 'ja' ? '、' : '; ')), warn: true }] : []),
        { text: L.ruleAsOf(formatDate(d.rule.source.checked, dates, false), d.rule.source.url), muted: true },
        ...(d.stale ? [{ text: L.ruleStale, warn: true }] : []),
      ],
      [{ text: d.day ? formatDate(d.day, dates, false) : L.claimStartUnknown, bold: !!d.day, warn: d.status === 'overdue' }],
    ],
  }))
  const columns = [
    { title: L.organization, width: 0.26 },
    { title: L.claimRule, width: 0.52 },
    { title: L.claimDeadline, width: 0.22 },
  ]
  return [{ kind: 'subheading', text: L.claimDeadlines }, { kind: 'table', columns, rows }]
}

function followUps(ctx: SectionContext, heading: Heading): Block[] {
  const { data, L, dates, madeAt } = ctx
  const open = data.tasks.filter((t) => !t.done)
  const notes = data.organizations.filter((o) => o.notes?.trim())
  const claims = deadlines(ctx)
  if (!open.length && !notes.length && !claims.length) return []
  const orgName = new Map(data.organizations.map((o) => [o.id, o.name]))
  const today = madeAt.slice(0, 10)
  const out: Block[] = [heading(L.followUps)]
  if (open.length) {
    const rows: Row[] = open.map((t) => {
      const overdue = t.dueAt !== undefined && t.dueAt.slice(0, 10) < today
      return {
        cells: [
          [{ text: t.title }],
          [{ text: formatDate(t.dueAt, dates) }],
          [{ text: t.organizationId ? (orgName.get(t.organizationId) ?? '') : '' }],
          [{ text: overdue ? L.overdue : L.open, warn: overdue, bold: overdue }],
        ],
      }
    })
    const columns = [
      { title: L.task, width: 0.42 },
      { title: L.due, width: 0.2 },
      { title: L.organization, width: 0.26 },
      { title: L.status, width: 0.12 },
    ]
    out.push({ kind: 'table', columns, rows })
  }
  out.push(...claims)
  if (notes.length) {
    out.push({ kind: 'subheading', text: L.conditions })
    out.push(...notes.map((o) => para(`${o.name}${L.colon}${o.notes}`)))
  }
  return out
}

/** Why an evidence item is not shown in the appendix, if it is not. */
const problemOf = (ctx: SectionContext, e: Evidence) => ctx.imageProblems.get(e.id) ?? ctx.documents?.problems.get(e.id)

function evidenceNote(ctx: SectionContext, e: Evidence): string {
  const problem = problemOf(ctx, e)
  if (problem) return ctx.L[problem]
  const pdf = ctx.documents?.pdfs.get(e.id)
  if (pdf) return ctx.L.pdfInAppendix(pdf.pages.length, pdf.total)
  if (ctx.documents?.mails.has(e.id)) return ctx.L.mailInAppendix
  return e.mimeType === 'image/png' || e.mimeType === 'image/jpeg' ? ctx.L.inAppendix : ctx.L.notImage
}

const sha256Line = (e: Evidence): Cell => [{ text: `SHA-256 ${e.sha256}`, size: 7.5 }]

// File names and captions come from outside (a scammer's attachment, a shared
// case): their direction controls and invisible characters are printed as
// 〔U+202E〕 markers, so "invoice[U+202E]gnp.exe" cannot pass for a picture.
const nameOf = (e: Evidence) => revealHidden(e.fileName)
const captionOf = (e: Evidence) => (e.caption ? revealHidden(e.caption) : undefined)

function evidenceIndex(ctx: SectionContext, heading: Heading): Block[] {
  const { data, L, dates } = ctx
  const numberOf = new Map(data.evidence.map((e, i) => [e.id, i + 1]))
  // Where an attachment came from: the police trace a file back to the mail that delivered it.
  const attached = (e: Evidence): Cell => {
    const container = ctx.documents?.containers.get(e.id)
    return container === undefined ? [] : [{ text: L.attachedTo(numberOf.get(container)!), muted: true }]
  }
  const rows: Row[] = data.evidence.map((e, i) => ({
    cells: [
      [{ text: String(i + 1), bold: true }],
      [...(e.caption ? [{ text: captionOf(e)! }, { text: nameOf(e), muted: true }] : [{ text: nameOf(e) }]), ...attached(e)],
      [{ text: TYPE_NAMES[e.mimeType] ?? e.mimeType }, { text: formatSize(e.size), muted: true }],
      [{ text: formatDate(e.capturedAt, dates, false) }],
      [{ text: evidenceNote(ctx, e), muted: !problemOf(ctx, e), warn: !!problemOf(ctx, e) }],
    ],
    below: sha256Line(e),
  }))
  const columns = [
    { title: L.number, width: 0.07 },
    { title: `${L.caption} / ${L.fileName}`, width: 0.43 },
    { title: `${L.type} / ${L.size}`, width: 0.13 },
    { title: L.captured, width: 0.17 },
    { title: L.note, width: 0.2 },
  ]
  return [heading(L.evidenceIndex), { kind: 'table', columns, rows }]
}

function integrity({ data, L, dates }: SectionContext, heading: Heading): Block[] {
  const v = data.verify
  return [
    heading(L.integrity),
    para(L.integrityHow),
    ...L.commands.map((c) => para(c, { muted: true })),
    { kind: 'space', height: 6 },
    para(L.auditHow),
    para(`#${v.auditHead.seq} ${v.auditHead.hash}`, { size: 7.5 }),
    { kind: 'space', height: 6 },
    ...(v.ok
      ? [para(L.verifiedOk(v.evidenceChecked, v.auditEntries))]
      : [para(L.verifiedProblems, { warn: true }), ...v.findings.map((f) => para(`- ${L.finding(withoutNames(f))}`, { warn: true }))]),
    ...(v.sealedSince ? [para(L.sealedSince(formatDate(v.sealedSince.slice(0, 10), dates)))] : []),
    { kind: 'space', height: 6 },
    para(L.verifyScope, { muted: true }),
  ]
}

function declaration({ data, L }: SectionContext, heading: Heading): Block[] {
  const { victim } = data.caseInfo
  return [
    // The declaration and its signature lines stay on one page.
    heading(L.declaration, false, 170),
    para(L.declarationText),
    {
      kind: 'signature',
      lines: [
        [L.date, L.blankDate],
        [L.address, victim.address ?? ''],
        [L.name, victim.name ?? ''],
        ...(L.seal ? [] : [[L.signature, ''] as [string, string]]),
      ],
      seal: L.seal,
    },
  ]
}

function appendix(ctx: SectionContext): Block[] {
  const { data, L, dates } = ctx
  const drawn = data.evidence
    .map((e, i) => ({ e, n: i + 1 }))
    .filter(({ e }) => (e.mimeType === 'image/png' || e.mimeType === 'image/jpeg') && !ctx.imageProblems.has(e.id))
  if (!drawn.length) return []
  return [
    { kind: 'heading', text: L.appendix, newPage: true },
    ...drawn.flatMap(({ e, n }): Block[] => [
      {
        kind: 'image',
        evidenceId: e.id,
        caption: [
          { text: `${L.evidenceNo(n)}${L.colon}${captionOf(e) || nameOf(e)}`, bold: true },
          { text: [nameOf(e), TYPE_NAMES[e.mimeType], formatSize(e.size), formatDate(e.capturedAt, dates, false)].filter(Boolean).join(' / '), muted: true },
          ...sha256Line(e),
        ],
      },
      ...pictureText(ctx, ctx.pictureTexts?.get(e.id)),
    ]),
  ]
}

/** Recognised text is printed up to this many characters under its picture; the picture holds the rest. */
const MAX_PICTURE_TEXT = 1500

/**
 * What Kiroku read in a picture, so that a word only in the picture can be
 * found in the dossier's text; labelled a machine's reading that may be
 * wrong, with what read it: the evidence is the picture above it.
 */
function pictureText(ctx: SectionContext, reading: Reading | undefined): Block[] {
  if (!reading) return []
  const { L } = ctx
  const [text, more] = cut(masked(ctx, reading.text), MAX_PICTURE_TEXT)
  return [
    para(L.pictureText, { bold: true }),
    para(L.pictureTextBy(reading.engine, reading.engineVersion, reading.languages), { size: 7.5, muted: true }),
    para(revealedLines(text)),
    ...(more ? [para(L.pictureTextCut, { muted: true })] : []),
  ]
}

/**
 * With redaction, the victim's details masked in a text redactData did not
 * see (a mail, a picture's text). Hidden characters go line by line, since a
 * line break is one of them to withoutHidden and the text's lines are its own.
 */
const masked = (ctx: SectionContext, text: string) =>
  ctx.redacted ? redactText(text.split('\n').map(withoutHidden).join('\n'), ctx.redaction?.secrets, ctx.redaction?.protect) : text

/** Hidden characters written out line by line: the text's line breaks are its own, not something to reveal. */
const revealedLines = (text: string) => text.split('\n').map(revealHidden).join('\n')

/**
 * At most `max` characters (code points, never half a character) and whether
 * there is more. Cut after masking, so a number across the cut stays masked;
 * and at a line break where one is in the second half, so the last line (an
 * amount, a number) is not printed cut through.
 */
function cut(text: string, max: number): [shown: string, more: boolean] {
  const chars = [...text]
  if (chars.length <= max) return [text, false]
  const kept = chars.slice(0, max).join('')
  const lineEnd = kept.lastIndexOf('\n')
  return [lineEnd > kept.length / 2 ? kept.slice(0, lineEnd) : kept, true]
}

/** A mail's body is printed up to this many characters; the original has the rest. */
const MAX_MAIL_BODY = 8000

/**
 * Each mail as the police read it: who, to whom, when (the Date header as the
 * sender wrote it, with its offset), the subject, the body, then the routing
 * headers that trace where it came from. Addresses are already defanged.
 */
function mailAppendix(ctx: SectionContext): Block[] {
  const { data, L } = ctx
  const mails = data.evidence.map((e, i) => ({ e, n: i + 1, mail: ctx.documents?.mails.get(e.id) })).filter((m) => m.mail)
  if (!mails.length) return []
  const shown = (text: string) => revealedLines(masked(ctx, text))
  const out: Block[] = [{ kind: 'heading', text: L.appendixMails, newPage: true }, para(L.mailLinks, { muted: true })]
  for (const { e, n, mail } of mails) {
    const [body, more] = cut(masked(ctx, mail!.body), MAX_MAIL_BODY)
    out.push(
      { kind: 'subheading', text: `${L.evidenceNo(n)}${L.colon}${captionOf(e) || nameOf(e)}` },
      fields([
        [L.mailFrom, shown(mail!.from)],
        [L.mailTo, shown(mail!.to)],
        [L.mailCc, shown(mail!.cc)],
        [L.mailDate, revealHidden(mail!.dateHeader || mail!.date)],
        [L.mailSubject, shown(mail!.subject)],
      ], 0.14),
      para(`SHA-256 ${e.sha256}`, { size: 7.5, muted: true }),
      { kind: 'space', height: 4 },
      para(L.mailBody, { bold: true }),
      para(revealedLines(body) || '—'),
      ...(more ? [para(L.mailBodyCut, { muted: true })] : []),
    )
    if (mail!.traceHeaders.length) {
      out.push({ kind: 'space', height: 4 }, para(L.mailTrace, { bold: true }))
      out.push(...mail!.traceHeaders.map((h) => para(shown(`${h.name}: ${h.value}`), { size: 7.5, muted: true })))
    }
    out.push({ kind: 'space', height: 10 })
  }
  return out
}

/** Each page of each PDF, on a page of its own, with the evidence number and SHA-256 above it. */
function pdfAppendix(ctx: SectionContext): Block[] {
  const { data, L, dates } = ctx
  const pdfs = data.evidence.map((e, i) => ({ e, n: i + 1, pdf: ctx.documents?.pdfs.get(e.id) })).filter((p) => p.pdf)
  if (!pdfs.length) return []
  const out: Block[] = [{ kind: 'heading', text: L.appendixPdfs, newPage: true }]
  for (const { e, n, pdf } of pdfs) {
    pdf!.pages.forEach((_page, index) =>
      out.push({
        kind: 'pdfPage',
        evidenceId: e.id,
        index,
        caption: [
          { text: `${L.evidenceNo(n)}${L.colon}${captionOf(e) || nameOf(e)}${L.pdfPageOf(index + 1, pdf!.total)}`, bold: true },
          { text: [nameOf(e), formatSize(e.size), formatDate(e.capturedAt, dates, false)].filter(Boolean).join(' / '), muted: true },
          ...sha256Line(e),
        ],
      }),
    )
  }
  return out
}
