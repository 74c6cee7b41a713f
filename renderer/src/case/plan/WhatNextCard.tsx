// The top of the overview: the one thing to do now (the most overdue
// follow-up, else the next step of the plan), with the button that opens the
// right form, and what comes after. A user who opens the case should know
// within seconds what to do.
import { useMemo, useState } from 'react'
import { whatNext, type DueFollowUp, type NextThing } from '../../../../shared/followups'
import { stepDefinition, stepTitle, type CasePlan, type PlanFile } from '../../../../shared/plans'
import { useLanguage, useT } from '../../i18n'
import { latestReferences } from '../../lib/case-figures'
import { formatDay } from '../../lib/dates'
import { showNotice, useCaseData } from '../../state/session'
import { usePlanFile } from '../../state/plans'
import { useToday } from '../../state/today'
import { CallNoteDialog } from '../CallNoteDialog'
import { DeadlineSummaries } from '../directory/ClaimDeadlines'
import { useOrganizationNames } from '../lookups'
import { markFollowUpDone } from './plan-actions'
import { StartPlan } from './PlanPanel'
import { StepActions, withNotice } from './StepActions'
import { requestTab } from './tab-requests'
import '../../styles/plan.css'

/** Promises for later days shown here; the follow-ups card lists them all. */
const WAITING_SHOWN = 3

export function WhatNextCard() {
  const t = useT()
  const { tasks, plan } = useCaseData()
  const today = useToday((s) => s.today)
  const file = usePlanFile()
  const next = useMemo(() => whatNext({ tasks, plan, today }), [tasks, plan, today])

  return (
    <section className={`card what-next${next.lead?.type === 'followUp' && next.lead.followUp.status === 'overdue' ? ' what-next-late' : ''}`} aria-labelledby="what-next-title">
      <div className="what-next-head">
        <h2 id="what-next-title">{t.plan.whatNext}</h2>
        {next.plan && (
          <p className="plan-progress">
            <progress max={next.plan.total} value={next.plan.done} aria-hidden="true" />
            <span>{t.plan.progress(next.plan.done, next.plan.total)}</span>
            <button type="button" className="small quiet" onClick={() => requestTab('plan')}>
              {t.plan.showPlan}
            </button>
          </p>
        )}
      </div>
      {next.lead ? <Lead thing={next.lead} plan={plan} file={file} total={next.plan?.total ?? 0} /> : <p className="muted">{t.plan.nothingNext}</p>}
      {/* Claims lost for good if late: right under the lead, above what comes after. */}
      <DeadlineSummaries />
      {(next.then.length > 0 || next.waiting.length > 0) && (
        <div className="what-next-more">
          {next.then.length > 0 && (
            <div>
              <h3>{t.plan.then}</h3>
              <ol className="plain-list">
                {next.then.map((thing) => (
                  <li key={thing.type === 'step' ? `s${thing.step.id}` : `f${thing.followUp.task.id}`}>
                    <Summary thing={thing} plan={plan} file={file} />
                  </li>
                ))}
              </ol>
            </div>
          )}
          {next.waiting.length > 0 && (
            <div>
              <h3>{t.plan.waitingFor}</h3>
              <ul className="plain-list">
                {next.waiting.slice(0, WAITING_SHOWN).map((followUp) => (
                  <li key={followUp.task.id}>
                    <Summary thing={{ type: 'followUp', followUp }} plan={plan} file={file} />
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {!plan && <StartPlan compact />}
    </section>
  )
}

function DueBadge({ followUp }: { followUp: DueFollowUp }) {
  const t = useT()
  if (followUp.status === 'overdue') return <span className="badge badge-danger">{t.plan.overdueBy(-followUp.daysLeft)}</span>
  if (followUp.status === 'today') return <span className="badge badge-warning">{t.plan.dueToday}</span>
  return <span className="badge">{t.plan.dueIn(followUp.daysLeft)}</span>
}

function Summary({ thing, plan, file }: { thing: NextThing; plan: CasePlan | null; file?: PlanFile }) {
  const t = useT()
  const language = useLanguage()
  const names = useOrganizationNames()
  if (thing.type === 'step') {
    return (
      <span className="next-summary">
        <span className="muted">{t.plan.stepOf(thing.number, plan?.steps.filter((s) => !s.hidden).length ?? 0)}</span> {stepTitle(file, plan!, thing.step)}
      </span>
    )
  }
  const { task } = thing.followUp
  return (
    <span className="next-summary">
      <DueBadge followUp={thing.followUp} />
      <span>{task.title}</span>
      <span className="muted">
        {[task.organizationId !== undefined ? names.get(task.organizationId) : undefined, formatDay(thing.followUp.day, language)].filter(Boolean).join(' · ')}
      </span>
    </span>
  )
}

function Lead({ thing, plan, file, total }: { thing: NextThing; plan: CasePlan | null; file?: PlanFile; total: number }) {
  const t = useT()
  const language = useLanguage()
  const names = useOrganizationNames()
  const { references } = useCaseData()
  const [calling, setCalling] = useState(false)

  if (thing.type === 'step') {
    const def = stepDefinition(file, plan!, thing.step)
    const title = stepTitle(file, plan!, thing.step)
    return (
      <div className="next-lead">
        <p className="next-kicker">{t.plan.stepOf(thing.number, total)}</p>
        <p className="next-title">{title}</p>
        {def && <p className="next-why">{def.why}</p>}
        {def && def.prepare.length > 0 && (
          <div className="next-prepare">
            <h3>{t.plan.prepare}</h3>
            <ul>
              {def.prepare.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        )}
        {thing.step.notes && <p className="next-notes">{thing.step.notes}</p>}
        <StepActions step={thing.step} title={title} action={def?.action} primary />
      </div>
    )
  }

  const { followUp } = thing
  const { task } = followUp
  // The number they gave when they promised it (else their latest): the first thing to say when chasing.
  const onCall = task.eventId !== undefined ? references.filter((r) => r.eventId === task.eventId) : []
  const given = onCall.length ? onCall : latestReferences(references.filter((r) => r.organizationId !== undefined && r.organizationId === task.organizationId), 1)
  const organization = task.organizationId !== undefined ? (names.get(task.organizationId) ?? '') : ''
  return (
    <div className="next-lead">
      <p className="next-kicker">
        <DueBadge followUp={followUp} /> {organization ? t.plan.promisedBy(organization) : t.plan.followUp}
      </p>
      <p className="next-title">{task.title}</p>
      <p className="muted">{t.due(formatDay(followUp.day, language))}</p>
      {given.map((r) => (
        <p key={r.id} className="next-reference">
          <span className="reference-label">{r.label}</span> <span className="reference-value">{r.value}</span>
        </p>
      ))}
      <div className="step-actions">
        <button type="button" className="primary" onClick={() => setCalling(true)}>
          {t.plan.callAbout(organization)}
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() =>
            void withNotice(async () => {
              await markFollowUpDone(task)
              showNotice({ kind: 'info', text: t.plan.followUpDone })
            }, t)
          }
        >
          ✓ {t.plan.markDone}
        </button>
      </div>
      {calling && <CallNoteDialog preset={{ organizationId: task.organizationId }} onClose={() => setCalling(false)} />}
    </div>
  )
}
