// The preparation sheet: one A4 page to have in hand at the police station
// or during a call to a provider: what to bring, what they will ask (with
// what the case already says), the reference numbers so far, what was
// promised, and what to ask them. The wording comes from the plan files
// (resources/plans); the page is drawn with the dossier's fonts and layout.
import { planKinds } from '../../../../shared/plans'
import fs from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import { formatAmount } from '../../../../shared/amounts'
import type { CaseKind, Organization, TimelineEvent } from '../../../../shared/domain'
import { dueFollowUps } from '../../../../shared/followups'
import type { PlanLang, PrepAnswer, PrepAudience, PrepSheetDef } from '../../../../shared/plans'
import type { CaseFile } from '../casefile/case-file'
import { type Block, type Row, para } from '../dossier/blocks'
import { formatDate } from '../dossier/dates'
import { FontSet } from '../dossier/fonts'
import { drawFrame, frameTextOf, type FrameText } from '../dossier/frame'
import { labelsFor } from '../dossier/labels'
import { Layout, textOf } from '../dossier/layout'
import { LEADING, PAD, SIZE } from '../dossier/page'
import { findOrganization, withoutPrivate } from '../dossier/select'
import { KirokuError } from '../errors'
import { writeAtomically } from '../fs/atomic'
import { localDay, localMoment } from '../../../../shared/dates'
import { TERMS } from '../../../../shared/terms'
import { planLibrary, type PlanLibrary } from './library'

export interface PrepSheetOptions {
  for: PrepAudience
  lang?: PlanLang
  /** Only for a provider: its id or exact name; narrows numbers and promises to it. */
  organization?: string
  /** When the sheet is made (default now); fixed in tests. */
  now?: Date
  library?: PlanLibrary
}

export const PREP_SHEET_WORDS = {
  ja: {
    reportTitle: '準備シート',
    caseLine: (title: string, kind: string) => `${TERMS.ja.case}：${title}（${kind}）`,
    forOrganization: (name: string) => `相手：${name}`,
    bring: '持ち物・手元に用意するもの',
    questions: '聞かれること',
    question: '質問',
    yourRecord: 'あなたの記録では',
    references: `これまでの${TERMS.ja.referenceNumber}・${TERMS.ja.policeReceiptNumber}`,
    organization: '相手',
    label: '種類',
    number: '番号',
    issued: '日付',
    noReferences: 'まだ記録されていません。',
    promises: '約束されていること',
    promise: '内容',
    due: '期限',
    overdue: '（期限超過）',
    ask: 'こちらから聞くこと',
    notes: 'メモ（担当者・受付番号・約束と期限）',
    notYet: '未記録',
    andMore: (n: number) => `ほか${n}件（詳しくは Kiroku で作った${TERMS.ja.policeDossier}）`,
    sep: '、',
    colon: '：',
    dated: (name: string, date: string) => `${name}（${date}）`,
  },
  en: {
    reportTitle: 'Preparation sheet',
    caseLine: (title: string, kind: string) => `${TERMS.en.case}: ${title} (${kind})`,
    forOrganization: (name: string) => `For: ${name}`,
    bring: 'What to bring or have at hand',
    questions: 'What they will ask',
    question: 'Question',
    yourRecord: 'What your record says',
    references: 'Reference numbers so far',
    organization: 'Who',
    label: 'Kind',
    number: 'Number',
    issued: 'Date',
    noReferences: 'None recorded yet.',
    promises: 'What was promised',
    promise: 'Promise',
    due: 'Due',
    overdue: ' (overdue)',
    ask: 'What to ask them',
    notes: 'Notes (name, reference number, promise and date)',
    notYet: 'not recorded',
    andMore: (n: number) => `and ${n} more (see the ${TERMS.en.policeDossier.toLowerCase()} made with Kiroku)`,
    sep: '; ',
    colon: ': ',
    dated: (name: string, date: string) => `${name} (${date})`,
  },
}

