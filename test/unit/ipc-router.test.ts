// The router is the only door from the page into the main process.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract } from '../../shared/ipc/contract'
import { APP_PAGE, testRouter } from '../helpers/ipc'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'
import { scamMail, twoPagePdf } from '../helpers/japanese-mail'

const CASE = { title: 'Tポイント不正利用', kind: 'points_theft', status: 'open', summary: '', victim: {} }

async function withOpenCase() {
  const dir = tempDir()
  const router = testRouter(dir)
  const file = path.join(dir, 'case.kiroku')
  await router.choose('create', file)
  const created = await router.call('case:create', { path: file, passphrase: PASSPHRASE, case: CASE })
  expect(created).toMatchObject({ ok: true, value: { path: file, case: CASE } })
  return { ...router, dir, file }
}

describe('IPC router', () => {
  it('refuses a sender that is not the app page, before doing anything', async () => {
    const { dispatch, file } = await withOpenCase()
    const before = fs.readFileSync(file)
    // file:// included: the app is served as app://kiroku/ (app-protocol.ts), never from the disk's own origin.
    for (const url of ['https://evil.example/', 'file:///tmp/other.html', 'file:///app/out/renderer/index.html', 'app://other/index.html', 'app://kiroku/index.js', '']) {
      const result = await dispatch('events:create', { occurredAt: '2018-10-13T10:00+09:00', kind: 'note', title: 'x' }, { url })
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses unknown channels, including names from Object.prototype', async () => {
    const { call } = await withOpenCase()
    for (const name of ['nope', 'constructor', '__proto__', 'toString', 42, null]) {
      expect(await call(name as string)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    }
  })

  it('validates input against the contract and lists the problems', async () => {
    const { call } = await withOpenCase()
    const bad = await call('events:create', { occurredAt: 'yesterday', kind: 'party', title: 'x', extra: 1 })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.path).sort()).toEqual(['$', '$.kind', '$.occurredAt'])
    expect(await call('organizations:delete', { id: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('case:close', { sneaky: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('events:list')).toEqual({ ok: true, value: [] })
  })

  it('logs a call with its reference number and promise in one step', async () => {
    const { call } = await withOpenCase()
    const org = await call('organizations:create', { name: 'Tポイント事務局', role: 'points_operator' })
    if (!org.ok) throw new Error(org.error.message)
    const logged = await call('events:logCall', {
      event: { occurredAt: '2018-10-13T10:00:00+09:00', kind: 'contact', title: '調査依頼', organizationId: org.value.id, channel: 'phone', durationMinutes: 12 },
      reference: { label: '受付番号', value: 'TP-1013' },
      promise: { title: '調査結果の連絡（1週間）', dueAt: '2018-10-20' },
    })
    expect(logged.ok).toBe(true)
    expect(await call('references:list')).toMatchObject({ ok: true, value: [{ value: 'TP-1013', organizationId: org.value.id }] })
    expect(await call('tasks:list')).toMatchObject({ ok: true, value: [{ dueAt: '2018-10-20', done: false }] })
    // A failure inside the handler (evidence that does not exist) rolls the whole note back.
    const failed = await call('events:logCall', {
      event: { occurredAt: '2018-10-14T10:00:00+09:00', kind: 'contact', title: 'second', evidenceIds: [999] },
      reference: { label: '受付番号', value: 'TP-1014' },
      promise: { title: 'x', dueAt: '2018-10-21' },
    })
    expect(failed).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('999') } })
    expect(await call('references:list')).toMatchObject({ ok: true, value: [{ value: 'TP-1013' }] })
    expect(await call('tasks:list')).toMatchObject({ ok: true, value: [{ dueAt: '2018-10-20' }] })
    expect(await call('events:list')).toMatchObject({ ok: true, value: [{ title: '調査依頼' }] })
  })

  it('creates an organisation first met on the call in the same step, and none when the note fails', async () => {
    const { call } = await withOpenCase()
    const failed = await call('events:logCall', {
      event: { occurredAt: '2018-10-17T15:00:00+09:00', kind: 'contact', title: 'Ponta', evidenceIds: [999] },
      newOrganization: { name: 'Ponta カスタマーセンター', role: 'points_operator' },
    })
    expect(failed).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('999') } })
    expect(await call('organizations:list')).toEqual({ ok: true, value: [] })

    const logged = await call('events:logCall', {
      event: { occurredAt: '2018-10-17T15:00:00+09:00', kind: 'contact', title: 'Ponta' },
      newOrganization: { name: 'Ponta カスタマーセンター', role: 'points_operator' },
      reference: { label: '受付番号', value: 'PT-1017' },
    })
    if (!logged.ok) throw new Error(logged.error.message)
    const organizations = await call('organizations:list')
    expect(organizations).toMatchObject({ ok: true, value: [{ name: 'Ponta カスタマーセンター' }] })
    const orgId = organizations.ok ? organizations.value[0].id : -1
    expect(logged.value.organizationId).toBe(orgId)
    expect(await call('references:list')).toMatchObject({ ok: true, value: [{ value: 'PT-1017', organizationId: orgId }] })

    expect(
      await call('events:logCall', {
        event: { occurredAt: '2018-10-18T15:00:00+09:00', kind: 'contact', title: 'both', organizationId: orgId },
        newOrganization: { name: 'another', role: 'other' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('organizations:list')).toMatchObject({ ok: true, value: [{ id: orgId }] })
  })

  it('writes a police visit and its police record in one step, and neither when the note fails', async () => {
    const { call } = await withOpenCase()
    const visit = {
      event: { occurredAt: '2018-10-20T14:00+09:00', kind: 'contact' as const, channel: 'in_person' as const, title: '新宿警察署で被害届', evidenceIds: [999] },
      newOrganization: { name: '新宿警察署', role: 'police' as const },
      reference: { label: '受理番号', value: '第1234号' },
      policeRecord: { kind: 'report' as const, station: '新宿警察署', section: '生活安全課', officer: '田中', receiptNumber: '第1234号' },
    }
    expect(await call('events:logCall', visit)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('policeRecords:list')).toEqual({ ok: true, value: [] })
    const logged = await call('events:logCall', { ...visit, event: { ...visit.event, evidenceIds: [] } })
    if (!logged.ok) throw new Error(logged.error.message)
    expect(await call('policeRecords:list')).toMatchObject({
      ok: true,
      value: [{ kind: 'report', station: '新宿警察署', receiptNumber: '第1234号', occurredAt: '2018-10-20T14:00+09:00', eventId: logged.value.id, organizationId: logged.value.organizationId }],
    })
    // The contract refuses a police record with no station.
    expect(await call('events:logCall', { event: { occurredAt: '2018-10-21T10:00+09:00', kind: 'contact', title: 'x' }, policeRecord: { kind: 'report', station: '' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('evidence crosses as base64 and comes back byte-identical; refusals are explained', async () => {
    const { call } = await withOpenCase()
    const added = await call('evidence:add', { fileName: 'screenshot.png', base64: TINY_PNG.toString('base64'), caption: 'ログイン履歴' })
    if (!added.ok) throw new Error(added.error.message)
    const content = await call('evidence:content', { id: added.value.evidence.id })
    expect(content.ok && Buffer.from(content.value.base64, 'base64').equals(TINY_PNG)).toBe(true)
    expect(await call('evidence:add', { fileName: 'x.png', base64: Buffer.from('PK\u0003\u0004').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/not a supported evidence type/) },
    })
    expect(await call('evidence:add', { fileName: 'x.png', base64: '%%%' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('a mail added from the page is read in the same step: its attachments are listed and its words found', async () => {
    const { call } = await withOpenCase()
    const mail = await scamMail(await twoPagePdf('Statement', 'Zebracorn refund'))
    const added = await call('evidence:add', { fileName: 'phish.eml', base64: mail.toString('base64') })
    expect(added).toMatchObject({ ok: true, value: { evidence: { id: 1, mimeType: 'message/rfc822' }, duplicate: false } })
    expect(await call('evidence:list')).toMatchObject({ ok: true, value: [{ fileName: 'phish.eml' }, { fileName: 'invoice.pdf' }, { fileName: 'forwarded.eml' }] })
    expect(await call('search', { query: 'Zebracorn' })).toEqual({ ok: true, value: [{ entity: 'evidence', id: 2, text: 'Statement Zebracorn refund' }] })
  })

  it('a wrong passphrase says so and keeps the open case open', async () => {
    const { call, file } = await withOpenCase()
    const wrong = await call('case:open', { path: file, passphrase: 'wrong wrong' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'wrong_passphrase_or_damaged' } })
    expect(await call('case:get')).toMatchObject({ ok: true, value: { title: CASE.title } })
    expect(await call('case:close')).toEqual({ ok: true, value: undefined })
    expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('remembers recent files, newest first, by path and time only', async () => {
    const { call, choose, file, dir } = await withOpenCase()
    const listed = await call('recent:list')
    expect(listed).toMatchObject({ ok: true, value: [{ path: file, openedAt: expect.any(String) }] })
    if (listed.ok) expect(Object.keys(listed.value[0]).sort()).toEqual(['openedAt', 'path'])
    await call('recent:forget', { path: file })
    expect(await call('recent:list')).toEqual({ ok: true, value: [] })

    // A list written by an older version, with titles: still read (the title stripped), and
    // rewritten without it on the next remember.
    const recentJson = path.join(dir, 'settings', 'recent.json')
    const older = path.join(dir, 'older.kiroku')
    fs.writeFileSync(recentJson, JSON.stringify([{ path: older, title: 'an old title', openedAt: '2020-01-01T00:00:00.000Z' }]))
    expect(await call('recent:list')).toEqual({ ok: true, value: [{ path: older, openedAt: '2020-01-01T00:00:00.000Z' }] })
    // Forgotten: the page needs the open dialog to name that file again.
    expect(await call('case:open', { path: file, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await choose('open', file)
    expect((await call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    expect(await call('recent:list')).toMatchObject({ ok: true, value: [{ path: file }, { path: older }] })
    expect(fs.readFileSync(recentJson, 'utf8')).not.toContain('an old title')
  })

  it('share:create and bundle:create write where the save dialog says, and nothing when cancelled', async () => {
    const dir = tempDir()
    const share = path.join(dir, 'copy.kiroku')
    const bundle = path.join(dir, 'bundle.zip')
    const { call, choose } = testRouter(dir, { share, bundle })
    await choose('create', path.join(dir, 'case.kiroku'))
    await call('case:create', { path: path.join(dir, 'case.kiroku'), passphrase: PASSPHRASE, case: CASE })
    await call('events:create', { occurredAt: '2018-10-19T22:00+09:00', kind: 'note', title: '内緒', private: true })
    expect(await call('share:create', { passphrase: 'wrong passphrase', sharePassphrase: 'copy passphrase' })).toMatchObject({ ok: false, error: { code: 'cannot_open' } })
    const shared = await call('share:create', { passphrase: PASSPHRASE, sharePassphrase: 'copy passphrase' })
    expect(shared).toMatchObject({ ok: true, value: { path: share, events: 0, leftOutEvents: 1 } })
    expect(await call('bundle:create', { lang: 'en' })).toMatchObject({ ok: true, value: { path: bundle, files: 2 } })
    expect(fs.statSync(bundle).size).toBeGreaterThan(1000)
    const cancelled = testRouter(tempDir())
    await cancelled.choose('open', path.join(dir, 'case.kiroku'))
    await cancelled.call('case:open', { path: path.join(dir, 'case.kiroku'), passphrase: PASSPHRASE })
    expect(await cancelled.call('bundle:create', {})).toEqual({ ok: true, value: undefined })
    expect(await cancelled.call('share:create', { passphrase: PASSPHRASE, sharePassphrase: 'copy passphrase' })).toEqual({ ok: true, value: undefined })
  })

  it('never writes an export over the open case file, says a wrong passphrase before asking where, and explains file-system failures', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    const { call, choose } = testRouter(dir, { share: file, dossier: file, bundle: path.join(dir, 'no-such-folder', 'b.zip') })
    await choose('create', file)
    await call('case:create', { path: file, passphrase: PASSPHRASE, case: CASE })
    const before = fs.readFileSync(file)
    expect(await call('share:create', { passphrase: PASSPHRASE, sharePassphrase: 'copy passphrase' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/open case file itself/) } })
    expect(await call('dossier:create', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/open case file itself/) } })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(await call('bundle:create', {})).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/folder does not exist/) } })
    const silent = testRouter(dir) // a dialog that would be cancelled is never reached
    await silent.choose('open', file)
    await silent.call('case:open', { path: file, passphrase: PASSPHRASE })
    expect(await silent.call('share:create', { passphrase: 'not the passphrase', sharePassphrase: 'copy passphrase' })).toMatchObject({ ok: false, error: { code: 'cannot_open' } })
    const added = await call('evidence:add', { fileName: 'private.png', base64: TINY_PNG.toString('base64'), private: true })
    expect(added).toMatchObject({ ok: true, value: { evidence: { private: true } } })
  })

  it('has a handler for every channel of the contract', async () => {
    const { dispatch } = await withOpenCase()
    for (const channel of Object.keys(contract)) {
      const result = await dispatch(channel, { definitely: 'wrong' }, APP_PAGE)
      expect(result.ok ? 'ok' : result.error.code).not.toBe('unknown_channel')
    }
  })
})
