// All events in order, grouped by day, with filters by kind and organisation
// and full-text search. The list is windowed (VirtualList) so that 10,000
// events scroll and filter without delay.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { EVENT_KINDS, type EventKind, type TimelineEvent } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { call } from '../../ipc'
import { formatDay } from '../../lib/dates'
import { describeError } from '../../lib/errors'
import { optionalId } from '../../lib/records'
import { reload } from '../../state/case-actions'
import { showNotice, useCaseData } from '../../state/session'
import { useConfirmDelete } from '../../ui/ConfirmDialog'
import { ErrorBox } from '../../ui/ErrorBox'
import { VirtualList } from '../../ui/VirtualList'
import { EvidenceViewer } from '../evidence/EvidenceViewer'
import { useEvidenceById, useOrganizationNames, useReferencesByEvent } from '../lookups'
import { OverdueStrip } from '../plan/OverdueStrip'
import { EventDialog } from './EventDialog'
import { EventRow } from './EventRow'
import { filterEvents, planTickIds, rowHeightWith, rowKey, timelineRows, type TimelineRow } from './timeline-rows'
import { useTimelineSearch } from './useTimelineSearch'

const NO_REFERENCES: never[] = []

export function TimelinePanel({ searchRequest }: { searchRequest: number }) {
  const t = useT()
  const language = useLanguage()
  const { events, organizations, references, plan } = useCaseData()
  const organizationNames = useOrganizationNames()
  const referencesByEvent = useReferencesByEvent()
  const evidenceById = useEvidenceById()
  const [kind, setKind] = useState<EventKind | ''>('')
  const [organizationId, setOrganizationId] = useState<number>()
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<TimelineEvent | 'new' | null>(null)
  const [viewing, setViewing] = useState<number | null>(null)
  const searchBox = useRef<HTMLInputElement>(null)
  const viewport = useRef<HTMLDivElement | null>(null)
  const { confirmDelete, dialog: confirmDialog } = useConfirmDelete()
  const search = useTimelineSearch(query, references)

  useEffect(() => {
    if (searchRequest > 0) searchBox.current?.focus()
  }, [searchRequest])

  const searching = query.trim() !== ''
  const filtered = useMemo(
    () => filterEvents(events, { kind: kind || undefined, organizationId, matchingIds: searching ? (search.result?.eventIds ?? new Set()) : undefined }),
    [events, kind, organizationId, searching, search.result],
  )
  const rows = useMemo(() => timelineRows(filtered), [filtered])
  // Rows opened to their full note; notes made by ticking a plan step (shown quieter).
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set())
  const toggle = useCallback((id: number) => {
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }, [])
  const planTicks = useMemo(() => planTickIds(plan?.steps ?? [], events), [plan, events])
  const rowHeight = useMemo(() => rowHeightWith(expanded, planTicks), [expanded, planTicks])

  const deleteEvent = useCallback(
    async (event: TimelineEvent) => {
      if (!(await confirmDelete(event.title))) return
      try {
        await call('events:delete', { id: event.id })
        await reload('events', 'references', 'tasks')
        showNotice({ kind: 'info', text: t.deleted })
      } catch (error) {
        showNotice({ kind: 'error', text: describeError(error, t).join('\n') })
      }
    },
    [confirmDelete, t],
  )

  const renderRow = (row: TimelineRow) =>
    row.type === 'day' ? (
      <h3 className="day-heading">
        <time dateTime={row.day}>{formatDay(row.day, language)}</time>
      </h3>
    ) : (
      <EventRow
        event={row.event}
        organizationName={row.event.organizationId !== undefined ? organizationNames.get(row.event.organizationId) : undefined}
        references={referencesByEvent.get(row.event.id) ?? NO_REFERENCES}
        evidence={row.event.evidenceIds.map((id) => evidenceById.get(id)).filter((e) => e !== undefined)}
        expanded={expanded.has(row.event.id)}
        planTick={planTicks.has(row.event.id)}
        onToggle={toggle}
        onEdit={setEditing}
        onDelete={deleteEvent}
        onOpenEvidence={setViewing}
      />
    )

  return (
    <div className="timeline">
      <OverdueStrip />
      <div className="toolbar" role="search">
        <label className="field inline grow">
          <span>{t.search}</span>
          <input ref={searchBox} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t.searchPlaceholder} />
        </label>
        <label className="field inline">
          <span>{t.filterKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as EventKind | '')}>
            <option value="">{t.allKinds}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.eventKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>{t.filterOrganization}</span>
          <select value={organizationId ?? ''} onChange={(e) => setOrganizationId(optionalId(e.target.value))}>
            <option value="">{t.allOrganizations}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setEditing('new')}>
          {t.newEvent}
        </button>
      </div>
      <div className="timeline-status">
        <p aria-live="polite">{t.showing(filtered.length, events.length)}</p>
        {search.result?.limited && <p className="muted">{t.searchLimited}</p>}
        <button type="button" className="quiet small" onClick={() => viewport.current?.scrollTo({ top: viewport.current.scrollHeight })}>
          {t.jumpToLatest} ↓
        </button>
      </div>
      <ErrorBox error={search.error} />
      {searching && search.result && search.result.otherHits.length > 0 && (
        <div className="other-hits">
          <h3>{t.alsoFound}</h3>
          <ul className="plain-list">
            {search.result.otherHits.slice(0, 8).map((hit) => (
              <li key={`${hit.entity}-${hit.id}`}>
                <span className="badge">{t.searchEntities[hit.entity]}</span> {hit.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {rows.length === 0 ? (
        <p className="empty">{events.length === 0 ? t.noEvents : t.noMatches}</p>
      ) : (
        <VirtualList items={rows} itemHeight={rowHeight} itemKey={rowKey} renderItem={renderRow} label={t.timeline} className="timeline-list" viewportRef={viewport} />
      )}
      {editing && <EventDialog event={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {viewing !== null && evidenceById.get(viewing) && <EvidenceViewer key={viewing} evidence={evidenceById.get(viewing)!} onClose={() => setViewing(null)} onOpen={setViewing} />}
      {confirmDialog}
    </div>
  )
}
