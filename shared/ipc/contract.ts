// The IPC contract: every channel between the page and the main process,
// with a zod schema for what goes in and what comes out. The main process
// validates both directions against it; the preload and the page's client
// are typed from it. Adding a channel = one entry here + its handler.
import { z } from 'zod'
import {
  CASE_KINDS,
  CaseInputSchema,
  CaseRecordSchema,
  EVENT_KINDS,
  EventInputSchema,
  EvidenceMetaSchema,
  EvidenceSchema,
  LossInputSchema,
  LossSchema,
  OrganizationInputSchema,
  OrganizationSchema,
  PoliceRecordInputSchema,
  PoliceRecordSchema,
  ReferenceInputSchema,
  ReferenceSchema,
  SearchHitSchema,
  TaskInputSchema,
  TaskSchema,
  TimelineEventSchema,
} from '../domain'
import { DirectoryFileSchema } from '../directory'
import { AdoptPlanSchema } from '../plans'
import { planChannels } from './plan-contract'
import { backupChannels } from './backup-contract'
import { rememberChannels } from './remember-contract'
import { evidenceTextChannels } from './evidence-text-contract'
import { filePath, OpenedCaseSchema } from './schemas'

const id = z.number().int().positive()
const nothing = z.undefined()
/** Output of a request that answers nothing but success. */
const done = z.void()
const passphrase = z.string().min(1).max(1024)
const count = z.number().int().nonnegative()

/** Evidence bytes cross IPC as base64: the same text through Electron's IPC and a browser binding. */
export const MAX_EVIDENCE_BASE64 = Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  locale: z.string(),
})

/** The dossier's options, as the CLI's flags (an organisation only for a provider). */
export const DossierOptionsSchema = z.strictObject({
  audience: z.enum(['police', 'provider']).default('police'),
  lang: z.enum(['ja', 'en']).default('ja'),
  era: z.enum(['western', 'japanese']).default('western'),
  redact: z.boolean().default(false),
  organizationId: id.optional(),
})

/** The letters the core writes (electron/main/core/letters): a police report draft, a claim to one provider, notes for a 188 consultation. */
export const LETTER_TYPES = ['police-report', 'claim', 'consumer-center'] as const
export const LETTER_MISSING_FIELDS = [
  'victimName',
  'victimAddress',
  'victimPhone',
  'damageDate',
  'damagePlace',
  'damageDetails',
  'losses',
  'evidence',
  'policeReceipt',
  'providerReference',
  'claimRule',
  'claimDeadline',
] as const

/** A letter's options, as the CLI's flags (an organisation only, and always, for a claim: the core says so). */
export const LetterOptionsSchema = z.strictObject({
  type: z.enum(LETTER_TYPES),
  organizationId: id.optional(),
  lang: z.enum(['ja', 'en']).default('ja'),
  era: z.enum(['western', 'japanese']).default('western'),
  redact: z.boolean().default(false),
})

/** What a letter would leave blank (未記入), in the letter's language. */
export const MissingItemSchema = z.object({ field: z.enum(LETTER_MISSING_FIELDS), text: z.string() })

/** Path and time only: nothing about the case itself is ever kept outside its file. Unknown keys (the `title` older versions kept) are stripped. */
export const RecentFileSchema = z.object({ path: z.string(), openedAt: z.string() })

/** The four list-shaped entities share one set of channels each. */
function crud<I extends z.ZodType, R extends z.ZodType>(input: I, record: R) {
  return {
    list: { input: nothing, output: z.array(record) },
    create: { input: input, output: record },
    update: { input: z.strictObject({ id, value: input }), output: record },
    delete: { input: z.strictObject({ id }), output: done },
  }
}

const organizations = crud(OrganizationInputSchema, OrganizationSchema)
const references = crud(ReferenceInputSchema, ReferenceSchema)
const losses = crud(LossInputSchema, LossSchema)
const tasks = crud(TaskInputSchema, TaskSchema)
const policeRecords = crud(PoliceRecordInputSchema, PoliceRecordSchema)

