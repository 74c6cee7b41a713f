// The plan tab: every step of the case's recovery plan in order, with why it
// matters, what to have ready and the button for it; tick, untick, hide,
// annotate, and add steps of one's own. Without a plan: a preview to start one.
import { useState, type FormEvent } from 'react'
import { CASE_KINDS, type CaseKind } from '../../../../shared/domain'
import { dayOf } from '../../../../shared/dates'
import { planKinds, stepDefinition, stepTitle, type CasePlan, type PlanFile, type PlanLang, type PlanStepState } from '../../../../shared/plans'
import { useLanguage, useT } from '../../i18n'
import { formatDay } from '../../lib/dates'
import { showNotice, useCaseData } from '../../state/session'
import { usePlanFile } from '../../state/plans'
import { addPlanKind, adoptPlan, addStep, deleteStep, setStepDone, updateStep } from './plan-actions'
import { StepActions, withNotice } from './StepActions'
import { StepSources } from './StepSources'
import '../../styles/plan.css'

export function PlanPanel() {
  const t = useT()
  const { plan } = useCaseData()
  const file = usePlanFile()
  if (!plan) {
    return (
      <div className="plan-panel">
        <h2>{t.plan.title}</h2>
        <StartPlan />
      </div>
    )
  }
  const visible = plan.steps.filter((s) => !s.hidden)
  const hidden = plan.steps.filter((s) => s.hidden)
  const done = visible.filter((s) => s.done).length
  const kinds = planKinds(plan)
  const kindTitle = (k: CaseKind) => file?.kinds[k].title ?? t.caseKinds[k]
  return (
    <div className="plan-panel">
      <header className="plan-header">
        <h2>{file ? kinds.map(kindTitle).join(' ＋ ') : t.plan.title}</h2>
        {file && kinds.map((k) => <p key={k} className="muted">{file.kinds[k].intro}</p>)}
        <p className="plan-progress">
          <progress max={visible.length} value={done} aria-hidden="true" />
          <span>{t.plan.progress(done, visible.length)}</span>
        </p>
        <AddKindForm covered={kinds} kindTitle={kindTitle} planLang={plan.lang} />
      </header>
      <ol className="plan-steps">
        {visible.map((step, i) => (
          <StepItem key={step.id} step={step} number={i + 1} plan={plan} file={file} />
        ))}
      </ol>
      <AddStepForm lastId={plan.steps.at(-1)?.id} />
      {hidden.length > 0 && (
        <details className="hidden-steps">
          <summary>{t.plan.hiddenSteps(hidden.length)}</summary>
          <ul className="plain-list">
            {hidden.map((step) => (
              <li key={step.id} className="hidden-step">
                <span>{stepTitle(file, plan, step)}</span>
                <button type="button" className="small" onClick={() => void withNotice(() => updateStep({ id: step.id, hidden: false }), t)}>
                  {t.plan.show}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

function StepItem({ step, number, plan, file }: { step: PlanStepState; number: number; plan: CasePlan; file?: PlanFile }) {
  const t = useT()
  const language = useLanguage()
  const def = stepDefinition(file, plan, step)
  const title = stepTitle(file, plan, step)
  const [ticking, setTicking] = useState<boolean>()

  const toggle = (done: boolean) => {
    setTicking(done)
    void withNotice(async () => {
      await setStepDone(step, done, language)
      showNotice({ kind: 'info', text: done ? t.plan.stepDone : t.plan.stepUndone })
    }, t).finally(() => setTicking(undefined))
  }

  return (
    <li className={step.done ? 'plan-step done' : 'plan-step'} aria-label={title}>
      <div className="plan-step-head">
        <input type="checkbox" checked={ticking ?? step.done} onChange={(e) => toggle(e.target.checked)} aria-label={t.plan.stepCheckbox(title)} />
        <span className="step-number" aria-hidden="true">
          {number}
        </span>
        <span className="step-title">{title}</span>
        {step.custom && <span className="badge">{t.plan.yourStep}</span>}
        {step.done && step.doneAt && <span className="muted step-done-on">{t.plan.doneOn(formatDay(dayOf(step.doneAt), language))}</span>}
        <span className="step-tools">
          {step.custom ? (
            <button type="button" className="small quiet" onClick={() => void withNotice(() => deleteStep(step.id), t)} aria-label={t.plan.removeStep(title)}>
              {t.delete}
            </button>
          ) : (
            <button type="button" className="small quiet" onClick={() => void withNotice(() => updateStep({ id: step.id, hidden: true }), t)} aria-label={t.plan.hideStep(title)}>
              {t.plan.hide}
            </button>
          )}
        </span>
      </div>
      {!step.done && def && (
        <div className="plan-step-body">
          <p className="step-why">{def.why}</p>
          <StepSources entries={def.sources} />
          {def.prepare.length > 0 && (
            <div className="step-prepare">
              <h3>{t.plan.prepare}</h3>
              <ul>
                {def.prepare.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          )}
          <StepActions step={step} title={title} action={def.action} markDone={false} />
        </div>
      )}
      <StepNotes step={step} />
    </li>
  )
}

function StepNotes({ step }: { step: PlanStepState }) {
  const t = useT()
  const [notes, setNotes] = useState(step.notes ?? '')
  const save = (event: FormEvent) => {
    event.preventDefault()
    void withNotice(async () => {
      await updateStep({ id: step.id, notes })
      showNotice({ kind: 'info', text: t.saved })
    }, t)
  }
  return (
    <details className="step-notes" open={!!step.notes}>
      <summary>{t.plan.notes}</summary>
      <form onSubmit={save} className="form">
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} maxLength={20_000} aria-label={t.plan.notes} />
        <div className="actions">
          <button type="submit" className="small" disabled={notes === (step.notes ?? '')}>
            {t.plan.saveNotes}
          </button>
        </div>
      </form>
    </details>
  )
}

function AddStepForm({ lastId }: { lastId?: number }) {
  const t = useT()
  const [title, setTitle] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return
    void withNotice(async () => {
      await addStep(title.trim(), lastId)
      setTitle('')
    }, t)
  }
  return (
    <form className="add-step" onSubmit={submit}>
      <label className="field inline grow">
        <span>{t.plan.addStep}</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} placeholder={t.plan.newStepTitle} />
      </label>
      <button type="submit" disabled={!title.trim()}>
        {t.plan.addStepButton}
      </button>
    </form>
  )
}

/**
 * Account takeover and points theft come together: another kind's steps join
 * the plan, the ones both kinds have listed once.
 */
function AddKindForm({ covered, kindTitle, planLang }: { covered: CaseKind[]; kindTitle: (k: CaseKind) => string; planLang: PlanLang }) {
  const t = useT()
  const others = CASE_KINDS.filter((k) => !covered.includes(k))
  const [kind, setKind] = useState<CaseKind | undefined>(others[0])
  const [busy, setBusy] = useState(false)
  const chosen = kind && others.includes(kind) ? kind : others[0]
  if (!chosen) return null
  const add = (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    void withNotice(async () => {
      // The steps join in the plan's own language, as its other steps were taken on.
      const added = await addPlanKind(chosen, planLang)
      showNotice({ kind: 'info', text: t.plan.kindAdded(kindTitle(chosen), added) })
    }, t).finally(() => setBusy(false))
  }
  return (
    <form className="add-kind-row" onSubmit={add}>
      <label className="field inline">
        <span>{t.plan.alsoKind}</span>
        <select value={chosen} onChange={(e) => setKind(e.target.value as CaseKind)}>
          {others.map((k) => (
            <option key={k} value={k}>
              {kindTitle(k)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="small" disabled={busy}>
        {t.plan.addKindSteps}
      </button>
    </form>
  )
}

/** Starts a plan for a case without one: the case's own kind by default, previewed below. */
export function StartPlan({ compact }: { compact?: boolean }) {
  const t = useT()
  const language = useLanguage()
  const { record } = useCaseData()
  const file = usePlanFile()
  const [kind, setKind] = useState<CaseKind>(record.kind)
  const [busy, setBusy] = useState(false)
  const start = () => {
    setBusy(true)
    void withNotice(() => adoptPlan(kind, language), t).finally(() => setBusy(false))
  }
  return (
    <div className={compact ? 'start-plan compact' : 'start-plan'}>
      <p className={compact ? 'muted' : undefined}>{compact ? t.plan.noPlanShort : t.plan.noPlan}</p>
      <div className="start-plan-row">
        <label className="field inline">
          <span>{t.plan.planFor}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as CaseKind)}>
            {CASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {file?.kinds[k].title ?? t.caseKinds[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={start} disabled={busy}>
          {t.plan.startPlan}
        </button>
      </div>
      {!compact && file && (
        <ol className="plan-preview">
          {file.kinds[kind].steps.map((step) => (
            <li key={step.id}>
              <strong>{step.title}</strong>
              <span className="muted">{step.why}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
