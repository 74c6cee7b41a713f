// What goes into a dossier: the case's records without what the user marked
// private (a dossier is handed over, like a shared copy), narrowed to one
// provider when asked, and masked when --redact is given. Everything after this step works
// on plain data and never sees anything that was left out.
import type { CaseKind, CaseRecord, EventKind, Evidence, Loss, Organization, PoliceRecord, Reference, Task, TimelineEvent } from '../../../../shared/domain'
import type { CaseFile, VerifyReport } from '../casefile/case-file'
import { KirokuError } from '../errors'
import { planKinds } from '../../../../shared/plans'
import { withoutHidden } from '../../../../shared/visible-text'
import { maskTail, redactReference, redactText } from './redact'

export type Audience = 'police' | 'provider'

export interface DossierData {
  caseInfo: CaseRecord
  /** The case's kind and those its plan added (account takeover and points theft come together). */
  kinds: CaseKind[]
  organizations: Organization[]
  events: TimelineEvent[]
  references: Reference[]
  losses: Loss[]
  tasks: Task[]
  evidence: Evidence[]
  /** Every provider needs the police number: a provider's dossier keeps them all. */
  policeRecords: PoliceRecord[]
  /** The one provider the dossier is for (audience provider with an organisation). */
  provider?: Organization
  verify: VerifyReport
}

/** Events about the fraud itself, which every provider may need to see. */
const INCIDENT_KINDS: EventKind[] = ['incident', 'unauthorized_access']

/** An organisation given by id or exact name; a private one is never the subject of a dossier or sheet. */
export function findOrganization(organizations: Organization[], given: string): Organization {
  const found = organizations.find((o) => String(o.id) === given.trim() || o.name === given)
  if (!found) throw new KirokuError('invalid_input', `No organization "${given}" in this case`)
  if (found.private) throw new KirokuError('invalid_input', `The organization "${given}" is marked private: a dossier or preparation sheet never shows it`)
  return found
}

/**
 * The case's records without what the user marked private: private events
 * and evidence, with the reference numbers and promises of a private call;
 * private organisations and losses. A record that points at a private
 * organisation keeps its own visibility but no longer names it.
 */
export function withoutPrivate(records: Pick<DossierData, 'organizations' | 'events' | 'references' | 'losses' | 'tasks' | 'evidence' | 'policeRecords'>) {
  const privateEvents = new Set(records.events.filter((e) => e.private).map((e) => e.id))
  const privateOrganizations = new Set(records.organizations.filter((o) => o.private).map((o) => o.id))
  const notPrivate = (record: { eventId?: number }) => record.eventId === undefined || !privateEvents.has(record.eventId)
  const unnamed = <T extends { organizationId?: number }>(record: T): T =>
    record.organizationId !== undefined && privateOrganizations.has(record.organizationId) ? { ...record, organizationId: undefined } : record
  return {
    organizations: records.organizations.filter((o) => !o.private),
    events: records.events.filter((e) => !e.private).map(unnamed),
    // The reference number and promise of a private call are as private as the call.
    references: records.references.filter(notPrivate).map(unnamed),
    losses: records.losses.filter((l) => !l.private).map(unnamed),
    tasks: records.tasks.filter(notPrivate).map(unnamed),
    evidence: records.evidence.filter((e) => !e.private),
    policeRecords: records.policeRecords.filter(notPrivate).map(unnamed),
  }
}

export function selectData(caseFile: CaseFile, organization?: string): DossierData {
  const organizations = caseFile.organizations.list()
  const caseInfo = caseFile.case.get()
  const plan = caseFile.plan.get()
  const all: DossierData = {
    caseInfo,
    kinds: [...new Set([caseInfo.kind, ...(plan ? planKinds(plan) : [])])],
    organizations,
    events: caseFile.events.list(),
    references: caseFile.references.list(),
    losses: caseFile.losses.list(),
    tasks: caseFile.tasks.list(),
    evidence: caseFile.evidence.listForHandover(),
    policeRecords: caseFile.policeRecords.list(),
    verify: caseFile.verify(),
  }
  // One provider's part first, by each record's own organisation: once private organisations lose
  // their names, their records would look like no organisation's and go to every provider.
  const scoped = organization === undefined ? all : forProvider(all, findOrganization(organizations, organization))
  return { ...scoped, ...withoutPrivate(scoped) }
}