/** How much of the case fits: each level keeps fewer rows, until the sheet is one page. */
const LIMITS = [
  { rows: 8, answerItems: 4 },
  { rows: 6, answerItems: 3 },
  { rows: 4, answerItems: 2 },
  { rows: 3, answerItems: 1 },
]

/** Ruled lines to write on during the call or the visit, as many as the page has room for. */
const NOTE_LINE: Row = { cells: [[{ text: '\u3000', size: 13 }]] }
const NOTE_LINE_HEIGHT = 13 * LEADING + 2 * PAD.y
const noteBlocks = (title: string, lines: number): Block[] => [
  { kind: 'subheading', text: title },
  { kind: 'table', header: false, columns: [{ title: '', width: 1 }], rows: Array.from({ length: lines }, () => NOTE_LINE) },
]
const MAX_NOTE_LINES = 8

const INCIDENT_KINDS = new Set(['incident', 'unauthorized_access', 'unauthorized_use'])
const CONTACT_KINDS = new Set(['contact', 'police_report'])

interface SheetData {
  kind: CaseKind
  caseTitle: string
  discoveredAt?: string
  organizations: Organization[]
  events: TimelineEvent[]
  provider?: Organization
}

/** An item for some kinds only applies when the case is one of them. */
function applies(item: { kinds?: CaseKind[] }, kinds: readonly CaseKind[]): boolean {
  return !item.kinds || item.kinds.some((k) => kinds.includes(k))
}

