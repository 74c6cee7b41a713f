// Property tests of the interchange format: any valid document survives
// import → export with the same data and the same evidence bytes, and any
// document broken in one of the ways a person breaks JSON is refused with
// JSON paths and leaves no file behind.
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  DocumentSchema,
  InvalidInputError,
  exportJsonFile,
  importJsonFile,
  openCaseFile,
  sha256Hex,
} from '../../electron/main/core'
import { documentArb, type GeneratedDocument } from '../helpers/arbitrary-document'
import { PASSPHRASE, tempDir } from '../helpers/temp'

/** Writes the document and its evidence files into a fresh folder; returns the JSON's path. */
function writeDocument({ doc, files }: GeneratedDocument): string {
  const dir = tempDir()
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true })
    fs.writeFileSync(path.join(dir, file.path), file.bytes)
  }
  const json = path.join(dir, 'case.json')
  fs.writeFileSync(json, JSON.stringify(doc, null, 2))
  return json
}

/**
 * The document's meaning, independent of how it was spelled: parsed through
 * DocumentSchema (defaults, trimming, "" as absent), local ids replaced by
 * each item's position in its section (the export renames them and keeps
 * creation order), and evidence identified by its bytes instead of its path.
 */
function normalise(raw: unknown, baseDir: string) {
  // The version is left out: export writes the current one, whatever was read.
  const { version: _version, ...doc } = DocumentSchema.parse(raw)
  const positions = (ids: Array<string | undefined>) => new Map(ids.flatMap((id, i) => (id === undefined ? [] : [[id, i] as const])))
  const org = positions(doc.organizations.map((o) => o.id))
  const event = positions(doc.events.map((e) => e.id))
  const evidence = positions(doc.evidence.map((e) => e.id))
  const at = (ids: Map<string, number>, id: string | undefined) => (id === undefined ? undefined : ids.get(id))
  return {
    ...doc,
    organizations: doc.organizations.map((o, i) => ({ ...o, id: i })),
    events: doc.events.map((e, i) => ({
      ...e,
      id: i,
      organizationId: at(org, e.organizationId),
      // An event's evidence is a set (one link per piece), listed in the order the pieces were added.
      evidenceIds: [...new Set(e.evidenceIds.map((id) => evidence.get(id)!))].sort((a, b) => a - b),
    })),
    references: doc.references.map((r) => ({ ...r, organizationId: at(org, r.organizationId), eventId: at(event, r.eventId) })),
    losses: doc.losses.map((l) => ({ ...l, organizationId: at(org, l.organizationId) })),
    tasks: doc.tasks.map((t) => ({ ...t, organizationId: at(org, t.organizationId), eventId: at(event, t.eventId) })),
    plan: doc.plan && { ...doc.plan, steps: doc.plan.steps.map((s) => ({ ...s, eventId: at(event, s.eventId) })) },
    evidence: doc.evidence.map(({ file, ...e }, i) => ({
      ...e,
      id: i,
      fileName: e.fileName ?? path.basename(file),
      sha256: sha256Hex(fs.readFileSync(path.resolve(baseDir, file))),
    })),
  }
}

/** Every object in a document: its JSON path, itself, and which section it belongs to. */
function objects(doc: any): Array<{ at: string; item: any; section: string }> {
  const found = [
    { at: '$', item: doc, section: '$' },
    { at: '$.case', item: doc.case, section: 'case' },
  ]
  if (doc.case.victim) found.push({ at: '$.case.victim', item: doc.case.victim, section: 'victim' })
  for (const section of ['organizations', 'events', 'references', 'losses', 'evidence', 'tasks']) {
    ;(doc[section] ?? []).forEach((item: any, i: number) => found.push({ at: `$.${section}[${i}]`, item, section }))
  }
  if (doc.plan) {
    found.push({ at: '$.plan', item: doc.plan, section: 'plan' })
    doc.plan.steps.forEach((item: any, i: number) => found.push({ at: `$.plan.steps[${i}]`, item, section: 'planSteps' }))
  }
  return found
}

