// Today's date on this computer's calendar, kept current while the app is
// open (the follow-up watcher advances it), so "overdue" turns red at
// midnight without a reload.
import { create } from 'zustand'
import { localDay } from '../lib/dates'

export const useToday = create<{ today: string }>(() => ({ today: localDay() }))

/** Re-reads the clock; returns the day. */
export function refreshToday(): string {
  const today = localDay()
  if (useToday.getState().today !== today) useToday.setState({ today })
  return today
}
