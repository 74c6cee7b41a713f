// What a letter may show: the case's records without what the user marked
// private (a letter is handed over, like a dossier), narrowed to one provider
// for a claim, masked when asked; and what is missing from them. Pure once the
// records are read: the app shows the missing list before anything is written.
import { claimDeadlines, findEntry, type ClaimDeadline } from '../../../../shared/deadlines'
import type { DirectoryEntry, DirectoryFile } from '../../../../shared/directory'
import type { CaseRecord, Evidence, EventKind, Loss, Organization, PoliceRecord, Reference, Task, TimelineEvent } from '../../../../shared/domain'
import { dayOf, localDay } from '../../../../shared/dates'
import type { CaseFile } from '../casefile/case-file'
import { redactData, withoutPrivate } from '../dossier/select'
import { KirokuError } from '../errors'
import { wordsFor } from './words'

export type LetterType = 'police-report' | 'claim' | 'consumer-center'
export const LETTER_TYPES: readonly LetterType[] = ['police-report', 'claim', 'consumer-center']

export interface LetterOptions {
  type: LetterType
  /** The provider a claim is addressed to (required for a claim, refused for the others). */
  organizationId?: number
  lang: 'ja' | 'en'
  era: 'western' | 'japanese'
  /** Mask phone numbers, e-mail addresses, account numbers and the address except their last 4 characters (as the dossier does). */
  redact: boolean
  /** The day the letter is dated and deadlines are counted from (YYYY-MM-DD; default today on this computer). */
  today?: string
  /** The PDF's creation time (default now); fixed in tests. */
  now?: Date
}

export type MissingField =
  | 'victimName'
  | 'victimAddress'
  | 'victimPhone'
  | 'damageDate'
  | 'damagePlace'
  | 'damageDetails'
  | 'losses'
  | 'evidence'
  | 'policeReceipt'
  | 'providerReference'
  | 'claimRule'
  | 'claimDeadline'

export interface MissingItem {
  field: MissingField
  /** In the letter's language. */
  text: string
}

export interface LetterData {
  caseInfo: CaseRecord
  organizations: Organization[]
  events: TimelineEvent[]
  references: Reference[]
  losses: Loss[]
  tasks: Task[]
  evidence: Evidence[]
  policeRecords: PoliceRecord[]
  /** The provider a claim is for. */
  provider?: Organization
  /** Its entry of the provider directory, if it is linked to one this directory has. */
  entry?: DirectoryEntry
  /** The claim's deadlines (the provider's open claim windows), soonest first. */
  deadlines: ClaimDeadline[]
}

/** Events of the fraud itself, in the order the police form calls 被害の模様. */
export const INCIDENT_KINDS: ReadonlySet<EventKind> = new Set(['incident', 'unauthorized_access', 'unauthorized_use'])
/** Events that are the damage itself (not its discovery). */
export const DAMAGE_KINDS: ReadonlySet<EventKind> = new Set(['unauthorized_access', 'unauthorized_use'])

/** The organisation a claim is addressed to: it must exist and not be private. */
function claimProvider(organizations: Organization[], options: LetterOptions): Organization | undefined {
  if (options.type !== 'claim') {
    if (options.organizationId !== undefined) throw new KirokuError('invalid_input', 'An organization can only be chosen for a claim letter (--type claim).')
    return undefined
  }
  if (options.organizationId === undefined) throw new KirokuError('invalid_input', 'A claim letter is addressed to one organization: give its id or name.')
  const found = organizations.find((o) => o.id === options.organizationId)
  if (!found) throw new KirokuError('invalid_input', `No organization #${options.organizationId} in this case`)
  if (found.private) throw new KirokuError('invalid_input', `The organization "${found.name}" is marked private: a letter never shows it`)
  return found
}

/** The records a letter of `options.type` shows, before redaction. */
export function letterRecords(caseFile: CaseFile, options: LetterOptions, directory: DirectoryFile): LetterData {
  const all = {
    organizations: caseFile.organizations.list(),
    events: caseFile.events.list(),
    references: caseFile.references.list(),
    losses: caseFile.losses.list(),
    tasks: caseFile.tasks.list(),
    evidence: caseFile.evidence.listForHandover(),
    policeRecords: caseFile.policeRecords.list(),
  }
  const provider = claimProvider(all.organizations, options)
  // A police record of a private call is as private as the call; one at a private organisation keeps no name.
  const { policeRecords: unsorted, ...visible } = withoutPrivate(all)
  const policeRecords = unsorted.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id)
  const caseInfo = caseFile.case.get()
  const today = todayOf(options)
  if (!provider) {
    const deadlines = claimDeadlines({ case: caseInfo, ...visible, policeRecords }, directory, today)
    return { caseInfo, ...visible, policeRecords, deadlines }
  }
  const data: LetterData = { caseInfo, ...visible, policeRecords, deadlines: [] }

  // A claim: the provider's own records, the fraud's events, and the police's numbers.
  const ours = (organizationId: number | undefined) => organizationId === provider.id
  // Chosen by each event's own organisation before private ones lose their names: an unauthorised use at a
  // private organisation is not "of none", and must not reach another provider's letter.
  const concerns = new Set(
    all.events
      .filter((e) => ours(e.organizationId) || e.kind === 'incident' || e.kind === 'unauthorized_access' || (e.kind === 'unauthorized_use' && e.organizationId === undefined))
      .map((e) => e.id),
  )
  const events = visible.events.filter((e) => concerns.has(e.id))
  const shownEvidence = new Set(events.flatMap((e) => e.evidenceIds))
  const losses = visible.losses.filter((l) => ours(l.organizationId))
  // Deadlines from what the letter may show: a private loss never sets the day.
  const deadlines = claimDeadlines(
    { case: caseInfo, organizations: [provider], losses, events: visible.events, tasks: visible.tasks, policeRecords },
    directory,
    today,
  )
  return {
    ...data,
    provider,
    entry: findEntry(directory, provider.directoryId),
    deadlines,
    events,
    references: visible.references.filter((r) => ours(r.organizationId)),
    losses,
    tasks: visible.tasks.filter((t) => ours(t.organizationId)),
    evidence: visible.evidence.filter((e) => shownEvidence.has(e.id)),
  }
}

