// What the case already says about a plan step: a step whose work is recorded
// (a call to an organisation of the step's role, a police record, evidence,
// a loss) is offered as done in "What next"; the user confirms, nothing is
// ticked by itself. Also which existing organisation a step's call note is
// preset to. Pure: the renderer and the CLI call it on the same records.
import type { Channel, Evidence, EventKind, Loss, Organization, OrganizationRole, PoliceRecord, PoliceRecordKind, TimelineEvent } from './domain'
import type { CasePlan, PlanAction, PlanStepState } from './plans'

/** The records a step's work can be found in. */
export interface StepRecords {
  organizations: readonly Organization[]
  events: readonly TimelineEvent[]
  evidence: readonly Evidence[]
  losses: readonly Loss[]
  policeRecords: readonly PoliceRecord[]
  /** The case's plan: which events already record other steps, when it was adopted, the order of its steps. */
  plan: CasePlan | null
}

/** What records the step's work. */
export type RecordedWhat =
  | { type: 'contact'; organizationId: number; organization: string; at: string; channel?: Channel }
  | { type: 'police'; kind: PoliceRecordKind; station: string; at: string; receiptNumber?: string }
  | { type: 'evidence'; count: number; caption?: string; fileName: string }
  | { type: 'losses'; count: number }

export interface RecordedWork {
  /** The timeline event to link as the step's record (a tick without one adds a note). */
  eventId?: number
  what: RecordedWhat
}

/** A step as the plan shows it: its progress and, for a plan step, its action from the plan file. */
export interface StepWithAction {
  state: PlanStepState
  action?: PlanAction
}

/** Events that record a contact with an organisation. */
const CONTACT_KINDS: readonly EventKind[] = ['contact', 'police_report']

/** Milliseconds since the epoch of a date or a moment with its offset (a bare day counts as its start in UTC). */
const time = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)

/** Newest first, by the moment it happened (ties: the later row first). */
const newestFirst = <T extends { id: number }>(at: (item: T) => string) => (a: T, b: T) => time(at(b)) - time(at(a)) || b.id - a.id

/**
 * The organisation of `role` a call note from a plan step starts with: the
 * one contacted most recently, else the most recently added; undefined when
 * the case has none of that role (the dialog then offers a new one).
 */
export function organizationForRole(role: OrganizationRole, organizations: readonly Organization[], events: readonly TimelineEvent[]): Organization | undefined {
  const ofRole = organizations.filter((o) => o.role === role)
  if (ofRole.length === 0) return undefined
  const ids = new Set(ofRole.map((o) => o.id))
  const latest = events.filter((e) => e.organizationId !== undefined && ids.has(e.organizationId)).sort(newestFirst((e) => e.occurredAt))[0]
  return latest ? ofRole.find((o) => o.id === latest.organizationId) : [...ofRole].sort((a, b) => b.id - a.id)[0]
}

/** The steps of the plan that have the same action, in plan order (the step itself included). */
function sameAction(records: StepRecords, step: StepWithAction, actionOf: (s: PlanStepState) => PlanAction | undefined): PlanStepState[] {
  const key = JSON.stringify(withoutCaption(step.action))
  return (records.plan?.steps ?? []).filter((s) => s.id === step.state.id || (!s.hidden && JSON.stringify(withoutCaption(actionOf(s))) === key))
}

const withoutCaption = (action: PlanAction | undefined) => (action?.type === 'evidence' ? { type: action.type } : action)

/**
 * What in the case records the step's work, or undefined when nothing does
 * (or the step is done, hidden, or its work is not something a record shows).
 *
 * - A call note to a role: a contact (or police report) with an organisation
 *   of that role that records no other step. Two steps calling the same role
 *   (stop the card, then ask for a refund) take one call each, in order, and
 *   only calls after an earlier such step was ticked. For the police, a
 *   police record counts too (with its event when it has one).
 * - Evidence: evidence captioned as the step asks, else (for the first open
 *   evidence step) any evidence not captioned for another step, preferring
 *   what was added since the plan was adopted.
 * - Losses: any loss recorded.
 * - A preparation sheet, or a step with no action: never (only the user knows).
 *
 * `actionOf` gives the other steps' actions (from the plan file), so that
 * steps sharing an action share the records fairly.
 */
