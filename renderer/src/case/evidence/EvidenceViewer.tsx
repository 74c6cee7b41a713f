// One piece of evidence in full: the picture (or text), its SHA-256 so a
// recipient can check the original, its caption, and which events it belongs to.
import { useId, useMemo, useState, type FormEvent } from 'react'
import type { Evidence, TimelineEvent } from '../../../../shared/domain'
import { restoreHidden } from '../../../../shared/visible-text'
import { useLanguage, useT } from '../../i18n'
import { useIntakeT } from '../../i18n/intake-messages'
import { call } from '../../ipc'
import { useAction } from '../../hooks/useAction'
import { formatDay, optionalDay } from '../../lib/dates'
import { formatSize, isImage, isText } from '../../lib/evidence-files'
import { optionalText, withoutId } from '../../lib/records'
import { reload } from '../../state/case-actions'
import { showNotice, useCaseData } from '../../state/session'
import { useConfirmDelete } from '../../ui/ConfirmDialog'
import { Dialog } from '../../ui/Dialog'
import { ErrorBox } from '../../ui/ErrorBox'
import { checkForm, clearProblemOf, showProblems } from '../form-checks'
import { DateInput } from '../lists/RecordFormDialog'
import { EvidenceText, PlainText } from './EvidenceText'
import { EvidenceImage } from './EvidenceThumb'
import { hasHiddenCharacters, shownCaption, shownLabel, shownName } from './shown-names'

const EVENT_MATCHES_SHOWN = 8

/** `onOpen`: shows another piece instead (a mail's attachment, or the mail a piece came in). */
export function EvidenceViewer({ evidence, onClose, onOpen }: { evidence: Evidence; onClose: () => void; onOpen?: (id: number) => void }) {
  const t = useT()
  const { events } = useCaseData()
  const { run, error, busy } = useAction()
  const { confirmDelete, dialog: confirmDialog } = useConfirmDelete()
  const m = useIntakeT()
  const formId = useId()
  const linkedEvents = useMemo(() => events.filter((e) => e.evidenceIds.includes(evidence.id)), [events, evidence.id])

  const setLinked = (event: TimelineEvent, linked: boolean) =>
    run(async () => {
      const others = event.evidenceIds.filter((id) => id !== evidence.id)
      const evidenceIds = linked ? [...others, evidence.id] : others
      await call('events:update', { id: event.id, value: { ...withoutId(event), evidenceIds } })
      await reload('events')
    })

  const saveMeta = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const problems = checkForm(e.currentTarget, m)
    showProblems(e.currentTarget, formId, problems, true)
    if (problems.length) return
    const data = new FormData(e.currentTarget)
    // The field shows the caption with its hidden characters written out: left as shown, the original is kept
    // as it is; edited, the markers go back to the characters they stand for (trimmed first, while they are
    // still markers, so a trailing line separator is not taken for white space).
    const typed = String(data.get('caption') ?? '')
    const edited = optionalText(typed)
    const caption = typed === shownCaption(evidence) ? evidence.caption : edited && restoreHidden(edited)
    void run(async () => {
      await call('evidence:update', {
        id: evidence.id,
        value: {
          caption,
          capturedAt: optionalDay(String(data.get('capturedAt') ?? '')),
          private: data.get('private') === 'on',
        },
      })
      await reload('evidence')
      showNotice({ kind: 'info', text: t.saved })
    })
  }

  const remove = async () => {
    if (!(await confirmDelete(shownName(evidence)))) return
    const removed = await run(async () => {
      await call('evidence:delete', { id: evidence.id })
      await reload('evidence', 'events')
    })
    if (removed) {
      showNotice({ kind: 'info', text: t.deleted })
      onClose()
    }
  }

  return (
    <Dialog title={shownLabel(evidence)} onClose={onClose} size="large">
      <div className="viewer">
        <div className="viewer-main">
          {/* A mail is shown as what was read from it (envelope, body, routing headers), below. */}
          {evidence.mimeType !== 'message/rfc822' && (
            <div className="viewer-content">
              {isImage(evidence.mimeType) ? (
                <EvidenceImage evidence={evidence} className="viewer-image" />
              ) : isText(evidence.mimeType) ? (
                <PlainText id={evidence.id} />
              ) : (
                <EvidenceImage evidence={evidence} className="viewer-file" />
              )}
            </div>
          )}
          <EvidenceText evidence={evidence} onOpen={onOpen} />
        </div>
        <div className="viewer-side">
          <EvidenceDetails evidence={evidence} />
          <form onSubmit={saveMeta} onChange={(e) => clearProblemOf(e.currentTarget, formId, e.target)} noValidate className="form" key={`${evidence.id}-${evidence.caption}-${evidence.capturedAt}-${evidence.private}`}>
            <label className="field">
              <span>{t.caption}</span>
              <input name="caption" defaultValue={shownCaption(evidence)} maxLength={2000} data-autofocus />
            </label>
            <label className="field">
              <span>{t.capturedAt}</span>
              <DateInput name="capturedAt" defaultValue={evidence.capturedAt?.slice(0, 10)} />
            </label>
            <label className="check">
              <input type="checkbox" name="private" defaultChecked={evidence.private} />
              <span>{t.privateEvidence}</span>
            </label>
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {t.save}
              </button>
            </div>
          </form>
          <LinkedEvents linked={linkedEvents} onUnlink={(e) => void setLinked(e, false)} />
          <EventLinker events={events} evidenceId={evidence.id} onLink={(e) => void setLinked(e, true)} />
          <ErrorBox error={error} />
          {/* Apart from the daily controls and quiet: deleting evidence is rare, and it asks first. */}
          <div className="viewer-delete">
            <button type="button" className="small quiet danger-quiet" onClick={() => void remove()}>
              {t.delete}
            </button>
          </div>
        </div>
      </div>
      {confirmDialog}
    </Dialog>
  )
}

