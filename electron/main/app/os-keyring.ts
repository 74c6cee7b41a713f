// The OS keyring behind "remember the passphrase on this device": Electron's
// safeStorage, used only where keyring-policy.ts finds a real keyring.
// The synchronous API on purpose: getSelectedStorageBackend() describes the
// backend of exactly these calls, so the policy judges what is really used.
import { safeStorage } from 'electron'
import type { Keyring } from '../ipc/remembered-passphrases'
import { canRememberPassphrases } from './keyring-policy'

export function osKeyring(): Keyring {
  // Asked on every use (only valid once the app is ready; a keyring may also go away while the app runs).
  const available = () =>
    canRememberPassphrases({
      platform: process.platform,
      encryptionAvailable: safeStorage.isEncryptionAvailable(),
      linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
    })
  return {
    available,
    encrypt: (secret) => safeStorage.encryptString(secret),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  }
}
