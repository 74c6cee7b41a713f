// A page-wide Ctrl/⌘ + key shortcut. Registered on window so it works from
// any field; the browser's own meaning of the key (new window…) is prevented.
import { useEffect, useRef } from 'react'

export function useShortcut(key: string, action: () => void, options: { shift?: boolean; enabled?: boolean } = {}): void {
  const { shift = false, enabled = true } = options
  const latest = useRef(action)
  latest.current = action

  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      // Keys that finish a Japanese IME conversion are the user's, not shortcuts.
      if (event.isComposing) return
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey !== shift) return
      if (event.key.toLowerCase() !== key.toLowerCase()) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [key, shift, enabled])
}
