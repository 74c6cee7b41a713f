// Runs one user action at a time and keeps its error for the form to show.
import { useCallback, useState } from 'react'

export function useAction() {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await action()
      return true
    } catch (caught) {
      // Formatting the stack lets go of the frames' functions, which may hold what the action read (a passphrase).
      if (caught instanceof Error) void caught.stack
      setError(caught)
      return false
    } finally {
      setBusy(false)
    }
  }, [])

  return { run, error, busy, setError }
}
