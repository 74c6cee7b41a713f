// Writes a validated interchange document into an open case, in one
// transaction. Used by import (into a new file) and by merge (into a case
// that already holds data, where what is already there is reused rather
// than added twice, so merging the same thing twice = merging it once).
import type { CaseKind } from '../../../../shared/domain'
import type { CaseFile } from '../casefile/case-file'
import { appendAudit } from '../casefile/audit'
import type { Connection } from '../casefile/connection'
import type { CaseDocument } from './format'

type DocumentEvidence = CaseDocument['evidence'][number]

/** How many records of each kind a write added (what was already there is not counted). */
export interface AddedCounts {
  organizations: number
  evidence: number
  events: number
  references: number
  losses: number
  tasks: number
  policeRecords: number
  /** Recovery-plan steps taken on, added or brought up to date. */
  planSteps: number
  /**
   * The kind of the document's plan when it was left out: the case follows
   * the plan for another kind of fraud, and a case has one plan.
   */
  planNotMerged?: CaseKind
}

export interface WriteOptions {
  /** Where an evidence item's bytes come from (a file beside the JSON, another case file…). */
  readEvidence(item: DocumentEvidence): { bytes: Buffer; fileName: string }
  /** Reuse matching records already in the case instead of adding them again. */
  skipExisting: boolean
  audit: { action: 'import' | 'merge'; source: string }
}

/** The id of a row whose columns all equal `match` (NULL matching NULL). */
function findRow(db: Connection, table: string, match: Record<string, unknown>): number | undefined {
  const columns = Object.keys(match)
  const where = columns.map((c) => `${c} IS @${c}`).join(' AND ')
  const params = Object.fromEntries(columns.map((c) => [c, match[c] ?? null]))
  return db.prepare(`SELECT id FROM ${table} WHERE ${where} LIMIT 1`).pluck().get(params) as number | undefined
}

/** Merge keeps a directory link the case lacks; one the user already chose is theirs. */
function linkToDirectory(caseFile: CaseFile, organizationId: number, directoryId: string): void {
  const { id: _id, ...organization } = caseFile.organizations.get(organizationId)
  if (organization.directoryId === undefined) caseFile.organizations.update(organizationId, { ...organization, directoryId })
}

export function writeDocument(caseFile: CaseFile, doc: CaseDocument, options: WriteOptions): AddedCounts {
  const existing = (table: string, match: Record<string, unknown>) =>
    options.skipExisting ? findRow(caseFile.db, table, match) : undefined
  return caseFile.transaction(() => {
    const organizationIds = new Map<string, number>()
    const evidenceIds = new Map<string, number>()
    const eventIds = new Map<string, number>()
    const mapped = (ids: Map<string, number>, id: string | undefined) => (id === undefined ? undefined : ids.get(id))
    const added: AddedCounts = { organizations: 0, evidence: 0, events: 0, references: 0, losses: 0, tasks: 0, policeRecords: 0, planSteps: 0 }

    for (const { id, ...organization } of doc.organizations) {
      const found = existing('organizations', { name: organization.name, role: organization.role })
      organizationIds.set(id, found ?? caseFile.organizations.create(organization).id)
      if (found === undefined) added.organizations++
      else if (organization.directoryId !== undefined) linkToDirectory(caseFile, found, organization.directoryId)
    }
    for (const item of doc.evidence) {
      const { caption, capturedAt, private: isPrivate } = item
      // Same bytes = same evidence: the store itself answers with the existing piece.
      const { evidence, duplicate } = caseFile.evidence.add({ caption, capturedAt, private: isPrivate, ...options.readEvidence(item) })
      evidenceIds.set(item.id, evidence.id)
      if (!duplicate) added.evidence++
    }
    for (const { id, organizationId, evidenceIds: linked, ...event } of doc.events) {
      const found = existing('events', { occurred_at: event.occurredAt, kind: event.kind, title: event.title })
      const eventId =
        found ??
        caseFile.events.create({
          ...event,
          organizationId: mapped(organizationIds, organizationId),
          evidenceIds: [...new Set(linked.map((e) => evidenceIds.get(e)!))],
        }).id
      if (found === undefined) added.events++
      if (id !== undefined) eventIds.set(id, eventId)
    }
    for (const { organizationId, eventId, ...reference } of doc.references) {
      if (existing('refs', { label: reference.label, value: reference.value }) !== undefined) continue
      caseFile.references.create({
        ...reference,
        organizationId: mapped(organizationIds, organizationId),
        eventId: mapped(eventIds, eventId),
      })
      added.references++
    }
    for (const { organizationId, ...loss } of doc.losses) {
      const match = { description: loss.description, amount: loss.amount, unit: loss.unit, occurred_at: loss.occurredAt }
      if (existing('losses', match) !== undefined) continue
      caseFile.losses.create({ ...loss, organizationId: mapped(organizationIds, organizationId) })
      added.losses++
    }
    for (const { organizationId, eventId, ...task } of doc.tasks) {
      if (existing('tasks', { title: task.title, due_at: task.dueAt }) !== undefined) continue
      caseFile.tasks.create({
        ...task,
        organizationId: mapped(organizationIds, organizationId),
        eventId: mapped(eventIds, eventId),
      })
      added.tasks++
    }
    for (const { organizationId, eventId, ...record } of doc.policeRecords ?? []) {
      const match = { kind: record.kind, occurred_at: record.occurredAt, station: record.station, receipt_number: record.receiptNumber }
      if (existing('police_records', match) !== undefined) continue
      caseFile.policeRecords.create({
        ...record,
        organizationId: mapped(organizationIds, organizationId),
        eventId: mapped(eventIds, eventId),
      })
      added.policeRecords++
    }
    if (doc.plan) {
      const steps = doc.plan.steps.map(({ eventId, ...step }) => ({ ...step, eventId: mapped(eventIds, eventId) }))
      const { outcome, steps: changed } = caseFile.plan.merge({ ...doc.plan, steps })
      added.planSteps = changed
      if (outcome === 'other_kind') added.planNotMerged = doc.plan.kind
    }
    appendAudit(caseFile.db, 'case', 1, options.audit.action, { source: options.audit.source, added })
    return added
  })
}
