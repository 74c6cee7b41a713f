// Handlers of "remember the passphrase on this device"
// (shared/ipc/remember-contract.ts), and the part of case:open that keeps a
// passphrase when asked. Spread into createHandlers. The passphrase is
// recalled and used here, in the main process; it never goes back to the page.
import path from 'node:path'
import type { Output } from '../../../shared/ipc/contract'
import type { rememberChannels } from '../../../shared/ipc/remember-contract'
import { KirokuError, openCaseFile, type CaseFile } from '../core'
import type { Platform } from './handlers'
import type { PathGrants } from './path-grants'
import { keyringUnavailable, type RememberedPassphrases } from './remembered-passphrases'
import type { Handlers } from './router'

export type RememberChannel = keyof typeof rememberChannels

/** What case:open does with a file it opened (handlers.ts): the same answer. */
type Opened = (caseFile: CaseFile) => Promise<Output<'case:open'>>

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
    // The channels naming a path act only on one the page was given (path-grants.ts), as case:open.
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
      // As case:open, failures included: the open case (if any) stays as it is, and so does the entry.
      // A "wrong passphrase" may be a damaged first page, whose backups open with this very passphrase:
      // forgetting it is the user's call (the unlock screen offers it).
      return opened(openCaseFile(file, passphrase, platform.caseFileOptions))
    },
    'passphrases:forget': ({ path: file }) => {
      grants.check('open', file)
      platform.rememberedPassphrases?.forget(file)
    },
    'passphrases:forgetAll': () => platform.rememberedPassphrases?.forgetAll(),
  }
}
