// Windows delivers a notification only to the AUMID on the app's Start menu
// shortcut, which electron-builder's installer makes from appId
// (electron/main/app/app-user-model-id.ts).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { APP_ID, appUserModelId } from '../../electron/main/app/app-user-model-id'

vi.mock('electron', () => {
  throw new Error('app-user-model-id must not import electron at run time')
})

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('appUserModelId', () => {
  it("is electron-builder.yml's appId", () => {
    const config = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')
    const appIds = [...config.matchAll(/^appId:\s*['"]?([^'"\s#]+)['"]?\s*(?:#.*)?$/gm)].map((match) => match[1])
    expect(appIds).toEqual([APP_ID])
  })

  it('a packaged Windows app claims the appId', () => {
    expect(appUserModelId({ platform: 'win32', isPackaged: true, execPath: 'C:\\Program Files\\Kiroku\\Kiroku.exe' })).toBe('jp.kiroku.app')
  })

  it("in development on Windows, the running electron.exe's path (no installer made a shortcut)", () => {
    const execPath = 'C:\\work\\kiroku\\node_modules\\electron\\dist\\electron.exe'
    expect(appUserModelId({ platform: 'win32', isPackaged: false, execPath })).toBe(execPath)
  })

  it('is not set on macOS or Linux', () => {
    for (const platform of ['darwin', 'linux', 'freebsd']) {
      expect(appUserModelId({ platform, isPackaged: true, execPath: '/opt/Kiroku/kiroku' })).toBeUndefined()
    }
  })
})
