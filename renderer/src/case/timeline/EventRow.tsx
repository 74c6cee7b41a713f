// One event of the timeline in a fixed-height row: time, kind, title, who,
// the reference numbers given, the start of the notes, and its evidence.
// Each piece of typed text is its own bidi isolate (<bdi>, or unicode-bidi:
// isolate in timeline.css), so a right-to-left override in one cannot turn
// the text beside it around: a label "受付番号‮" must not show 1234 as 4321.
import { Fragment, memo } from 'react'
import type { Evidence, Reference, TimelineEvent } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { offsetOf, timeOf } from '../../lib/dates'
import { EvidenceThumbButton } from '../evidence/EvidenceThumb'

const THUMBS_SHOWN = 3

interface EventRowProps {
  event: TimelineEvent
  organizationName?: string
  references: readonly Reference[]
  evidence: readonly Evidence[]
  onEdit: (event: TimelineEvent) => void
  onDelete: (event: TimelineEvent) => void
  onOpenEvidence: (id: number) => void
}

export const EventRow = memo(function EventRow({ event, organizationName, references, evidence, onEdit, onDelete, onOpenEvidence }: EventRowProps) {
  const t = useT()
  const who = [
    organizationName,
    event.representative,
    event.channel && t.channels[event.channel],
    event.durationMinutes !== undefined && t.duration(event.durationMinutes),
  ].filter(Boolean)

  return (
    <article className={`event-row kind-${event.kind}`} aria-label={event.title}>
      <div className="event-time">
        <time dateTime={event.occurredAt}>{timeOf(event.occurredAt)}</time>
        <span className="event-offset">{offsetOf(event.occurredAt)}</span>
      </div>
      <div className="event-main">
        <p className="event-title-line">
          <span className={`kind-badge kind-${event.kind}`}>{t.eventKinds[event.kind]}</span>
          <span className="event-title">{event.title}</span>
          {event.private && <span className="badge">{t.privateBadge}</span>}
        </p>
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
              </strong>
            </span>
          ))}
        </p>
        <p className="event-body">{event.body}</p>
      </div>
      <div className="event-evidence">
        {evidence.slice(0, THUMBS_SHOWN).map((item) => (
          <EvidenceThumbButton key={item.id} evidence={item} onOpen={onOpenEvidence} size="row" />
        ))}
        {evidence.length > THUMBS_SHOWN && <span className="more">+{evidence.length - THUMBS_SHOWN}</span>}
      </div>
      <div className="event-actions">
        <button type="button" className="small" onClick={() => onEdit(event)} aria-label={t.editThis(event.title)}>
          {t.edit}
        </button>
        <button type="button" className="small danger-quiet" onClick={() => onDelete(event)} aria-label={t.deleteThis(event.title)}>
          {t.delete}
        </button>
      </div>
    </article>
  )
})
