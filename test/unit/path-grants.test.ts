// The page may only use case-file paths the main process gave it in this
// session (electron/main/ipc/path-grants.ts): its own open and save dialogs,
// the file the OS asked it to open, the recent list, a case it opened. A
// hostile page naming any other path is refused before a file is touched.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCaseFile, listBackups, openCaseFile, type BackupSettings } from '../../electron/main/core'
import { testRouter } from '../helpers/ipc'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const CASE = { title: 'grants', kind: 'other', status: 'open', summary: '', victim: {} } as const
const FORBIDDEN = { ok: false, error: { code: 'forbidden' } }

/** A case file with one backup (holding one event), and a router that has handed out nothing yet. */
async function setUp() {
  const dir = tempDir()
  const backups: BackupSettings = { dir: path.join(dir, 'userData', 'backups') }
  const mine = path.join(dir, 'mine.kiroku')
  await createCaseFile(mine, PASSPHRASE, CASE)
  const caseFile = openCaseFile(mine, PASSPHRASE, { backups })
  caseFile.events.create({ occurredAt: '2018-10-13T10:00:00+09:00', kind: 'note', title: 'in the backup' })
  caseFile.close()
  const [backup] = listBackups(backups.dir, mine)
  const answers = {}
  return { dir, mine, backup: backup.name, backups, answers, ...testRouter(dir, answers, { backups }) }
}

/** Every name in the folder (and below), to see that nothing was created, moved or kept aside. */
const filesUnder = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort()

describe('path grants', () => {
  it('an ungranted path is refused for create, open, backups:list and backups:restore, touching nothing', async () => {
    const { dir, mine, backup, call, choose, logged } = await setUp()
    const elsewhere = tempDir()
    const before = fs.readFileSync(mine)
    const files = filesUnder(dir)
    for (const target of [path.join(dir, 'new.kiroku'), path.join(elsewhere, 'autostart.kiroku'), mine]) {
      expect(await call('case:create', { path: target, passphrase: PASSPHRASE, case: CASE })).toMatchObject(FORBIDDEN)
    }
    expect(await call('case:open', { path: mine, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Open case file/) },
    })
    expect(await call('backups:list', { path: mine })).toMatchObject(FORBIDDEN)
    expect(await call('backups:restore', { path: mine, backup, passphrase: PASSPHRASE })).toMatchObject(FORBIDDEN)
    expect(fs.readFileSync(mine).equals(before)).toBe(true)
    expect(filesUnder(dir)).toEqual(files)
    expect(fs.readdirSync(elsewhere)).toEqual([])

    // With a case open, a refused request leaves it open and unchanged.
    const other = path.join(dir, 'other.kiroku')
    await choose('create', other)
    expect((await call('case:create', { path: other, passphrase: PASSPHRASE, case: { ...CASE, title: 'other' } })).ok).toBe(true)
    expect(await call('case:open', { path: mine, passphrase: PASSPHRASE })).toMatchObject(FORBIDDEN)
    expect(await call('backups:restore', { path: mine, backup, passphrase: PASSPHRASE })).toMatchObject(FORBIDDEN)
    expect(await call('case:get')).toMatchObject({ ok: true, value: { title: 'other' } })
    expect(fs.readFileSync(mine).equals(before)).toBe(true)
    expect(logged).toEqual([])
  })

  it('a path granted for opening never creates a case, and a save-dialog path is only for creating', async () => {
    const { dir, mine, backup, call, choose } = await setUp()
    // Chosen in the open dialog but not there (yet): still not a place to create a case.
    const ghost = path.join(dir, 'ghost.kiroku')
    await choose('open', ghost)
    expect(await call('case:create', { path: ghost, passphrase: PASSPHRASE, case: CASE })).toMatchObject(FORBIDDEN)
    expect(fs.existsSync(ghost)).toBe(false)
    await choose('open', mine)
    expect(await call('case:create', { path: mine, passphrase: PASSPHRASE, case: CASE })).toMatchObject(FORBIDDEN)

    // From the recent list of a later session: opens, never creates.
    expect((await call('case:open', { path: mine, passphrase: PASSPHRASE })).ok).toBe(true)
    await call('case:close')
    const later = testRouter(dir)
    expect(await later.call('case:open', { path: mine, passphrase: PASSPHRASE })).toMatchObject(FORBIDDEN)
    expect(await later.call('recent:list')).toMatchObject({ ok: true, value: [{ path: mine }] })
    expect(await later.call('case:create', { path: mine, passphrase: PASSPHRASE, case: CASE })).toMatchObject(FORBIDDEN)
    expect((await later.call('case:open', { path: mine, passphrase: PASSPHRASE })).ok).toBe(true)
    await later.call('case:close')

    // Typed into the save dialog: a new case there, but neither opened nor restored before that.
    const fresh = path.join(dir, 'fresh.kiroku')
    await choose('create', fresh)
    await choose('create', mine) // the save dialog asked "replace?"; a granted create still never overwrites
    expect(await call('case:create', { path: mine, passphrase: PASSPHRASE, case: CASE })).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/already exists/) } })
    const saveOnly = testRouter(dir)
    await saveOnly.choose('create', fresh)
    expect(await saveOnly.call('case:open', { path: fresh, passphrase: PASSPHRASE })).toMatchObject(FORBIDDEN)
    await saveOnly.choose('create', mine)
    expect(await saveOnly.call('backups:restore', { path: mine, backup, passphrase: PASSPHRASE })).toMatchObject(FORBIDDEN)
    expect((await saveOnly.call('case:create', { path: fresh, passphrase: PASSPHRASE, case: CASE })).ok).toBe(true)
    await saveOnly.call('case:close')
    // Once created, it is a case the page opened: it may open it again.
    expect((await saveOnly.call('case:open', { path: fresh, passphrase: PASSPHRASE })).ok).toBe(true)
    await saveOnly.call('case:close')
  })

  it('granted paths work: the file the OS asked to open, the same file spelled another way, its backups', async () => {
    const { dir, mine, backup, answers, call, logged } = await setUp()
    Object.assign(answers, { fileToOpen: mine })
    expect(await call('app:takeFileToOpen')).toEqual({ ok: true, value: mine })
    expect((await call('case:open', { path: path.join(dir, 'sub', '..', 'mine.kiroku'), passphrase: PASSPHRASE })).ok).toBe(true)
    // A neighbour of a granted file is not granted.
    expect(await call('backups:list', { path: `${mine}.before-restore-20260101T000000000Z` })).toMatchObject(FORBIDDEN)
    expect(await call('backups:list', { path: mine })).toMatchObject({ ok: true, value: [{ name: backup }] })
    const restored = await call('backups:restore', { path: mine, backup, passphrase: PASSPHRASE })
    expect(restored).toMatchObject({ ok: true, value: { restoredFrom: backup, previousKeptAs: expect.stringContaining('mine.kiroku.before-restore-') } })
    expect((await call('case:open', { path: mine, passphrase: PASSPHRASE })).ok).toBe(true)
    expect(await call('events:list')).toMatchObject({ ok: true, value: [{ title: 'in the backup' }] })
    await call('case:close')
    expect(logged).toEqual([])
  })
})
