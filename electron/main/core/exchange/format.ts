// The interchange format ("kiroku-case", version 1): a case as one JSON
// document plus its evidence files. Ids are local to the document and only
// tie its parts together; file paths are relative to the document's folder.
import { z } from 'zod'
import {
  CASE_KINDS,
  CASE_STATUSES,
  CaseInputSchema,
  EventInputSchema,
  EvidenceMetaSchema,
  LossInputSchema,
  OrganizationInputSchema,
  ReferenceInputSchema,
  TaskInputSchema,
  VictimSchema,
  isoDateOrDateTime,
} from '../../../../shared/domain'
import type { InputIssue } from '../errors'

export const FORMAT_NAME = 'kiroku-case'
export const FORMAT_VERSION = 1

const LocalId = z.string().trim().min(1, 'must not be empty').max(100)
/** A blank template field ("") means "not known" rather than an error. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())
const optionalDate = blankAsAbsent(isoDateOrDateTime)
const optionalLink = blankAsAbsent(LocalId)

export const DocumentSchema = z.strictObject({
  format: z.literal(FORMAT_NAME),
  version: z.literal(FORMAT_VERSION),
  case: CaseInputSchema.extend({
    kind: z.enum(CASE_KINDS).default('other'),
    status: z.enum(CASE_STATUSES).default('open'),
    summary: z.string().max(20_000).default(''),
    discoveredAt: optionalDate,
    victim: VictimSchema.default({}),
  }),
  organizations: z.array(OrganizationInputSchema.extend({ id: LocalId })).default([]),
  events: z
    .array(
      EventInputSchema.extend({
        id: LocalId.optional(),
        organizationId: optionalLink,
        evidenceIds: z.array(LocalId).default([]),
      }),
    )
    .default([]),
  references: z
    .array(ReferenceInputSchema.extend({ organizationId: optionalLink, eventId: optionalLink, issuedAt: optionalDate }))
    .default([]),
  losses: z
    .array(
      LossInputSchema.extend({
        organizationId: optionalLink,
        occurredAt: optionalDate,
        expectedRecoveryAt: optionalDate,
      }),
    )
    .default([]),
  evidence: z
    .array(
      EvidenceMetaSchema.extend({
        id: LocalId,
        file: z.string().min(1, 'must name a file'),
        fileName: blankAsAbsent(z.string().max(255)),
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits').optional(),
        capturedAt: optionalDate,
      }),
    )
    .default([]),
  tasks: z
    .array(TaskInputSchema.extend({ organizationId: optionalLink, eventId: optionalLink, dueAt: optionalDate }))
    .default([]),
})

export type CaseDocument = z.output<typeof DocumentSchema>
export type CaseDocumentInput = z.input<typeof DocumentSchema>

/** Ids that must be unique and links that must resolve, as JSON-path issues. */
export function checkLinks(doc: CaseDocument): InputIssue[] {
  const issues: InputIssue[] = []
  const idSet = (section: 'organizations' | 'events' | 'evidence') => {
    const seen = new Set<string>()
    doc[section].forEach((item, i) => {
      if (item.id === undefined) return
      if (seen.has(item.id)) issues.push({ path: `$.${section}[${i}].id`, message: `id "${item.id}" is used twice` })
      seen.add(item.id)
    })
    return seen
  }
  const organizations = idSet('organizations')
  const events = idSet('events')
  const evidence = idSet('evidence')
  const check = (ids: Set<string>, what: string, id: string | undefined, path: string) => {
    if (id !== undefined && !ids.has(id)) issues.push({ path, message: `there is no ${what} with id "${id}"` })
  }
  doc.events.forEach((e, i) => {
    check(organizations, 'organization', e.organizationId, `$.events[${i}].organizationId`)
    e.evidenceIds.forEach((id, j) => check(evidence, 'evidence', id, `$.events[${i}].evidenceIds[${j}]`))
  })
  for (const section of ['references', 'losses', 'tasks'] as const) {
    doc[section].forEach((item, i) => {
      check(organizations, 'organization', item.organizationId, `$.${section}[${i}].organizationId`)
      if ('eventId' in item) check(events, 'event', item.eventId, `$.${section}[${i}].eventId`)
    })
  }
  return issues
}
