// "Remember the passphrase on this device" through the real router over real
// encrypted case files. The OS keyring is the system boundary: a double that
// really encrypts (test/helpers/keyring.ts) stands in for safeStorage.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { changePassphrase } from '../../electron/main/core'
import { entryKey, RememberedPassphrases } from '../../electron/main/ipc/remembered-passphrases'
import { testRouter } from '../helpers/ipc'
import { TestKeyring } from '../helpers/keyring'
import { tempDir } from '../helpers/temp'

const SECRET = 'kiroku-remember-これは秘密-7f3a'
const CASE = { title: 'ポイント不正利用', kind: 'points_theft', status: 'open', summary: '', victim: {} }

/** A router whose platform remembers passphrases with `keyring` (null: a platform with no store), and a case file made through it (then closed). */
async function setUp(keyring: TestKeyring | null = new TestKeyring()) {
  const dir = tempDir()
  const file = path.join(dir, 'case.kiroku')
  const storeFile = path.join(dir, 'settings', 'remembered-passphrases.json')
  const answers: { open?: string; create?: string } = { create: file }
  const store = keyring && new RememberedPassphrases(storeFile, keyring)
  const router = testRouter(dir, answers, {}, store ? { rememberedPassphrases: store } : {})
  const answered: unknown[] = []
  const call = async (channel: string, input?: unknown) => {
    const result = await router.call(channel, input)
    answered.push(result)
    return result
  }
  // The page's way to a path: the main process's own dialog grants it.
  expect(await call('dialog:chooseNewCasePath', { suggestedName: 'case' })).toEqual({ ok: true, value: file })
  expect(await call('case:create', { path: file, passphrase: SECRET, case: CASE })).toMatchObject({ ok: true })
  expect(await call('case:close')).toEqual({ ok: true })
  /** Lets the page name another file, as the open dialog would. */
  const offer = async (other: string) => {
    answers.open = other
    expect(await call('dialog:chooseCaseToOpen')).toEqual({ ok: true, value: other })
  }
  return { dir, file, storeFile, keyring, store, call, offer, answered, logged: router.logged }
}

