// One event of the timeline in a fixed-height row: time, kind, title, who,
// the reference numbers given (each with a Copy button), the start of the
// notes, and its evidence. The disclosure button (▸) expands the row to the
// full note; Edit and Delete sit in the row's menu (⋯). A note made by
// ticking a plan step is one quiet line. The UTC offset shows only when it
// differs from this computer's.
// Each piece of typed text is its own bidi isolate (<bdi>, or unicode-bidi:
// isolate in timeline.css), so a right-to-left override in one cannot turn
// the text beside it around: a label "受付番号‮" must not show 1234 as 4321.
import { Fragment, memo, useId } from 'react'
import type { Evidence, Reference, TimelineEvent } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { useLayoutT } from '../../i18n/layout-messages'
import { localOffset, offsetOf, timeOf } from '../../lib/dates'
import { MenuButton } from '../../ui/MenuButton'
import { EvidenceThumbButton } from '../evidence/EvidenceThumb'
import { CopyReferenceButton } from '../ReferenceCopy'

const THUMBS_SHOWN = 3

interface EventRowProps {
  event: TimelineEvent
  organizationName?: string
  references: readonly Reference[]
  evidence: readonly Evidence[]
  expanded: boolean
  planTick: boolean
  onToggle: (id: number) => void
  onEdit: (event: TimelineEvent) => void
  onDelete: (event: TimelineEvent) => void
  onOpenEvidence: (id: number) => void
}

export const EventRow = memo(function EventRow({ event, organizationName, references, evidence, expanded, planTick, onToggle, onEdit, onDelete, onOpenEvidence }: EventRowProps) {
  const t = useT()
  const M = useLayoutT()
  const noteId = useId()
  const who = [
    organizationName,
    event.representative,
    event.channel && t.channels[event.channel],
    event.durationMinutes !== undefined && t.duration(event.durationMinutes),
  ].filter(Boolean)
  const offset = offsetOf(event.occurredAt)
  const otherOffset = offset !== '' && offset !== localOffset(new Date(event.occurredAt))
  const classes = ['event-row', `kind-${event.kind}`, expanded && 'expanded', planTick && 'plan-tick'].filter(Boolean).join(' ')

  return (
    <article className={classes} aria-label={event.title}>
      <div className="event-time">
        <time dateTime={event.occurredAt}>{timeOf(event.occurredAt)}</time>
        {otherOffset && <span className="event-offset">{M.otherOffset(offset)}</span>}
      </div>
      <div className="event-main">
        <p className="event-title-line">
          <button
            type="button"
            className="disclosure"
            aria-expanded={expanded}
            aria-controls={expanded ? noteId : undefined}
            aria-label={M.showNote(event.title)}
            onClick={() => onToggle(event.id)}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
          {planTick ? <span className="kind-badge plan-badge">{M.planTick}</span> : <span className={`kind-badge kind-${event.kind}`}>{t.eventKinds[event.kind]}</span>}
          <span className="event-title">{event.title}</span>
          {event.private && <span className="badge">{t.privateBadge}</span>}
        </p>
        {(!planTick || expanded) && (
          <>
            <p className="event-who">
              {who.map((part, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  <bdi>{part}</bdi>
                </Fragment>
              ))}
            </p>
            <p className="event-references">
              {references.map((reference) => (
                <span key={reference.id} className="reference-chip">
                  <bdi>{reference.label}</bdi>{' '}
                  <strong>
                    <bdi>{reference.value}</bdi>
                  </strong>{' '}
                  <CopyReferenceButton reference={reference} />
                </span>
              ))}
            </p>
            {expanded ? (
              // Scrolls inside the row when very long; focusable so the keyboard can scroll it.
              <div id={noteId} className="event-body event-note" tabIndex={0}>
                {event.body}
              </div>
            ) : (
              <p className="event-body">{event.body}</p>
            )}
          </>
        )}
      </div>
      <div className="event-evidence">
        {evidence.slice(0, THUMBS_SHOWN).map((item) => (
          <EvidenceThumbButton key={item.id} evidence={item} onOpen={onOpenEvidence} size="row" />
        ))}
        {evidence.length > THUMBS_SHOWN && <span className="more">+{evidence.length - THUMBS_SHOWN}</span>}
      </div>
      <div className="event-actions">
        <MenuButton
          label={<span aria-hidden="true">⋯</span>}
          ariaLabel={M.moreActions(event.title)}
          className="small quiet row-menu"
          items={[
            { key: 'edit', label: t.edit, ariaLabel: t.editThis(event.title), onSelect: () => onEdit(event) },
            { key: 'delete', label: `${t.delete}…`, ariaLabel: t.deleteThis(event.title), danger: true, onSelect: () => onDelete(event) },
          ]}
        />
      </div>
    </article>
  )
})
