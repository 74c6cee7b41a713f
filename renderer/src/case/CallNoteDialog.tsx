// The quick call note (Ctrl/⌘+N): who, when, what was said, the number they
// gave and what they promised by when, saved in one step (events:logCall).
// Laid out in the order a call happens so it can be typed straight through.
import { useMemo, useState, type FormEvent } from 'react'
import type { Organization, OrganizationRole, TimelineEvent } from '../../../shared/domain'
import type { PlanStepState } from '../../../shared/plans'
import { organizationForRole } from '../../../shared/step-evidence'
import { useLanguage, useT } from '../i18n'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { addDays, localDay, nowMoment, optionalDay } from '../lib/dates'
import { optionalText } from '../lib/records'
import { reload } from '../state/case-actions'
import { showNotice, useCaseData } from '../state/session'
import { setStepDone } from './plan/plan-actions'
import { Dialog, submitOnCtrlEnter } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'
import {
  MomentFields,
  momentFrom,
  NEW_ORGANIZATION,
  NewOrganizationFields,
  optionalInteger,
  organizationChoice,
  OrganizationField,
} from './fields'
import { useOrganizationNames } from './lookups'

/** "About a week", "a week to ten days", "within a month": what operators say. */
const PROMISE_PRESETS = [7, 10, 30]

/** Where the dialog starts when a plan step or a follow-up opens it. */
export interface CallNotePreset {
  organizationId?: number
  /** The organisation of this role contacted most recently, else a new one with it. */
  role?: OrganizationRole
  /** The plan step this call carries out: ticked with the call as its record. */
  step?: { state: PlanStepState; title: string }
}

export function CallNoteDialog({ onClose, preset }: { onClose: () => void; preset?: CallNotePreset }) {
  const t = useT()
  const language = useLanguage()
  const names = useOrganizationNames()
  const { organizations, events } = useCaseData()
  const [organization, setOrganization] = useState(() => initialOrganization(preset, organizations, events))
  const [dueAt, setDueAt] = useState('')
  const started = useMemo(() => nowMoment(), [])
  const { run, error, busy } = useAction()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    void run(async () => {
      // A new organisation is created with the note, in one transaction: a failed note leaves none behind.
      const org = organizationChoice(data, names)
      const referenceValue = optionalText(data.get('referenceValue'))
      const promiseTitle = optionalText(data.get('promiseTitle'))
      const promiseDue = optionalDay(dueAt)
      const logged = await call('events:logCall', {
        event: {
          occurredAt: momentFrom(data),
          kind: 'contact',
          channel: 'phone',
          title: optionalText(data.get('subject')) ?? t.callSubjectDefault(org.name),
          body: optionalText(data.get('body')),
          organizationId: org.id,
          representative: optionalText(data.get('representative')),
          durationMinutes: optionalInteger(data.get('duration')),
          evidenceIds: [],
        },
        reference: referenceValue
          ? { label: optionalText(data.get('referenceLabel')) ?? t.defaultReferenceLabel, value: referenceValue }
          : undefined,
        promise: promiseTitle || promiseDue ? { title: promiseTitle ?? t.promiseDefaultTitle(org.name), dueAt: promiseDue } : undefined,
        newOrganization: org.create,
      })
      // Saved: a retry after a later step fails must not create the organisation again.
      if (org.create) setOrganization(String(logged.organizationId))
      await reload('events', 'references', 'tasks', ...(org.create ? (['organizations'] as const) : []))
      if (preset?.step && data.get('markStepDone') === 'on') await setStepDone(preset.step.state, true, language, logged.id)
      showNotice({ kind: 'info', text: t.callLogged })
      onClose()
    })
  }

  return (
    <Dialog title={t.callNoteTitle} onClose={onClose} size="large">
      <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} className="form call-note">
        <div className="field-row">
          <div className="grow">
            <OrganizationField value={organization} onChange={setOrganization} autoFocus newFieldsBelow={false} />
          </div>
          <label className="field grow">
            <span>{t.representative}</span>
            <input name="representative" maxLength={200} />
          </label>
        </div>
        {organization === NEW_ORGANIZATION && <NewOrganizationFields defaultRole={preset?.role} />}
        <div className="field-row">
          <div className="grow">
            <MomentFields initial={started} />
          </div>
          <label className="field duration-field">
            <span>{t.durationMinutes}</span>
            <input name="duration" type="number" min={0} max={1440} inputMode="numeric" />
          </label>
        </div>
        <label className="field">
          <span>{t.callSubject}</span>
          <input name="subject" maxLength={500} placeholder={t.callSubjectDefault((organization && names.get(Number(organization))) || '')} />
        </label>
        <label className="field">
          <span>{t.whatWasSaid}</span>
          <textarea name="body" rows={3} maxLength={100_000} />
        </label>
        <div className="call-outcomes">
          <fieldset className="group">
            <legend>{t.referenceGiven}</legend>
            <div className="field-row">
              <label className="field label-field">
                <span>{t.referenceLabel}</span>
                <input name="referenceLabel" defaultValue={t.defaultReferenceLabel} maxLength={100} />
              </label>
              <label className="field grow">
                <span>{t.referenceValue}</span>
                <input name="referenceValue" maxLength={200} autoComplete="off" />
              </label>
            </div>
          </fieldset>
          <fieldset className="group">
            <legend>{t.promise}</legend>
            <div className="field-row">
              <label className="field grow">
                <span>{t.promiseWhat}</span>
                <input name="promiseTitle" maxLength={500} placeholder={t.promisePlaceholder} />
              </label>
              <label className="field">
                <span>{t.promiseDue}</span>
                <input name="promiseDue" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />
              </label>
            </div>
            <div className="presets">
              {PROMISE_PRESETS.map((days) => (
                <button key={days} type="button" className="small quiet" onClick={() => setDueAt(addDays(localDay(), days))}>
                  {t.inDays(days)}
                </button>
              ))}
            </div>
          </fieldset>
        </div>
        {preset?.step && (
          <label className="check">
            <input name="markStepDone" type="checkbox" defaultChecked />
            <span>{t.plan.alsoMarkStep(preset.step.title)}</span>
          </label>
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <p className="hint">{t.submitHint}</p>
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.working : t.logCall}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function initialOrganization(preset: CallNotePreset | undefined, organizations: readonly Organization[], events: readonly TimelineEvent[]): string {
  if (preset?.organizationId !== undefined) return String(preset.organizationId)
  if (!preset?.role) return ''
  const match = organizationForRole(preset.role, organizations, events)
  return match ? String(match.id) : NEW_ORGANIZATION
}