function buildBlocks(caseFile: CaseFile, def: PrepSheetDef, options: Required<Pick<PrepSheetOptions, 'for' | 'lang'>> & { provider?: Organization; today: string }, limit: (typeof LIMITS)[number]): Block[] {
  const { lang, provider } = options
  const W = PREP_SHEET_WORDS[lang]
  const L = labelsFor(lang)
  const dates = { lang, era: 'western' as const }
  const record = caseFile.case.get()
  // For one provider, its losses and those of no organisation, judged by each loss's own organisation
  // before private ones lose their names (a loss at a private organisation is not "of none").
  const allLosses = caseFile.losses.list()
  // Nothing marked private: no private call (nor its numbers and promises), organisation or loss.
  const visible = withoutPrivate({
    organizations: caseFile.organizations.list(),
    events: caseFile.events.list(),
    references: caseFile.references.list(),
    losses: provider ? allLosses.filter((l) => l.organizationId === undefined || l.organizationId === provider.id) : allLosses,
    tasks: caseFile.tasks.list(),
    evidence: [],
    policeRecords: caseFile.policeRecords.list(),
  })
  const { organizations, events } = visible
  const orgName = new Map(organizations.map((o) => [o.id, o.name]))
  const ours = (organizationId?: number) => !provider || organizationId === provider.id
  const cap = <T>(items: T[], n: number) => ({ shown: items.slice(0, n), more: Math.max(0, items.length - n) })

  const { losses } = visible
  const references = visible.references.filter((r) => {
    if (!provider) return true
    const org = organizations.find((o) => o.id === r.organizationId)
    return r.organizationId === provider.id || org?.role === 'police'
  })
  const policeReferences = visible.references.filter((r) => organizations.find((o) => o.id === r.organizationId)?.role === 'police')

  const answer = (key: PrepAnswer | undefined): string => {
    if (!key) return ''
    const list = (items: string[]) => {
      const { shown, more } = cap(items, limit.answerItems)
      return [...shown, ...(more ? [W.andMore(more)] : [])].join('\n')
    }
    switch (key) {
      case 'discovered': {
        const first = events.find((e) => e.kind === 'incident') ?? events.find((e) => INCIDENT_KINDS.has(e.kind))
        const when = record.discoveredAt ?? first?.occurredAt
        return when ? [formatDate(when, dates), first?.title].filter(Boolean).join(' — ') : W.notYet
      }
      case 'incident': {
        const incidents = events.filter((e) => INCIDENT_KINDS.has(e.kind) && (ours(e.organizationId) || e.kind !== 'unauthorized_use'))
        return incidents.length ? list(incidents.map((e) => `${formatDate(e.occurredAt, dates, false)}  ${e.title}`)) : W.notYet
      }
      case 'losses': {
        if (!losses.length) return W.notYet
        return list(
          losses.map((l) => {
            const when = l.occurredAt ? `${formatDate(l.occurredAt, dates, false)}  ` : ''
            const back = l.recovered ? ` (${L.recovered} ${formatAmount(l.recovered, l.unit, lang)})` : ''
            return `${when}${l.description}${W.colon}${formatAmount(l.amount, l.unit, lang)}${back}`
          }),
        )
      }
      case 'contacts': {
        const last = new Map<number, TimelineEvent>()
        for (const e of events) if (CONTACT_KINDS.has(e.kind) && e.organizationId !== undefined) last.set(e.organizationId, e)
        const lines = [...last.values()].reverse().map((e) => `${W.dated(orgName.get(e.organizationId!) ?? '', formatDate(e.occurredAt, dates, false))}${W.colon}${e.title}`)
        return lines.length ? list(lines) : W.notYet
      }
      case 'police_reference':
        // The police records first (their numbers are what a provider asks for), then numbers noted as references.
        return [
          ...visible.policeRecords.flatMap((r) => (r.receiptNumber ? [`${r.station} ${L.policeKinds[r.kind]} ${r.receiptNumber}`] : [])),
          ...policeReferences.map((r) => `${orgName.get(r.organizationId!) ?? ''} ${r.label} ${r.value}`.trim()),
        ].join(W.sep) || W.notYet
    }
  }

  // The case's kind and those its plan added (account takeover and points theft come together).
  const plan = caseFile.plan.get()
  const kinds = [...new Set([record.kind, ...(plan ? planKinds(plan) : [])])]
  const kindName = kinds.map((k) => L.kinds[k]).join(W.sep)
  const blocks: Block[] = [
    { kind: 'heading', text: def.title },
    para(W.caseLine(record.title, kindName), { bold: true }),
    ...(provider ? [para(W.forOrganization(provider.name), { bold: true })] : []),
    para(def.intro, { muted: true }),
    { kind: 'subheading', text: W.bring },
    ...def.bring.filter((b) => applies(b, kinds)).map((b) => para(`□ ${b.text}`)),
    { kind: 'subheading', text: W.questions },
    {
      kind: 'table',
      columns: [
        { title: W.question, width: 0.42 },
        { title: W.yourRecord, width: 0.58 },
      ],
      rows: def.questions
        .filter((q) => applies(q, kinds))
        .map((q): Row => ({ cells: [[{ text: q.text }], [{ text: answer(q.answer), muted: !q.answer }]] })),
    },
    { kind: 'subheading', text: W.references },
  ]

  const refs = cap(
    [...references].sort((a, b) => (a.issuedAt ?? '9999').localeCompare(b.issuedAt ?? '9999') || a.id - b.id),
    limit.rows,
  )
  if (!refs.shown.length) blocks.push(para(W.noReferences, { muted: true }))
  else {
    blocks.push({
      kind: 'table',
      columns: [
        { title: W.organization, width: 0.34 },
        { title: W.label, width: 0.18 },
        { title: W.number, width: 0.32 },
        { title: W.issued, width: 0.16 },
      ],
      rows: refs.shown.map((r) => ({
        cells: [[{ text: orgName.get(r.organizationId!) ?? '' }], [{ text: r.label }], [{ text: r.value, bold: true }], [{ text: formatDate(r.issuedAt, dates, false) }]],
      })),
    })
    if (refs.more) blocks.push(para(W.andMore(refs.more), { muted: true }))
  }

  const promises = cap(
    dueFollowUps(visible.tasks.filter((t) => ours(t.organizationId)), options.today),
    limit.rows,
  )
  if (promises.shown.length) {
    blocks.push(
      { kind: 'subheading', text: W.promises },
      {
        kind: 'table',
        columns: [
          { title: W.promise, width: 0.46 },
          { title: W.organization, width: 0.28 },
          { title: W.due, width: 0.26 },
        ],
        rows: promises.shown.map((d) => ({
          cells: [
            [{ text: d.task.title }],
            [{ text: d.task.organizationId !== undefined ? (orgName.get(d.task.organizationId) ?? '') : '' }],
            [{ text: `${formatDate(d.task.dueAt, dates, false)}${d.status === 'overdue' ? W.overdue : ''}`, warn: d.status === 'overdue' }],
          ],
        })),
      },
    )
    if (promises.more) blocks.push(para(W.andMore(promises.more), { muted: true }))
  }

  blocks.push({ kind: 'subheading', text: W.ask }, ...def.ask.filter((a) => applies(a, kinds)).map((a) => para(`□ ${a.text}`)))
  return blocks
}

