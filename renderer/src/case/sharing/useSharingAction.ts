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

/**
 * Defined out here: an updater made inside `start` would hold `action` (and
 * what it read from the form, such as a passphrase) for as long as React
 * keeps the update queued.
 */
const nextCount = (n: number) => n + 1

export function useSharingAction<R>() {
  const { run, error, busy } = useAction()
  const [result, setResult] = useState<R>()
  const resultRef = useRef<HTMLDivElement>(null)
  const submitRef = useRef<HTMLButtonElement>(null)
  const [settled, setSettled] = useState(0)
  const focusAfterError = useRef<HTMLElement | null | undefined>(undefined)

  useEffect(() => {
    if (!settled || busy) return
    const target = resultRef.current ?? (error ? focusAfterError.current : undefined) ?? submitRef.current
    target?.focus()
  }, [settled, busy, error])

  const start = (action: () => Promise<R | undefined>, options: StartOptions = {}) => {
    setResult(undefined)
    focusAfterError.current = undefined
    return run(async () => {
      try {
        setResult(await action())
      } catch (error) {
        // Keeps the element, not the caller's function: a function made where
        // a passphrase was read from the form keeps that passphrase reachable.
        focusAfterError.current = options.focusOnError?.(error)
        throw error
      } finally {
        setSettled(nextCount)
      }
    })
  }

  return { start, result, error, busy, resultRef, submitRef }
}
