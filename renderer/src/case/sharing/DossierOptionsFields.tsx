// The dossier's options, shared by the dossier and the ZIP bundle dialogs:
// who it is for (and which provider), its language, how dates are written,
// and whether personal details are masked. Controlled; the owner disables
// it (with its fieldset) while a dossier is being made.
import { useId, type ReactNode } from 'react'
import { DICTIONARIES, useT } from '../../i18n'
import type { Language } from '../../state/settings'
import { useCaseData } from '../../state/session'
import { dateExample, type DossierAudience, type DossierEra, type DossierOptions } from './dossier-options'

const AUDIENCES: DossierAudience[] = ['police', 'provider']
const LANGUAGES: Language[] = ['ja', 'en']
const ERAS: DossierEra[] = ['western', 'japanese']

interface DossierOptionsFieldsProps {
  value: DossierOptions
  onChange: (value: DossierOptions) => void
  /** Give the chosen audience the focus when the dialog opens. */
  autoFocus?: boolean
}

export function DossierOptionsFields({ value, onChange, autoFocus }: DossierOptionsFieldsProps) {
  const t = useT()
  const { organizations } = useCaseData()
  const name = useId()
  const providerHintId = useId()
  const set = (change: Partial<DossierOptions>) => onChange({ ...value, ...change })

  return (
    <div className="dossier-options">
      <ChoiceRow label={t.sharing.audience}>
        {AUDIENCES.map((audience) => (
          <label key={audience} className="check">
            <input
              type="radio"
              name={`${name}-audience`}
              value={audience}
              checked={value.audience === audience}
              onChange={() => set({ audience })}
              data-autofocus={autoFocus && value.audience === audience ? true : undefined}
            />
            <span>{t.sharing.audiences[audience]}</span>
          </label>
        ))}
      </ChoiceRow>
      {value.audience === 'provider' && (
        <div className="provider-field">
          <label className="field">
            <span>{t.sharing.providerOrganization}</span>
            <select
              value={value.organizationId ?? ''}
              onChange={(e) => set({ organizationId: e.target.value ? Number(e.target.value) : undefined })}
              aria-describedby={providerHintId}
            >
              <option value="">{t.sharing.wholeCase}</option>
              {/* A private organisation is never in a dossier, so it cannot be the one it is for. */}
              {organizations.filter((o) => !o.private).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
          <p id={providerHintId} className="hint">
            {t.sharing.providerHint}
          </p>
        </div>
      )}
      <DocumentStyleFields languageLabel={t.sharing.dossierLanguage} value={value} onChange={set} />
    </div>
  )
}

/** A labelled row of radio buttons: the label in a column of its own, the choices wrapping beside it. */
export function ChoiceRow({ label, children }: { label: string; children: ReactNode }) {
  const labelId = useId()
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="choice-row">
      <span id={labelId} className="choice-label">
        {label}
      </span>
      <div className="choices">{children}</div>
    </div>
  )
}

export interface DocumentStyle {
  lang: Language
  era: DossierEra
  redact: boolean
}

/** Language, date style and masking of a document: the same three choices for the dossier, the bundle and the letters. */
export function DocumentStyleFields({ languageLabel, value, onChange }: { languageLabel: string; value: DocumentStyle; onChange: (change: Partial<DocumentStyle>) => void }) {
  const t = useT()
  const name = useId()
  const redactHintId = useId()
  return (
    <>
      <ChoiceRow label={languageLabel}>
        {LANGUAGES.map((lang) => (
          <label key={lang} className="check">
            <input type="radio" name={`${name}-lang`} value={lang} checked={value.lang === lang} onChange={() => onChange({ lang })} />
            <span lang={lang}>{DICTIONARIES[lang].languageName}</span>
          </label>
        ))}
      </ChoiceRow>
      <ChoiceRow label={t.sharing.dateStyle}>
        {ERAS.map((era) => (
          <label key={era} className="check">
            <input type="radio" name={`${name}-era`} value={era} checked={value.era === era} onChange={() => onChange({ era })} />
            <span>
              {t.sharing.dateStyles[era]}{' '}
              <span className="date-example" lang={value.lang}>
                {dateExample(value.lang, era)}
              </span>
            </span>
          </label>
        ))}
      </ChoiceRow>
      <div className="redact-field">
        <label className="check">
          <input type="checkbox" checked={value.redact} onChange={(e) => onChange({ redact: e.target.checked })} aria-describedby={redactHintId} />
          <span>{t.sharing.redact}</span>
        </label>
        <p id={redactHintId} className="hint">
          {t.sharing.redactHint}
        </p>
      </div>
    </>
  )
}
