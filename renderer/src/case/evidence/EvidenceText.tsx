// What Kiroku read out of a piece of evidence, under the piece in the viewer:
// a picture's recognised text (machine-read, said so, with its engine and
// day), a mail's envelope, body and routing headers, a PDF's text page by
// page, and the pieces that came in a mail or the mail a piece came in. All of
// it is plain text: nothing read from outside becomes a link or HTML.
import { useEffect, useId, useState } from 'react'
import type { Evidence } from '../../../../shared/domain'
import { localMoment } from '../../../../shared/dates'
import type { EvidenceReadingSchema, EvidenceText as Text, MailViewSchema } from '../../../../shared/ipc/evidence-text-contract'
import type { z } from 'zod'
import { useLanguage } from '../../i18n'
import { useEvidenceTextT, type EvidenceTextMessages } from '../../i18n/evidence-text-messages'
import { useLayoutT } from '../../i18n/layout-messages'
import { call } from '../../ipc'
import { base64ToBytes } from '../../lib/base64'
import { formatDay, localDay, offsetOf, timeOf } from '../../lib/dates'
import { isImage } from '../../lib/evidence-files'
import { EvidenceSuggestions } from './EvidenceSuggestions'
import { useEvidenceText } from './useEvidenceText'
import { useReading } from './useReadingStatus'
import { shownLabel } from './shown-names'

type Reading = z.output<typeof EvidenceReadingSchema>
type MailView = z.output<typeof MailViewSchema>

/** `onOpen`: shows another piece in the viewer (a mail's attachment, or the mail it came in). */
export function EvidenceText({ evidence, onOpen }: { evidence: Evidence; onOpen?: (id: number) => void }) {
  const answer = useEvidenceText(evidence.id)
  const text = answer.state === 'loaded' ? answer.text : undefined
  const isMail = evidence.mimeType === 'message/rfc822'
  return (
    <div className="evidence-text">
      {isImage(evidence.mimeType) && <PictureText reading={text?.reading} loading={answer.state === 'loading'} />}
      {isMail && (text?.mail ? <MailText mail={text.mail} /> : answer.state !== 'loading' && <PlainText id={evidence.id} />)}
      {evidence.mimeType === 'application/pdf' && text?.reading && <PdfText reading={text.reading} pages={text.pages} />}
      {/* What was found in that text, offered as events and losses (saved only from their forms). */}
      {text && <EvidenceSuggestions key={evidence.id} evidence={evidence} text={text} />}
      {text && onOpen && <RelatedPieces text={text} isPrivate={evidence.private} onOpen={onOpen} />}
    </div>
  )
}

/** Text and e-mail evidence as its bytes say, shown as text (never as HTML). */
export function PlainText({ id }: { id: number }) {
  const [text, setText] = useState<string>()
  useEffect(() => {
    let current = true
    call('evidence:content', { id }).then(
      ({ base64 }) => current && setText(new TextDecoder().decode(base64ToBytes(base64))),
      () => current && setText(''),
    )
    return () => {
      current = false
    }
  }, [id])
  return <pre className="viewer-text">{text}</pre>
}

/** The main process's notes are English; the ones a victim meets are said in the reader's language. */
export function readingNote(note: string, m: EvidenceTextMessages): string {
  if (note === 'no text found in the picture') return m.noTextFound
  if (note.startsWith('no legible text')) return m.noLegibleText
  if (note.startsWith('no text: the picture is only')) return m.pictureTooSmall
  if (note.startsWith('the PDF has no text layer')) return m.pdfNoTextLayer
  return m.notReadBecause(note)
}

function PictureText({ reading, loading }: { reading?: Reading; loading: boolean }) {
  const m = useEvidenceTextT()
  const language = useLanguage()
  // undefined until the page has asked (just opened, or just added): neither "being read" nor "not read" yet.
  const underWay = useReading((s) => s.status?.reading)
  const headingId = useId()
  const waiting = !loading && !reading
  return (
    <section className="reading" aria-labelledby={headingId}>
      <h3 id={headingId}>{m.pictureTextHeading}</h3>
      {/* Polite: said once when the picture starts waiting, not again on every poll. */}
      <p role="status" className="reading-note">
        {waiting && underWay ? m.pictureWaiting : ''}
      </p>
      {waiting && underWay === false && <p className="reading-note">{m.pictureNotRead}</p>}
      {reading && (
        <>
          <p className="reading-note machine-read">
            {m.machineRead(`${reading.engine} ${reading.engineVersion}`, formatDay(localDay(new Date(reading.createdAt)), language))}
          </p>
          {reading.text.trim() ? <pre className="viewer-text reading-text">{reading.text}</pre> : reading.note && <p className="reading-note">{readingNote(reading.note, m)}</p>}
        </>
      )}
    </section>
  )
}