function EvidenceDetails({ evidence }: { evidence: Evidence }) {
  const t = useT()
  const language = useLanguage()
  return (
    <>
      <dl className="details">
        <dt>{t.fileName}</dt>
        <dd>{shownName(evidence)}</dd>
        <dt>{t.fileType}</dt>
        <dd>{t.evidenceMime[evidence.mimeType]}</dd>
        <dt>{t.fileSize}</dt>
        <dd>{formatSize(evidence.size)}</dd>
        <dt>{t.sha256}</dt>
        <dd>
          <code className="hash" aria-label={t.sha256}>
            {evidence.sha256}
          </code>
        </dd>
        <dt>{t.addedAt}</dt>
        <dd>{formatDay(evidence.addedAt.slice(0, 10), language)}</dd>
      </dl>
      {hasHiddenCharacters(evidence) && (
        <p className="hidden-characters" role="note">
          {t.hiddenCharacters}
        </p>
      )}
    </>
  )
}

function LinkedEvents({ linked, onUnlink }: { linked: TimelineEvent[]; onUnlink: (event: TimelineEvent) => void }) {
  const t = useT()
  return (
    <section aria-labelledby="linked-events">
      <h3 id="linked-events">{t.linkedEvents}</h3>
      {linked.length === 0 ? (
        <p className="muted">{t.noLinkedEvents}</p>
      ) : (
        <ul className="plain-list">
          {linked.map((event) => (
            <li key={event.id} className="linked-event">
              <span>
                <time dateTime={event.occurredAt}>{event.occurredAt.slice(0, 10)}</time> <bdi>{event.title}</bdi>
              </span>
              <button type="button" className="small quiet" onClick={() => onUnlink(event)} aria-label={t.unlinkThis(event.title)}>
                {t.unlink}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function EventLinker({ events, evidenceId, onLink }: { events: TimelineEvent[]; evidenceId: number; onLink: (event: TimelineEvent) => void }) {
  const t = useT()
  const [query, setQuery] = useState('')
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase()
    if (!q) return []
    const found: TimelineEvent[] = []
    // Newest first: evidence is usually added soon after what it shows.
    for (let i = events.length - 1; i >= 0 && found.length < EVENT_MATCHES_SHOWN; i--) {
      const event = events[i]
      if (event.evidenceIds.includes(evidenceId)) continue
      if (event.title.toLowerCase().includes(q) || event.body?.toLowerCase().includes(q)) found.push(event)
    }
    return found
  }, [events, evidenceId, query])

  return (
    <section aria-labelledby="link-event">
      <h3 id="link-event">{t.linkToEvent}</h3>
      <label className="field">
        <span>{t.findEvent}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <ul className="plain-list">
        {matches.map((event) => (
          <li key={event.id} className="linked-event">
            <span>
              <time dateTime={event.occurredAt}>{event.occurredAt.slice(0, 10)}</time> <bdi>{event.title}</bdi>
            </span>
            <button type="button" className="small" onClick={() => onLink(event)} aria-label={t.linkThis(event.title)}>
              {t.link}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
