// The channels of "remember the passphrase on this device", spread into the
// contract in contract.ts. Only where the OS has a real keyring (see
// electron/main/app/keyring-policy.ts). The passphrase goes one way only:
// `case:open` with `remember: true` hands it to the main process, which
// seals it with the keyring; no channel ever gives it back to the page.
// `case:openRemembered` opens the file with it inside the main process.
import { z } from 'zod'
import { filePath, OpenedCaseSchema } from './schemas'

export const rememberChannels = {
  /** Whether this device can remember passphrases, and how many it does. */
  'passphrases:status': {
    input: z.undefined(),
    output: z.object({ available: z.boolean(), remembered: z.number().int().nonnegative() }),
  },
  /** Whether a passphrase is remembered for the case file at `path` (false where none can be). */
  'passphrases:isRemembered': { input: z.strictObject({ path: filePath }), output: z.boolean() },
  /**
   * Opens the case file at `path` with the passphrase remembered for it, as
   * `case:open` would, and fails as it would (`cannot_open` with its reason,
   * the entry kept: to an encrypted file a damaged first page looks like a
   * changed passphrase, and the remembered one may be needed for a backup).
   * None remembered, or one the keyring can no longer unseal (then it is
   * forgotten): `not_found`, and the page asks for the passphrase.
   */
  'case:openRemembered': { input: z.strictObject({ path: filePath }), output: OpenedCaseSchema },
  'passphrases:forget': { input: z.strictObject({ path: filePath }), output: z.void() },
  'passphrases:forgetAll': { input: z.undefined(), output: z.void() },
} as const
