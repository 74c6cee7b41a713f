// Language and auto-lock delay; both apply at once and are remembered on
// this computer (localStorage), never in a case file. And a way to forget
// the passphrases this device remembers (sealed by the OS keyring).
import { useEffect, useId, useRef, useState } from 'react'
import { DICTIONARIES, useT } from '../i18n'
import { useAction } from '../hooks/useAction'
import { call } from '../ipc'
import {
  MAX_IDLE_MINUTES,
  MIN_IDLE_MINUTES,
  setIdleMinutes,
  setLanguage,
  useSettings,
  type Language,
} from '../state/settings'
import { Dialog } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'

/** `onShowBackups`: given while a case is open, to reach its backups (BackupsDialog). */
export function SettingsDialog({ onClose, onShowBackups }: { onClose: () => void; onShowBackups?: () => void }) {
  const t = useT()
  const hintId = useId()
  const { language, idleMinutes } = useSettings()

  return (
    <Dialog title={t.settingsTitle} onClose={onClose} size="small">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault()
          onClose()
        }}
      >
        <label className="field">
          <span>{t.language}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} data-autofocus>
            {(Object.keys(DICTIONARIES) as Language[]).map((code) => (
              <option key={code} value={code} lang={code}>
                {DICTIONARIES[code].languageName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t.idleMinutes}</span>
          <input
            type="number"
            min={MIN_IDLE_MINUTES}
            max={MAX_IDLE_MINUTES}
            defaultValue={idleMinutes}
            aria-describedby={hintId}
            onChange={(e) => {
              if (e.target.value !== '' && e.target.validity.valid) setIdleMinutes(Number(e.target.value))
            }}
          />
        </label>
        <p id={hintId} className="hint">
          {t.idleHint}
        </p>
        <RememberedPassphrases />
        {onShowBackups && (
          <fieldset className="group">
            <legend>{t.restore.backupsTitle}</legend>
            <p className="hint">{t.restore.settingsHint}</p>
            <div>
              <button type="button" onClick={onShowBackups} aria-haspopup="dialog">
                {t.restore.backupsButton}
              </button>
            </div>
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t.close}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

function RememberedPassphrases() {
  const t = useT()
  const [status, setStatus] = useState<{ available: boolean; remembered: number }>()
  const [forgotten, setForgotten] = useState(false)
  const done = useRef<HTMLParagraphElement>(null)
  const { run, error, busy } = useAction()
  useEffect(() => {
    call('passphrases:status').then(setStatus, () => setStatus(undefined))
  }, [])
  // The button goes once nothing is left to forget: the focus goes to what happened.
  useEffect(() => {
    if (forgotten) done.current?.focus()
  }, [forgotten])
  if (!status) return null

  const forgetAll = () =>
    void run(async () => {
      await call('passphrases:forgetAll')
      setStatus(await call('passphrases:status'))
      setForgotten(true)
    })

  return (
    <fieldset className="group">
      <legend>{t.rememberedPassphrases}</legend>
      <p className="hint">{status.available || status.remembered > 0 ? t.rememberedCount(status.remembered) : t.rememberUnavailable}</p>
      {status.remembered > 0 && (
        <div>
          <button type="button" onClick={forgetAll} disabled={busy}>
            {t.forgetAllRemembered}
          </button>
        </div>
      )}
      {forgotten && (
        <p ref={done} tabIndex={-1} role="status" className="info-box">
          {t.forgotAllRemembered}
        </p>
      )}
      <ErrorBox error={error} />
    </fieldset>
  )
}
