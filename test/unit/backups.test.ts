// Automatic encrypted backups: made on close (only when the case changed),
// at most hourly while open, the newest N kept; restored over a damaged file
// through the app's channels and through the CLI.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  backupFolderFor,
  createCaseFile,
  importJsonFile,
  listBackups,
  openCaseFile,
  restoreBackup,
  writeBackup,
  type BackupSettings,
} from '../../electron/main/core'
import { defaultBackupsDir } from '../../electron/cli/app-data'
import { kiroku } from '../helpers/cli'
import { testRouter } from '../helpers/ipc'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const CASE = { title: 'backups', kind: 'other', status: 'open', summary: '', victim: {} } as const
const EVENT = { occurredAt: '2018-10-13T10:00:00+09:00', kind: 'note', title: 'a note' } as const

function setup() {
  const dir = tempDir()
  const backups: BackupSettings = { dir: path.join(dir, 'userData', 'backups'), keep: 3 }
  return { dir, file: path.join(dir, 'case.kiroku'), backups }
}

/** The value of a call that must succeed. */
async function ok(pending: Promise<{ ok: boolean }>): Promise<any> {
  const result = await pending
  expect(result).toMatchObject({ ok: true })
  return (result as { value?: unknown }).value
}

function routerWithBackups(dir: string, backups: BackupSettings) {
  return testRouter(path.join(dir, 'userData'), {}, { backups })
}

/** Through the app: a case with one event, closed, so it has one backup. */
async function caseWithOneBackup() {
  const { dir, file, backups } = setup()
  const router = routerWithBackups(dir, backups)
  await router.choose('create', file)
  expect((await router.call('case:create', { path: file, passphrase: PASSPHRASE, case: CASE })).ok).toBe(true)
  expect((await router.call('events:create', EVENT)).ok).toBe(true)
  expect((await router.call('case:close')).ok).toBe(true)
  return { dir, file, backups, router }
}