export function recordedWork(step: StepWithAction, records: StepRecords, actionOf: (s: PlanStepState) => PlanAction | undefined = () => undefined): RecordedWork | undefined {
  const { state, action } = step
  if (state.done || state.hidden || !action) return undefined
  const siblings = sameAction(records, step, (s) => (s.id === state.id ? action : actionOf(s)))
  const index = siblings.findIndex((s) => s.id === state.id)
  const earlier = siblings.slice(0, index)
  const openBefore = earlier.filter((s) => !s.done).length

  switch (action.type) {
    case 'callNote': {
      const linked = new Set((records.plan?.steps ?? []).flatMap((s) => (s.eventId !== undefined ? [s.eventId] : [])))
      const doneBefore = Math.max(-Infinity, ...earlier.filter((s) => s.done && s.doneAt).map((s) => time(s.doneAt!)))
      const roleOf = new Map(records.organizations.map((o) => [o.id, o]))
      const calls = records.events
        .filter((e) => CONTACT_KINDS.includes(e.kind) && e.organizationId !== undefined && roleOf.get(e.organizationId)?.role === action.role)
        .filter((e) => !linked.has(e.id) && time(e.occurredAt) > doneBefore)
        .sort((a, b) => -newestFirst<TimelineEvent>((e) => e.occurredAt)(a, b)) // oldest first: the first step takes the first call
      if (action.role === 'police') {
        const police = records.policeRecords
          .filter((p) => (p.eventId === undefined || !linked.has(p.eventId)) && time(p.occurredAt) > doneBefore)
          .sort((a, b) => -newestFirst<PoliceRecord>((p) => p.occurredAt)(a, b))
        const record = police[openBefore]
        if (record) {
          return {
            eventId: record.eventId,
            what: { type: 'police', kind: record.kind, station: record.station, at: record.occurredAt, ...(record.receiptNumber ? { receiptNumber: record.receiptNumber } : {}) },
          }
        }
      }
      const call = calls[openBefore]
      if (!call) return undefined
      const organization = roleOf.get(call.organizationId!)!
      return { eventId: call.id, what: { type: 'contact', organizationId: organization.id, organization: organization.name, at: call.occurredAt, ...(call.channel ? { channel: call.channel } : {}) } }
    }
    case 'evidence': {
      const wanted = action.caption?.trim().toLowerCase()
      const captioned = (e: Evidence, caption: string) => (e.caption ?? '').toLowerCase().includes(caption)
      const matching = wanted ? records.evidence.filter((e) => captioned(e, wanted)) : []
      let found = matching
      if (found.length === 0 && openBefore === 0) {
        // Captions of the plan's other evidence steps: what was added for them is not this step's.
        const others = (records.plan?.steps ?? [])
          .filter((s) => s.id !== state.id)
          .flatMap((s) => {
            const a = actionOf(s)
            return a?.type === 'evidence' && a.caption ? [a.caption.trim().toLowerCase()] : []
          })
        const free = records.evidence.filter((e) => !others.some((c) => captioned(e, c)))
        const adoptedAt = records.plan ? time(records.plan.adoptedAt) : -Infinity
        const since = free.filter((e) => time(e.addedAt) >= adoptedAt)
        found = since.length ? since : free
      }
      if (found.length === 0) return undefined
      const latest = [...found].sort(newestFirst((e) => e.addedAt))[0]
      return { what: { type: 'evidence', count: found.length, fileName: latest.fileName, ...(latest.caption ? { caption: latest.caption } : {}) } }
    }
    case 'losses':
      return records.losses.length ? { what: { type: 'losses', count: records.losses.length } } : undefined
    case 'prepSheet':
      return undefined
  }
}
