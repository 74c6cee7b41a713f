// The timeline's search box: asks the case file's full-text index (which
// finds Japanese substrings) a moment after typing stops. Events found, and
// events whose reference numbers were found, filter the timeline; other hits
// (organisations, losses, evidence captions) are listed beside it.
import { useEffect, useState } from 'react'
import type { Reference, SearchHit } from '../../../../shared/domain'
import { call } from '../../ipc'

const DEBOUNCE_MS = 200
/** The search channel answers at most this many hits. */
export const SEARCH_LIMIT = 200

export interface SearchResult {
  query: string
  eventIds: ReadonlySet<number>
  otherHits: SearchHit[]
  limited: boolean
}

export function useTimelineSearch(query: string, references: readonly Reference[]): { result?: SearchResult; error: unknown } {
  const [result, setResult] = useState<SearchResult>()
  const [error, setError] = useState<unknown>(null)
  const trimmed = query.trim()

  useEffect(() => {
    if (!trimmed) {
      setResult(undefined)
      setError(null)
      return
    }
    let current = true
    const timer = setTimeout(() => {
      call('search', { query: trimmed }).then(
        (hits) => {
          if (!current) return
          setError(null)
          setResult(toResult(trimmed, hits, references))
        },
        (caught) => current && setError(caught),
      )
    }, DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [trimmed, references])

  // A result for an older query is not shown as if it answered this one.
  return { result: result?.query === trimmed ? result : undefined, error }
}

function toResult(query: string, hits: SearchHit[], references: readonly Reference[]): SearchResult {
  const eventOfReference = new Map(references.map((r) => [r.id, r.eventId]))
  const eventIds = new Set<number>()
  const otherHits: SearchHit[] = []
  for (const hit of hits) {
    const eventId = hit.entity === 'event' ? hit.id : hit.entity === 'reference' ? eventOfReference.get(hit.id) : undefined
    if (eventId !== undefined) eventIds.add(eventId)
    else otherHits.push(hit)
  }
  return { query, eventIds, otherHits, limited: hits.length >= SEARCH_LIMIT }
}
