// What the app does on opened files, second launches, the Dock icon and a
// closed window (electron/main/app/app-lifecycle.ts), and that a closed window
// takes its case with it: the decrypted session, the backup timer and the
// path grants, through the real handlers over a real case file.
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppLifecycle, closeWindowCase, type LifecycleActions } from '../../electron/main/app/app-lifecycle'
import { APP_PAGE_URL } from '../../electron/main/app/app-protocol'
import { listBackups, type BackupSettings } from '../../electron/main/core'
import { CaseSession, createHandlers, type Platform } from '../../electron/main/ipc/handlers'
import { PathGrants } from '../../electron/main/ipc/path-grants'
import { RecentFiles } from '../../electron/main/ipc/recent-files'
import { createRouter } from '../../electron/main/ipc/router'
import { PASSPHRASE, tempDir } from '../helpers/temp'

vi.mock('electron', () => {
  throw new Error('app-lifecycle must not import electron at run time')
})

/** Records what the lifecycle asks Electron to do, in order. */
function fakeActions() {
  const done: string[] = []
  const actions: LifecycleActions = {
    showWindow: () => done.push('show'),
    requestOpen: (file) => done.push(`open ${file}`),
    closeCase: () => done.push('close case'),
    quit: () => done.push('quit'),
  }
  return { done, actions }
}

describe('AppLifecycle: files from the OS', () => {
  it('macOS: a file double-clicked in Finder that launches Kiroku is opened once the app is ready, in a new window', () => {
    const lifecycle = new AppLifecycle('darwin')
    lifecycle.openFile('/Users/me/Documents/被害.kiroku') // before ready
    const { done, actions } = fakeActions()
    lifecycle.ready(actions)
    expect(done).toEqual(['open /Users/me/Documents/被害.kiroku', 'show'])
  })

  it('macOS: a file opened from Finder with no window open (the last one was closed) shows a window', () => {
    const lifecycle = new AppLifecycle('darwin')
    const { done, actions } = fakeActions()
    lifecycle.ready(actions)
    lifecycle.windowClosed()
    lifecycle.allWindowsClosed()
    done.length = 0
    lifecycle.openFile('/Users/me/a.kiroku')
    expect(done).toEqual(['open /Users/me/a.kiroku', 'show'])
  })

  it('open-file takes file: URLs as paths and ignores what is not a local case file', () => {
    const lifecycle = new AppLifecycle('darwin')
    const { done, actions } = fakeActions()
    lifecycle.ready(actions)
    done.length = 0
    lifecycle.openFile('file:///Users/me/My%20case.kiroku')
    lifecycle.openFile('https://example.com/a.kiroku')
    lifecycle.openFile('/Users/me/photo.png')
    expect(done).toEqual(['open /Users/me/My case.kiroku', 'show'])
  })

  it('a second launch brings its file (path or file: URL, relative to where it was launched) and the window to the front', () => {
    const lifecycle = new AppLifecycle('linux')
    const { done, actions } = fakeActions()
    lifecycle.ready(actions)
    done.length = 0
    lifecycle.secondInstance(['/opt/Kiroku/kiroku', 'cases/a.kiroku'], '/home/me')
    lifecycle.secondInstance(['/opt/Kiroku/kiroku', 'file:///home/me/b.kiroku'], '/')
    lifecycle.secondInstance(['/opt/Kiroku/kiroku'], '/')
    expect(done).toEqual(['open /home/me/cases/a.kiroku', 'show', 'open /home/me/b.kiroku', 'show', 'show'])
  })

  it('a second launch before the IPC is wired keeps its file for the first window', () => {
    const lifecycle = new AppLifecycle('win32')
    lifecycle.secondInstance(['C:\\Kiroku\\Kiroku.exe', 'file:///D:/cases/x.kiroku'], 'C:\\')
    const { done, actions } = fakeActions()
    lifecycle.ready(actions)
    expect(done).toEqual(['open D:\\cases\\x.kiroku', 'show'])
  })
})