type Field = [at: string, item: any, key: string]

/** The fields named per section, in every object of those sections. */
const fields = (doc: any, keys: Record<string, string[]>): Field[] =>
  objects(doc).flatMap(({ at, item, section }) => (keys[section] ?? []).map((key): Field => [at, item, key]))

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]

/** Appends an item to a section (creating the section); returns its `key` as the field to break. */
function pushed(doc: any, section: string, item: object, key: string): Field {
  doc[section] = [...(doc[section] ?? []), item]
  return [`$.${section}[${doc[section].length - 1}]`, item, key]
}

const BAD_ENUMS = ['bogus', 'Phishing', 'police ', '', null, 3]
const BAD_DATES = ['2018-02-30T10:00+09:00', '2019-02-29', '2018-13-01', '2018-10-12T24:00Z', '2018-10-12T09:30', '2018-10-12 09:30+09:00', '2018-10-12T09:30+15:00', '12/10/2018']
const BAD_AMOUNTS = { nonInteger: [1.5, 0.01, 12000.5, 1e21], negative: [-1, -12000, -Number.MAX_SAFE_INTEGER] }
const UNKNOWN_KEYS = ['colour', 'Title', 'organisationId', 'evidence_ids', '__proto__', 'constructor', '']
const DATE_FIELDS = {
  case: ['discoveredAt'],
  events: ['occurredAt'],
  references: ['issuedAt'],
  losses: ['occurredAt', 'expectedRecoveryAt'],
  evidence: ['capturedAt'],
  tasks: ['dueAt'],
  plan: ['adoptedAt'],
  planSteps: ['doneAt'],
}

/** The document's plan, with at least one step; a small valid one (and version 2) if it had none. */
function withPlanSteps(doc: any): any[] {
  if (!doc.plan) {
    doc.version = 2
    doc.plan = { kind: 'other', version: 1, lang: 'en', adoptedAt: '2018-10-12T09:30+09:00', steps: [] }
  }
  if (doc.plan.steps.length === 0) doc.plan.steps.push({ stepId: 'write-down', title: 'Write down what happened' })
  return doc.plan.steps
}

/**
 * One way to break a valid document: changes `doc` in place (choosing the
 * place with `n` and the bad value with `m`) and returns the JSON path the
 * refusal must point at.
 */
const MUTATIONS: Record<string, (doc: any, n: number, m: number) => string> = {
  wrongEnum(doc, n, m) {
    const [at, item, key] = pick(fields(doc, { case: ['kind', 'status'], organizations: ['role'], events: ['kind', 'channel'], plan: ['kind', 'lang'] }), n)
    item[key] = pick(BAD_ENUMS, m)
    return `${at}.${key}`
  },
  missingTitle(doc, n, m) {
    const [at, item, key] = pick(fields(doc, { case: ['title'], events: ['title'], tasks: ['title'], planSteps: ['title'] }), n)
    // Absent, or present but blank: either way the item has no title.
    if (m % 2) delete item[key]
    else item[key] = ' \u3000\n'
    return `${at}.${key}`
  },
  badDate(doc, n, m) {
    const [at, item, key] = pick(fields(doc, DATE_FIELDS), n)
    item[key] = pick(BAD_DATES, m)
    return `${at}.${key}`
  },
  danglingOrganization(doc, n) {
    const links = fields(doc, { events: ['organizationId'], references: ['organizationId'], losses: ['organizationId'], tasks: ['organizationId'] })
    const [at, item, key] = links.length ? pick(links, n) : pushed(doc, 'tasks', { title: '電話する' }, 'organizationId')
    item[key] = '∄ no such organization'
    return `${at}.${key}`
  },
  nonIntegerAmount(doc, n, m) {
    const amounts = fields(doc, { losses: ['amount', 'recovered'] })
    const [at, item, key] = amounts.length ? pick(amounts, n) : pushed(doc, 'losses', { description: '被害', amount: 1, unit: '円' }, 'amount')
    item[key] = pick(BAD_AMOUNTS.nonInteger, m)
    return `${at}.${key}`
  },
  negativeAmount(doc, n, m) {
    const amounts = fields(doc, { losses: ['amount', 'recovered'] })
    const [at, item, key] = amounts.length ? pick(amounts, n) : pushed(doc, 'losses', { description: '被害', amount: 1, unit: '円' }, 'amount')
    item[key] = pick(BAD_AMOUNTS.negative, m)
    return `${at}.${key}`
  },
  danglingStepEvent(doc, n) {
    const steps = withPlanSteps(doc)
    const i = n % steps.length
    Object.assign(steps[i], { done: true, eventId: '∄ no such event' })
    return `$.plan.steps[${i}].eventId`
  },
  repeatedStep(doc, n) {
    const steps = withPlanSteps(doc)
    steps.push({ ...steps[n % steps.length] })
    return `$.plan.steps[${steps.length - 1}].stepId`
  },
  planInVersion1(doc) {
    withPlanSteps(doc)
    doc.version = 1
    return '$.plan'
  },
  unknownKey(doc, n, m) {
    const { at, item } = pick(objects(doc), n)
    // defineProperty, so that even "__proto__" becomes a real key of the JSON.
    Object.defineProperty(item, pick(UNKNOWN_KEYS, m), { value: 1, enumerable: true, configurable: true, writable: true })
    return at
  },
}

