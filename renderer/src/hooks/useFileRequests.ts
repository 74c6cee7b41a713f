// A .kiroku file double-clicked while Kiroku runs reaches the main process
// (second-instance / open-file), which keeps it and brings the window to the
// front. The page asks for it at start and whenever it gains focus or becomes
// visible, so no channel from main to page is needed (the preload exposes
// only invoke). Used once, by App, which never unmounts: a file taken from
// the main process is never dropped by a screen that went away meanwhile.
import { useEffect } from 'react'
import { call } from '../ipc'

export function useFileRequests(onFile: (path: string) => void): void {
  useEffect(() => {
    const take = () => {
      if (document.visibilityState !== 'visible') return
      void call('app:takeFileToOpen').then(
        (path) => path && onFile(path),
        () => undefined, // nothing to open; the next focus asks again
      )
    }
    take()
    window.addEventListener('focus', take)
    document.addEventListener('visibilitychange', take)
    return () => {
      window.removeEventListener('focus', take)
      document.removeEventListener('visibilitychange', take)
    }
  }, [onFile])
}
