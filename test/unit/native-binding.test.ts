// Where the Electron build of better-sqlite3 is looked for.
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { electronNativeBinding } from '../../electron/main/app/native-binding'

vi.mock('electron', () => {
  throw new Error('native-binding must not import electron at run time')
})

const appRoot = path.resolve('/home/user/kiroku')

describe('electronNativeBinding', () => {
  it('points into .native/ during development', () => {
    const app = { isPackaged: false, getAppPath: () => appRoot }
    expect(electronNativeBinding(app, '45.4.1')).toBe(
      path.join(appRoot, '.native', 'electron-45.4.1', 'better_sqlite3.node'),
    )
  })

  it('leaves the default lookup to a packaged app, whose module was rebuilt in place', () => {
    const app = { isPackaged: true, getAppPath: () => appRoot }
    expect(electronNativeBinding(app, '45.4.1')).toBeUndefined()
  })

  it('refuses to guess outside Electron', () => {
    const app = { isPackaged: false, getAppPath: () => appRoot }
    expect(() => electronNativeBinding(app, '')).toThrow(/main process/)
  })
})
