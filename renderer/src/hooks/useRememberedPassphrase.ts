// Whether this device can remember passphrases, and whether it does for one
// case file. Only yes/no crosses from the main process: the passphrase itself
// stays there.
import { useCallback, useEffect, useState } from 'react'
import { call } from '../ipc'

export interface RememberedState {
  /** The OS has a keyring Kiroku trusts (never Linux's basic_text). */
  available: boolean
  /** A passphrase for this file is remembered here. */
  remembered: boolean
}

const NOTHING: RememberedState = { available: false, remembered: false }

export function useRememberedPassphrase(path: string): RememberedState & { refresh: () => Promise<RememberedState> } {
  const [state, setState] = useState<RememberedState>(NOTHING)
  const refresh = useCallback(async () => {
    let next = NOTHING
    try {
      const [status, remembered] = await Promise.all([call('passphrases:status'), call('passphrases:isRemembered', { path })])
      next = { available: status.available, remembered }
    } catch {
      // Not knowing means not offering: the passphrase can always be typed.
    }
    setState(next)
    return next
  }, [path])
  useEffect(() => {
    void refresh()
  }, [refresh])
  return { ...state, refresh }
}
