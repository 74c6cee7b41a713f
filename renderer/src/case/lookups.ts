// Lookups shared by the case's panels, memoised on the lists they read.
import { useMemo } from 'react'
import type { Evidence, Reference } from '../../../shared/domain'
import { useCaseData } from '../state/session'

export function useOrganizationNames(): Map<number, string> {
  const { organizations } = useCaseData()
  return useMemo(() => new Map(organizations.map((o) => [o.id, o.name])), [organizations])
}

export function useReferencesByEvent(): Map<number, Reference[]> {
  const { references } = useCaseData()
  return useMemo(() => {
    const byEvent = new Map<number, Reference[]>()
    for (const reference of references) {
      if (reference.eventId === undefined) continue
      byEvent.set(reference.eventId, [...(byEvent.get(reference.eventId) ?? []), reference])
    }
    return byEvent
  }, [references])
}

export function useEvidenceById(): Map<number, Evidence> {
  const { evidence } = useCaseData()
  return useMemo(() => new Map(evidence.map((e) => [e.id, e])), [evidence])
}

export function useEventTitles(): Map<number, string> {
  const { events } = useCaseData()
  return useMemo(() => new Map(events.map((e) => [e.id, e.title])), [events])
}