/** A mail's Date: ISO when it parsed (shown on this computer's clock), else as written. */
function mailDate(date: string, language: string, otherOffset: (offset: string) => string): string {
  const at = new Date(date)
  if (!offsetOf(date) || Number.isNaN(at.getTime())) return date
  const local = localMoment(at)
  const offset = otherOffset(offsetOf(local))
  // （UTC+00:00） in Japanese brings its own space.
  return `${formatDay(localDay(at), language)} ${timeOf(local)}${offset.startsWith('（') ? '' : ' '}${offset}`
}

function MailText({ mail }: { mail: MailView }) {
  const m = useEvidenceTextT()
  const M = useLayoutT()
  const language = useLanguage()
  const bodyId = useId()
  const rows: Array<[string, string]> = [
    [m.mailFrom, mail.from],
    [m.mailTo, mail.to],
    ...(mail.cc ? [[m.mailCc, mail.cc] as [string, string]] : []),
    [m.mailDate, mail.date && mailDate(mail.date, language, M.otherOffset)],
    [m.mailSubject, mail.subject || m.mailNoSubject],
  ]
  return (
    <div className="mail-view">
      <dl className="details mail-envelope">
        {rows.map(([label, value]) => (
          <div key={label} className="mail-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby={bodyId}>
        <h3 id={bodyId}>{m.mailBody}</h3>
        <p className="reading-note">{m.mailBodyNote}</p>
        <pre className="viewer-text mail-body">{mail.body}</pre>
      </section>
      {mail.traceHeaders.length > 0 && (
        <details className="mail-routing">
          <summary>{m.mailRouting}</summary>
          <dl className="details">
            {mail.traceHeaders.map((header, i) => (
              <div key={i} className="mail-row">
                <dt>{header.name}</dt>
                <dd className="mail-header-value">{header.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </div>
  )
}

function PdfText({ reading, pages }: { reading: Reading; pages: string[] }) {
  const m = useEvidenceTextT()
  const shown = pages.filter((page) => page.trim()).length > 0
  if (!shown) return reading.note ? <p className="reading-note">{readingNote(reading.note, m)}</p> : null
  return (
    <details className="pdf-text">
      <summary>{m.pdfTextHeading(pages.length)}</summary>
      {pages.map((page, i) => (
        <section key={i} className="pdf-page" aria-label={m.pdfPage(i + 1)}>
          <h3>{m.pdfPage(i + 1)}</h3>
          <pre className="viewer-text">{page}</pre>
        </section>
      ))}
    </details>
  )
}

/** `isPrivate`: the piece shown is private, so the mails that carry it are withheld with it (core: carriersOfPrivate). */
function RelatedPieces({ text, isPrivate, onOpen }: { text: Text; isPrivate: boolean; onOpen: (id: number) => void }) {
  const m = useEvidenceTextT()
  const headingId = useId()
  const groups = [
    { key: 'parts', heading: m.partsHeading, pieces: text.parts },
    { key: 'containers', heading: m.containersHeading, pieces: text.containers },
  ].filter((group) => group.pieces.length > 0)
  return groups.map((group) => (
    <div key={group.key} className="related-pieces">
      <span className="related-heading" id={`${headingId}-${group.key}`}>
        {group.heading}
      </span>
      <ul className="plain-list" aria-labelledby={`${headingId}-${group.key}`}>
        {group.pieces.map((piece) => (
          <li key={piece.id}>
            <button type="button" className="small" onClick={() => onOpen(piece.id)} aria-label={m.openPiece(`#${piece.id} ${shownLabel(piece)}`)}>
              #{piece.id} <bdi>{shownLabel(piece)}</bdi>
            </button>
          </li>
        ))}
      </ul>
      {group.key === 'containers' && isPrivate && <p className="hint">{m.privateInMail}</p>}
    </div>
  ))
}
