// How far the background reading of the open case is. The main process has no
// channel to the page, so the page asks `evidence:reading` every 1.5 s while a
// pass is under way (after opening the case, and after evidence is added), and
// stops when none is. When `read` grows, the evidence list is reloaded, and the
// viewer asks again for the text of what it shows (useEvidenceText).
import { useEffect } from 'react'
import { create } from 'zustand'
import type { ReadingStatus } from '../../../../shared/ipc/evidence-text-contract'
import { call } from '../../ipc'
import { reload } from '../../state/case-actions'
import { useSession } from '../../state/session'

const POLL_MS = 1500

interface ReadingState {
  /** The last answer for the open case; null before the first, and once the case is closed. */
  status: ReadingStatus | null
  /** Increases when something may have started a reading (evidence added): polling starts again. */
  nudges: number
}

export const useReading = create<ReadingState>(() => ({ status: null, nudges: 0 }))

/** Evidence was just added: the main process reads it in the background, so follow that reading. */
export function followReading(): void {
  // The main process started a pass as it took the evidence in: said so until the next answer.
  useReading.setState((s) => ({ nudges: s.nudges + 1, status: s.status && { ...s.status, reading: true } }))
}

/** Mounted once while a case is open (the case screen): polls while the reading is under way. */
export function useReadingStatus(): void {
  const path = useSession((s) => s.caseData?.path)
  const nudges = useReading((s) => s.nudges)

  // `read` counts from the opening of the case: a case opened again starts from nothing.
  useEffect(() => () => useReading.setState({ status: null }), [path])

  useEffect(() => {
    if (!path) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      let status: ReadingStatus
      try {
        status = await call('evidence:reading')
      } catch {
        return // the case is closing: nothing more to follow
      }
      if (stopped) return
      const before = useReading.getState().status
      useReading.setState({ status })
      if (before && status.read > before.read) void reload('evidence').catch(() => undefined)
      if (status.reading) timer = setTimeout(() => void poll(), POLL_MS)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [path, nudges])
}
