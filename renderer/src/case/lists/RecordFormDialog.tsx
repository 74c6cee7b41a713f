// The dialog around each list's form: title, error, Cancel and Save, with
// Enter (or Ctrl+Enter in a textarea) saving. The form is checked by the app
// (noValidate: no browser bubble in the OS language); problems show under
// their fields and the first one takes the focus.
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useLanguage, useT } from '../../i18n'
import { useIntakeT } from '../../i18n/intake-messages'
import { formatDay } from '../../lib/dates'
import { checkForm, clearProblemOf, showProblems } from '../form-checks'
import { useAction } from '../../hooks/useAction'
import { showNotice } from '../../state/session'
import { Dialog, submitOnCtrlEnter } from '../../ui/Dialog'
import { ErrorBox } from '../../ui/ErrorBox'

interface RecordFormDialogProps {
  title: string
  onClose: () => void
  /** Saves what the form holds; throws to keep the dialog open with the error. */
  onSave: (data: FormData) => Promise<void>
  children: ReactNode
}

export function RecordFormDialog({ title, onClose, onSave, children }: RecordFormDialogProps) {
  const t = useT()
  const m = useIntakeT()
  const { run, error, busy } = useAction()
  const formId = useId()
  const [invalid, setInvalid] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const problems = checkForm(form, m)
    showProblems(form, formId, problems, true)
    setInvalid(problems.length > 0)
    if (problems.length) return
    const data = new FormData(form)
    void run(async () => {
      await onSave(data)
      showNotice({ kind: 'info', text: t.saved })
      onClose()
    })
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form
        onSubmit={submit}
        onKeyDown={submitOnCtrlEnter}
        onChange={(e) => clearProblemOf(e.currentTarget, formId, e.target)}
        className="form"
        noValidate
      >
        {children}
        {invalid && (
          <p className="visually-hidden" role="alert">
            {m.fixFields}
          </p>
        )}
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

/**
 * A date input shows only the day; when the stored value is a moment on the
 * same day (a reference issued during a call), keep the moment.
 */
export function dayOrOriginal(data: FormData, name: string, original: string | undefined): string | undefined {
  const day = String(data.get(name) ?? '').trim()
  if (!day) return undefined
  return original?.slice(0, 10) === day ? original : day
}

/** The "private" toggle of an organisation or a loss: left out of dossiers, sheets and shared copies. */
export function PrivateField({ defaultChecked }: { defaultChecked?: boolean }) {
  const t = useT()
  return (
    <label className="check">
      <input type="checkbox" name="private" defaultChecked={defaultChecked} />
      <span>{t.privateRecord}</span>
    </label>
  )
}

/** A record's name in its list, with the "Private" badge the timeline shows on private events. */
export function NameWithPrivacy({ name, private: isPrivate }: { name: string; private: boolean }) {
  const t = useT()
  return (
    <>
      {name}
      {isPrivate && <span className="badge">{t.privateBadge}</span>}
    </>
  )
}

/**
 * A date input in the app's language: `lang` on the input, and the chosen
 * day written out beside it as the app writes dates (Chromium draws the
 * input's own mm/dd/yyyy or yyyy/mm/dd by the OS locale, whatever `lang` says).
 */
export function DateInput(props: { name: string; defaultValue?: string; min?: string; max?: string; required?: boolean; autoFocus?: boolean }) {
  const language = useLanguage()
  const [value, setValue] = useState(props.defaultValue ?? '')
  const echoId = useId()
  return (
    <span className="date-input">
      <input
        type="date"
        lang={language}
        name={props.name}
        defaultValue={props.defaultValue}
        min={props.min}
        max={props.max}
        required={props.required}
        data-autofocus={props.autoFocus || undefined}
        aria-describedby={echoId}
        onChange={(e) => setValue(e.target.value)}
      />
      {/* Hidden from the label's name (it would repeat), read as the input's description. */}
      <span id={echoId} className="date-echo" aria-hidden="true">
        {value ? formatDay(value, language) : ''}
      </span>
    </span>
  )
}
