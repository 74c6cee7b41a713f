// Claim deadlines as the overview shows them: for each organisation linked
// to a directory entry and each rule with a window, the last day to apply and
// how many days are left (late ones in red), what the case still lacks (a
// police receipt number, with the form to add it), what to confirm, how old
// the rule is, and "Claim sent" to record the claim made.
import { useState } from 'react'
import type { Prerequisite } from '../../../../shared/directory'
import type { PoliceRecordKind } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { useDirectoryT, type DirectoryMessages } from '../../i18n/directory-messages'
import { formatDay } from '../../lib/dates'
import { showNotice } from '../../state/session'
import { useToday } from '../../state/today'
import { Dialog } from '../../ui/Dialog'
import { PoliceRecordDialog } from '../lists/PoliceRecordDialog'
import { withNotice } from '../plan/StepActions'
import { AsOf, RuleCard } from './DirectoryCard'
import { deadlineKey, markClaimSent, useClaimDeadlines, type ClaimDeadline } from './claim-deadlines'
import '../../styles/directory.css'

/** The police record form a missing prerequisite opens, on the kind that satisfies it. */
const KIND_FOR: Partial<Record<Prerequisite, PoliceRecordKind>> = { police_report: 'report', police_consultation: 'consultation' }

export function DeadlineBadge({ deadline }: { deadline: ClaimDeadline }) {
  const d = useDirectoryT()
  if (deadline.daysLeft === undefined) return null
  if (deadline.status === 'overdue') return <span className="badge badge-danger">{d.daysLate(-deadline.daysLeft)}</span>
  if (deadline.status === 'today') return <span className="badge badge-danger">{d.lastDayToday}</span>
  return <span className={`badge${deadline.daysLeft <= 7 ? ' badge-warning' : ''}`}>{d.daysLeft(deadline.daysLeft)}</span>
}

/** "Apply by …", or which date is missing for it to be worked out. */
export function DeadlineDay({ deadline, d, language }: { deadline: ClaimDeadline; d: DirectoryMessages; language: string }) {
  if (!deadline.day || !deadline.startDay) {
    return (
      <p className="deadline-unknown">
        {d.startUnknown(deadline.rule.window.from)} {d.startUnknownFix[deadline.rule.window.from]}
      </p>
    )
  }
  return (
    <p className="deadline-day">
      <strong>{d.applyBy(formatDay(deadline.day, language))}</strong>{' '}
      <span className="muted">{d.countsFrom(deadline.rule.window.from, formatDay(deadline.startDay, language))}</span>
    </p>
  )
}

export function ClaimDeadlinesCard() {
  const d = useDirectoryT()
  const deadlines = useClaimDeadlines()
  if (deadlines.length === 0) return null
  const late = deadlines.some((x) => x.status === 'overdue' || x.status === 'today')
  return (
    <section className={`card claim-deadlines${late ? ' claim-deadlines-late' : ''}`} aria-labelledby="claim-deadlines-title">
      <h2 id="claim-deadlines-title">{d.claimDeadlines}</h2>
      <p className="hint">{d.claimDeadlinesIntro}</p>
      <ul className="deadline-list">
        {deadlines.map((deadline) => (
          <DeadlineItem key={deadlineKey(deadline)} deadline={deadline} />
        ))}
      </ul>
    </section>
  )
}

function DeadlineItem({ deadline }: { deadline: ClaimDeadline }) {
  const t = useT()
  const d = useDirectoryT()
  const language = useLanguage()
  const today = useToday((s) => s.today)
  const [policeKind, setPoliceKind] = useState<PoliceRecordKind | null>(null)
  const [showRule, setShowRule] = useState(false)
  const [sending, setSending] = useState(false)
  const title = deadline.rule.title[language]
  const late = deadline.status === 'overdue'

  const claimSent = () => {
    setSending(true)
    void withNotice(async () => {
      await markClaimSent(deadline, d.claimTaskTitle(title, deadline.organization), today)
      showNotice({ kind: 'info', text: d.claimSentNotice })
    }, t).finally(() => setSending(false))
  }

  return (
    <li className={`deadline${late ? ' deadline-late' : ''}`} aria-label={`${deadline.organization}: ${title}`}>
      <p className="deadline-head">
        <DeadlineBadge deadline={deadline} />
        <strong className="deadline-organization">{deadline.organization}</strong>
        <span>{title}</span>
      </p>
      <DeadlineDay deadline={deadline} d={d} language={language} />
      {deadline.missing.map((p) => (
        <p key={p} className="deadline-missing">
          <span>{d.stillMissing(p)}</span>
          {KIND_FOR[p] && (
            <button type="button" className="small" onClick={() => setPoliceKind(KIND_FOR[p]!)}>
              {d.addPoliceRecord}
            </button>
          )}
        </p>
      ))}
      {deadline.confirm.length > 0 && (
        <div className="deadline-confirm">
          <h3>{d.toConfirm}</h3>
          <ul>
            {deadline.confirm.map((p) => (
              <li key={p}>{d.prerequisite(p)}</li>
            ))}
          </ul>
        </div>
      )}
      <AsOf checked={deadline.rule.source.checked} url={deadline.rule.source.url} />
      <div className="step-actions">
        <button type="button" className="primary" disabled={sending} onClick={claimSent} aria-label={d.claimSentFor(title, deadline.organization)}>
          ✓ {d.claimSent}
        </button>
        <button type="button" className="quiet" onClick={() => setShowRule(true)}>
          {d.showRule}
        </button>
      </div>
      {policeKind && <PoliceRecordDialog kind={policeKind} onClose={() => setPoliceKind(null)} />}
      {showRule && (
        <Dialog title={`${deadline.organization}: ${title}`} onClose={() => setShowRule(false)} size="large">
          <div className="directory-card">
            <RuleCard rule={deadline.rule} />
          </div>
        </Dialog>
      )}
    </li>
  )
}

/** In "What next": the nearest deadlines in one line each; the overview's card below has the rest. */
export function DeadlineSummaries({ limit = 3 }: { limit?: number }) {
  const d = useDirectoryT()
  const language = useLanguage()
  const deadlines = useClaimDeadlines()
  if (deadlines.length === 0) return null
  const shown = deadlines.slice(0, limit)
  return (
    <div className="what-next-deadlines">
      <h3>{d.claimDeadlines}</h3>
      <ul className="plain-list">
        {shown.map((deadline) => (
          <li key={deadlineKey(deadline)} className={deadline.status === 'overdue' ? 'deadline-late' : undefined}>
            <span className="next-summary">
              <DeadlineBadge deadline={deadline} />
              <span>{deadline.rule.title[language]}</span>
              <span className="muted">
                {[deadline.organization, deadline.day ? d.applyBy(formatDay(deadline.day, language)) : d.startUnknown(deadline.rule.window.from)].join(' · ')}
              </span>
              {deadline.missing.map((p) => (
                <span key={p} className="deadline-missing-short">
                  {d.stillMissing(p)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {deadlines.length > shown.length && <p className="hint">{d.moreDeadlines(deadlines.length - shown.length)}</p>}
    </div>
  )
}
