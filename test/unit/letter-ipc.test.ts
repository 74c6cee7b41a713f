// The letters over IPC: letter:missing says what a letter would leave blank
// without writing anything; letter:create asks the save dialog for the path
// (the page never names one), writes the PDF with its blanks, and writes
// nothing when the dialog is cancelled or the options are refused.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile } from '../../electron/main/core'
import { testRouter } from '../helpers/ipc'
import { pdfPages, pdfText, squeeze } from '../helpers/pdf'
import { writeStoryCopy } from '../helpers/story'
import { PASSPHRASE } from '../helpers/temp'

let dir: string
let storyFile: string

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-letter-ipc-'))
  storyFile = path.join(dir, 'story.kiroku')
  // The story without the victim's phone number: one blank every letter has.
  await importJsonFile(storyFile, PASSPHRASE, writeStoryCopy(path.join(dir, 'story'), (doc) => delete doc.case.victim.phone))
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

type Item = { field: string; text: string }

/** The value of a call that must have succeeded. */
function ok<T = any>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

async function openStory(answers: { dossier?: string } = {}) {
  const router = testRouter(dir, answers)
  await router.choose('open', storyFile)
  expect((await router.call('case:open', { path: storyFile, passphrase: PASSPHRASE })).ok).toBe(true)
  return router
}

describe('letters over IPC', () => {
  it('letter:missing lists the blanks in the letter’s language and refuses a claim to nobody', async () => {
    const { call } = await openStory()
    const police: Item[] = ok(await call('letter:missing', { type: 'police-report', lang: 'en' }))
    expect(police.map((m) => m.field)).toContain('victimPhone')
    expect(police.find((m) => m.field === 'victimPhone')?.text).toBe("the victim's phone number")
    const claim: Item[] = ok(await call('letter:missing', { type: 'claim', organizationId: 3, lang: 'ja' }))
    expect(claim.map((m) => m.field)).toEqual(expect.arrayContaining(['victimPhone', 'claimRule']))
    expect(claim.find((m) => m.field === 'victimPhone')?.text).toBe('被害者の電話番号')
    expect(await call('letter:missing', { type: 'claim', lang: 'ja' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('letter:missing', { type: 'consumer-center', organizationId: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('letter:missing', { type: 'letter' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('letter:missing', { type: 'claim', organizationId: 3, today: '2018-11-20' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await call('case:close')
  })

  it('dossier:missing lists what the dossier would show as not recorded, the claim’s rule and deadline left to letters', async () => {
    const { call } = await openStory()
    const police: Item[] = ok(await call('dossier:missing', { audience: 'police', lang: 'en' }))
    expect(police).toEqual(ok(await call('letter:missing', { type: 'police-report', lang: 'en' })))
    expect(police.map((m) => m.field)).toContain('victimPhone')
    const provider: Item[] = ok(await call('dossier:missing', { audience: 'provider', organizationId: 3, lang: 'ja' }))
    const claim: Item[] = ok(await call('letter:missing', { type: 'claim', organizationId: 3, lang: 'ja' }))
    expect(claim.map((m) => m.field)).toContain('claimRule')
    expect(provider).toEqual(claim.filter((m) => m.field !== 'claimRule' && m.field !== 'claimDeadline'))
    // Every provider at once: the police report's items.
    expect(ok(await call('dossier:missing', { audience: 'provider', lang: 'en' }))).toEqual(police)
    expect(await call('dossier:missing', { audience: 'court' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    // Filled in, it leaves the list; nothing was written to make the list.
    const { title, kind, status, summary, discoveredAt, victim } = ok(await call('case:get'))
    ok(await call('case:update', { title, kind, status, summary, discoveredAt, victim: { ...victim, phone: '090-0000-0000' } }))
    expect(ok(await call('dossier:missing', { audience: 'police', lang: 'en' })).map((m: Item) => m.field)).not.toContain('victimPhone')
    // The other tests read the story without the phone number.
    ok(await call('case:update', { title, kind, status, summary, discoveredAt, victim }))
    await call('case:close')
  })

  it('letter:create writes where the save dialog says, with the blanks listed; nothing when cancelled or refused', async () => {
    const chosen = path.join(dir, 'claim.pdf')
    const { call } = await openStory({ dossier: chosen })
    const made = await call('letter:create', { type: 'claim', organizationId: 3, lang: 'ja' })
    expect(made).toMatchObject({ ok: true, value: { path: chosen, pages: pdfPages(chosen) } })
    expect(ok<{ missing: Item[] }>(made).missing.map((m) => m.field)).toContain('victimPhone')
    const text = squeeze(pdfText(chosen))
    expect(text).toContain('山田花子')
    expect(text).toContain('被害者の電話番号')
    expect(text).toContain('PT-88231')
    // The page cannot name a path.
    expect(await call('letter:create', { type: 'police-report', path: path.join(dir, 'elsewhere.pdf') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    await call('case:close')

    const refused = await openStory({ dossier: path.join(dir, 'refused.pdf') })
    expect(await refused.call('letter:create', { type: 'claim', lang: 'en' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(fs.existsSync(path.join(dir, 'refused.pdf'))).toBe(false)
    await refused.call('case:close')

    const cancelled = await openStory()
    expect(await cancelled.call('letter:create', { type: 'consumer-center', lang: 'en' })).toEqual({ ok: true, value: undefined })
    await cancelled.call('case:close')
  })
})