export const contract = {
  'app:info': { input: nothing, output: AppInfoSchema },
  'recent:list': { input: nothing, output: z.array(RecentFileSchema) },
  /** A case file the app was asked to open (command line, double-click), taken once. */
  'app:takeFileToOpen': { input: nothing, output: filePath.optional() },
  /** Only a file the main process wrote in this session (a dossier, bundle or copy). */
  'app:showInFolder': { input: z.strictObject({ path: filePath }), output: done },
  'recent:forget': { input: z.strictObject({ path: filePath }), output: done },

  /**
   * Native file dialogs; undefined when the user cancels. A case file's path
   * is only usable if the main process handed it out in this session: from
   * the open dialog, app:takeFileToOpen, recent:list or an opened case (for
   * case:open and backups:*), from the save dialog (for case:create). Any
   * other path is refused with `forbidden` (electron/main/ipc/path-grants.ts).
   */
  'dialog:chooseCaseToOpen': { input: nothing, output: filePath.optional() },
  'dialog:chooseNewCasePath': { input: z.strictObject({ suggestedName: z.string().max(200) }), output: filePath.optional() },

  'case:create': {
    /** `plan`: the recovery plan to start the case with (resources/plans), in the page's language. */
    input: z.strictObject({ path: filePath, passphrase, case: CaseInputSchema, plan: AdoptPlanSchema.optional() }),
    output: OpenedCaseSchema,
  },
  /** `remember`: also keep the passphrase, sealed by the OS keyring, for `case:openRemembered` (remember-contract.ts). */
  'case:open': { input: z.strictObject({ path: filePath, passphrase, remember: z.boolean().optional() }), output: OpenedCaseSchema },
  'case:close': { input: nothing, output: done },
  /** The user keeps the open file as it is although it is older than (or differs from) what this device saw. */
  'case:acceptHistory': { input: nothing, output: done },
  'case:get': { input: nothing, output: CaseRecordSchema },
  'case:update': { input: CaseInputSchema, output: CaseRecordSchema },

  'events:list': {
    input: z
      .strictObject({
        kinds: z.array(z.enum(EVENT_KINDS)).max(EVENT_KINDS.length).optional(),
        organizationId: id.optional(),
      })
      .optional(),
    output: z.array(TimelineEventSchema),
  },
  'events:create': { input: EventInputSchema, output: TimelineEventSchema },
  'events:update': { input: z.strictObject({ id, value: EventInputSchema }), output: TimelineEventSchema },
  'events:delete': { input: z.strictObject({ id }), output: done },

  /**
   * A call note in one step: the event, the reference number given, and the
   * promise made (as a follow-up task), written together or not at all.
   */
  'events:logCall': {
    input: z.strictObject({
      event: EventInputSchema,
      /** An organisation first met on this call: created in the same transaction (then event.organizationId must be absent). */
      newOrganization: OrganizationInputSchema.optional(),
      reference: z.strictObject({ label: z.string().trim().min(1).max(100), value: z.string().trim().min(1).max(200) }).optional(),
      promise: z.strictObject({ title: z.string().trim().min(1).max(500), dueAt: TaskInputSchema.shape.dueAt }).optional(),
      /** A visit to (or call with) the police: its police record, written with the event's date, organisation and id. */
      policeRecord: PoliceRecordInputSchema.omit({ occurredAt: true, organizationId: true, eventId: true }).optional(),
    }),
    output: TimelineEventSchema,
  },

  'organizations:list': organizations.list,
  'organizations:create': organizations.create,
  'organizations:update': organizations.update,
  'organizations:delete': organizations.delete,
  'references:list': references.list,
  'references:create': references.create,
  'references:update': references.update,
  'references:delete': references.delete,
  'losses:list': losses.list,
  'losses:create': losses.create,
  'losses:update': losses.update,
  'losses:delete': losses.delete,
  'tasks:list': tasks.list,
  'tasks:create': tasks.create,
  'tasks:update': tasks.update,
  'tasks:delete': tasks.delete,
  'policeRecords:list': policeRecords.list,
  'policeRecords:create': policeRecords.create,
  'policeRecords:update': policeRecords.update,
  'policeRecords:delete': policeRecords.delete,
  /** The provider directory (resources/directory): who handles what, and the claim rules with their sources. */
  'directory:get': { input: nothing, output: DirectoryFileSchema },

  'evidence:list': { input: nothing, output: z.array(EvidenceSchema) },
  'evidence:add': {
    input: EvidenceMetaSchema.extend({
      fileName: z.string().min(1).max(1000),
      base64: z.string().max(MAX_EVIDENCE_BASE64),
    }).strict(),
    output: z.object({ evidence: EvidenceSchema, duplicate: z.boolean() }),
  },
  'evidence:content': {
    input: z.strictObject({ id }),
    output: z.object({ mimeType: z.string(), base64: z.string() }),
  },
  'evidence:update': { input: z.strictObject({ id, value: EvidenceMetaSchema }), output: EvidenceSchema },
  'evidence:delete': { input: z.strictObject({ id }), output: done },

  search: { input: z.strictObject({ query: z.string().max(500) }), output: z.array(SearchHitSchema) },

  /** Asks where to save (native dialog), then writes the open case's PDF dossier; undefined if cancelled. */
  'dossier:create': {
    input: DossierOptionsSchema,
    output: z.object({ path: z.string(), pages: z.number().int(), bytes: z.number().int() }).optional(),
  },
  /** What the dossier would show as not recorded (未記録), in `lang`; writes nothing. */
  'dossier:missing': { input: DossierOptionsSchema, output: z.array(MissingItemSchema) },
  /** What the letter would leave blank (未記入), in its language; writes nothing. */
  'letter:missing': { input: LetterOptionsSchema, output: z.array(MissingItemSchema) },
  /** Asks where to save (native dialog), then writes the letter (PDF), blanks and all; undefined if cancelled. */
  'letter:create': {
    input: LetterOptionsSchema,
    output: z.object({ path: z.string(), pages: z.number().int(), bytes: z.number().int(), missing: z.array(MissingItemSchema) }).optional(),
  },
  /** Asks where to save, then writes a ZIP of dossier + original evidence + manifest (unencrypted by design). */
  'bundle:create': {
    input: DossierOptionsSchema,
    output: z.object({ path: z.string(), files: z.number().int(), bytes: z.number().int() }).optional(),
  },
  /**
   * Asks where to save, then writes an encrypted copy under its own passphrase.
   * The case passphrase is asked again: sharing is the owner's decision.
   */
  'share:create': {
    input: z.strictObject({
      passphrase,
      sharePassphrase: passphrase,
      withoutPrivate: z.boolean().default(true),
      excludeEvidenceIds: z.array(id).max(10_000).default([]),
    }),
    output: z
      .object({
        path: z.string(),
        events: z.number().int(),
        evidence: z.number().int(),
        leftOutEvents: z.number().int(),
        leftOutEvidence: z.number().int(),
        leftOutOrganizations: z.number().int(),
        leftOutLosses: z.number().int(),
      })
      .optional(),
  },

  /**
   * Asks which shared .kiroku to merge (native open dialog: the page never names
   * a path), opens it with its own passphrase, verifies it, and adds to the open
   * case what it does not have yet. Undefined when the open dialog was cancelled.
   */
  'case:merge': {
    input: z.strictObject({ passphrase }),
    output: z
      .object({
        path: z.string(),
        added: z.object({
          organizations: count,
          events: count,
          references: count,
          losses: count,
          evidence: count,
          tasks: count,
          policeRecords: count,
          /** Recovery-plan steps taken on, added or brought up to date. */
          planSteps: count,
          /** The shared case's plan kind, when this case follows another plan and kept its own. */
          planNotMerged: z.enum(CASE_KINDS).optional(),
        }),
      })
      .optional(),
  },

  ...planChannels,
  ...backupChannels,
  ...rememberChannels,
  ...evidenceTextChannels,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type Input<C extends Channel> = z.input<Contract[C]['input']>
export type Output<C extends Channel> = z.output<Contract[C]['output']>

/** What crosses the boundary: a value, or an error the page can show. */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string; reason?: string; issues?: Array<{ path: string; message: string }> } }

/** The typed client the page uses: one async function per channel. */
export type KirokuClient = {
  invoke<C extends Channel>(channel: C, ...input: Input<C> extends undefined ? [] : [Input<C>]): Promise<Result<Output<C>>>
}

