// 被害届の下書き: the facts in the order of the damage report form (犯罪捜査規範
// 別記様式第六号): the victim, 被害の年月日時, 被害の場所, 被害の模様, 被害金品,
// 犯人の住居・氏名・人相・着衣・特徴等, 遺留品その他参考事項. The officer writes
// the report; this is what they work from, and every page says so.
import { fields, para, type Block } from '../dossier/blocks'
import { formatDate } from '../dossier/dates'
import { INCIDENT_KINDS, damagePlaces, damageSpan, type LetterData } from './data'
import { eventTable, evidenceTable, lossTable, numbering, policeTable, referenceTable, type PartContext } from './parts'
import type { LetterContent } from './content'

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w@-])/g
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])/g
const IPV6 = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}(?![\w:])/g
const URL = /https?:\/\/[^\s　）)」』、。]+/g
const PHONE = /(?<![\d-])0\d{1,4}-\d{1,4}-\d{3,4}(?![\d-])/g
const ACCOUNT = /(?:口座番号|口座|account(?: number)?)[\s:：]*([0-9０-９*＊-]{4,})/gi

type ClueKind = 'ip' | 'email' | 'phone' | 'url' | 'account'

/**
 * What the record says about the offender: addresses, numbers and links written
 * in the incident events (the IP of a login, the sender of a phishing mail, the
 * account money went to); never the victim's own details or a provider's.
 */
export function offenderClues(data: LetterData): Array<{ kind: ClueKind; value: string; when: string }> {
  const { victim } = data.caseInfo
  const known = new Set(
    [victim.email, victim.phone, ...data.organizations.flatMap((o) => [o.email, o.phone, o.url])]
      .filter((v): v is string => !!v)
      .map((v) => v.trim().toLowerCase()),
  )
  const found = new Map<string, { kind: ClueKind; value: string; when: string }>()
  for (const e of data.events.filter((x) => INCIDENT_KINDS.has(x.kind))) {
    const text = `${e.title}\n${e.body ?? ''}`
    const take = (kind: ClueKind, pattern: RegExp, group = 0) => {
      for (const m of text.matchAll(pattern)) {
        const value = m[group].replace(/[.,]+$/, '')
        const key = value.toLowerCase()
        if (known.has(key) || [...known].some((k) => kind === 'url' && k && key.startsWith(k))) continue
        if (!found.has(key)) found.set(key, { kind, value, when: e.occurredAt })
      }
    }
    take('url', URL)
    take('email', EMAIL)
    take('ip', IPV4)
    take('ip', IPV6)
    take('phone', PHONE)
    take('account', ACCOUNT, 1)
  }
  // An address inside a URL is that URL's, not a clue of its own.
  const urls = [...found.values()].filter((c) => c.kind === 'url').map((c) => c.value)
  return [...found.values()].filter((c) => c.kind === 'url' || !urls.some((u) => u.includes(c.value)))
}

export function policeReport(data: LetterData, ctx: PartContext): LetterContent {
  const { W, dates } = ctx
  const P = W.police
  const heading = numbering()
  const { victim } = data.caseInfo
  const value = (v: string | undefined) => (v?.trim() ? v : W.notRecorded)
  const span = damageSpan(data)
  const places = damagePlaces(data)
  const incidents = data.events.filter((e) => INCIDENT_KINDS.has(e.kind))
  const clues = offenderClues(data)
  const notRecorded = (text = W.notRecorded): Block => para(text, { warn: true })

  const head: Block[] = [
    { kind: 'title', text: P.title, subtitle: P.subtitle },
    para(P.draftMark, { bold: true, warn: true }),
    para(P.intro, { muted: true }),
    { kind: 'space', height: 6 },
  ]

  const when: Block[] = span
    ? [
        fields(
          [
            [P.first, W.approx(formatDate(span.first, dates))],
            [P.last, span.last !== span.first ? W.approx(formatDate(span.last, dates)) : undefined],
            [P.discovered, formatDate(data.caseInfo.discoveredAt, dates)],
          ],
          0.24,
        ),
      ]
    : [notRecorded()]

  const where: Block[] = places.length
    ? [
        ...places.map((o) => para(o.url ? `${o.name}${W.paren(o.url)}` : o.name, { bold: true })),
        ...(places.some((o) => o.role === 'platform') ? [para(P.whereNote, { muted: true })] : []),
      ]
    : [notRecorded()]

  const what: Block[] = [
    ...(data.caseInfo.summary.trim() ? [{ kind: 'subheading', text: P.inVictimsWords } as Block, para(data.caseInfo.summary)] : []),
    ...(incidents.length ? [{ kind: 'subheading', text: P.events } as Block, eventTable(ctx, incidents, data.references)] : [notRecorded()]),
  ]

  const offender: Block[] = [
    para(P.offenderUnknown),
    ...(clues.length
      ? [
          { kind: 'subheading', text: P.clues } as Block,
          ...clues.map((c) => para(`${W.clueKinds[c.kind]}${W.colon}${c.value}${W.paren(formatDate(c.when, dates))}`)),
        ]
      : [para(P.cluesNone)]),
  ]

  const other: Block[] = [
    { kind: 'subheading', text: P.evidence },
    ...(data.evidence.length ? [evidenceTable(ctx, data.evidence)] : [notRecorded()]),
    ...(data.references.length ? [{ kind: 'subheading', text: P.references } as Block, referenceTable(ctx, data.references)] : []),
    ...(data.policeRecords.length ? [{ kind: 'subheading', text: P.policeRecords } as Block, policeTable(ctx, data.policeRecords)] : []),
  ]

  const body: Block[] = [
    heading(P.victim),
    fields(
      [
        [P.residence, value(victim.address)],
        [P.occupation, P.tellAtStation],
        [P.name, value(victim.name)],
        [P.age, P.tellAtStation],
        [P.phone, value(victim.phone)],
        [P.email, victim.email],
      ],
      0.24,
    ),
    heading(P.when),
    ...when,
    heading(P.where),
    ...where,
    heading(P.what),
    ...what,
    heading(P.losses),
    ...(data.losses.length ? [lossTable(ctx, data.losses)] : [notRecorded()]),
    heading(P.offender),
    ...offender,
    heading(P.other),
    ...other,
  ]
  return { head, body, reportTitle: P.title, audience: P.audience, banner: P.draftMark }
}
