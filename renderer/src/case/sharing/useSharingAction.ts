// One export at a time: busy while the main process asks where to save and
// writes; the result (undefined when the save dialog was cancelled) is kept
// to show. When it is over the focus goes to the result, else back to the
// button (or to the field an error is about): the disabled controls lost it.
import { useEffect, useRef, useState } from 'react'
import { useAction } from '../../hooks/useAction'

interface StartOptions {
  /** Where the focus goes after a failure (default: the submit button). */
  focusOnError?: (error: unknown) => HTMLElement | null | undefined
}

export function useSharingAction<R>() {
  const { run, error, busy } = useAction()
  const [result, setResult] = useState<R>()
  const resultRef = useRef<HTMLDivElement>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const [settled, setSettled] = useState(0)
  const focusOnError = useRef<StartOptions['focusOnError']>(undefined)

  useEffect(() => {
    if (!settled || busy) return
    const target = resultRef.current ?? (error ? focusOnError.current?.(error) : undefined) ?? submitRef.current
    target?.focus()
  }, [settled, busy, error])

  const start = (action: () => Promise<R | undefined>, options: StartOptions = {}) => {
    setResult(undefined)
    focusOnError.current = options.focusOnError
    return run(async () => {
      try {
        setResult(await action())
      } finally {
        setSettled((n) => n + 1)
      }
    })
  }

  return { start, result, error, busy, resultRef, submitRef }
}
