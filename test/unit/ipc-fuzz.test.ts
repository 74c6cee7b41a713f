// Fuzzing the only door from the page into the main process: thousands of
// random and malformed payloads to every channel of the real router, over a
// real open encrypted case. Every payload the contract refuses must come
// back as a validation error (never a crash, never an unhandled rejection,
// never "internal"), and the open case file must be exactly as it was.
// Payloads the contract accepts are skipped: they may legitimately write.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile } from '../../electron/main/core'
import { RememberedPassphrases } from '../../electron/main/ipc/remembered-passphrases'
import { contract, MAX_EVIDENCE_BASE64 } from '../../shared/ipc/contract'
import { APP_PAGE, testRouter } from '../helpers/ipc'
import { TestKeyring } from '../helpers/keyring'
import { writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, TINY_PNG } from '../helpers/temp'

const CHANNELS = Object.keys(contract) as Array<keyof typeof contract>
const RUNS_PER_CHANNEL = 400

const CASE = { title: 'fuzz', kind: 'points_theft', status: 'open', summary: '', victim: {} }
const EVENT = { occurredAt: '2018-10-13T10:00:00+09:00', kind: 'note', title: 'x' }

/** A valid input per channel (where one exists), the seed for mutations that go one field wrong. */
const SEEDS: Partial<Record<string, Record<string, unknown>>> = {
  'recent:forget': { path: '/tmp/x.kiroku' },
  'dialog:chooseNewCasePath': { suggestedName: 'x' },
  'case:create': { path: '/tmp/x.kiroku', passphrase: PASSPHRASE, case: CASE },
  'case:open': { path: '/tmp/x.kiroku', passphrase: PASSPHRASE },
  'case:update': CASE,
  'events:list': { kinds: ['note'], organizationId: 1 },
  'events:create': EVENT,
  'events:update': { id: 1, value: EVENT },
  'events:delete': { id: 1 },
  'events:logCall': { event: EVENT, reference: { label: 'a', value: 'b' }, promise: { title: 't', dueAt: '2018-10-20' } },
  'organizations:create': { name: 'x', role: 'points_operator' },
  'organizations:update': { id: 1, value: { name: 'x', role: 'points_operator' } },
  'organizations:delete': { id: 1 },
  'references:create': { label: 'a', value: 'b' },
  'references:update': { id: 1, value: { label: 'a', value: 'b' } },
  'references:delete': { id: 1 },
  'losses:create': { description: 'd', amount: 1, unit: 'pt' },
  'losses:update': { id: 1, value: { description: 'd', amount: 1, unit: 'pt' } },
  'losses:delete': { id: 1 },
  'tasks:create': { title: 't' },
  'tasks:update': { id: 1, value: { title: 't' } },
  'tasks:delete': { id: 1 },
  'evidence:add': { fileName: 'a.png', base64: TINY_PNG.toString('base64') },
  'evidence:content': { id: 1 },
  'evidence:update': { id: 1, value: { caption: 'c' } },
  'evidence:delete': { id: 1 },
  search: { query: 'ポイント' },
  'dossier:create': { lang: 'en' },
  'bundle:create': { lang: 'en' },
  'letter:missing': { type: 'claim', organizationId: 2, lang: 'en', era: 'japanese', redact: true },
  'letter:create': { type: 'police-report', lang: 'en' },
  'share:create': { passphrase: PASSPHRASE, sharePassphrase: 'another passphrase' },
  'case:merge': { passphrase: PASSPHRASE },
  'backups:list': { path: '/tmp/x.kiroku' },
  'backups:restore': { path: '/tmp/x.kiroku', backup: '20260101T000000000Z-s1-0123456789ab.kiroku', passphrase: PASSPHRASE },
  'passphrases:isRemembered': { path: '/tmp/x.kiroku' },
  'case:openRemembered': { path: '/tmp/x.kiroku' },
  'passphrases:forget': { path: '/tmp/x.kiroku' },
  'app:showInFolder': { path: '/tmp/x.pdf' },
}

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']

/** An object with an own key such as "__proto__" (as JSON.parse makes it), not a prototype change. */
function withOwnKey(base: unknown, key: string, value: unknown): unknown {
  const target = base && typeof base === 'object' && !Array.isArray(base) ? { ...(base as object) } : {}
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true })
  return target
}

function deeplyNested(depth: number, leaf: unknown = 'x'): unknown {
  let value: unknown = leaf
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
  return value
}

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    null, undefined, NaN, Infinity, -Infinity, -0, -1, 0, 1.5, 2 ** 53, Number.MAX_VALUE, '', ' ', '\u0000', '\u202e', '\ud800',
    'a'.repeat(5_000), '../../etc/passwd', '<script>alert(1)</script>', "'; DROP TABLE events; --", true, false, [], {}, () => 1, Symbol('s'),
  ),
  fc.string({ minLength: 0, maxLength: 300, unit: 'binary' }),
  fc.integer({ min: 1, max: 6 }).map((n) => deeplyNested(n * 500)),
)

