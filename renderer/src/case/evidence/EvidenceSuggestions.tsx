// What was found in the text Kiroku read out of a piece (#14): a dated row
// with an IP address offered as an event, an amount as a loss. Suggestions
// only: each opens the usual form filled in, and nothing reaches the case
// until the user saves it there. One the case already holds (saved from here
// or typed in before) is not offered; a dismissed one is hidden while the
// piece stays open, and nothing about it is stored.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { formatAmount, isKnownUnit, unitName } from '../../../../shared/amounts'
import type { EventInput, Evidence, Loss, LossInput, TimelineEvent } from '../../../../shared/domain'
import { draftsFromText, type Draft } from '../../../../shared/text-findings'
import type { EvidenceText } from '../../../../shared/ipc/evidence-text-contract'
import { useLanguage } from '../../i18n'
import { useEvidenceTextT } from '../../i18n/evidence-text-messages'
import { useLayoutT } from '../../i18n/layout-messages'
import { formatDay, localOffset, offsetOf, timeOf } from '../../lib/dates'
import { useCaseData } from '../../state/session'
import { LossForm } from '../lists/LossesPanel'
import { EventDialog } from '../timeline/EventDialog'

const SHOWN = 10

/** The text the suggestions are found in: a mail's subject and body, a PDF's pages, a picture's recognised text. */
export function suggestionText(text: EvidenceText): string {
  if (text.mail) return `${text.mail.subject}\n${text.mail.body}`
  if (text.pages.length) return text.pages.join('\n')
  return text.reading?.text ?? ''
}

/** The year of a date written without one (11/03 03:12): when the piece was taken in, else the mail's date. */
function defaultYearOf(evidence: Evidence, text: EvidenceText): number | undefined {
  const year = Number((evidence.capturedAt ?? text.mail?.date ?? '').slice(0, 4))
  return Number.isInteger(year) && year >= 1900 ? year : undefined
}

/** Per line, as the drafts are made: two equal rows are two suggestions, dismissed one at a time. */
const keyOf = (draft: Draft) => `${draft.kind}:${draft.from[0].line}:${JSON.stringify(draft.kind === 'event' ? draft.event : draft.loss)}`

const isYen = (unit: string) => unitName(unit, 'en') === 'yen'

/** Records grouped by a key, so each suggestion is checked against the few that could match (a case may hold thousands). */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    if (groups.has(k)) groups.get(k)!.push(item)
    else groups.set(k, [item])
  }
  return groups
}

/** The case holds this event: the same moment, with the same title or the address in its title or notes. */
function eventSaved(draft: EventInput, ip: string | undefined, byMoment: Map<number, TimelineEvent[]>): boolean {
  const same = byMoment.get(Date.parse(draft.occurredAt)) ?? []
  return same.some((e) => e.title === draft.title || (!!ip && (e.title.includes(ip) || !!e.body?.includes(ip))))
}

/** The case holds this loss: the same amount on the same day, both in yen or both in points (the brand may be corrected). */
function lossSaved(draft: LossInput, byAmount: Map<number, Loss[]>): boolean {
  const day = draft.occurredAt?.slice(0, 10)
  const same = byAmount.get(draft.amount) ?? []
  return same.some((l) => l.occurredAt?.slice(0, 10) === day && (l.unit === draft.unit || isYen(l.unit) === isYen(draft.unit)))
}

const ipOf = (draft: Draft) => draft.from.find((f) => f.kind === 'ip')?.address

