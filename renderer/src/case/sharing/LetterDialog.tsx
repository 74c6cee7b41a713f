// A letter (PDF) from the case's records: a police report draft (被害届の下書き),
// a claim to one provider (補填・補償のお願い) or the notes for a 188 call.
// Before anything is written it lists what the letter would leave blank
// (letter:missing, asked again whenever the options or the case change),
// each with a way to fill it: "Your details" in place, the police record,
// event, reference number or organisation form on top, evidence files, or
// the tab where it is recorded. The user may still write with blanks: the
// button says how many, and the letter prints them as 未記入.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { Organization } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { useLetterT } from '../../i18n/letter-messages'
import { call } from '../../ipc'
import { describeError } from '../../lib/errors'
import { formatSize } from '../../lib/evidence-files'
import { showNotice, useCaseData } from '../../state/session'
import type { Language } from '../../state/settings'
import { Dialog } from '../../ui/Dialog'
import { addEvidenceFiles } from '../evidence/evidence-intake'
import { OrganizationForm } from '../lists/OrganizationsPanel'
import { PoliceRecordDialog } from '../lists/PoliceRecordDialog'
import { ReferenceForm } from '../lists/ReferencesPanel'
import { requestTab } from '../plan/tab-requests'
import { EventDialog } from '../timeline/EventDialog'
import { DocumentStyleFields } from './DossierOptionsFields'
import {
  claimOrganizations,
  defaultLetterOptions,
  fixFor,
  LETTER_KINDS,
  letterInput,
  letterReady,
  VICTIM_FIELDS,
  type Fix,
  type LetterOptions,
  type MissingItem,
} from './letter-options'
import { BusyLine, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'
import { VictimDetailsForm } from './VictimDetailsForm'
import './letters.css'

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain,message/rfc822,.eml,.txt'

/** A form opened on top of the letter dialog (rendered beside it, never inside its form). */
type OnTop = { kind: 'policeRecord' } | { kind: 'event' } | { kind: 'reference'; organizationId?: number } | { kind: 'organization'; organization: Organization }

type MissingState = { state: 'loading' } | { state: 'needsOrganization' } | { state: 'failed'; error: unknown } | { state: 'ready'; items: MissingItem[] }

export function LetterDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const L = useLetterT()
  const language = useLanguage()
  const caseData = useCaseData()
  const { organizations } = caseData
  const introId = useId()
  const formId = useId()
  const name = useId()
  const orgErrorId = useId()
  const missingTitleId = useId()
  const [options, setOptions] = useState(() => defaultLetterOptions(language))
  const [orgError, setOrgError] = useState<string>()
  const [missing, setMissing] = useState<MissingState>({ state: 'loading' })
  const [detailsOpen, setDetailsOpen] = useState(false)
  const [onTop, setOnTop] = useState<OnTop | null>(null)
  const orgSelect = useRef<HTMLSelectElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<{ path: string; pages: number; bytes: number; missing: MissingItem[] }>()
  const set = (change: Partial<LetterOptions>) => setOptions((o) => ({ ...o, ...change }))
  const providers = claimOrganizations(organizations)
  const provider = providers.find((o) => o.id === options.organizationId)

  // The blanks, in the UI's language, asked again when the options or anything of the case changes.
  const { record, events, references, losses, evidence, policeRecords, tasks } = caseData
  useEffect(() => {
    if (!letterReady(options)) {
      setMissing({ state: 'needsOrganization' })
      return
    }
    let current = true
    setMissing((m) => (m.state === 'ready' ? m : { state: 'loading' }))
    call('letter:missing', { ...letterInput(options), lang: language })
      .then((items) => current && setMissing({ state: 'ready', items }))
      .catch((failure: unknown) => current && setMissing({ state: 'failed', error: failure }))
    return () => {
      current = false
    }
  }, [options, language, record, organizations, events, references, losses, evidence, policeRecords, tasks])

  const items = missing.state === 'ready' ? missing.items : []
  const victimItems = items.filter((i) => VICTIM_FIELDS.has(i.field))
  // The details form stays open until saved or cancelled; it closes by itself once nothing of the victim is missing.
  const showDetails = detailsOpen && !busy

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

  const fix = (f: Fix) => {
    switch (f.kind) {
      case 'details':
        return setDetailsOpen(true)
      case 'policeRecord':
      case 'event':
        return setOnTop({ kind: f.kind })
      case 'reference':
        return setOnTop({ kind: 'reference', organizationId: provider?.id })
      case 'directory':
        return provider && setOnTop({ kind: 'organization', organization: provider })
      case 'evidence':
        return fileInput.current?.click()
      case 'tab':
        requestTab(f.tab)
        return onClose()
    }
  }

  const fixLabel = (f: Fix): string => {
    switch (f.kind) {
      case 'details':
        return L.enterDetails
      case 'policeRecord':
        return L.addPoliceRecord
      case 'event':
        return L.addEvent
      case 'reference':
        return L.addReference(provider?.name ?? '')
      case 'directory':
        return L.linkDirectory(provider?.name ?? '')
      case 'evidence':
        return L.addEvidence
      case 'tab':
        return L.goToTab(t.tabs[f.tab as keyof typeof t.tabs])
    }
  }

  const addFiles = async (files: File[]) => {
    try {
      const added = await addEvidenceFiles(files, t)
      if (added.length) showNotice({ kind: 'info', text: L.evidenceAdded(added.length) })
    } catch (failure) {
      showNotice({ kind: 'error', text: describeError(failure, t).join('\n') })
    }
  }

  const count = items.length
  return (
    <>
      {/* Closing while the file is written would lose its result: wait for it. */}
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
                      <button type="button" className="small" onClick={() => fix({ kind: 'tab', tab: 'organizations' })}>
                        {L.goToTab(t.tabs.organizations)}
                      </button>
                    )}
                  </div>
                )}
                <DocumentStyleFields languageLabel={L.letterLanguage} value={options} onChange={set} />
              </fieldset>
            </form>

            <section className={`letter-missing${count ? ' has-missing' : ''}`} aria-labelledby={missingTitleId} aria-busy={missing.state === 'loading'}>
              <h3 id={missingTitleId}>{missing.state === 'ready' ? L.missingTitle(count) : L.blanksTitle}</h3>
              <div role="status">
                {missing.state === 'loading' && <p className="hint">{L.checking}</p>}
                {missing.state === 'needsOrganization' && <p className="hint">{L.needsOrganization}</p>}
                {missing.state === 'ready' && <p className="hint">{count ? L.missingIntro : L.nothingMissing}</p>}
              </div>
              {missing.state === 'failed' && <FailureBox error={missing.error} headline={L.checkFailed} />}
              {count > 0 && (
                <ul className="missing-list">
                  {items.map((item, i) => {
                    const f = fixFor(item.field)
                    // One "Your details" button for the victim's name, address and phone together.
                    const firstOfVictim = VICTIM_FIELDS.has(item.field) && victimItems[0] === item
                    const button = !VICTIM_FIELDS.has(item.field) || firstOfVictim
                    const lastOfVictim = VICTIM_FIELDS.has(item.field) && victimItems.at(-1) === item
                    return (
                      <li key={`${item.field}-${i}`} className="missing-item">
                        <div className="missing-row">
                          <span className="missing-text">{sentence(item.text, language)}</span>
                          {button && !(f.kind === 'details' && showDetails) && (
                            <button type="button" className="small" onClick={() => fix(f)} disabled={busy} aria-haspopup={f.kind === 'tab' || f.kind === 'details' ? undefined : 'dialog'}>
                              {fixLabel(f)}
                            </button>
                          )}
                        </div>
                        {lastOfVictim && showDetails && <VictimDetailsForm onDone={() => setDetailsOpen(false)} disabled={busy} />}
                      </li>
                    )
                  })}
                </ul>
              )}
              <input
                ref={fileInput}
                type="file"
                multiple
                accept={ACCEPT}
                className="file-input"
                tabIndex={-1}
                aria-hidden="true"
                onChange={(e) => {
                  const files = [...(e.currentTarget.files ?? [])]
                  e.currentTarget.value = ''
                  if (files.length) void addFiles(files)
                }}
              />
            </section>
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
          <div className="actions">
            <button type="button" onClick={onClose} disabled={busy}>
              {result ? t.close : t.cancel}
            </button>
            <button ref={submitRef} type="submit" form={formId} className="primary" disabled={busy}>
              {busy ? t.working : L.write(count)}
            </button>
          </div>
        </div>
      </Dialog>
      {onTop?.kind === 'policeRecord' && <PoliceRecordDialog kind="report" onClose={() => setOnTop(null)} />}
      {onTop?.kind === 'event' && <EventDialog onClose={() => setOnTop(null)} />}
      {onTop?.kind === 'reference' && <ReferenceForm organizationId={onTop.organizationId} onClose={() => setOnTop(null)} />}
      {onTop?.kind === 'organization' && <OrganizationForm record={onTop.organization} onClose={() => setOnTop(null)} />}
    </>
  )
}

/** The core's English items start in lower case ("the victim's name"): a list item starts with a capital. */
function sentence(text: string, language: Language): string {
  return language === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text
}
