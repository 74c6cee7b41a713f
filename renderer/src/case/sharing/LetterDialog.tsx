// A letter (PDF) from the case's records: a police report draft (被害届の下書き),
// a claim to one provider (補填・補償のお願い) or the notes for a 188 call.
// Beside the options, what the letter would leave blank (MissingChecklist),
// each with a way to fill it. The user may still write with blanks: the
// button says how many, and the letter prints them as 未記入.
import { useId, useRef, useState, type FormEvent } from 'react'
import { useLanguage, useT } from '../../i18n'
import { useLetterT } from '../../i18n/letter-messages'
import { call } from '../../ipc'
import { formatSize } from '../../lib/evidence-files'
import { useCaseData } from '../../state/session'
import { Dialog } from '../../ui/Dialog'
import { DocumentStyleFields } from './DossierOptionsFields'
import { claimOrganizations, defaultLetterOptions, LETTER_KINDS, letterInput, letterReady, type LetterOptions, type MissingItem } from './letter-options'
import { MissingChecklist, useMissing } from './MissingChecklist'
import { BusyLine, DialogActions, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'
import { requestTab } from '../plan/tab-requests'
import './letters.css'

export function LetterDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const L = useLetterT()
  const language = useLanguage()
  const { organizations } = useCaseData()
  const introId = useId()
  const formId = useId()
  const name = useId()
  const orgErrorId = useId()
  const [options, setOptions] = useState(() => defaultLetterOptions(language))
  const [orgError, setOrgError] = useState<string>()
  const orgSelect = useRef<HTMLSelectElement>(null)
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<{ path: string; pages: number; bytes: number; missing: MissingItem[] }>()
  const set = (change: Partial<LetterOptions>) => setOptions((o) => ({ ...o, ...change }))
  const providers = claimOrganizations(organizations)
  const provider = providers.find((o) => o.id === options.organizationId)
  // The blanks, in the UI's language.
  const missing = useMissing(letterReady(options) ? () => call('letter:missing', { ...letterInput(options), lang: language }) : undefined, JSON.stringify([options, language]))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    if (!letterReady(options)) {
      setOrgError(L.organizationRequired)
      orgSelect.current?.focus()
      return
    }
    void start(() => call('letter:create', letterInput(options)))
  }

  const count = missing.state === 'ready' ? missing.items.length : 0
  // Closing while the file is written would lose its result: wait for it.
  return (
    <Dialog title={L.title} onClose={() => !busy && onClose()} describedBy={introId} size="large">
      <div className="sharing-form letter-dialog" aria-busy={busy}>
        <p id={introId} className="intro">
          {L.intro}
        </p>
        <div className="letter-columns">
          <form id={formId} onSubmit={submit} className="form letter-options" noValidate>
            <fieldset className="plain dossier-options" disabled={busy}>
              <div role="radiogroup" aria-label={L.type} className="letter-types">
                {LETTER_KINDS.map((type) => (
                  <label key={type} className="letter-type">
                    <input
                      type="radio"
                      name={`${name}-type`}
                      value={type}
                      checked={options.type === type}
                      onChange={() => set({ type })}
                      aria-labelledby={`${name}-${type}-name`}
                      aria-describedby={`${name}-${type}-hint`}
                      data-autofocus={options.type === type ? true : undefined}
                    />
                    <span>
                      <span id={`${name}-${type}-name`} className="letter-type-name">
                        {L.types[type]}
                      </span>
                      <span id={`${name}-${type}-hint`} className="hint">
                        {L.typeHints[type]}
                      </span>
                    </span>
                  </label>
                ))}
              </div>
              {options.type === 'claim' && (
                <div className="letter-provider">
                  <label className="field">
                    <span>{L.organization}</span>
                    <select
                      ref={orgSelect}
                      value={options.organizationId ?? ''}
                      onChange={(e) => {
                        setOrgError(undefined)
                        set({ organizationId: e.target.value ? Number(e.target.value) : undefined })
                      }}
                      aria-invalid={orgError ? true : undefined}
                      aria-describedby={orgError ? orgErrorId : `${orgErrorId}-hint`}
                    >
                      <option value="">{L.chooseOrganization}</option>
                      {providers.map((o) => (
                        <option key={o.id} value={o.id}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  {orgError && (
                    <span id={orgErrorId} className="field-error">
                      {orgError}
                    </span>
                  )}
                  <p id={`${orgErrorId}-hint`} className="hint">
                    {providers.length ? L.organizationHint : L.noOrganizations}
                  </p>
                  {!providers.length && (
                    <button
                      type="button"
                      className="small"
                      onClick={() => {
                        requestTab('organizations')
                        onClose()
                      }}
                    >
                      {L.goToTab(t.tabs.organizations)}
                    </button>
                  )}
                </div>
              )}
              <DocumentStyleFields languageLabel={L.letterLanguage} value={options} onChange={set} />
            </fieldset>
          </form>

          <MissingChecklist
            missing={missing}
            provider={provider}
            busy={busy}
            intro={L.missingIntro}
            nothingMissing={L.nothingMissing}
            waiting={L.needsOrganization}
            onLeave={onClose}
          />
        </div>

        <BusyLine busy={busy}>{L.writing}</BusyLine>
        <FailureBox error={error} headline={L.notSaved} />
        {result && (
          <ResultBox
            showable
            ref={resultRef}
            title={L.made}
            path={result.path}
            details={[`${t.sharing.pages(result.pages)} · ${formatSize(result.bytes)}`, ...(result.missing.length ? [L.madeMissing(result.missing.length)] : [])]}
          />
        )}
        <DialogActions busy={busy} done={!!result} onClose={onClose} submitRef={submitRef} form={formId} label={L.write(count)} />
      </div>
    </Dialog>
  )
}
