// What a document (a letter or the dossier) would leave blank, listed before
// it is written, each with a way to fill it: "Your details" in place, the
// police record, event, reference number or organisation form on top,
// evidence files, or the tab where it is recorded. The list is asked for
// again whenever the options or anything of the case changes, so a gap
// filled here leaves the list at once.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { Organization } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { useLetterT } from '../../i18n/letter-messages'
import { describeError } from '../../lib/errors'
import { showNotice, useCaseData } from '../../state/session'
import type { Language } from '../../state/settings'
import { EvidenceFileInput } from '../evidence/EvidenceFileInput'
import { addEvidenceFiles } from '../evidence/evidence-intake'
import { OrganizationForm } from '../lists/OrganizationsPanel'
import { PoliceRecordDialog } from '../lists/PoliceRecordDialog'
import { ReferenceForm } from '../lists/ReferencesPanel'
import { requestTab } from '../plan/tab-requests'
import { EventDialog } from '../timeline/EventDialog'
import { fixFor, VICTIM_FIELDS, type Fix, type MissingItem } from './letter-options'
import { FailureBox } from './Progress'
import { VictimDetailsForm } from './VictimDetailsForm'
import './letters.css'


export type MissingState = { state: 'loading' } | { state: 'waiting' } | { state: 'failed'; error: unknown } | { state: 'ready'; items: MissingItem[] }

/**
 * The blanks as `check` reports them, asked again when `key` (the document's
 * options) or anything of the case changes; `check` undefined: the options
 * are not complete yet (a claim without its provider).
 */
export function useMissing(check: (() => Promise<MissingItem[]>) | undefined, key: string): MissingState {
  const { record, organizations, events, references, losses, evidence, policeRecords, tasks } = useCaseData()
  const [missing, setMissing] = useState<MissingState>({ state: 'loading' })
  const latest = useRef(check)
  latest.current = check
  const ready = check !== undefined
  useEffect(() => {
    const ask = latest.current
    if (!ask) {
      setMissing({ state: 'waiting' })
      return
    }
    let current = true
    setMissing((m) => (m.state === 'ready' ? m : { state: 'loading' }))
    ask()
      .then((items) => current && setMissing({ state: 'ready', items }))
      .catch((failure: unknown) => current && setMissing({ state: 'failed', error: failure }))
    return () => {
      current = false
    }
  }, [key, ready, record, organizations, events, references, losses, evidence, policeRecords, tasks])
  return missing
}

/** A form opened on top of the document's dialog. */
type OnTop = { kind: 'policeRecord' } | { kind: 'event' } | { kind: 'reference'; organizationId?: number } | { kind: 'organization'; organization: Organization }

interface ChecklistProps {
  missing: MissingState
  /** The provider the document is for, whose reference number or directory entry a fix adds. */
  provider?: Organization
  busy: boolean
  /** What the document does with a blank, and what it says when none is left. */
  intro: string
  /** The list's heading for n blanks (default: the letters' 未記入). */
  title?: (n: number) => string
  nothingMissing: string
  /** Said while the options are not complete (e.g. no provider chosen yet). */
  waiting?: string
  /** Going to a tab closes the document's dialog. */
  onLeave: () => void
}

export function MissingChecklist({ missing, provider, busy, intro, title, nothingMissing, waiting, onLeave }: ChecklistProps) {
  const t = useT()
  const L = useLetterT()
  const language = useLanguage()
  const [detailsOpen, setDetailsOpen] = useState(false)
  const [onTop, setOnTop] = useState<OnTop | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const titleId = useId()

  const items = missing.state === 'ready' ? missing.items : []
  const victimItems = items.filter((i) => VICTIM_FIELDS.has(i.field))
  // The details form stays open until saved or cancelled.
  const showDetails = detailsOpen && !busy

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
        return onLeave()
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
  let status: ReactNode = null
  if (missing.state === 'loading') status = <p className="hint">{L.checking}</p>
  if (missing.state === 'waiting') status = <p className="hint">{waiting}</p>
  if (missing.state === 'ready') status = <p className="hint">{count ? intro : nothingMissing}</p>
  return (
    <section className={`letter-missing${count ? ' has-missing' : ''}`} aria-labelledby={titleId} aria-busy={missing.state === 'loading'}>
      <h3 id={titleId}>{missing.state === 'ready' ? (title ?? L.missingTitle)(count) : L.blanksTitle}</h3>
      <div role="status">{status}</div>
      {missing.state === 'failed' && <FailureBox error={missing.error} headline={L.checkFailed} />}
      {count > 0 && (
        <ul className="missing-list">
          {items.map((item, i) => {
            const f = fixFor(item.field)
            // One "Your details" button for the victim's name, address and phone together.
            const isVictim = VICTIM_FIELDS.has(item.field)
            const button = !isVictim || victimItems[0] === item
            const lastOfVictim = isVictim && victimItems.at(-1) === item
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
      <EvidenceFileInput ref={fileInput} hidden onFiles={(files) => void addFiles(files)} />
      {/* Modal forms of their own (the native <dialog> puts them on top), outside any form of the document's dialog. */}
      {onTop?.kind === 'policeRecord' && <PoliceRecordDialog kind="report" onClose={() => setOnTop(null)} />}
      {onTop?.kind === 'event' && <EventDialog onClose={() => setOnTop(null)} />}
      {onTop?.kind === 'reference' && <ReferenceForm organizationId={onTop.organizationId} onClose={() => setOnTop(null)} />}
      {onTop?.kind === 'organization' && <OrganizationForm record={onTop.organization} onClose={() => setOnTop(null)} />}
    </section>
  )
}

/** The core's English items start in lower case ("the victim's name"): a list item starts with a capital. */
function sentence(text: string, language: Language): string {
  return language === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text
}
