// A meter under the new passphrase; only the score is kept, never the text.
import { useId } from 'react'
import { useT } from '../i18n'
import type { Strength } from '../lib/passphrase-strength'

export function PassphraseStrength({ strength }: { strength: Strength }) {
  const t = useT()
  const labelId = useId()
  return (
    <div className={`strength strength-${strength}`}>
      <span id={labelId}>{t.strength}</span>
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength} aria-labelledby={labelId} aria-valuetext={t.strengthLabels[strength]} />
      <span className="strength-label" aria-live="polite">
        {t.strengthLabels[strength]}
      </span>
    </div>
  )
}