describe('automatic backups', () => {
  it('are written on close only when the case changed, encrypted with the case key, the newest N kept', async () => {
    const { file, backups } = setup()
    await createCaseFile(file, PASSPHRASE, CASE)
    // Closing an unchanged case twice makes one backup, not two.
    openCaseFile(file, PASSPHRASE, { backups }).close()
    openCaseFile(file, PASSPHRASE, { backups }).close()
    expect(listBackups(backups.dir, file)).toHaveLength(1)
    for (let i = 0; i < 5; i++) {
      const caseFile = openCaseFile(file, PASSPHRASE, { backups })
      caseFile.events.create({ ...EVENT, title: `note ${i}` })
      caseFile.close()
    }
    const list = listBackups(backups.dir, file)
    expect(list).toHaveLength(3)
    // Newest first, and the newest holds the last change.
    expect(list.map((b) => b.auditSeq)).toEqual([...list.map((b) => b.auditSeq)].sort((a, b) => b - a))
    const newest = openCaseFile(list[0].path, PASSPHRASE)
    expect(newest.events.list().map((e) => e.title)).toContain('note 4')
    expect(newest.verify().ok).toBe(true)
    newest.close()
    for (const b of list) {
      // Encrypted: no SQLite header, no plaintext, and not a temp left behind.
      const bytes = fs.readFileSync(b.path)
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0')
      expect(bytes.includes(Buffer.from('note 4'))).toBe(false)
    }
    expect(fs.readdirSync(path.dirname(list[0].path)).filter((n) => n.endsWith('.partial'))).toEqual([])
  })

  it('while open: at most one per interval, and only after a change', async () => {
    const { file, backups } = setup()
    await createCaseFile(file, PASSPHRASE, CASE)
    const caseFile = openCaseFile(file, PASSPHRASE, { backups })
    const t0 = Date.parse('2026-01-01T00:00:00Z')
    expect(caseFile.backupIfDue(new Date(t0))).toBeDefined()
    caseFile.events.create(EVENT)
    expect(caseFile.backupIfDue(new Date(t0 + 30 * 60_000))).toBeUndefined() // within the hour
    expect(caseFile.backupIfDue(new Date(t0 + 61 * 60_000))).toBeDefined()
    expect(caseFile.backupIfDue(new Date(t0 + 200 * 60_000))).toBeUndefined() // nothing changed since
    caseFile.close() // unchanged since the last: no new backup
    expect(listBackups(backups.dir, file)).toHaveLength(2)
  })

  it('two case files with the same name in different folders never share backups', async () => {
    const { dir, backups } = setup()
    const a = path.join(dir, 'a', 'case.kiroku')
    const b = path.join(dir, 'b', 'case.kiroku')
    for (const f of [a, b]) {
      fs.mkdirSync(path.dirname(f))
      await createCaseFile(f, PASSPHRASE, CASE)
      openCaseFile(f, PASSPHRASE, { backups }).close()
    }
    expect(listBackups(backups.dir, a)).toHaveLength(1)
    expect(listBackups(backups.dir, b)).toHaveLength(1)
    expect(listBackups(backups.dir, a)[0].path).not.toBe(listBackups(backups.dir, b)[0].path)
  })

  it('restore refuses a backup that does not open or does not verify, leaving the case file as it was', async () => {
    const { file, backups } = setup()
    await createCaseFile(file, PASSPHRASE, CASE)
    const caseFile = openCaseFile(file, PASSPHRASE, { backups })
    const backup = writeBackup(caseFile, backups)!
    caseFile.close()
    const before = fs.readFileSync(file)
    await expect(restoreBackup(file, backup.path, 'not the passphrase')).rejects.toMatchObject({ code: 'cannot_open' })
    const damaged = Buffer.from(fs.readFileSync(backup.path))
    damaged[4096 + 500] ^= 1
    fs.writeFileSync(backup.path, damaged)
    await expect(restoreBackup(file, backup.path, PASSPHRASE)).rejects.toMatchObject({ code: 'cannot_open', reason: 'corrupt' })
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('.') || n.includes('before-restore'))).toEqual([])
  })

  it('a damaged main file is restored from a backup through the app (backups:list, backups:restore, case:open)', async () => {
    const { dir, file, backups } = setup()
    await importJsonFile(file, PASSPHRASE, STORY_JSON)
    const router = routerWithBackups(dir, backups)
    await router.choose('open', file)
    expect((await router.call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    expect((await router.call('events:create', { ...EVENT, title: 'kept by the backup' })).ok).toBe(true)
    expect((await router.call('case:close')).ok).toBe(true) // writes the backup
    const events = openCaseFile(file, PASSPHRASE).events.list().length

    // The disk damages the file: a bit flip in a middle page.
    const bytes = fs.readFileSync(file)
    bytes[Math.floor(bytes.length / 4096 / 2) * 4096 + 777] ^= 0x40
    fs.writeFileSync(file, bytes)
    const refused = await router.call('case:open', { path: file, passphrase: PASSPHRASE })
    expect(refused).toMatchObject({ ok: false, error: { code: 'cannot_open', reason: 'corrupt' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/Restore it from a backup/)

    const listed: any = await router.call('backups:list', { path: file })
    expect(listed.ok).toBe(true)
    expect(listed.value).toHaveLength(1)
    expect(JSON.stringify(listed.value)).not.toContain(backups.dir) // names only, never paths
    // Not a name from the list (traversal, another file): refused.
    for (const backup of ['../../case.kiroku', '20260101T000000000Z-s1-000000000000.kiroku']) {
      const bad = await router.call('backups:restore', { path: file, backup, passphrase: PASSPHRASE })
      expect(bad.ok).toBe(false)
    }
    const restored: any = await router.call('backups:restore', { path: file, backup: listed.value[0].name, passphrase: PASSPHRASE })
    expect(restored).toMatchObject({ ok: true, value: { restoredFrom: listed.value[0].name } })
    // The damaged file is kept for a rescue by hand, not deleted.
    expect(fs.readFileSync(restored.value.previousKeptAs).equals(bytes)).toBe(true)

    const reopened = await router.call('case:open', { path: file, passphrase: PASSPHRASE })
    expect(reopened.ok).toBe(true)
    const list: any = await router.call('events:list')
    expect(list.value).toHaveLength(events)
    expect(list.value.map((e: { title: string }) => e.title)).toContain('kept by the backup')
    await router.call('case:close')
    expect(router.logged).toEqual([])
  })

  it('the CLI lists and restores: kiroku backups FILE, kiroku restore FILE BACKUP', async () => {
    const { file, backups } = setup()
    await createCaseFile(file, PASSPHRASE, CASE)
    const caseFile = openCaseFile(file, PASSPHRASE, { backups })
    caseFile.events.create(EVENT)
    caseFile.close()
    fs.writeFileSync(file, '') // zero bytes: the case is gone
    const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_BACKUPS_DIR: backups.dir }
    const failed = kiroku(['list', file], { env })
    expect(failed.status).toBe(2)
    expect(failed.stderr).toMatch(/kiroku backups FILE/)
    const listed = kiroku(['backups', file, '--json'], { env })
    expect(listed.status, listed.stderr).toBe(0)
    const [newest] = JSON.parse(listed.stdout)
    const restored = kiroku(['restore', file, newest.name], { env })
    expect(restored.status, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/Restored/)
    const after = kiroku(['list', file], { env })
    expect(after.status, after.stderr).toBe(0)
    expect(after.stdout).toContain('a note')
    expect(kiroku(['restore', file, 'nope.kiroku'], { env }).status).toBe(3)
  })

  it('creating a case writes no backup of its temporary file', async () => {
    const { dir, file, backups } = setup()
    await createCaseFile(file, PASSPHRASE, CASE, { backups })
    expect(fs.existsSync(backups.dir) ? fs.readdirSync(backups.dir) : []).toEqual([])
    // Through the app: only the real case's folder, from closing it.
    const router = routerWithBackups(dir, backups)
    const other = path.join(dir, 'other.kiroku')
    await router.choose('create', other)
    expect((await router.call('case:create', { path: other, passphrase: PASSPHRASE, case: CASE })).ok).toBe(true)
    expect((await router.call('case:close')).ok).toBe(true)
    expect(fs.readdirSync(backups.dir)).toEqual([path.basename(backupFolderFor(backups.dir, other))])
  })

  it('restoring twice leaves the backup untouched, no stray backup folders, and the replaced file kept by a link', async () => {
    const { dir, file, backups, router } = await caseWithOneBackup()
    const [backup] = listBackups(backups.dir, file)
    const backupBytes = fs.readFileSync(backup.path)
    const backupMtime = fs.statSync(backup.path).mtimeMs
    const kept: string[] = []
    for (let i = 0; i < 2; i++) {
      const inode = fs.statSync(file).ino
      const before = fs.readFileSync(file)
      const restored: any = await router.call('backups:restore', { path: file, backup: backup.name, passphrase: PASSPHRASE })
      expect(restored).toMatchObject({ ok: true, value: { restoredFrom: backup.name } })
      // The replaced file is the very same file under a second name (a hard link), not a copy.
      expect(fs.statSync(restored.value.previousKeptAs).ino).toBe(inode)
      expect(fs.readFileSync(restored.value.previousKeptAs).equals(before)).toBe(true)
      kept.push(path.basename(restored.value.previousKeptAs))
      // Checking the backup never opened (migrated, switched the journal mode of) the backup itself.
      expect(fs.readFileSync(backup.path).equals(backupBytes)).toBe(true)
      expect(fs.statSync(backup.path).mtimeMs).toBe(backupMtime)
      expect(fs.readdirSync(path.dirname(backup.path))).toEqual([backup.name])
    }
    expect(new Set(kept).size).toBe(2)
    expect(fs.readdirSync(backups.dir)).toEqual([path.basename(backupFolderFor(backups.dir, file))])
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('.') || n.endsWith('-wal') || n.endsWith('-shm'))).toEqual([])
    const reopened = openCaseFile(file, PASSPHRASE)
    expect(reopened.events.list().map((e) => e.title)).toEqual([EVENT.title])
    expect(reopened.verify().ok).toBe(true)
    reopened.close()
    expect(router.logged).toEqual([])
  })

  it('restoring over the open case closes it first, then the case opens as the backup had it', async () => {
    const { dir, file, backups, router } = await caseWithOneBackup()
    expect((await router.call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    // Deleted by mistake: the backup still has it.
    const [event] = await ok(router.call('events:list'))
    expect((await router.call('events:delete', { id: event.id })).ok).toBe(true)
    const [backup] = await ok(router.call('backups:list', { path: file }))
    expect(await router.call('backups:restore', { path: file, backup: backup.name, passphrase: PASSPHRASE })).toMatchObject({ ok: true })
    expect(await router.call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect((await router.call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    expect((await ok(router.call('events:list'))).map((e: { title: string }) => e.title)).toEqual([EVENT.title])

    // Three are kept: closing the changed case writes a fourth and pushes the oldest out, which then says so.
    for (let i = 0; i < 2; i++) {
      expect((await router.call('events:create', { ...EVENT, title: `change ${i}` })).ok).toBe(true)
      expect((await router.call('case:close')).ok).toBe(true)
      expect((await router.call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    }
    expect((await router.call('events:create', { ...EVENT, title: 'not backed up yet' })).ok).toBe(true)
    const listed = await ok(router.call('backups:list', { path: file }))
    expect(listed).toHaveLength(3)
    expect(await router.call('backups:restore', { path: file, backup: listed.at(-1).name, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/any more/) },
    })
    await router.call('case:close')
    expect(router.logged).toEqual([])
  })

  it('restore keeps the WAL a crash left beside the replaced file', async () => {
    const { file, backups } = setup()
    await createCaseFile(file, PASSPHRASE, CASE)
    const caseFile = openCaseFile(file, PASSPHRASE, { backups })
    const backup = writeBackup(caseFile, backups)!
    caseFile.close()
    // A crash left a -wal and -shm beside the file (their contents do not matter here).
    fs.writeFileSync(`${file}-wal`, 'the last commits')
    fs.writeFileSync(`${file}-shm`, 'index')
    const { previousKeptAs } = await restoreBackup(file, backup.path, PASSPHRASE)
    expect(fs.readFileSync(`${previousKeptAs}-wal`, 'utf8')).toBe('the last commits')
    expect(fs.existsSync(`${file}-wal`)).toBe(false)
    expect(fs.existsSync(`${file}-shm`)).toBe(false)
    const reopened = openCaseFile(file, PASSPHRASE)
    expect(reopened.verify().ok).toBe(true)
    reopened.close()
  })

  it("the CLI's default folder is the app's userData/backups", () => {
    expect(defaultBackupsDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/Kiroku/backups')
    expect(defaultBackupsDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toContain(path.join('Kiroku', 'backups'))
  })
})

describe('backups after a passphrase change', () => {
  const NEW = 'a whole new passphrase for 記録'
  const opens = (file: string, passphrase: string) => {
    try {
      openCaseFile(file, passphrase).close()
      return true
    } catch {
      return false
    }
  }
  /** `kiroku passwd` with the backups folder of the case made by caseWithOneBackup(). */
  const passwd = (file: string, backups: BackupSettings, ...extra: string[]) =>
    kiroku(['passwd', file, '--backups-dir', backups.dir, ...extra], { env: { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_NEW_PASSPHRASE: NEW } })

  it('are re-encrypted under the new passphrase by default: the old one opens nothing any more', async () => {
    const { file, backups } = await caseWithOneBackup()
    const [backup] = listBackups(backups.dir, file)
    const result = passwd(file, backups)
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('1 of its 1 automatic backups re-encrypted under the new passphrase')
    expect(listBackups(backups.dir, file).map((b) => b.name)).toEqual([backup.name])
    expect(opens(backup.path, PASSPHRASE)).toBe(false)
    expect(opens(backup.path, NEW)).toBe(true)
    const reopened = openCaseFile(backup.path, NEW)
    expect(reopened.events.list().map((e) => e.title)).toEqual([EVENT.title])
    reopened.close()
  })

  it('are removed, or kept under the old passphrase, when the user says so', async () => {
    const removed = await caseWithOneBackup()
    expect(passwd(removed.file, removed.backups, '--backups', 'remove').stdout).toContain('1 of its 1 automatic backups removed')
    expect(listBackups(removed.backups.dir, removed.file)).toEqual([])

    const kept = await caseWithOneBackup()
    const [backup] = listBackups(kept.backups.dir, kept.file)
    expect(passwd(kept.file, kept.backups, '--backups', 'keep').stdout).toContain('they still open with the OLD passphrase')
    expect(opens(backup.path, PASSPHRASE)).toBe(true)
    expect(passwd(kept.file, kept.backups, '--backups', 'sometimes').status).toBe(1)
  })
})
