// Record a contact (Ctrl/⌘+N): a call, a visit, an e-mail, a web form or a
// letter, with who, when, what was said, the number they gave and what they
// promised by when, saved in one step (events:logCall). An organisation typed
// for the first time is created in the same save; a contact with the police
// also writes its police record (kind, station, receipt number) there.
// Laid out in the order a contact happens so it can be typed straight through,
// with Save always in view.
import { useMemo, useRef, useState, type FormEvent } from 'react'
import type { Organization, OrganizationRole, PoliceRecordKind, TimelineEvent } from '../../../shared/domain'
import { ORGANIZATION_ROLES, POLICE_RECORD_KINDS } from '../../../shared/domain'
import { suggestEntry } from '../../../shared/directory'
import { stepDefinition, stepTitle, type PlanStepState } from '../../../shared/plans'
import { organizationForRole, recordedWork } from '../../../shared/step-evidence'
import { useLanguage, useT } from '../i18n'
import { CONTACT_CHANNELS, useContactT, type ContactChannel } from '../i18n/contact-messages'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { addDays, localDay, nowMoment, optionalDay } from '../lib/dates'
import { optionalText } from '../lib/records'
import { reload } from '../state/case-actions'
import { useDirectory } from '../state/directory'
import { usePlanFile } from '../state/plans'
import { showNotice, useCaseData, useSession } from '../state/session'
import { setStepDone } from './plan/plan-actions'
import { Dialog, submitOnCtrlEnter } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'

/** Where the form starts when a plan step or a follow-up opens it. */
export interface CallNotePreset {
  organizationId?: number
  /** The organisation of this role contacted most recently, else a new one with it. */
  role?: OrganizationRole
  channel?: ContactChannel
  /** The plan step this contact carries out: ticked with it as its record. */
  step?: { state: PlanStepState; title: string }
}

const OFFSET_RE = new RegExp('^(Z|[+\\-](0\\d|1[0-4]):[0-5]\\d)$')
const POLICE_NAME = /警察|police/i

/** The 15th of next month, the day operators mean by 「来月15日頃」. */
function fifteenthNextMonth(today: string): string {
  const [y, m] = today.split('-').map(Number)
  const next = new Date(y, m, 15) // month m (0-based) is next month
  return localDay(next)
}

interface FieldError {
  field: string
  message: string
}

