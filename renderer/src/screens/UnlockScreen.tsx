// Asks for the passphrase of one case file. A wrong passphrase shows why and
// changes nothing else. The field is emptied after every attempt, and the
// passphrase itself never enters React state.
import { useRef, type FormEvent } from 'react'
import { useT } from '../i18n'
import { useAction } from '../hooks/useAction'
import { fileNameOf } from '../lib/paths'
import { goToStart, unlockCase } from '../state/case-actions'
import { ErrorBox } from '../ui/ErrorBox'

export function UnlockScreen({ path, lockedAfterIdle }: { path: string; lockedAfterIdle: boolean }) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const { run, error, busy } = useAction()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const field = input.current
    if (!field || !field.value) return
    const passphrase = field.value
    void run(async () => {
      try {
        await unlockCase(path, passphrase)
      } finally {
        field.value = ''
        field.focus()
      }
    })
  }

  return (
    <div className="unlock-screen">
      <main className="unlock-card card">
        <p className="brand">
          Kiroku <span lang="ja">記録</span>
        </p>
        <h1>{t.unlockTitle}</h1>
        <p className="unlock-file">
          <span className="unlock-file-name">{fileNameOf(path)}</span>
          <span className="recent-path">{path}</span>
        </p>
        {lockedAfterIdle && (
          <p className="info-box" role="status">
            {t.lockedAfterIdle}
          </p>
        )}
        <form onSubmit={submit} className="form">
          <label className="field">
            <span>{t.passphrase}</span>
            <input ref={input} type="password" autoComplete="current-password" autoFocus required />
          </label>
          <ErrorBox error={error} />
          <div className="actions">
            <button type="button" onClick={goToStart}>
              {t.otherFile}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t.unlocking : t.unlock}
            </button>
          </div>
        </form>
      </main>
    </div>
  )
}
