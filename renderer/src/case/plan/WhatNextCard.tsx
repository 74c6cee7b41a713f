// The top of the overview: the one thing to do now (the most overdue
// follow-up, else the next step of the plan), with the button that opens the
// right form, and what comes after. A user who opens the case should know
// within seconds what to do. A step whose work the case already records (the
// call, the police record, the evidence, the losses) is offered as done with
// one click, linking the record; it is never ticked without the user.
import { useMemo, useState } from 'react'
import { whatNext, type DueFollowUp, type NextThing } from '../../../../shared/followups'
import { stepDefinition, stepTitle, type CasePlan, type PlanFile, type PlanStepState } from '../../../../shared/plans'
import { recordedWork, type RecordedWork } from '../../../../shared/step-evidence'
import { useGuideT, type GuideMessages } from '../../i18n/guide-messages'
import { useLanguage, useT } from '../../i18n'
import { latestReferences } from '../../lib/case-figures'
import { formatDay } from '../../lib/dates'
import { showNotice, useCaseData } from '../../state/session'
import { usePlanFile } from '../../state/plans'
import { useToday } from '../../state/today'
import { CallNoteDialog } from '../CallNoteDialog'
import { DeadlineSummaries } from '../directory/ClaimDeadlines'
import { useOrganizationNames } from '../lookups'
import { markFollowUpDone, setStepDone } from './plan-actions'
import { StartPlan } from './PlanPanel'
import { StepActions, withNotice } from './StepActions'
import { StepSources } from './StepSources'
import { requestTab } from './tab-requests'
import '../../styles/plan.css'
import '../../styles/guide.css'

/** Promises for later days shown here; the follow-ups card lists them all. */
const WAITING_SHOWN = 3

export function WhatNextCard() {
  const t = useT()
  const { tasks, plan } = useCaseData()
  const today = useToday((s) => s.today)
  const file = usePlanFile()
  const next = useMemo(() => whatNext({ tasks, plan, today }), [tasks, plan, today])
  const recorded = useRecordedWork(plan, file)

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
      {next.lead ? (
        <Lead thing={next.lead} plan={plan} file={file} total={next.plan?.total ?? 0} recorded={next.lead.type === 'step' ? recorded(next.lead.step) : undefined} />
      ) : (
        <p className="muted">{t.plan.nothingNext}</p>
      )}
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
                    <Summary thing={thing} plan={plan} file={file} recorded={thing.type === 'step' ? recorded(thing.step) : undefined} />
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

/** What the case records of each step's work (undefined: nothing, or the step is done). */
function useRecordedWork(plan: CasePlan | null, file: PlanFile | undefined): (step: PlanStepState) => RecordedWork | undefined {
  const { organizations, events, evidence, losses, policeRecords } = useCaseData()
  return useMemo(() => {
    if (!plan) return () => undefined
    const records = { organizations, events, evidence, losses, policeRecords, plan }
    const actionOf = (s: PlanStepState) => stepDefinition(file, plan, s)?.action
    const found = new Map(plan.steps.map((s) => [s.id, recordedWork({ state: s, action: actionOf(s) }, records, actionOf)]))
    return (step) => found.get(step.id)
  }, [plan, file, organizations, events, evidence, losses, policeRecords])
}

/** "Recorded: call to Tポイント on … — mark done?" */
function recordedText(work: RecordedWork, g: GuideMessages, language: string): string {
  const { what } = work
  const day = (at: string) => formatDay(at.slice(0, 10), language)
  switch (what.type) {
    case 'contact':
      return g.recordedContact(what.channel, what.organization, day(what.at))
    case 'police':
      return g.recordedPolice(what.kind, what.station, day(what.at))
    case 'evidence':
      return g.recordedEvidence(what.count, what.caption ?? what.fileName)
    case 'losses':
      return g.recordedLosses(what.count)
  }
}

function Summary({ thing, plan, file, recorded }: { thing: NextThing; plan: CasePlan | null; file?: PlanFile; recorded?: RecordedWork }) {
  const t = useT()
  const g = useGuideT()
  const language = useLanguage()
  const names = useOrganizationNames()
  if (thing.type === 'step') {
    return (
      <span className="next-summary">
        <span className="muted">{t.plan.stepOf(thing.number, plan?.steps.filter((s) => !s.hidden).length ?? 0)}</span> {stepTitle(file, plan!, thing.step)}
        {recorded && <span className="badge badge-ok">{g.recordedBadge}</span>}
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

function Lead({ thing, plan, file, total, recorded }: { thing: NextThing; plan: CasePlan | null; file?: PlanFile; total: number; recorded?: RecordedWork }) {
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
        {def && <StepSources entries={def.sources} />}
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
        {recorded && <RecordedOffer step={thing.step} work={recorded} />}
        <StepActions step={thing.step} title={title} action={def?.action} primary={!recorded} markDone={!recorded} />
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

/** The step's work is on record: one click ticks it, with that record as its entry on the timeline. */
function RecordedOffer({ step, work }: { step: PlanStepState; work: RecordedWork }) {
  const t = useT()
  const g = useGuideT()
  const language = useLanguage()
  const [busy, setBusy] = useState(false)
  const confirm = async () => {
    setBusy(true)
    await withNotice(async () => {
      await setStepDone(step, true, language, work.eventId)
      showNotice({ kind: 'info', text: t.plan.stepDone })
    }, t)
    setBusy(false)
  }
  return (
    <div className="next-recorded">
      <p>
        {recordedText(work, g, language)}
        {work.what.type === 'police' && work.what.receiptNumber && (
          <span className="next-recorded-number"> {g.recordedNumber(work.what.kind, work.what.receiptNumber)}</span>
        )}
      </p>
      <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
        ✓ {t.plan.markDone}
      </button>
    </div>
  )
}
