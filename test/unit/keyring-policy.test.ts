// When a passphrase may be remembered: only with a real OS keyring behind
// safeStorage, never Linux's basic_text (a key hard-coded in Chromium).
import { describe, expect, it, vi } from 'vitest'
import { canRememberPassphrases, REAL_LINUX_KEYRINGS } from '../../electron/main/app/keyring-policy'

vi.mock('electron', () => {
  throw new Error('keyring-policy must not import electron at run time')
})

// Every backend Electron 45's getSelectedStorageBackend() can name, plus values it might name one day.
const LINUX_BACKENDS = ['basic_text', 'gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6', 'unknown', '', 'KWALLET', 'gnome-libsecret', 'kwallet7']

describe('canRememberPassphrases', () => {
  it('allows macOS Keychain and Windows DPAPI when encryption is available', () => {
    expect(canRememberPassphrases({ platform: 'darwin', encryptionAvailable: true })).toBe(true)
    expect(canRememberPassphrases({ platform: 'win32', encryptionAvailable: true })).toBe(true)
  })

  it('refuses every platform when encryption is not available, whatever the backend', () => {
    for (const platform of ['darwin', 'win32', 'linux', 'freebsd']) {
      for (const linuxBackend of [undefined, ...LINUX_BACKENDS]) {
        expect(canRememberPassphrases({ platform, encryptionAvailable: false, linuxBackend }), `${platform} ${linuxBackend}`).toBe(false)
      }
    }
  })

  it('on Linux allows exactly libsecret and KWallet, and refuses basic_text, unknown and anything else', () => {
    const allowed = LINUX_BACKENDS.filter((linuxBackend) => canRememberPassphrases({ platform: 'linux', encryptionAvailable: true, linuxBackend }))
    expect(allowed).toEqual(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])
    expect([...REAL_LINUX_KEYRINGS].sort()).toEqual(allowed.sort())
    expect(canRememberPassphrases({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' })).toBe(false)
    expect(canRememberPassphrases({ platform: 'linux', encryptionAvailable: true, linuxBackend: 'unknown' })).toBe(false)
    // Not asked (or not answered): refused.
    expect(canRememberPassphrases({ platform: 'linux', encryptionAvailable: true })).toBe(false)
  })

  it('refuses platforms where safeStorage has no keyring of its own', () => {
    for (const platform of ['freebsd', 'openbsd', 'sunos', 'aix', 'android', '']) {
      expect(canRememberPassphrases({ platform, encryptionAvailable: true, linuxBackend: 'gnome_libsecret' }), platform).toBe(false)
    }
  })
})
