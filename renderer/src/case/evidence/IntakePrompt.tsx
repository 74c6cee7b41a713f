// The message after a paste or drop asks what the new evidence shows (a
// caption) and which event it belongs to (one of the latest events, or none),
// and saves both with the usual IPC (evidence:update, events:update). When the
// caption is what an open plan step asks for, the message offers to tick that
// step: one click, never by itself.
import { useId, useMemo, useState, type FormEvent } from 'react'
import { stepDefinition, stepTitle, type PlanStepState } from '../../../../shared/plans'
import type { TimelineEvent } from '../../../../shared/domain'
import { useLanguage } from '../../i18n'
import { useIntakeT } from '../../i18n/intake-messages'
import { call } from '../../ipc'
import { useAction } from '../../hooks/useAction'
import { formatDay } from '../../lib/dates'
import { optionalText, withoutId } from '../../lib/records'
import { reload } from '../../state/case-actions'
import { usePlanFile } from '../../state/plans'
import { showNotice, useCaseData } from '../../state/session'
import { ErrorBox } from '../../ui/ErrorBox'
import { checkForm, clearProblemOf, showProblems } from '../form-checks'
import { setStepDone } from '../plan/plan-actions'
import { shownName } from './shown-names'

/** How many of the latest events the message offers. */
const RECENT_EVENTS = 6

const time = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)

export function IntakePrompt({ evidenceIds }: { evidenceIds: readonly number[] }) {
  const m = useIntakeT()
  const language = useLanguage()
  const { evidence, events, plan } = useCaseData()
  const file = usePlanFile()
  const { run, error, busy } = useAction()
  const formId = useId()
  const [offer, setOffer] = useState<{ step: PlanStepState; title: string; saved: string } | null>(null)

  const added = evidence.filter((e) => evidenceIds.includes(e.id))
  const recent = useMemo(
    () => [...events].sort((a, b) => time(b.occurredAt) - time(a.occurredAt) || b.id - a.id).slice(0, RECENT_EVENTS),
    [events],
  )
  /** Open plan steps that ask for evidence with a caption, with that caption. */
  const evidenceSteps = useMemo(() => {
    if (!plan) return []
    return plan.steps.flatMap((step) => {
      const action = stepDefinition(file, plan, step)?.action
      return !step.done && !step.hidden && action?.type === 'evidence' && action.caption ? [{ step, caption: action.caption }] : []
    })
  }, [plan, file])

  if (added.length === 0) return null

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const problems = checkForm(form, m)
    showProblems(form, formId, problems, true)
    if (problems.length) return
    const data = new FormData(form)
    const caption = optionalText(data.get('caption'))
    const eventId = Number(data.get('event')) || undefined
    const linked: TimelineEvent | undefined = events.find((e) => e.id === eventId)
    void run(async () => {
      if (caption) {
        for (const e of added) await call('evidence:update', { id: e.id, value: { caption, capturedAt: e.capturedAt, private: e.private } })
      }
      if (linked) {
        const evidenceIds = [...linked.evidenceIds, ...added.map((e) => e.id).filter((id) => !linked.evidenceIds.includes(id))]
        await call('events:update', { id: linked.id, value: { ...withoutId(linked), evidenceIds } })
      }
      await reload('evidence', 'events')
      const saved = m.intakeSaved(caption, linked?.title)
      const wanted = caption?.toLowerCase()
      const match = wanted ? evidenceSteps.find((s) => wanted.includes(s.caption.trim().toLowerCase())) : undefined
      if (match && plan) setOffer({ step: match.step, title: stepTitle(file, plan, match.step), saved })
      else showNotice({ kind: 'info', text: saved })
    })
  }

  const tick = () =>
    offer &&
    void run(async () => {
      await setStepDone(offer.step, true, language)
      showNotice({ kind: 'info', text: m.intakeStepTicked(offer.title) })
    })

  if (offer) {
    return (
      <div className="intake-prompt" role="group" aria-label={m.intakeLabel}>
        <p>{offer.saved}</p>
        <p>{m.intakeStepOffer(offer.title)}</p>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" className="primary" onClick={tick} disabled={busy} autoFocus>
            ✓ {m.intakeTickStep}
          </button>
          <button type="button" className="quiet" onClick={() => showNotice(null)}>
            {m.intakeLater}
          </button>
        </div>
      </div>
    )
  }

  const captionsId = `${formId}-captions`
  return (
    <form
      className="intake-prompt form"
      aria-label={m.intakeLabel}
      onSubmit={save}
      onChange={(e) => clearProblemOf(e.currentTarget, formId, e.target)}
      noValidate
    >
      <p className="intake-title">{m.intakeTitle(added.length, shownName(added[0]))}</p>
      <div className="field-row">
        <label className="field grow">
          <span>{m.intakeCaption}</span>
          {/* The first thing the message asks: focused, so typing answers it. */}
          <input name="caption" maxLength={2000} list={captionsId} placeholder={m.intakeCaptionHint} autoFocus />
          <datalist id={captionsId}>
            {evidenceSteps.map((s) => (
              <option key={s.step.id} value={s.caption} />
            ))}
          </datalist>
        </label>
        <label className="field grow">
          <span>{m.intakeEvent}</span>
          <select name="event" defaultValue="">
            <option value="">{m.intakeNoEvent}</option>
            {recent.map((e) => (
              <option key={e.id} value={e.id}>
                {formatDay(e.occurredAt.slice(0, 10), language)} {e.title}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {m.intakeSave}
        </button>
        <button type="button" className="quiet" onClick={() => showNotice(null)}>
          {m.intakeLater}
        </button>
      </div>
    </form>
  )
}