export function EvidenceSuggestions({ evidence, text }: { evidence: Evidence; text: EvidenceText }) {
  const m = useEvidenceTextT()
  const { events, losses } = useCaseData()
  const headingId = useId()
  const source = suggestionText(text)
  const defaultYear = defaultYearOf(evidence, text)
  const drafts = useMemo(() => (source.trim() ? draftsFromText(source, { defaultYear }) : []), [source, defaultYear])
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set())
  const [open, setOpen] = useState<{ draft: Draft; index: number }>()
  const list = useRef<HTMLUListElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  // Where the focus goes once the row it was on is gone (dismissed, or saved): the row now in its place.
  const [refocus, setRefocus] = useState<number>()

  const offered = useMemo(() => {
    if (drafts.length === 0) return []
    const byMoment = groupBy(events, (e) => Date.parse(e.occurredAt))
    const byAmount = groupBy(losses, (l) => l.amount)
    return drafts.filter((d) => !dismissed.has(keyOf(d)) && !(d.kind === 'event' ? eventSaved(d.event, ipOf(d), byMoment) : lossSaved(d.loss, byAmount)))
  }, [drafts, dismissed, events, losses])

  useEffect(() => {
    if (refocus === undefined || open) return
    const active = document.activeElement
    if (!active || active === document.body || !active.isConnected) {
      const rows = list.current?.querySelectorAll<HTMLButtonElement>('li button:first-of-type') ?? []
      ;(rows[Math.min(refocus, rows.length - 1)] ?? heading.current)?.focus()
    }
    setRefocus(undefined)
  }, [refocus, open, offered])

  // The event draft ticks the piece it came from; made once per opening (the form takes its first values).
  const eventDraft = useMemo(() => (open?.draft.kind === 'event' ? { ...open.draft.event, evidenceIds: [evidence.id] } : undefined), [open, evidence.id])

  const close = () => {
    setRefocus(open?.index)
    setOpen(undefined)
  }

  if (drafts.length === 0) return null
  const shown = offered.slice(0, SHOWN)

  return (
    <section className="suggestions" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {m.suggestionsHeading}
      </h3>
      <p className="reading-note">{offered.length ? m.suggestionsNote : m.suggestionsDone}</p>
      {shown.length > 0 && (
        <ul className="plain-list suggestion-list" ref={list}>
          {shown.map((draft, i) => (
            <SuggestionRow
              key={keyOf(draft)}
              draft={draft}
              onAdd={() => setOpen({ draft, index: i })}
              onDismiss={() => {
                setDismissed((before) => new Set(before).add(keyOf(draft)))
                setRefocus(i)
              }}
            />
          ))}
        </ul>
      )}
      {offered.length > SHOWN && <p className="reading-note">{m.moreSuggestions(offered.length - SHOWN)}</p>}
      {eventDraft && <EventDialog draft={eventDraft} onClose={close} />}
      {open?.draft.kind === 'loss' && <LossForm draft={open.draft.loss} onClose={close} />}
    </section>
  )
}

function SuggestionRow({ draft, onAdd, onDismiss }: { draft: Draft; onAdd: () => void; onDismiss: () => void }) {
  const m = useEvidenceTextT()
  const whatId = useId()
  const line = draft.from[0]?.context ?? ''
  return (
    <li className="suggestion">
      <div className="suggestion-what" id={whatId}>
        {draft.kind === 'event' ? <EventWhat event={draft.event} ip={ipOf(draft)} /> : <LossWhat loss={draft.loss} />}
        {/* The line it was found on, unless the title is that line already. */}
        {(draft.kind === 'loss' || line !== draft.event.title) && <bdi className="suggestion-line">{line}</bdi>}
      </div>
      <div className="suggestion-actions">
        <button type="button" className="small" onClick={onAdd} aria-describedby={whatId}>
          {draft.kind === 'event' ? m.addToTimeline : m.addAsLoss}
        </button>
        <button type="button" className="small quiet" onClick={onDismiss} aria-describedby={whatId}>
          {m.dismiss}
        </button>
      </div>
    </li>
  )
}

function EventWhat({ event, ip }: { event: EventInput; ip?: string }) {
  const M = useLayoutT()
  const language = useLanguage()
  const offset = offsetOf(event.occurredAt)
  const otherOffset = offset !== '' && offset !== localOffset(new Date(event.occurredAt))
  return (
    <span className="suggestion-main">
      <time dateTime={event.occurredAt}>
        {formatDay(event.occurredAt.slice(0, 10), language)} {timeOf(event.occurredAt)}
        {otherOffset && ` ${M.otherOffset(offset)}`}
      </time>{' '}
      <bdi className="suggestion-title">{event.title}</bdi>
      {ip && !event.title.includes(ip) && (
        <>
          {' '}
          <bdi className="suggestion-ip">{ip}</bdi>
        </>
      )}
    </span>
  )
}

function LossWhat({ loss }: { loss: LossInput }) {
  const m = useEvidenceTextT()
  const language = useLanguage()
  const numbers = new Intl.NumberFormat(language)
  return (
    <span className="suggestion-main">
      <span className="suggestion-amount">
        {isKnownUnit(loss.unit) ? (
          formatAmount(loss.amount, loss.unit, language)
        ) : (
          <>
            {numbers.format(loss.amount)} <bdi>{loss.unit}</bdi>
          </>
        )}
      </span>{' '}
      {loss.occurredAt ? <time dateTime={loss.occurredAt}>{formatDay(loss.occurredAt.slice(0, 10), language)}</time> : <span className="muted">{m.noDay}</span>}
    </span>
  )
}
