// A .kiroku file double-clicked while Kiroku runs reaches the main process
// (second-instance / open-file), which keeps it and brings the window to the
// front. The page asks for it when it gains focus or becomes visible, so no
// channel from main to page is needed (the preload exposes only invoke).
import { useEffect, useRef } from 'react'
import { call } from '../ipc'

export function useFileRequests(onFile: (path: string) => void): void {
  const handler = useRef(onFile)
  handler.current = onFile

  useEffect(() => {
    let live = true
    const take = () => {
      if (document.visibilityState !== 'visible') return
      void call('app:takeFileToOpen').then(
        (path) => {
          if (live && path) handler.current(path)
        },
        () => undefined, // nothing to open; the next focus asks again
      )
    }
    take()
    window.addEventListener('focus', take)
    document.addEventListener('visibilitychange', take)
    return () => {
      live = false
      window.removeEventListener('focus', take)
      document.removeEventListener('visibilitychange', take)
    }
  }, [])
}
