// Handlers of "remember the passphrase on this device"
// (shared/ipc/remember-contract.ts), and the part of case:open that keeps a
// passphrase when asked. Spread into createHandlers. The passphrase is
// recalled and used here, in the main process; it never goes back to the page.
import path from 'node:path'
import type { rememberChannels } from '../../../shared/ipc/remember-contract'
import { CannotOpenError, KirokuError, openCaseFile, type CaseFile } from '../core'
import type { Platform } from './handlers'
import type { PathGrants } from './path-grants'
import { keyringUnavailable, type RememberedPassphrases } from './remembered-passphrases'
import type { Handlers } from './router'

export type RememberChannel = keyof typeof rememberChannels

type Opened = (caseFile: CaseFile) => Promise<{ path: string; case: ReturnType<CaseFile['case']['get']> }>

/** The store, if this device may remember passphrases; otherwise the request is refused. */
export function usableStore(platform: Pick<Platform, 'rememberedPassphrases'>): RememberedPassphrases {
  const store = platform.rememberedPassphrases
  if (!store?.available()) throw keyringUnavailable()
  return store
}

/** Keeps the passphrase of a file just opened; if that fails the file is closed again, so the page's error is the whole story. */
export function rememberOrClose(store: RememberedPassphrases, caseFile: CaseFile, passphrase: string): void {
  try {
    store.remember(caseFile.path, passphrase)
  } catch (error) {
    caseFile.close()
    throw error
  }
}

export function rememberHandlers(
  platform: Pick<Platform, 'rememberedPassphrases' | 'caseFileOptions'>,
  opened: Opened,
  grants: PathGrants,
): Pick<Handlers, RememberChannel> {
  return {
    'passphrases:status': () => {
      const store = platform.rememberedPassphrases
      return { available: store?.available() ?? false, remembered: store?.count() ?? 0 }
    },
    // Only for paths the page was given (path-grants.ts), as case:open.
    'passphrases:isRemembered': ({ path: file }) => {
      grants.check('open', file)
      return platform.rememberedPassphrases?.has(file) ?? false
    },
    'case:openRemembered': async ({ path: file }) => {
      grants.check('open', file)
      const store = usableStore(platform)
      const passphrase = store.recall(file)
      if (passphrase === undefined) {
        throw new KirokuError('not_found', `No passphrase for ${path.basename(file)} is remembered on this device (any more); type it.`)
      }
      let caseFile: CaseFile
      try {
        // As case:open: a failure leaves the case that is open (if any) as it is.
        caseFile = openCaseFile(file, passphrase, platform.caseFileOptions)
      } catch (error) {
        if (error instanceof CannotOpenError && error.reason === 'wrong_passphrase_or_damaged') {
          // Changed elsewhere (the CLI, another computer, a restored backup): a stale secret is no use to keep.
          store.forget(file)
          throw new CannotOpenError(
            'wrong_passphrase_or_damaged',
            `The passphrase remembered on this device no longer opens ${path.basename(file)} (was it changed?), so it was forgotten. Type the passphrase.`,
          )
        }
        throw error
      }
      return opened(caseFile)
    },
    'passphrases:forget': ({ path: file }) => platform.rememberedPassphrases?.forget(file),
    'passphrases:forgetAll': () => platform.rememberedPassphrases?.forgetAll(),
  }
}