describe('remembered passphrases, through the router', () => {
  it('keeps the passphrase sealed on disk, opens with it in the main process, and never hands it to the page', async () => {
    const { file, storeFile, call, answered, logged } = await setUp()
    expect(await call('passphrases:status')).toEqual({ ok: true, value: { available: true, remembered: 0 } })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: false })

    expect(await call('case:open', { path: file, passphrase: SECRET, remember: true })).toMatchObject({ ok: true, value: { path: file, case: { title: CASE.title } } })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: true })
    expect(await call('passphrases:status')).toEqual({ ok: true, value: { available: true, remembered: 1 } })

    // On disk: one sealed entry under a hash of the path; neither the passphrase nor the path in any form.
    const raw = fs.readFileSync(storeFile)
    for (const form of [Buffer.from(SECRET, 'utf8'), Buffer.from(SECRET, 'utf16le'), Buffer.from(Buffer.from(SECRET).toString('base64')), Buffer.from(file), Buffer.from('これは秘密')]) {
      expect(raw.includes(form)).toBe(false)
    }
    const stored = JSON.parse(raw.toString('utf8'))
    expect(Object.keys(stored.entries)).toEqual([entryKey(file)])
    expect(stored.entries[entryKey(file)].sealed).toMatch(/^[A-Za-z0-9+/]+=*$/)
    if (process.platform !== 'win32') expect(fs.statSync(storeFile).mode & 0o077).toBe(0)
    // No temporary left beside it (written under another name, then renamed).
    expect(fs.readdirSync(path.dirname(storeFile))).toEqual(expect.not.arrayContaining([expect.stringMatching(/partial/)]))

    // Lock, then open with no passphrase from the page at all.
    await call('case:close')
    expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: true, value: { path: file, case: { title: CASE.title } } })
    expect(await call('case:get')).toMatchObject({ ok: true, value: { title: CASE.title } })

    // Opening typed without `remember` leaves the entry as it is.
    expect(await call('case:open', { path: file, passphrase: SECRET })).toMatchObject({ ok: true })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: true })

    // Nothing the page was ever answered, and nothing logged, holds the passphrase.
    expect(JSON.stringify(answered)).not.toContain(SECRET)
    expect(logged).toEqual([])
    await call('case:close')
  })

  it('forgets one file, or all of them, and then asks again', async () => {
    const { dir, file, storeFile, call, offer } = await setUp()
    const other = path.join(dir, 'other.kiroku')
    fs.copyFileSync(file, other)
    await offer(other)
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:open', { path: other, passphrase: SECRET, remember: true })
    expect(await call('passphrases:status')).toMatchObject({ value: { remembered: 2 } })

    expect(await call('passphrases:forget', { path: file })).toEqual({ ok: true })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: false })
    expect(await call('passphrases:isRemembered', { path: other })).toEqual({ ok: true, value: true })
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: false, error: { code: 'not_found' } })

    expect(await call('passphrases:forgetAll')).toEqual({ ok: true })
    expect(await call('passphrases:status')).toEqual({ ok: true, value: { available: true, remembered: 0 } })
    expect(await call('case:openRemembered', { path: other })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    // Nothing is left on disk.
    expect(fs.existsSync(storeFile)).toBe(false)
    // Still the passphrase works when typed.
    expect(await call('case:open', { path: other, passphrase: SECRET })).toMatchObject({ ok: true })
    await call('case:close')
  })

  it('keeps a passphrase that was changed elsewhere, fails as the typed one would, and leaves the open case as it is', async () => {
    const { dir, file, call, offer } = await setUp()
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    // Changed with the CLI, say, while Kiroku remembered the old one.
    await changePassphrase(file, SECRET, 'a brand new passphrase 新しい')

    // Another case is open meanwhile; a failed remembered open must not close it.
    const other = path.join(dir, 'other.kiroku')
    fs.copyFileSync(file, other)
    await offer(other)
    await call('case:open', { path: other, passphrase: 'a brand new passphrase 新しい' })

    // To the file this is a wrong passphrase or a damaged first page: the same answer as typing the old one,
    // and the entry stays until the user says to forget it (the unlock screen offers that).
    const failed = await call('case:openRemembered', { path: file })
    expect(failed).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'wrong_passphrase_or_damaged' } })
    expect(failed).toEqual(await call('case:open', { path: file, passphrase: SECRET }))
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: true })
    expect(await call('case:get')).toMatchObject({ ok: true, value: { title: CASE.title } })

    expect(await call('passphrases:forget', { path: file })).toEqual({ ok: true })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: false })
    // The new one, typed and remembered, takes its place.
    expect(await call('case:open', { path: file, passphrase: 'a brand new passphrase 新しい', remember: true })).toMatchObject({ ok: true })
    await call('case:close')
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: true })
    await call('case:close')
  })

  it('keeps the passphrase of a file whose first page is damaged, which is when its backups need it', async () => {
    const { file, call } = await setUp()
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    const good = fs.readFileSync(file)
    const damaged = Buffer.from(good)
    damaged[1000] ^= 0x10 // page 1: to an encrypted file, damage there looks like a wrong passphrase
    fs.writeFileSync(file, damaged)

    const failed = await call('case:openRemembered', { path: file })
    expect(failed).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'wrong_passphrase_or_damaged', message: expect.stringMatching(/backup/) } })
    // Word for word what the typed passphrase gets, so the page offers the same help (restore a backup).
    expect(failed).toEqual(await call('case:open', { path: file, passphrase: SECRET }))
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: true })
    expect(fs.readFileSync(file).equals(damaged)).toBe(true)

    // Put right (as restoring a backup would), the remembered passphrase opens it again.
    fs.writeFileSync(file, good)
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: true, value: { case: { title: CASE.title } } })
    await call('case:close')
  })

  it('forgets an entry the keyring can no longer unseal (keyring reset, file from another account)', async () => {
    const { file, keyring, call } = await setUp()
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    keyring!.replaceKey()
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: false })
    expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('keeps the entry when the file is only missing (moved, a drive not plugged in)', async () => {
    const { file, call } = await setUp()
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    const away = `${file}.away`
    fs.renameSync(file, away)
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'missing' } })
    expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: true })
    fs.renameSync(away, file)
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: true })
    await call('case:close')
  })

  it('refuses to remember where the keyring is not a real one, before touching the file', async () => {
    for (const keyring of [new TestKeyring(false), null]) {
      const { file, storeFile, call } = await setUp(keyring)
      expect(await call('passphrases:status')).toEqual({ ok: true, value: { available: false, remembered: 0 } })
      const refused = await call('case:open', { path: file, passphrase: SECRET, remember: true })
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/keyring/) } })
      // Not opened either: the page shows the refusal, and the case stays locked.
      expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
      expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await call('passphrases:isRemembered', { path: file })).toEqual({ ok: true, value: false })
      expect(fs.existsSync(storeFile)).toBe(false)
      expect(keyring?.sealed ?? 0).toBe(0)
      // Typing still works.
      expect(await call('case:open', { path: file, passphrase: SECRET })).toMatchObject({ ok: true })
      await call('case:close')
    }
  })

  it('closes the file again when the keyring fails to seal, so a failed request opens nothing', async () => {
    const keyring = new TestKeyring()
    keyring.encrypt = () => {
      throw new Error('The keyring is locked')
    }
    const { file, storeFile, call, logged } = await setUp(keyring)
    const failed = await call('case:open', { path: file, passphrase: SECRET, remember: true })
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(fs.existsSync(storeFile)).toBe(false)
    expect(logged.join('\n')).not.toContain(SECRET)
  })

  it('only answers for paths the main process gave the page', async () => {
    const { dir, file, store, call } = await setUp()
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    const copy = path.join(dir, 'elsewhere.kiroku')
    fs.copyFileSync(file, copy)
    // Remembered on this device (in another session, say), but not given to this page.
    store!.remember(copy, SECRET)
    for (const channel of ['case:openRemembered', 'passphrases:isRemembered', 'passphrases:forget']) {
      expect(await call(channel, { path: copy }), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(store!.has(copy)).toBe(true)
    expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('survives a damaged store file: nothing is remembered, and the next entry replaces it', async () => {
    const { file, storeFile, call } = await setUp()
    fs.mkdirSync(path.dirname(storeFile), { recursive: true })
    for (const junk of ['', '{', '[]', '{"version":1,"entries":{"__proto__":{"sealed":"AAAA","savedAt":"x"}}}', '{"version":2,"entries":{}}']) {
      fs.writeFileSync(storeFile, junk)
      expect(await call('passphrases:status'), junk).toEqual({ ok: true, value: { available: true, remembered: 0 } })
      expect(await call('case:openRemembered', { path: file }), junk).toMatchObject({ ok: false, error: { code: 'not_found' } })
    }
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    expect(await call('case:openRemembered', { path: file })).toMatchObject({ ok: true })
    await call('case:close')
  })

  it('keeps the entry of a missing file in a linked folder (a documents folder that is a link to another disk)', async () => {
    if (process.platform === 'win32') return
    const { dir, file, call, offer } = await setUp()
    const real = path.join(dir, 'real')
    fs.mkdirSync(real)
    fs.copyFileSync(file, path.join(real, 'case.kiroku'))
    const linked = path.join(dir, 'linked')
    fs.symlinkSync(real, linked, 'dir')
    const throughLink = path.join(linked, 'case.kiroku')
    await offer(throughLink)
    await call('case:open', { path: throughLink, passphrase: SECRET, remember: true })
    await call('case:close')

    const away = path.join(dir, 'away.kiroku')
    fs.renameSync(path.join(real, 'case.kiroku'), away)
    expect(entryKey(throughLink)).toBe(entryKey(path.join(real, 'case.kiroku')))
    expect(await call('passphrases:isRemembered', { path: throughLink })).toEqual({ ok: true, value: true })
    expect(await call('case:openRemembered', { path: throughLink })).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'missing' } })
    fs.renameSync(away, path.join(real, 'case.kiroku'))
    expect(await call('case:openRemembered', { path: throughLink })).toMatchObject({ ok: true })
    await call('case:close')
  })

  it('shares one entry between a case file and a link to it', async () => {
    if (process.platform === 'win32') return
    const { dir, file, call, offer } = await setUp()
    await call('case:open', { path: file, passphrase: SECRET, remember: true })
    await call('case:close')
    const link = path.join(dir, 'link.kiroku')
    fs.symlinkSync(file, link)
    await offer(link)
    expect(await call('passphrases:isRemembered', { path: link })).toEqual({ ok: true, value: true })
  })
})