/** Only what concerns `provider` (its events, references, losses, follow-ups), plus the incident events. */
export function forProvider(data: DossierData, provider: Organization): DossierData {
  const ours = (organizationId: number | undefined) => organizationId === provider.id
  const events = data.events.filter(
    (e) => ours(e.organizationId) || INCIDENT_KINDS.includes(e.kind) || (e.kind === 'unauthorized_use' && e.organizationId === undefined),
  )
  const eventIds = new Set(events.map((e) => e.id))
  const unassignedOnKeptEvent = (x: { organizationId?: number; eventId?: number }) =>
    x.organizationId === undefined && x.eventId !== undefined && eventIds.has(x.eventId)
  const evidenceIds = new Set(events.flatMap((e) => e.evidenceIds))
  const organizationIds = new Set([provider.id, ...events.map((e) => e.organizationId)])
  return {
    ...data,
    provider,
    organizations: data.organizations.filter((o) => organizationIds.has(o.id)),
    events,
    references: data.references.filter((r) => ours(r.organizationId) || unassignedOnKeptEvent(r)),
    losses: data.losses.filter((l) => ours(l.organizationId)),
    tasks: data.tasks.filter((t) => ours(t.organizationId) || unassignedOnKeptEvent(t)),
    evidence: data.evidence.filter((e) => evidenceIds.has(e.id)),
  }
}

/**
 * Masks phone numbers, e-mail addresses, account numbers and the victim's
 * address (see redact.ts) in every text the dossier prints. Invisible and
 * direction characters go first, so a zero-width space inside
 * "090-1234-5678" cannot keep it from matching; a redacted dossier
 * therefore prints file names and captions without their 〔U+…〕 markers (in
 * stored order, which is what the PDF draws anyway).
 */
/**
 * What redaction masks wherever it appears (the victim's phone, e-mail and
 * address) and what it never takes for an account number (reference and
 * police numbers). From the records before they are masked.
 */
export function redactionTerms(data: Pick<DossierData, 'caseInfo' | 'references' | 'policeRecords'>): { secrets: string[]; protect: string[] } {
  const { victim } = data.caseInfo
  return {
    secrets: [victim.phone, victim.email, victim.address].filter((s): s is string => !!s).map(withoutHidden),
    protect: [...data.references.map((r) => r.value), ...data.policeRecords.flatMap((r) => r.receiptNumber ?? [])].map(withoutHidden),
  }
}

/** The records a dossier or a letter prints, which redaction masks. */
export type RedactableData = Pick<DossierData, 'caseInfo' | 'organizations' | 'events' | 'references' | 'losses' | 'tasks' | 'evidence' | 'policeRecords' | 'provider'>

/**
 * `policeNumbers: 'screen'` also masks the victim's own details inside a
 * police number (a letter goes out before the police see it); a dossier keeps
 * the numbers whole.
 */
export function redactData<T extends RedactableData>(data: T, options: { policeNumbers?: 'whole' | 'screen' } = {}): T {
  const { victim } = data.caseInfo
  const { secrets, protect } = redactionTerms(data)
  const text = (s: string) => redactText(withoutHidden(s), secrets, protect)
  const whole = (s: string) => maskTail(withoutHidden(s))
  const opt = (s: string | undefined, mask: (s: string) => string = text) => (s === undefined ? undefined : mask(s))
  const organization = (o: Organization): Organization => ({
    ...o,
    name: text(o.name),
    phone: opt(o.phone, whole),
    email: opt(o.email, whole),
    url: opt(o.url),
    notes: opt(o.notes),
  })
  return {
    ...data,
    caseInfo: {
      ...data.caseInfo,
      title: text(data.caseInfo.title),
      summary: text(data.caseInfo.summary),
      victim: { name: opt(victim.name), address: opt(victim.address, whole), phone: opt(victim.phone, whole), email: opt(victim.email, whole) },
    },
    organizations: data.organizations.map(organization),
    events: data.events.map((e) => ({ ...e, title: text(e.title), body: opt(e.body), representative: opt(e.representative) })),
    references: data.references.map((r) => ({ ...r, label: text(r.label), value: redactReference(withoutHidden(r.value), secrets) })),
    losses: data.losses.map((l) => ({ ...l, description: text(l.description), unit: text(l.unit) })),
    tasks: data.tasks.map((t) => ({ ...t, title: text(t.title) })),
    evidence: data.evidence.map((e) => ({ ...e, caption: opt(e.caption), fileName: text(e.fileName) })),
    // Police numbers are the police's, not the victim's: kept whole, as reference numbers are.
    policeRecords: data.policeRecords.map((r) => ({
      ...r,
      station: text(r.station),
      section: opt(r.section),
      officer: opt(r.officer),
      ...(options.policeNumbers === 'screen' && r.receiptNumber !== undefined ? { receiptNumber: redactReference(withoutHidden(r.receiptNumber), secrets) } : {}),
    })),
    provider: data.provider && organization(data.provider),
  }
}
