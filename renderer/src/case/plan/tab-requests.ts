// Lets a panel send the user to another tab (the overview's "Show the whole
// plan"), while the case screen keeps owning which tab is shown.
import { useEffect } from 'react'
import type { CaseTab } from '../CaseTabs'

const listeners = new Set<(tab: CaseTab) => void>()

export function requestTab(tab: CaseTab): void {
  for (const listener of listeners) listener(tab)
}

/** The case screen's tab setter, called when a panel asks for a tab. */
export function useTabRequests(setTab: (tab: CaseTab) => void): void {
  useEffect(() => {
    listeners.add(setTab)
    return () => void listeners.delete(setTab)
  }, [setTab])
}
