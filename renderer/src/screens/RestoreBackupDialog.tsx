// Puts one of a case file's backups back (backups:restore), then opens it.
// Two steps: choose the backup; then its passphrase (the one the case had
// when the backup was made), with what happens to the current file said
// next to the button that does it. The case is never open here: the unlock
// screen shows this, and an open case is closed before it comes here. The
// passphrase is read from the field when submitting, never kept in React
// state, and the field is emptied after every attempt.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useLanguage, useT } from '../i18n'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { isWrongPassphrase } from '../lib/errors'
import { formatSize } from '../lib/evidence-files'
import { fileNameOf } from '../lib/paths'
import { unlockCase } from '../state/case-actions'
import { showNotice } from '../state/session'
import { Dialog } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'
import { BackupChoices, formatBackupTime, type Backup } from './backup-list'

export function RestoreBackupDialog({ path, backups, onClose }: { path: string; backups: Backup[]; onClose: () => void }) {
  const t = useT()
  const language = useLanguage()
  const introId = useId()
  const hintId = useId()
  const [chosen, setChosen] = useState(backups[0].name)
  const [step, setStep] = useState<'choose' | 'passphrase'>('choose')
  const field = useRef<HTMLInputElement>(null)
  const { run, error, busy, setError } = useAction()
  const backup = backups.find((b) => b.name === chosen) ?? backups[0]
  const when = formatBackupTime(backup.createdAt, language)
  const fileName = fileNameOf(path)

  useEffect(() => {
    if (step === 'passphrase') field.current?.focus()
  }, [step])

  const next = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    setError(null)
    setStep('passphrase')
  }

  const restore = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const input = field.current
    if (busy || !input?.value) return
    const passphrase = input.value
    void run(async () => {
      try {
        const restored = await call('backups:restore', { path, backup: backup.name, passphrase })
        await unlockCase(path, passphrase)
        showNotice({ kind: 'info', text: t.restore.done(when, restored.previousKeptAs && fileNameOf(restored.previousKeptAs)) })
      } finally {
        input.value = ''
        input.focus()
      }
    })
  }

  return (
    <Dialog title={t.restore.title} onClose={() => !busy && onClose()} describedBy={introId}>
      {step === 'choose' ? (
        <form onSubmit={next} className="form restore-form">
          <p id={introId} className="intro">
            {t.restore.intro(fileName)}
          </p>
          <BackupChoices backups={backups} chosen={chosen} onChoose={setChosen} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              {t.cancel}
            </button>
            <button type="submit" className="primary">
              {t.restore.continue}
            </button>
          </div>
        </form>
      ) : (
        <form onSubmit={restore} className="form restore-form" aria-busy={busy}>
          <p id={introId} className="restore-chosen">
            <span className="muted">{t.restore.chosen}</span> <strong>{when}</strong> <span className="muted">({formatSize(backup.bytes)})</span>
          </p>
          {/* Read-only, not disabled, while busy: a disabled field could not take the focus back after a wrong passphrase. */}
          <label className="field">
            <span>{t.restore.passphrase}</span>
            <input ref={field} type="password" autoComplete="off" required maxLength={1024} aria-describedby={hintId} readOnly={busy} />
          </label>
          <p id={hintId} className="hint">
            {t.restore.passphraseHint}
          </p>
          <p className="info-box" role="note">
            {t.restore.keptAside(fileName)}
          </p>
          {isWrongPassphrase(error) ? (
            <p role="alert" className="error-box">
              {t.restore.wrongPassphrase}
            </p>
          ) : (
            <ErrorBox error={error} />
          )}
          <div className="actions">
            <button type="button" onClick={() => setStep('choose')} disabled={busy}>
              {t.back}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.restore.restoring : t.restore.restoreAndOpen}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  )
}
