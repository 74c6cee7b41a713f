// The case's sections as ARIA tabs: arrow keys move between tabs, Tab moves
// into the panel. Only the chosen panel is rendered.
import { useRef, type KeyboardEvent } from 'react'
import { useT } from '../i18n'
import { useDirectoryT } from '../i18n/directory-messages'
import { EvidencePanel } from './evidence/EvidencePanel'
import { LossesPanel } from './lists/LossesPanel'
import { OrganizationsPanel } from './lists/OrganizationsPanel'
import { PoliceRecordsPanel } from './lists/PoliceRecordsPanel'
import { ReferencesPanel } from './lists/ReferencesPanel'
import { TasksPanel } from './lists/TasksPanel'
import { OverviewPanel } from './OverviewPanel'
import { PlanPanel } from './plan/PlanPanel'
import { TimelinePanel } from './timeline/TimelinePanel'

export const CASE_TABS = ['overview', 'plan', 'timeline', 'evidence', 'organizations', 'references', 'losses', 'police', 'tasks'] as const
export type CaseTab = (typeof CASE_TABS)[number]

interface CaseTabsProps {
  tab: CaseTab
  onChange: (tab: CaseTab) => void
  /** Increases when the user asks to search (Ctrl+F). */
  searchRequest: number
}

export function CaseTabs({ tab, onChange, searchRequest }: CaseTabsProps) {
  const t = useT()
  const d = useDirectoryT()
  const tabs = useRef<Partial<Record<CaseTab, HTMLButtonElement | null>>>({})

  const onKeyDown = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const index = CASE_TABS.indexOf(tab)
    const next = Number.isFinite(step)
      ? CASE_TABS[(index + step + CASE_TABS.length) % CASE_TABS.length]
      : CASE_TABS[step < 0 ? 0 : CASE_TABS.length - 1]
    onChange(next)
    tabs.current[next]?.focus()
  }

  return (
    <>
      <nav className="tab-bar">
        <div role="tablist" aria-label={t.caseSections} onKeyDown={onKeyDown}>
          {CASE_TABS.map((name) => (
            <button
              key={name}
              ref={(el) => {
                tabs.current[name] = el
              }}
              type="button"
              role="tab"
              id={`tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => onChange(name)}
            >
              {name === 'police' ? d.policeTab : t.tabs[name]}
            </button>
          ))}
        </div>
      </nav>
      <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className={`panel panel-${tab}`}>
        {tab === 'overview' && <OverviewPanel />}
        {tab === 'plan' && <PlanPanel />}
        {tab === 'timeline' && <TimelinePanel searchRequest={searchRequest} />}
        {tab === 'evidence' && <EvidencePanel />}
        {tab === 'organizations' && <OrganizationsPanel />}
        {tab === 'references' && <ReferencesPanel />}
        {tab === 'losses' && <LossesPanel />}
        {tab === 'tasks' && <TasksPanel />}
        {tab === 'police' && <PoliceRecordsPanel />}
      </section>
    </>
  )
}
