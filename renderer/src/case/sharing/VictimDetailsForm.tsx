// "Your details" in the letter dialog and on the overview's card: the
// victim's name, address, phone and e-mail, written to the case record
// (case:update) where the letter's blanks are listed. A form of its own (never inside the letter's form): Enter saves
// these details, not the letter. Each problem is shown under its field.
import { useId, useRef, useState, type FormEvent } from 'react'
import type { Victim } from '../../../../shared/domain'
import { useAction } from '../../hooks/useAction'
import { useLetterT } from '../../i18n/letter-messages'
import { useT } from '../../i18n'
import { updateCase } from '../../state/case-actions'
import { showNotice, useCaseData } from '../../state/session'
import { ErrorBox } from '../../ui/ErrorBox'
import '../../styles/directory.css'
import './letters.css'

type Field = 'name' | 'address' | 'phone' | 'email'
const FIELDS: readonly Field[] = ['name', 'address', 'phone', 'email']
const MAX: Record<Field, number> = { name: 200, address: 500, phone: 50, email: 320 }

/** Digits (half- or full-width) with the separators people write in phone numbers. */
const PHONE = /^[+＋]?[0-9０-９()（）\-‐−－ー\s　]+$/
const EMAIL = /^[^\s@]+@[^\s@]+$/

interface VictimDetailsFormProps {
  onDone: () => void
  disabled?: boolean
  /** What the details are for, where the form is shown (default: the letter's). */
  intro?: string
  /** The title is read by screen readers only (the card around the form shows it). */
  hideTitle?: boolean
}

export function VictimDetailsForm({ onDone, disabled, intro, hideTitle }: VictimDetailsFormProps) {
  const L = useLetterT()
  const t = useT()
  const { record } = useCaseData()
  const { run, error, busy } = useAction()
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const form = useRef<HTMLFormElement>(null)
  const id = useId()
  const titleId = `${id}-title`

  const validate = (values: Record<Field, string>): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {}
    if (FIELDS.every((f) => !values[f])) found.name = L.detailsEmpty
    if (values.phone && !PHONE.test(values.phone)) found.phone = L.phoneInvalid
    if (values.email && !EMAIL.test(values.email)) found.email = L.emailInvalid
    return found
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(data.get(f) ?? '').trim()])) as Record<Field, string>
    const found = validate(values)
    setErrors(found)
    const first = FIELDS.find((f) => found[f])
    if (first) {
      form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
      return
    }
    const victim: Victim = {}
    for (const f of FIELDS) if (values[f]) victim[f] = values[f]
    const { updatedAt: _updatedAt, ...caseInput } = record
    void run(async () => {
      await updateCase({ ...caseInput, victim })
      showNotice({ kind: 'info', text: L.detailsSaved })
      onDone()
    })
  }

  /** A field's message goes as soon as it is edited; the next save checks it again. */
  const clearError = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name as Field
    if (errors[name]) setErrors(({ [name]: _fixed, ...rest }) => rest)
  }

  const invalid = (field: Field) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {})
  const message = (field: Field) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </span>
    ) : null
  const input = (field: Field, type: string, autoComplete: string, autoFocus = false) => (
    // The message stays outside the label: it describes the field, it is not part of its name.
    <div className={`field victim-${field}`}>
      <label className="field">
        <span>{L[field]}</span>
        <input
          name={field}
          type={type}
          autoComplete={autoComplete}
          defaultValue={record.victim[field] ?? ''}
          maxLength={MAX[field]}
          autoFocus={autoFocus}
          {...invalid(field)}
        />
      </label>
      {message(field)}
    </div>
  )

  return (
    <form ref={form} onSubmit={submit} onChange={clearError} className="form victim-details" aria-labelledby={titleId} noValidate>
      <fieldset className="plain" disabled={disabled || busy}>
        <h4 id={titleId} className={hideTitle ? 'visually-hidden' : undefined}>
          {L.detailsTitle}
        </h4>
        <p className="hint">{intro ?? L.detailsIntro}</p>
        <div className="victim-fields">
          {input('name', 'text', 'name', true)}
          {input('phone', 'tel', 'tel')}
          {input('address', 'text', 'street-address')}
          {input('email', 'email', 'email')}
        </div>
        {Object.keys(errors).length > 0 && (
          <p className="visually-hidden" role="alert">
            {L.fixFields}
          </p>
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" onClick={onDone}>
            {t.cancel}
          </button>
          <button type="submit" className="primary">
            {busy ? t.working : L.saveDetails}
          </button>
        </div>
      </fieldset>
    </form>
  )
}