/** A payload that goes wrong in one of many ways; whether it is really invalid is asked of the contract. */
function payloads(channel: string): fc.Arbitrary<unknown> {
  const seed = SEEDS[channel]
  const choices: fc.Arbitrary<unknown>[] = [wrongValue, fc.dictionary(fc.string({ maxLength: 12 }), wrongValue, { maxKeys: 5 })]
  choices.push(fc.tuple(fc.constantFrom(...POLLUTING_KEYS), wrongValue).map(([k, v]) => withOwnKey(seed ?? {}, k, v)))
  choices.push(fc.constantFrom(...POLLUTING_KEYS).map((k) => JSON.parse(`{"${k}": {"polluted": true}}`)))
  if (seed) {
    const keys = Object.keys(seed)
    // One field of a valid input replaced by a wrong value.
    choices.push(fc.tuple(fc.constantFrom(...keys), wrongValue).map(([k, v]) => ({ ...seed, [k]: v })))
    // One field missing.
    choices.push(fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(seed).filter(([key]) => key !== k))))
    // A valid input with an extra field.
    choices.push(fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), wrongValue).map(([k, v]) => ({ ...seed, [k]: v })))
    // Nested fields replaced (value, event, case …).
    for (const [k, v] of Object.entries(seed)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const inner = Object.keys(v)
        if (inner.length) {
          choices.push(
            fc.tuple(fc.constantFrom(...inner), wrongValue).map(([ik, iv]) => ({ ...seed, [k]: { ...(v as object), [ik]: iv } })),
          )
        }
      }
    }
  }
  return fc.oneof(...choices)
}

let dir: string
let file: string
let router: ReturnType<typeof testRouter>
let remembered: RememberedPassphrases
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)

