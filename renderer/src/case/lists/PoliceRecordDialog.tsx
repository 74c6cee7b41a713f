// One police record: a consultation (相談), a damage report (被害届) or other
// contact, with the station, who dealt with it and the number they gave. The
// number's label follows the kind (受理番号 for a report, 相談受理番号 for a
// consultation). Checked here first, so each problem is shown under its own
// field in the UI's language.
import { useId, useRef, useState, type FormEvent } from 'react'
import { EARLIEST_DAY, LATEST_DAY, POLICE_RECORD_KINDS, type PoliceRecord, type PoliceRecordKind } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { useDirectoryT } from '../../i18n/directory-messages'
import { useAction } from '../../hooks/useAction'
import { optionalText } from '../../lib/records'
import { showNotice } from '../../state/session'
import { useToday } from '../../state/today'
import { Dialog, submitOnCtrlEnter } from '../../ui/Dialog'
import { ErrorBox } from '../../ui/ErrorBox'
import { OrganizationField, useOrganizationPicker } from '../fields'
import { dayOrOriginal } from './RecordFormDialog'
import { saveRecord } from './record-io'

type Field = 'occurredAt' | 'station'

interface PoliceRecordDialogProps {
  record?: PoliceRecord
  /** For a new record: the kind to start with (a missing 被害届 opens it on "report"). */
  kind?: PoliceRecordKind
  onClose: () => void
}

export function PoliceRecordDialog({ record, kind: initialKind, onClose }: PoliceRecordDialogProps) {
  const t = useT()
  const d = useDirectoryT()
  const today = useToday((s) => s.today)
  const [kind, setKind] = useState<PoliceRecordKind>(record?.kind ?? initialKind ?? 'consultation')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const organization = useOrganizationPicker(record?.organizationId)
  const { run, error, busy } = useAction()
  const form = useRef<HTMLFormElement>(null)
  const id = useId()

  const validate = (data: FormData): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    const day = String(data.get('occurredAt') ?? '').trim()
    if (!day) found.occurredAt = d.dateRequired
    else if (day < EARLIEST_DAY || day > LATEST_DAY) found.occurredAt = d.dateOutOfRange
    if (!String(data.get('station') ?? '').trim()) found.station = d.stationRequired
    return found
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const found = validate(data)
    setErrors(found)
    const first = (['occurredAt', 'station'] as const).find((field) => found[field])
    if (first) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
      return
    }
    void run(async () => {
      const org = await organization.resolve(data)
      await saveRecord('policeRecords', record?.id, {
        kind,
        occurredAt: dayOrOriginal(data, 'occurredAt', record?.occurredAt)!,
        station: String(data.get('station') ?? '').trim(),
        section: optionalText(data.get('section')),
        officer: optionalText(data.get('officer')),
        receiptNumber: optionalText(data.get('receiptNumber')),
        organizationId: org.id,
        eventId: record?.eventId,
      })
      showNotice({ kind: 'info', text: t.saved })
      onClose()
    })
  }

  /** A field's message goes as soon as it is edited; the next save checks it again. */
  const clearError = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name as Field
    if (errors[name]) setErrors(({ [name]: _fixed, ...rest }) => rest)
  }

  /** The props that tie a field to its error message. */
  const invalid = (field: Field) =>
    errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {}
  const message = (field: Field) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </span>
    ) : null

  return (
    <Dialog title={record ? d.editPoliceRecord : d.newPoliceRecord} onClose={onClose}>
      <form ref={form} onSubmit={submit} onKeyDown={submitOnCtrlEnter} onChange={clearError} className="form police-form" noValidate>
        <div className="field-row">
          <label className="field">
            <span>{d.policeKind}</span>
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as PoliceRecordKind)} data-autofocus>
              {POLICE_RECORD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {d.policeKinds[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{d.policeDate}</span>
            <input name="occurredAt" type="date" defaultValue={record?.occurredAt.slice(0, 10) ?? today} min={EARLIEST_DAY} max={LATEST_DAY} {...invalid('occurredAt')} />
            {message('occurredAt')}
          </label>
        </div>
        <label className="field">
          <span>{d.station}</span>
          <input name="station" defaultValue={record?.station} maxLength={200} placeholder={d.stationHint} {...invalid('station')} />
          {message('station')}
        </label>
        <div className="field-row">
          <label className="field grow">
            <span>{d.section}</span>
            <input name="section" defaultValue={record?.section} maxLength={200} placeholder={d.sectionHint} />
          </label>
          <label className="field grow">
            <span>{d.officer}</span>
            <input name="officer" defaultValue={record?.officer} maxLength={200} />
          </label>
        </div>
        <label className="field">
          <span>{d.receiptNumber[kind]}</span>
          <input name="receiptNumber" defaultValue={record?.receiptNumber} maxLength={100} aria-describedby={d.receiptHint[kind] ? `${id}-receipt-hint` : undefined} />
          {d.receiptHint[kind] && (
            <span id={`${id}-receipt-hint`} className="hint">
              {d.receiptHint[kind]}
            </span>
          )}
        </label>
        <OrganizationField value={organization.value} onChange={organization.setValue} />
        {Object.keys(errors).length > 0 && <p className="visually-hidden" role="alert">{d.fixFields}</p>}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