export interface PrepSheet {
  pdf: Uint8Array
  pages: number
}

export async function makePrepSheet(caseFile: CaseFile, options: PrepSheetOptions): Promise<PrepSheet> {
  const lang = options.lang ?? 'ja'
  if (options.organization !== undefined && options.for !== 'provider') {
    throw new KirokuError('invalid_input', 'An organization can only be chosen for a provider sheet (--for provider).')
  }
  const library = options.library ?? planLibrary()
  const def = library.get(lang).prep[options.for]
  const provider = options.organization !== undefined ? findOrganization(caseFile.organizations.list(), options.organization) : undefined
  const now = options.now ?? new Date()
  const L = labelsFor(lang)
  const W = PREP_SHEET_WORDS[lang]
  const record = caseFile.case.get()
  let last: PrepSheet | undefined
  for (const limit of LIMITS) {
    const blocks = buildBlocks(caseFile, def, { for: options.for, lang, provider, today: localDay(now) }, limit)
    const frame: FrameText = {
      caseTitle: record.title,
      reportTitle: `${W.reportTitle}${W.colon}${def.title}`,
      // The sheet is the victim's own, to have in hand: not for handing over.
      audience: provider ? (lang === 'ja' ? `${L.ownCopy}（${provider.name}）` : `${L.ownCopy} (${provider.name})`) : L.ownCopy,
      made: `${L.madeOn} ${formatDate(localMoment(now), { lang, era: 'western' }, false)}`,
      pageOf: L.pageOf,
    }
    const doc = await PDFDocument.create({ updateMetadata: false })
    const text = textOf([...blocks, ...noteBlocks(W.notes, 1)])
    const fonts = await FontSet.embed(doc, { regular: `${text.regular}\n${frameTextOf(frame)}`, bold: text.bold })
    const layout = new Layout(doc, fonts, new Map())
    layout.render(blocks)
    if (layout.pages.length > 1 && limit !== LIMITS[LIMITS.length - 1]) continue
    const headingRoom = SIZE.subheading * LEADING + 6 + 3 + 14
    const lines = Math.min(MAX_NOTE_LINES, Math.floor((layout.room - headingRoom - 6) / NOTE_LINE_HEIGHT))
    if (layout.pages.length === 1 && lines >= 2) layout.render(noteBlocks(W.notes, lines))
    layout.finish()
    drawFrame(layout.pages, fonts, frame)
    doc.setTitle(`${def.title}: ${record.title}`)
    doc.setLanguage(lang === 'ja' ? 'ja-JP' : 'en')
    doc.setCreator('Kiroku')
    doc.setProducer('Kiroku (pdf-lib)')
    doc.setCreationDate(now)
    doc.setModificationDate(now)
    last = { pdf: await doc.save(), pages: layout.pages.length }
    break
  }
  return last!
}

/** Writes the sheet to `out`: complete under its name or not at all. */
export async function writePrepSheetFile(
  caseFile: CaseFile,
  out: string,
  options: PrepSheetOptions,
  write: { overwrite?: boolean } = {},
): Promise<{ pages: number; bytes: number }> {
  return writeAtomically(
    out,
    async (tmp) => {
      const { pdf, pages } = await makePrepSheet(caseFile, options)
      fs.writeFileSync(tmp, pdf)
      return { pages, bytes: pdf.byteLength }
    },
    write,
  )
}