const evidenceBytes = (raw: any, baseDir: string): Buffer[] =>
  (raw.evidence ?? []).map((e: { file: string }) => fs.readFileSync(path.resolve(baseDir, e.file)))

describe('JSON interchange, property-based', () => {
  it('any valid document survives import → export unchanged, evidence bytes included', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (generated) => {
        const json = writeDocument(generated)
        const dir = path.dirname(json)
        const kiroku = path.join(dir, 'case.kiroku')
        const outJson = path.join(dir, 'export', 'out.json')
        fs.mkdirSync(path.dirname(outJson))

        await importJsonFile(kiroku, PASSPHRASE, json)
        const caseFile = openCaseFile(kiroku, PASSPHRASE)
        try {
          expect(caseFile.verify().problems).toEqual([])
          await exportJsonFile(caseFile, outJson)
        } finally {
          caseFile.close()
        }

        const exported = JSON.parse(fs.readFileSync(outJson, 'utf8'))
        expect(normalise(exported, path.dirname(outJson))).toEqual(normalise(generated.doc, dir))
        const before = evidenceBytes(generated.doc, dir)
        const after = evidenceBytes(exported, path.dirname(outJson))
        expect(after.length).toBe(before.length)
        after.forEach((bytes, i) => expect(bytes.equals(before[i]), `evidence[${i}]`).toBe(true))
      }),
      { numRuns: 25 },
    )
  }, 180_000)

  it('any document broken in one place is refused at that JSON path, and nothing is written', async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat(), fc.nat(), async (generated, kind, n, m) => {
        const doc = structuredClone(generated.doc)
        const expectedPath = MUTATIONS[kind](doc, n, m)
        const json = writeDocument({ ...generated, doc })
        const dir = path.dirname(json)
        const before = fs.readdirSync(dir).sort()

        const error = await importJsonFile(path.join(dir, 'case.kiroku'), PASSPHRASE, json).then(
          () => undefined,
          (e: unknown) => e,
        )
        expect(error, kind).toBeInstanceOf(InvalidInputError)
        const paths = (error as InvalidInputError).issues.map((i) => i.path)
        // The one problem, reported where it is, and nothing else.
        expect([...new Set(paths)], `${kind}: ${(error as Error).message}`).toEqual([expectedPath])
        expect(fs.readdirSync(dir).sort()).toEqual(before)
      }),
      { numRuns: 50 },
    )
  })
})