export function CallNoteDialog({ onClose, preset }: { onClose: () => void; preset?: CallNotePreset }) {
  const t = useT()
  const c = useContactT()
  const language = useLanguage()
  const directory = useDirectory()
  const planFile = usePlanFile()
  const { organizations, events } = useCaseData()
  const ordered = useMemo(() => byLastContact(organizations, events), [organizations, events])
  const [orgText, setOrgText] = useState(() => initialOrganization(preset, organizations, events))
  const [newRole, setNewRole] = useState<OrganizationRole | undefined>()
  const [channel, setChannel] = useState<ContactChannel>(preset?.channel ?? (preset?.role === 'police' ? 'in_person' : 'phone'))
  const [policeKind, setPoliceKind] = useState<PoliceRecordKind>('consultation')
  const [dueAt, setDueAt] = useState('')
  const [fieldError, setFieldError] = useState<FieldError>()
  const started = useMemo(() => nowMoment(), [])
  const [offset, setOffset] = useState(started.offset)
  const form = useRef<HTMLFormElement>(null)
  const { run, error, busy } = useAction()

  const name = orgText.trim()
  const existing = name ? organizations.find((o) => o.name === name) : undefined
  const isNew = Boolean(name) && !existing
  const suggested = isNew && directory ? suggestEntry(directory, name) : undefined
  const guessedRole: OrganizationRole = suggested?.role ?? (POLICE_NAME.test(name) ? 'police' : (preset?.role ?? 'other'))
  const role = existing?.role ?? (isNew ? (newRole ?? guessedRole) : preset?.role)
  const police = role === 'police'
  const timed = channel === 'phone' || channel === 'in_person'
  const subjectDefault = (org: string) => (channel === 'phone' ? t.callSubjectDefault(org) : c.subjectDefault[channel](org))

  const errorProps = (field: string) =>
    fieldError?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `contact-error-${field}` } : {}
  const errorText = (field: string) =>
    fieldError?.field === field ? (
      <span id={`contact-error-${field}`} className="field-error">
        {fieldError.message}
      </span>
    ) : null

  const validate = (data: FormData): FieldError | undefined => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(String(data.get('whenLocal') ?? ''))) return { field: 'whenLocal', message: c.badMoment }
    if (!OFFSET_RE.test(offset.trim())) return { field: 'whenOffset', message: c.badOffset }
    const duration = String(data.get('duration') ?? '').trim()
    if (duration && !(/^\d+$/.test(duration) && Number(duration) <= 1440)) return { field: 'duration', message: c.badDuration }
    if (police && !optionalText(data.get('station')) && !name) return { field: 'station', message: c.needsStation }
    return undefined
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const invalid = validate(data)
    setFieldError(invalid)
    if (invalid) {
      const target = invalid.field === 'whenOffset' ? 'whenOffset' : invalid.field
      const details = form.current?.querySelector('details')
      if (target === 'whenOffset' && details) details.open = true
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(`[name="${target}"]`)?.focus())
      return
    }
    void run(async () => {
      const create = isNew ? { name, role: role ?? 'other', directoryId: suggested?.id, private: false } : undefined
      const receipt = optionalText(data.get('receiptNumber'))
      const referenceValue = police ? receipt : optionalText(data.get('referenceValue'))
      const referenceLabel = police ? c.receiptLabel[policeKind] : (optionalText(data.get('referenceLabel')) ?? t.defaultReferenceLabel)
      const promiseTitle = optionalText(data.get('promiseTitle'))
      const promiseDue = optionalDay(dueAt)
      const logged = await call('events:logCall', {
        event: {
          occurredAt: `${String(data.get('whenLocal'))}${offset.trim()}`,
          kind: 'contact',
          channel,
          title: optionalText(data.get('subject')) ?? subjectDefault(name),
          body: optionalText(data.get('body')),
          organizationId: existing?.id,
          representative: optionalText(data.get(police ? 'officer' : 'representative')),
          durationMinutes: timed ? optionalNumber(data.get('duration')) : undefined,
          evidenceIds: [],
        },
        // The receipt number is also the event's reference: the timeline row and the overview show it like any other number.
        reference: referenceValue ? { label: referenceLabel, value: referenceValue } : undefined,
        promise: promiseTitle || promiseDue ? { title: promiseTitle ?? t.promiseDefaultTitle(name), dueAt: promiseDue } : undefined,
        newOrganization: create,
        policeRecord: police
          ? {
              kind: policeKind,
              station: optionalText(data.get('station')) ?? name,
              section: optionalText(data.get('section')),
              officer: optionalText(data.get('officer')),
              receiptNumber: receipt,
            }
          : undefined,
      })
      await reload('events', 'references', 'tasks', 'policeRecords', ...(create ? (['organizations'] as const) : []))
      const fromStep = preset?.step && data.get('markStepDone') === 'on'
      if (fromStep) await setStepDone(preset.step!.state, true, language, logged.id)
      // A step this contact carries out is offered in the saved message: one click ticks it.
      const caseData = useSession.getState().caseData
      const plan = caseData?.plan
      const step =
        !fromStep && caseData && plan
          ? plan.steps.find((s) => {
              const actionOf = (x: PlanStepState) => stepDefinition(planFile, plan, x)?.action
              return recordedWork({ state: s, action: actionOf(s) }, { ...caseData, plan }, actionOf)?.eventId === logged.id
            })
          : undefined
      showNotice({
        kind: 'info',
        text: c.saved,
        action:
          step && plan
            ? {
                label: c.markStep(stepTitle(planFile, plan, step)),
                run: async () => {
                  await setStepDone(step, true, language, logged.id)
                  showNotice({ kind: 'info', text: t.plan.stepDone })
                },
              }
            : undefined,
      })
      onClose()
    })
  }

  return (
    <Dialog title={c.title} onClose={onClose} size="large">
      <form ref={form} onSubmit={submit} onKeyDown={submitOnCtrlEnter} className="form call-note contact-form" noValidate>
        <fieldset className="segmented" aria-label={c.channel}>
          {CONTACT_CHANNELS.map((ch) => (
            <label key={ch} className={ch === channel ? 'selected' : undefined}>
              <input type="radio" name="channel" value={ch} checked={ch === channel} onChange={() => setChannel(ch)} />
              <span>{c.channels[ch]}</span>
            </label>
          ))}
        </fieldset>
        <div className="field-row">
          <label className="field grow">
            <span>{c.organization}</span>
            <input
              name="organization"
              list="contact-organizations"
              value={orgText}
              onChange={(e) => setOrgText(e.target.value)}
              maxLength={200}
              autoComplete="off"
              data-autofocus
              aria-describedby="contact-organization-hint"
            />
            <datalist id="contact-organizations">
              {ordered.map((o) => (
                <option key={o.id} value={o.name} />
              ))}
            </datalist>
          </label>
          {isNew && (
            <label className="field">
              <span>{c.role}</span>
              <select name="newOrganizationRole" value={role} onChange={(e) => setNewRole(e.target.value as OrganizationRole)}>
                {ORGANIZATION_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r]}
                  </option>
                ))}
              </select>
            </label>
          )}
          {!police && (
            <label className="field grow">
              <span>{t.representative}</span>
              <input name="representative" maxLength={200} />
            </label>
          )}
        </div>
        <p id="contact-organization-hint" className="hint field-hint">
          {isNew ? c.newOrganization(name) : c.organizationHint}
          {suggested && ` ${c.directoryMatch(language === 'ja' ? suggested.names.ja[0] : suggested.names.en[0])}`}
        </p>
        <div className="field-row">
          <label className="field grow">
            <span>{t.when}</span>
            <input type="datetime-local" name="whenLocal" defaultValue={started.local} {...errorProps('whenLocal')} />
            {errorText('whenLocal')}
          </label>
          {timed && (
            <label className="field duration-field">
              <span>{t.durationMinutes}</span>
              <input name="duration" inputMode="numeric" maxLength={4} {...errorProps('duration')} />
              {errorText('duration')}
            </label>
          )}
        </div>
        <details className="time-zone" open={offset !== started.offset || fieldError?.field === 'whenOffset' || undefined}>
          <summary>{c.timeZone(offset)}</summary>
          <label className="field offset-field">
            <span>{t.offset}</span>
            <input name="whenOffset" value={offset} onChange={(e) => setOffset(e.target.value)} size={6} {...errorProps('whenOffset')} />
            {errorText('whenOffset')}
          </label>
        </details>
        {police && (
          <fieldset className="group police-fields">
            <legend>{c.police}</legend>
            <fieldset className="segmented" aria-label={c.policeKind}>
              {POLICE_RECORD_KINDS.map((k) => (
                <label key={k} className={k === policeKind ? 'selected' : undefined}>
                  <input type="radio" name="policeKind" value={k} checked={k === policeKind} onChange={() => setPoliceKind(k)} />
                  <span>{c.policeKinds[k]}</span>
                </label>
              ))}
            </fieldset>
            <div className="field-row">
              <label className="field grow">
                <span>{c.receiptNumber[policeKind]}</span>
                <input name="receiptNumber" maxLength={100} autoComplete="off" />
              </label>
              <label className="field grow">
                <span>{c.station}</span>
                <input name="station" maxLength={200} placeholder={name} {...errorProps('station')} />
                {errorText('station')}
              </label>
            </div>
            <div className="field-row">
              <label className="field grow">
                <span>{c.section}</span>
                <input name="section" maxLength={200} placeholder={c.sectionHint} />
              </label>
              <label className="field grow">
                <span>{c.officer}</span>
                <input name="officer" maxLength={200} />
              </label>
            </div>
          </fieldset>
        )}
        <label className="field">
          <span>{t.callSubject}</span>
          <input name="subject" maxLength={500} placeholder={subjectDefault(name)} />
        </label>
        <label className="field">
          <span>{c.whatWasSaid[channel]}</span>
          <textarea name="body" rows={2} maxLength={100_000} />
        </label>
        <div className="call-outcomes">
          {!police && (
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
          )}
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
              <button type="button" className="small quiet" onClick={() => setDueAt(addDays(localDay(), 7))}>
                {c.presets.week}
              </button>
              <button type="button" className="small quiet" onClick={() => setDueAt(fifteenthNextMonth(localDay()))}>
                {c.presets.next15}
              </button>
              <button type="button" className="small quiet" onClick={() => setDueAt(addDays(localDay(), 1))}>
                {c.presets.tomorrow}
              </button>
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
        <div className="actions sticky-actions">
          <p className="hint">{t.submitHint}</p>
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t.working : c.save}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function optionalNumber(value: FormDataEntryValue | null): number | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  return text === '' ? undefined : Number(text)
}

/** Organisations most recently contacted first, then the others as listed. */
function byLastContact(organizations: readonly Organization[], events: readonly TimelineEvent[]): Organization[] {
  const last = new Map<number, number>()
  for (const e of events) {
    if (e.organizationId === undefined) continue
    const at = Date.parse(e.occurredAt)
    if (!(at <= (last.get(e.organizationId) ?? -Infinity))) last.set(e.organizationId, at)
  }
  return [...organizations].sort((a, b) => (last.get(b.id) ?? -Infinity) - (last.get(a.id) ?? -Infinity))
}

function initialOrganization(preset: CallNotePreset | undefined, organizations: readonly Organization[], events: readonly TimelineEvent[]): string {
  if (preset?.organizationId !== undefined) return organizations.find((o) => o.id === preset.organizationId)?.name ?? ''
  if (!preset?.role) return ''
  return organizationForRole(preset.role, organizations, events)?.name ?? ''
}
