// Where the Electron build of better-sqlite3 is looked for.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { electronNativeBinding, electronNativeBindingPath } from '../../electron/main/app/native-binding'

vi.mock('electron', () => {
  throw new Error('native-binding must not import electron at run time')
})

const appRoot = path.resolve('/home/user/kiroku')

describe('electronNativeBinding', () => {
  it('points into .native/ during development, named by Electron version and architecture', () => {
    const app = { isPackaged: false, getAppPath: () => appRoot }
    expect(electronNativeBinding(app, '42.11.18', 'arm64')).toBe(
      path.join(appRoot, '.native', 'electron-42.11.18-arm64', 'better_sqlite3.node'),
    )
  })

  it("takes Electron's own architecture by default", () => {
    const app = { isPackaged: false, getAppPath: () => appRoot }
    expect(electronNativeBinding(app, '42.11.18')).toBe(
      path.join(appRoot, '.native', `electron-42.11.18-${process.arch}`, 'better_sqlite3.node'),
    )
  })

  it('leaves the default lookup to a packaged app, whose module was rebuilt in place', () => {
    const app = { isPackaged: true, getAppPath: () => appRoot }
    expect(electronNativeBinding(app, '42.11.18')).toBeUndefined()
  })

  it('refuses to guess outside Electron', () => {
    const app = { isPackaged: false, getAppPath: () => appRoot }
    expect(() => electronNativeBinding(app, '')).toThrow(/main process/)
  })

  it('looks where npm start puts the build (scripts/electron-native-plan.mjs)', async () => {
    const plan = await import(pathToFileURL(path.resolve(import.meta.dirname, '../../scripts/electron-native-plan.mjs')).href)
    for (const arch of ['x64', 'arm64', 'ia32']) {
      expect(electronNativeBindingPath(appRoot, '42.11.18', arch)).toBe(
        path.join(plan.nativeDir(appRoot, '42.11.18', arch), plan.BINARY),
      )
    }
  })
})