describe('AppLifecycle: windows', () => {
  it('closing the window closes the case on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const lifecycle = new AppLifecycle(platform)
      const { done, actions } = fakeActions()
      lifecycle.ready(actions)
      done.length = 0
      lifecycle.windowClosed()
      expect(done, platform).toEqual(['close case'])
    }
  })

  it('with no window left, Windows and Linux quit; macOS stays in the Dock and shows a window again on activate', () => {
    for (const platform of ['win32', 'linux']) {
      const lifecycle = new AppLifecycle(platform)
      const { done, actions } = fakeActions()
      lifecycle.ready(actions)
      done.length = 0
      lifecycle.allWindowsClosed()
      expect(done, platform).toEqual(['quit'])
    }
    const mac = new AppLifecycle('darwin')
    const { done, actions } = fakeActions()
    mac.ready(actions)
    done.length = 0
    mac.windowClosed()
    mac.allWindowsClosed()
    mac.activate()
    expect(done).toEqual(['close case', 'show'])
  })

  it('activate before the app is ready does nothing (a window cannot exist yet)', () => {
    const lifecycle = new AppLifecycle('darwin')
    lifecycle.activate()
    const { done, actions } = fakeActions()
    lifecycle.ready(actions)
    expect(done).toEqual(['show'])
  })
})

describe('closeWindowCase: nothing of the case outlives its window', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('closes the decrypted session, stops the backup timer and forgets every path grant', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const dir = tempDir()
    const file = path.join(dir, 'mac.kiroku')
    const backups: BackupSettings = { dir: path.join(dir, 'userData', 'backups') }
    const session = new CaseSession()
    const grants = new PathGrants()
    const platform: Platform = {
      appInfo: () => ({ name: 'Kiroku', version: 'test', locale: 'en' }),
      showInFolder: () => undefined,
      takeFileToOpen: () => undefined,
      chooseCaseToOpen: async () => file,
      chooseSavePath: async () => file,
      recentFiles: new RecentFiles(path.join(dir, 'settings', 'recent.json')),
      caseFileOptions: { backups },
    }
    const dispatch = createRouter(createHandlers(platform, session, grants), () => true)
    const call = (channel: string, input?: unknown) => dispatch(channel, input, { url: APP_PAGE_URL }) as Promise<{ ok: boolean; value?: any; error?: any }>

    // The page asks where to save, creates the case and adds to it: the session is open, its timer running.
    expect((await call('dialog:chooseNewCasePath', { suggestedName: 'mac' })).ok).toBe(true)
    const created = await call('case:create', { path: file, passphrase: PASSPHRASE, case: { title: 'mac', kind: 'other', status: 'open', summary: '', victim: {} } })
    expect(created.ok).toBe(true)
    expect((await call('events:create', { occurredAt: '2026-05-01T10:00:00+09:00', kind: 'note', title: 'before closing' })).ok).toBe(true)
    expect(session.path).toBe(file)
    expect(vi.getTimerCount()).toBe(1)
    expect(grants.allows('open', file)).toBe(true)

    // The window closes (on macOS the app keeps running).
    const lifecycle = new AppLifecycle('darwin')
    lifecycle.ready({ showWindow: () => undefined, requestOpen: () => undefined, closeCase: () => closeWindowCase(session, grants), quit: () => undefined })
    lifecycle.windowClosed()
    lifecycle.allWindowsClosed()

    expect(session.path).toBeUndefined()
    expect(vi.getTimerCount()).toBe(0)
    expect(await call('case:get')).toMatchObject({ ok: false, error: { code: 'not_found' } })
    // The next window's page must be given paths again (open dialog, recent list).
    for (const kind of ['open', 'create', 'show'] as const) expect(grants.allows(kind, file), kind).toBe(false)
    expect(await call('case:open', { path: file, passphrase: PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call('backups:list', { path: file })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Closed as on quit: the on-close backup written, the WAL folded back into the file.
    expect(listBackups(backups.dir, file)).toHaveLength(1)
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0)

    // A new window's page gets the file from the recent list and opens it again.
    const recent = await call('recent:list')
    expect(recent.value.map((entry: { path: string }) => entry.path)).toEqual([file])
    expect((await call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    expect(await call('events:list')).toMatchObject({ ok: true, value: [{ title: 'before closing' }] })
    session.close()
  })

  it('forgets the grants even when closing the file throws', () => {
    const grants = new PathGrants()
    grants.grant('open', '/tmp/a.kiroku')
    const failing = {
      close: () => {
        throw new Error('disk full')
      },
    }
    expect(() => closeWindowCase(failing, grants)).toThrow('disk full')
    expect(grants.allows('open', '/tmp/a.kiroku')).toBe(false)
  })
})
