// Which screen is shown and, while a case is unlocked, everything read from
// it. Locking replaces this state wholesale (see lockCase), so no case data
// outlives the unlocked session in memory or on screen.
import { create } from 'zustand'
import type {
  CaseRecord,
  Evidence,
  Loss,
  Organization,
  PoliceRecord,
  Reference,
  Task,
  TimelineEvent,
} from '../../../shared/domain'
import type { z } from 'zod'
import type { CaseHistoryFindingSchema } from '../../../shared/ipc/schemas'
import type { CasePlan } from '../../../shared/plans'

export type CaseHistoryFinding = z.infer<typeof CaseHistoryFindingSchema>

export type Screen =
  | { name: 'start' }
  /** `restoreBackup`: show "Restore from a backup" at once (asked for from the open case). */
  | { name: 'unlock'; path: string; lockedAfterIdle?: boolean; restoreBackup?: boolean }
  | { name: 'case' }

export interface CaseData {
  path: string
  record: CaseRecord
  organizations: Organization[]
  events: TimelineEvent[]
  references: Reference[]
  losses: Loss[]
  tasks: Task[]
  /** Consultations and damage reports (被害届) with the numbers the police gave. */
  policeRecords: PoliceRecord[]
  evidence: Evidence[]
  /** The recovery plan and its progress; null when the case has none. */
  plan: CasePlan | null
  /** Set when the file is older than, or differs from, what this device saw of the case. */
  history?: CaseHistoryFinding
}

export type CaseList = Exclude<keyof CaseData, 'path' | 'record' | 'history'>

export interface Notice {
  kind: 'info' | 'error'
  text: string
  /** One follow-up the message offers (e.g. tick the plan step this record carries out). */
  action?: { label: string; run: () => Promise<void> | void }
  /** Evidence just pasted or dropped: the message asks for its caption and event (and stays until answered). */
  intake?: number[]
}

export interface SessionState {
  screen: Screen
  caseData: CaseData | null
  /** Object URLs of evidence images already fetched, by evidence id. */
  evidenceUrls: Record<number, string>
  notice: Notice | null
  /** Another case file the OS asked to open while this case is open: the user is asked first. */
  openRequest: string | null
}

export const INITIAL_SESSION: SessionState = {
  screen: { name: 'start' },
  caseData: null,
  evidenceUrls: {},
  notice: null,
  openRequest: null,
}

export const useSession = create<SessionState>(() => INITIAL_SESSION)

/** The open case's data; only call inside screens shown while a case is unlocked. */
export function useCaseData(): CaseData {
  const data = useSession((s) => s.caseData)
  if (!data) throw new Error('useCaseData used while no case is unlocked')
  return data
}

export function showNotice(notice: Notice | null): void {
  useSession.setState({ notice })
}
