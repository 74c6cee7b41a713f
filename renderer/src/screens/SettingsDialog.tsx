// Language and auto-lock delay; both apply at once and are remembered on
// this computer (localStorage), never in a case file.
import { useId } from 'react'
import { DICTIONARIES, useT } from '../i18n'
import {
  MAX_IDLE_MINUTES,
  MIN_IDLE_MINUTES,
  setIdleMinutes,
  setLanguage,
  useSettings,
  type Language,
} from '../state/settings'
import { Dialog } from '../ui/Dialog'

export function SettingsDialog({ onClose }: { onClose: () => void }) {
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
        <div className="actions">
          <button type="submit" className="primary">
            {t.close}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