/** Everything that says whether the case changed: counts, the audit head, verify(). */
async function snapshot() {
  const counts: Record<string, number> = {}
  for (const channel of ['events:list', 'organizations:list', 'references:list', 'losses:list', 'tasks:list', 'evidence:list']) {
    const result = await router.call(channel)
    expect(result.ok, channel).toBe(true)
    if (result.ok) counts[channel] = result.value.length
  }
  const caseRecord = await router.call('case:get')
  const second = openCaseFile(file, PASSPHRASE)
  try {
    const report = second.verify()
    return { counts, caseRecord, head: second.auditHead(), auditEntries: report.auditEntries, ok: report.ok, problems: report.problems }
  } finally {
    second.close()
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled)
  // One folder for the whole file (the helper's folders go after each test).
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-fuzz-'))
  file = path.join(dir, 'story.kiroku')
  await importJsonFile(file, PASSPHRASE, writeStoryCopy(path.join(dir, 'story')))
  remembered = new RememberedPassphrases(path.join(dir, 'settings', 'remembered-passphrases.json'), new TestKeyring())
  router = testRouter(dir, {}, {}, { rememberedPassphrases: remembered })
  // As the page does: the open dialog grants the path (electron/main/ipc/path-grants.ts).
  await router.choose('open', file)
  const opened = await router.call('case:open', { path: file, passphrase: PASSPHRASE })
  expect(opened.ok).toBe(true)
})

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  await router?.call('case:close')
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('IPC fuzzing', () => {
  it('the seeds are valid inputs (so mutations of them probe one field at a time)', () => {
    for (const [channel, seed] of Object.entries(SEEDS)) {
      if (!(channel in contract)) continue
      const parsed = contract[channel as keyof typeof contract].input.safeParse(seed)
      expect(parsed.success, channel).toBe(true)
    }
  })

  it(`answers ${RUNS_PER_CHANNEL} malformed payloads on each of the ${CHANNELS.length} channels with a validation error, changing nothing`, async () => {
    const before = await snapshot()
    expect(before.ok).toBe(true)
    expect(before.counts['events:list']).toBeGreaterThan(0)
    let invalidSent = 0
    for (const channel of CHANNELS) {
      const schema = contract[channel].input
      await fc.assert(
        fc.asyncProperty(payloads(channel), async (payload) => {
          // Only inputs the contract refuses: accepted ones may write, by design.
          if (schema.safeParse(payload).success) return
          invalidSent++
          const result = await router.dispatch(channel, payload, APP_PAGE)
          expect(result.ok).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('invalid_input')
            expect(typeof result.error.message).toBe('string')
          }
        }),
        { numRuns: RUNS_PER_CHANNEL },
      )
    }
    expect(invalidSent).toBeGreaterThan(CHANNELS.length * RUNS_PER_CHANNEL * 0.8)
    expect(router.logged).toEqual([])
    expect(unhandled).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await snapshot()).toEqual(before)
  }, 60_000)

  it('answers unknown channel names, and callers that are not the app page, without touching anything', async () => {
    const before = await snapshot()
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom(...POLLUTING_KEYS, 'events:create ', 'EVENTS:CREATE', 'events:*'), wrongValue),
        wrongValue,
        async (channel, payload) => {
          if (typeof channel === 'string' && Object.hasOwn(contract, channel)) return
          const result = await router.dispatch(channel, payload, APP_PAGE)
          expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
        },
      ),
      { numRuns: 1500 },
    )
    // A hostile page sending VALID inputs to every channel: refused before validation.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNELS), fc.oneof(fc.webUrl(), fc.string(), fc.constantFrom('file:///app/out/renderer/index.html#x', 'app://other/index.html', 'app://kiroku/index.js')), async (channel, url) => {
        if (url === APP_PAGE.url) return
        const result = await router.dispatch(channel, SEEDS[channel], { url })
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }),
      { numRuns: 1000 },
    )
    expect(unhandled).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses valid requests naming a case-file path the page was never given (forbidden), changing nothing', async () => {
    const before = await snapshot()
    // Remembered on this device, but never given to this page: not to be forgotten by it either.
    const rememberedElsewhere = path.join(dir, 'remembered-elsewhere.kiroku')
    remembered.remember(rememberedElsewhere, PASSPHRASE)
    const files = fs.readdirSync(dir).sort()
    const PATH_CHANNELS = ['case:create', 'case:open', 'backups:list', 'backups:restore', 'case:openRemembered', 'passphrases:isRemembered', 'passphrases:forget', 'app:showInFolder'] as const
    const paths = fc.oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.string({ minLength: 1, maxLength: 40 }).map((name) => path.join(dir, `${name}.kiroku`)),
      fc.constantFrom(
        file, // granted for opening only: never a place to create a case
        rememberedElsewhere,
        `${file}.before-restore-20260101T000000000Z`,
        path.join(dir, '..', 'story.kiroku'),
        path.join(os.homedir(), '.config', 'autostart', 'x.kiroku'),
        '/tmp/x.kiroku',
        '../../etc/passwd',
        'C:\\Windows\\x.kiroku',
      ),
    )
    let sent = 0
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PATH_CHANNELS), paths, async (channel, target) => {
        const payload = { ...SEEDS[channel], path: target }
        if (!contract[channel].input.safeParse(payload).success) return
        // The one granted path may be opened and its backups listed (this router keeps none).
        if (channel !== 'case:create' && path.resolve(target) === path.resolve(file)) return
        sent++
        const result = await router.call(channel, payload)
        expect(result, `${channel} ${target}`).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }),
      { numRuns: 1000 },
    )
    expect(sent).toBeGreaterThan(900)
    expect(fs.readdirSync(dir).sort()).toEqual(files)
    expect(remembered.has(rememberedElsewhere)).toBe(true)
    expect(router.shown).toEqual([])
    expect(router.logged).toEqual([])
    expect(await snapshot()).toEqual(before)
  })

  it('refuses huge and deeply nested payloads quickly', async () => {
    const before = await snapshot()
    const huge = 'A'.repeat(MAX_EVIDENCE_BASE64 + 4)
    const cases: Array<[string, unknown]> = [
      ['evidence:add', { fileName: 'a.png', base64: huge }],
      ['search', { query: huge.slice(0, 10_000_000) }],
      ['events:create', { ...EVENT, title: huge.slice(0, 1_000_000) }],
      ['events:create', { ...EVENT, evidenceIds: Array.from({ length: 100_000 }, (_, i) => i + 1) }],
      ['case:update', deeplyNested(100_000)],
      ['events:update', { id: 1, value: deeplyNested(50_000) }],
      ['share:create', { passphrase: huge.slice(0, 2_000_000), sharePassphrase: 'x' }],
    ]
    for (const [channel, payload] of cases) {
      const result = await router.call(channel, payload)
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(await snapshot()).toEqual(before)
  })

  it('answers schema-valid requests for records that do not exist with not_found, changing nothing', async () => {
    const before = await snapshot()
    const byId = CHANNELS.filter((c) => SEEDS[c] && 'id' in SEEDS[c]!)
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...byId), fc.integer({ min: 1_000_000, max: 2 ** 31 }), async (channel, id) => {
        const result = await router.call(channel, { ...SEEDS[channel], id })
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'not_found' } })
      }),
      { numRuns: 300 },
    )
    expect(await snapshot()).toEqual(before)
  })
})
