// 補填・補償のお願い to one provider: the addressee, the facts that concern it,
// its reference numbers and the police's number, its losses, the evidence
// enclosed (with SHA-256), and the rule the claim is made under with its
// deadline, dated as checked at its source. Points come back as 補填, money as
// 補償 (shared/notes/japanese-terms.md).
import { PREREQUISITE_TEXT, RULE_FRESH_DAYS, WINDOW_START_TEXT } from '../../../../shared/directory'
import { daysBetween } from '../../../../shared/followups'
import { unitName } from '../../../../shared/amounts'
import type { Loss } from '../../../../shared/domain'
import { fields, para, type Block } from '../dossier/blocks'
import { formatDate } from '../dossier/dates'
import { policeNumber, type LetterData } from './data'
import type { LetterContent } from './content'
import { eventTable, evidenceTable, lossTable, numbering, type PartContext } from './parts'

/** Points (補填) or money (補償): a unit named as points, in either language, is points. */
export const isPoints = (unit: string) => /ポイント|point/i.test(`${unit} ${unitName(unit, 'ja')} ${unitName(unit, 'en')}`)

export function claimKind(losses: Loss[]): 'refill' | 'compensation' | 'both' {
  const points = losses.some((l) => isPoints(l.unit))
  const money = losses.some((l) => !isPoints(l.unit))
  return points && money ? 'both' : money ? 'compensation' : 'refill'
}

export function claimLetter(data: LetterData, ctx: PartContext, today: string): LetterContent {
  const { W, dates } = ctx
  const C = W.claim
  const lang = dates.lang
  const provider = data.provider!
  const heading = numbering()
  const { victim } = data.caseInfo
  const value = (v: string | undefined) => (v?.trim() ? v : W.notRecorded)
  const kind = claimKind(data.losses)
  const title = kind === 'both' ? C.titleBoth : kind === 'compensation' ? C.titleCompensation : C.titleRefill
  const asking = kind === 'both' ? C.refillAndCompensation : kind === 'compensation' ? C.compensation : C.refill
  const notRecorded = (): Block => para(W.notRecorded, { warn: true })

  const head: Block[] = [
    { kind: 'title', text: title, subtitle: C.to(provider.name) },
    fields(
      [
        [C.date, formatDate(today, dates)],
        [C.from, value(victim.name)],
        [C.address, value(victim.address)],
        [C.phone, value(victim.phone)],
        [C.email, victim.email],
      ],
      0.2,
    ),
    { kind: 'space', height: 4 },
  ]

  // Reference numbers: the provider's own, then the police's.
  const police = policeNumber(data)
  const policeLabel = police?.kind === 'consultation' ? C.consultationNumber : C.policeReceipt
  const policeText = police
    ? [
        police.kind === 'reference' && police.label ? `${police.label} ${police.value}` : police.value,
        [police.station, police.day ? formatDate(police.day, dates, false) : ''].filter(Boolean).join(' '),
        police.kind === 'reference' ? C.policeFromReference : '',
      ]
        .filter(Boolean)
        .join(' ')
    : W.notRecorded
  const ownReferences = data.references.map((r) => `${r.label} ${r.value}${r.issuedAt ? W.paren(formatDate(r.issuedAt, dates, false)) : ''}`)
  const numbers = {
    kind: 'table' as const,
    header: false,
    columns: [
      { title: '', width: 0.32 },
      { title: '', width: 0.68 },
    ],
    rows: [
      {
        cells: [
          [{ text: C.yourReference(provider.name), bold: true, muted: true }],
          ownReferences.length ? ownReferences.map((text) => ({ text, bold: true })) : [{ text: W.notRecorded, warn: true }],
        ],
      },
      { cells: [[{ text: policeLabel, bold: true, muted: true }], [{ text: policeText, bold: !!police, warn: !police }]] },
    ],
  }

  const rules: Block[] = []
  for (const d of data.deadlines) {
    const source = d.rule.source
    rules.push(
      { kind: 'subheading', text: d.rule.title[lang] },
      fields(
        [
          [C.summary, d.rule.summary[lang]],
          [C.window, C.windowText(d.rule.window.days, WINDOW_START_TEXT[d.rule.window.from][lang])],
          [C.deadline, d.day ? `${formatDate(d.day, dates)}${C.daysLeft(d.daysLeft!)}` : W.notRecorded],
          [C.needed, d.missing.map((p) => PREREQUISITE_TEXT[p][lang]).join(W.sep) || undefined],
          [C.confirm, d.confirm.map((p) => PREREQUISITE_TEXT[p][lang]).join(W.sep) || undefined],
          [C.howToApply, d.rule.howToApply[lang]],
          [C.source, `${source.url}\n${C.asOf(formatDate(source.checked, dates))}`],
        ],
        0.2,
      ),
      ...(d.stale ? [para(C.stale, { warn: true })] : []),
    )
  }
  // Rules of the entry that set no window (or whose claim has no open loss) are still the basis of the claim.
  const withDeadline = new Set(data.deadlines.map((d) => d.rule.id))
  for (const rule of data.entry?.rules.filter((r) => !withDeadline.has(r.id)) ?? []) {
    const stale = daysBetween(rule.source.checked, today) > RULE_FRESH_DAYS
    rules.push(
      { kind: 'subheading', text: rule.title[lang] },
      fields(
        [
          [C.summary, rule.summary[lang]],
          [C.window, rule.window ? C.windowText(rule.window.days, WINDOW_START_TEXT[rule.window.from][lang]) : C.noWindow],
          [C.confirm, rule.prerequisites.map((p) => PREREQUISITE_TEXT[p][lang]).join(W.sep) || undefined],
          [C.howToApply, rule.howToApply[lang]],
          [C.source, `${rule.source.url}\n${C.asOf(formatDate(rule.source.checked, dates))}`],
        ],
        0.2,
      ),
      ...(stale ? [para(C.stale, { warn: true })] : []),
    )
  }

  const body: Block[] = [
    para(C.opening(asking)),
    heading(C.facts),
    ...(data.events.length ? [eventTable(ctx, data.events, data.references)] : [notRecorded()]),
    heading(C.numbers),
    numbers,
    heading(C.losses),
    ...(data.losses.length ? [lossTable(ctx, data.losses, false)] : [notRecorded()]),
    heading(C.enclosed),
    ...(data.evidence.length ? [evidenceTable(ctx, data.evidence), para(C.enclosedNote, { muted: true })] : [para(C.noEnclosed, { muted: true })]),
    heading(C.rule),
    ...(rules.length ? rules : [notRecorded()]),
    { kind: 'space', height: 8 },
    para(C.closing),
    {
      kind: 'signature',
      lines: [
        [C.signDate, C.blankDate],
        [C.address, victim.address ?? ''],
        [C.name, victim.name ?? ''],
        ...(C.signature ? [[C.signature, ''] as [string, string]] : []),
      ],
      seal: C.seal,
    },
  ]
  return { head, body, reportTitle: title, audience: C.audience(provider.name) }
}
