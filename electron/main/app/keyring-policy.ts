// Whether this device may remember a case passphrase: only when Electron's
// safeStorage is backed by a real OS keyring that guards the key with the
// user's login (macOS Keychain, Windows DPAPI, GNOME libsecret or KWallet
// on Linux). Linux's `basic_text` backend encrypts with a key hard-coded in
// Chromium, so a "remembered" passphrase there would be as good as written
// down in plain text; `unknown` means safeStorage was asked before the app
// was ready. Anything not known to be a real keyring is refused.
// Pure: app/os-keyring.ts gathers the facts from safeStorage.

export const REAL_LINUX_KEYRINGS: ReadonlySet<string> = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'])

export interface KeyringFacts {
  platform: string
  /** safeStorage.isEncryptionAvailable() */
  encryptionAvailable: boolean
  /** safeStorage.getSelectedStorageBackend(), asked on Linux only. */
  linuxBackend?: string
}

export function canRememberPassphrases({ platform, encryptionAvailable, linuxBackend }: KeyringFacts): boolean {
  if (!encryptionAvailable) return false
  switch (platform) {
    case 'darwin':
    case 'win32':
      return true
    case 'linux':
      return linuxBackend !== undefined && REAL_LINUX_KEYRINGS.has(linuxBackend)
    default:
      // BSDs and others: safeStorage has no keyring of its own there.
      return false
  }
}