/** The letter's day: options.today, else today on this computer. */
export function todayOf(options: Pick<LetterOptions, 'today' | 'now'>): string {
  return options.today ?? localDay(options.now ?? new Date())
}

/** Masks what the dossier masks, in the records and the police records alike. */
export function redactLetterData(data: LetterData): LetterData {
  return redactData(data, { policeNumbers: 'screen' })
}

/** The day (or moment) the damage began and ended: the unauthorised access or use, else the losses, else the incident. */
export function damageSpan(data: Pick<LetterData, 'events' | 'losses'>): { first: string; last: string } | undefined {
  const damage = data.events.filter((e) => DAMAGE_KINDS.has(e.kind)).map((e) => e.occurredAt)
  const lossDays = data.losses.flatMap((l) => (l.occurredAt ? [l.occurredAt] : []))
  let values = [...damage, ...lossDays]
  if (!values.length) values = data.events.filter((e) => e.kind === 'incident').map((e) => e.occurredAt)
  if (!values.length) return undefined
  // By day; on the same day a moment (with its time) says more than the day alone.
  const sorted = [...values].sort((a, b) => dayOf(a).localeCompare(dayOf(b)) || b.length - a.length || a.localeCompare(b))
  const lastDay = dayOf(sorted.at(-1)!)
  const onLastDay = sorted.filter((v) => dayOf(v) === lastDay)
  const last = onLastDay.filter((v) => v.includes('T')).sort().at(-1) ?? onLastDay[0]
  return { first: sorted[0], last }
}

/** The number the police gave: a damage report's 受理番号, else a consultation's number, else one recorded as a police reference. */
export interface PoliceNumber {
  kind: 'report' | 'consultation' | 'reference'
  value: string
  label?: string
  station?: string
  day?: string
}

export function policeNumber(data: Pick<LetterData, 'policeRecords' | 'references' | 'organizations'>): PoliceNumber | undefined {
  const numbered = (kind: PoliceRecord['kind']) => data.policeRecords.find((r) => r.kind === kind && r.receiptNumber?.trim())
  const record = numbered('report') ?? numbered('consultation')
  if (record) return { kind: record.kind === 'report' ? 'report' : 'consultation', value: record.receiptNumber!.trim(), station: record.station, day: record.occurredAt }
  const police = new Set(data.organizations.filter((o) => o.role === 'police').map((o) => o.id))
  const reference = data.references.find((r) => r.organizationId !== undefined && police.has(r.organizationId))
  if (reference) return { kind: 'reference', value: reference.value, label: reference.label, day: reference.issuedAt }
  return undefined
}

/** Places where the damage happened: the services of the incident events (never the support centres called). */
export function damagePlaces(data: Pick<LetterData, 'events' | 'organizations'>): Organization[] {
  const org = new Map(data.organizations.map((o) => [o.id, o]))
  const placeOf = (events: TimelineEvent[], roles: ReadonlySet<string>) =>
    [...new Set(events.flatMap((e) => (e.organizationId !== undefined ? [e.organizationId] : [])))]
      .map((id) => org.get(id))
      .filter((o): o is Organization => !!o && roles.has(o.role))
  const incident = data.events.filter((e) => INCIDENT_KINDS.has(e.kind))
  const places = placeOf(incident, new Set(['platform', 'other']))
  return places.length ? places : placeOf(data.events, new Set(['platform']))
}

/** What the letter would leave blank, in the order the letter shows it. */
export function missingOf(data: LetterData, options: LetterOptions): MissingItem[] {
  const W = wordsFor(options.lang)
  const M = W.missing
  const out: MissingItem[] = []
  const add = (field: MissingField, text: string) => out.push({ field, text })
  const { victim } = data.caseInfo
  if (!victim.name?.trim()) add('victimName', M.victimName)
  if (!victim.address?.trim()) add('victimAddress', M.victimAddress)
  if (!victim.phone?.trim()) add('victimPhone', M.victimPhone)
  const noDate = !damageSpan(data)
  switch (options.type) {
    case 'police-report':
      if (noDate) add('damageDate', M.damageDate)
      if (!damagePlaces(data).length) add('damagePlace', M.damagePlace)
      if (!data.events.some((e) => INCIDENT_KINDS.has(e.kind))) add('damageDetails', M.damageDetails)
      if (!data.losses.length) add('losses', M.losses)
      if (!data.evidence.length) add('evidence', M.evidence)
      break
    case 'claim': {
      const name = data.provider!.name
      if (noDate) add('damageDate', M.damageDate)
      if (!data.references.length) add('providerReference', M.providerReference(name))
      if (!policeNumber(data)) add('policeReceipt', M.policeReceipt)
      if (!data.losses.length) add('losses', M.losses)
      if (!data.evidence.length) add('evidence', M.evidence)
      if (!data.entry) add('claimRule', M.claimRule(name))
      else if (!data.entry.rules.length) add('claimRule', M.claimRuleUnknown(name))
      for (const d of data.deadlines) if (!d.day) add('claimDeadline', M.claimDeadline(d.rule.title[options.lang]))
      break
    }
    case 'consumer-center':
      if (noDate) add('damageDate', M.damageDate)
      if (!data.losses.length) add('losses', M.losses)
      break
  }
  return out
}
