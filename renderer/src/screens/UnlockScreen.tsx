// Asks for the passphrase of one case file. A wrong passphrase shows why and
// changes nothing else. The field is emptied after every attempt, and the
// passphrase itself never enters React state. Where the OS has a real
// keyring, the passphrase can be remembered on this device, and a remembered
// one unlocks with one explicit click (never by itself).
import { useEffect, useId, useRef, type FormEvent } from 'react'
import { useT } from '../i18n'
import { useAction } from '../hooks/useAction'
import { useRememberedPassphrase } from '../hooks/useRememberedPassphrase'
import { call, KirokuCallError } from '../ipc'
import { fileNameOf } from '../lib/paths'
import { goToStart, unlockCase, unlockRemembered } from '../state/case-actions'
import { ErrorBox } from '../ui/ErrorBox'
import { RestoreOffer } from './RestoreOffer'

export function UnlockScreen({ path, lockedAfterIdle }: { path: string; lockedAfterIdle: boolean }) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const rememberBox = useRef<HTMLInputElement>(null)
  const rememberHintId = useId()
  const { run, error, busy } = useAction()
  const remembered = useRememberedPassphrase(path)
  const rememberedButton = useRef<HTMLButtonElement>(null)

  // Enter then unlocks with it, unless the user has started typing meanwhile; still one deliberate key or click.
  useEffect(() => {
    if (remembered.remembered && document.activeElement === input.current && !input.current?.value) rememberedButton.current?.focus()
  }, [remembered.remembered])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const field = input.current
    if (!field || !field.value) return
    const passphrase = field.value
    const remember = rememberBox.current?.checked ?? false
    void run(async () => {
      try {
        await unlockCase(path, passphrase, remember)
      } finally {
        field.value = ''
        field.focus()
      }
    })
  }

  const unlockWithRemembered = () =>
    void run(async () => {
      try {
        await unlockRemembered(path)
      } catch (error) {
        await remembered.refresh()
        input.current?.focus()
        // The main process drops only an entry the keyring can no longer unseal. Any other failure is the
        // file's, shown as a typed passphrase's would be: a damaged first page gets the restore offer.
        if (error instanceof KirokuCallError && error.code === 'not_found') throw new Error(t.rememberedForgotten)
        throw error
      }
    })
  const forgetRemembered = () =>
    void run(async () => {
      await call('passphrases:forget', { path })
      await remembered.refresh()
      input.current?.focus()
    })

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
        {remembered.remembered && (
          <section className="info-box remembered-unlock" aria-label={t.rememberedSection}>
            <p>{t.rememberedHere}</p>
            <div className="actions">
              <button ref={rememberedButton} type="button" className="primary" onClick={unlockWithRemembered} disabled={busy}>
                {t.unlockRemembered}
              </button>
              <button type="button" className="quiet" onClick={forgetRemembered} disabled={busy}>
                {t.forgetRemembered}
              </button>
            </div>
          </section>
        )}
        <form onSubmit={submit} className="form">
          <label className="field">
            <span>{t.passphrase}</span>
            <input ref={input} type="password" autoComplete="current-password" autoFocus required />
          </label>
          {/* Also offered when one is remembered: typing the new passphrase after a change replaces the old one. */}
          {remembered.available && (
            <div>
              <label className="check">
                <input ref={rememberBox} type="checkbox" name="remember" aria-describedby={rememberHintId} />
                <span>{remembered.remembered ? t.rememberInstead : t.rememberHere}</span>
              </label>
              <p id={rememberHintId} className="hint">
                {t.rememberHint}
              </p>
            </div>
          )}
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
        {/* Outside the form: its dialog has a form of its own. */}
        <RestoreOffer path={path} failure={error} />
      </main>
    </div>
  )
}
