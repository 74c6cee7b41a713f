// The one permission the app's page may have: notifications, for follow-up reminders.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { APP_PAGE_URL } from '../../electron/main/app/app-protocol'
import { isAllowedPermission } from '../../electron/main/app/permissions'
import type { TrustedSources } from '../../electron/main/app/trusted-urls'

vi.mock('electron', () => {
  throw new Error('permissions must not import electron at run time')
})

const rendererDir = path.resolve('/opt/kiroku/out/renderer')
const sources: TrustedSources = { rendererDir, devTools: false }
const page = APP_PAGE_URL

describe('isAllowedPermission', () => {
  it('allows notifications to the app page only', () => {
    expect(isAllowedPermission('notifications', page, sources)).toBe(true)
    expect(isAllowedPermission('notifications', pathToFileURL('/tmp/evil.html').href, sources)).toBe(false)
    // The built page over file:// is not the app page any more: it is served as app://kiroku/.
    expect(isAllowedPermission('notifications', pathToFileURL(path.join(rendererDir, 'index.html')).href, sources)).toBe(false)
    expect(isAllowedPermission('notifications', 'https://example.com/', sources)).toBe(false)
    expect(isAllowedPermission('notifications', undefined, sources)).toBe(false)
  })

  it('refuses every other permission, even to the app page', () => {
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'idle-detection', 'storage-access', 'unknown']) {
      expect(isAllowedPermission(permission, page, sources), permission).toBe(false)
    }
  })
})
