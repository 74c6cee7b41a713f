// The dialog around each list's form: title, error, Cancel and Save, with
// Enter (or Ctrl+Enter in a textarea) saving.
import type { FormEvent, ReactNode } from 'react'
import { useT } from '../../i18n'
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
  const { run, error, busy } = useAction()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    void run(async () => {
      await onSave(data)
      showNotice({ kind: 'info', text: t.saved })
      onClose()
    })
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} className="form">
        {children}
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
