// What Kiroku read out of one piece of evidence (evidence:text), asked again
// when the background reading has read something since, while this piece has
// no reading yet (a picture that waits): once it has one, what the reading
// does to other pieces does not make the main process read this one again.
import { useEffect, useState } from 'react'
import type { EvidenceText } from '../../../../shared/ipc/evidence-text-contract'
import { call } from '../../ipc'
import { useReading } from './useReadingStatus'

export type EvidenceTextState = { state: 'loading' } | { state: 'failed' } | { state: 'loaded'; text: EvidenceText }

export function useEvidenceText(id: number): EvidenceTextState {
  const read = useReading((s) => s.status?.read ?? 0)
  const [answer, setAnswer] = useState<{ id: number; value: EvidenceTextState }>()
  const hasReading = answer?.id === id && answer.value.state === 'loaded' && answer.value.text.reading !== undefined
  const askAgainAfter = hasReading ? 0 : read
  useEffect(() => {
    let current = true
    call('evidence:text', { id }).then(
      (text) => current && setAnswer({ id, value: { state: 'loaded', text } }),
      // The text is extra: the piece itself is still shown when it cannot be had.
      () => current && setAnswer({ id, value: { state: 'failed' } }),
    )
    return () => {
      current = false
    }
  }, [id, askAgainAfter])
  // The answer for another piece is never shown for this one (while the new one loads).
  return answer?.id === id ? answer.value : { state: 'loading' }
}
