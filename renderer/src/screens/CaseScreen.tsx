// The unlocked case: header with the title, status and the daily action
// (record a contact) and one "Submit / share" menu for the exports, the section tabs, and
// the page-wide behaviour that belongs to an open case (shortcuts, paste and
// drop of evidence, auto-lock when idle).
import { planKinds } from '../../../shared/plans'
import { useState, type DragEvent } from 'react'
import { useT } from '../i18n'
import { useIdleLock } from '../hooks/useIdleLock'
import { useShortcut } from '../hooks/useShortcut'
import { lockCase } from '../state/case-actions'
import { useCaseData, useSession } from '../state/session'
import { useSettings } from '../state/settings'
import { ariaShortcut, Kbd, shortcutText } from '../ui/Kbd'
import { CallNoteDialog } from '../case/CallNoteDialog'
import { addEvidenceFiles, filesOf } from '../case/evidence/evidence-intake'
import { usePastedFiles } from '../case/evidence/usePastedFiles'
import { useReadingStatus } from '../case/evidence/useReadingStatus'
import { CaseTabs, type CaseTab } from '../case/CaseTabs'
import { HistoryBanner } from '../case/HistoryBanner'
import { NoticeBar } from '../case/NoticeBar'
import { useTabRequests } from '../case/plan/tab-requests'
import { useFollowUpNotifications } from '../case/plan/useFollowUpNotifications'
import { useDeadlineNotifications } from '../case/directory/useDeadlineNotifications'
import { SharingActions } from '../case/sharing/SharingActions'
import { BackupsDialog } from './BackupsDialog'
import { OpenRequestDialog } from './OpenRequestDialog'
import { SettingsDialog } from './SettingsDialog'

export function CaseScreen() {
  const t = useT()
  const { record, plan } = useCaseData()
  // The case's kind and those its plan added since.
  const kinds = [...new Set([record.kind, ...(plan ? planKinds(plan) : [])])]
  const idleMinutes = useSettings((s) => s.idleMinutes)
  const [tab, setTab] = useState<CaseTab>('overview')
  useTabRequests(setTab)
  useFollowUpNotifications()
  useDeadlineNotifications()
  // Pictures are read in the background: followed while a reading is under way.
  useReadingStatus()
  const [dialog, setDialog] = useState<'call' | 'settings' | 'backups' | null>(null)
  const [searchRequest, setSearchRequest] = useState(0)
  // A case file double-clicked while this one is open (requestOpen): asked, never switched behind the user's back;
  // locking then goes to that file's unlock screen.
  const requestedFile = useSession((s) => s.openRequest)
  const stay = () => useSession.setState({ openRequest: null })

  const lock = () => void lockCase()
  useIdleLock(idleMinutes, () => void lockCase({ idle: true }))
  useShortcut('n', () => setDialog('call'))
  useShortcut('l', lock, { shift: true })
  useShortcut('f', () => {
    setTab('timeline')
    setSearchRequest((n) => n + 1)
  })
  usePastedFiles((files) => void addEvidenceFiles(files, t, { pasted: true }))

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const files = filesOf(event.dataTransfer)
    if (!files.length) return
    event.preventDefault()
    void addEvidenceFiles(files, t)
  }

  return (
    <div className="case-screen" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <header className="app-bar case-bar">
        <div className="case-heading">
          <h1 title={record.title}>{record.title}</h1>
          <p className="case-meta">
            <span className={`status-badge status-${record.status}`}>{t.caseStatuses[record.status]}</span>
            <span>{kinds.map((k) => t.caseKinds[k]).join(t.listSeparator)}</span>
          </p>
        </div>
        <div className="bar-actions">
          <button type="button" className="primary" onClick={() => setDialog('call')} aria-keyshortcuts={ariaShortcut('n')}>
            {t.callNote} <Kbd>{shortcutText('n')}</Kbd>
          </button>
          <SharingActions />
          <button type="button" className="quiet" onClick={() => setDialog('settings')}>
            {t.settings}
          </button>
          <button type="button" onClick={lock} aria-keyshortcuts={ariaShortcut('l', { shift: true })}>
            {t.lock} <Kbd>{shortcutText('l', { shift: true })}</Kbd>
          </button>
        </div>
      </header>
      {/* The case's content as the page's main landmark: a screen reader jumps here past the header's actions. */}
      <main className="case-main">
        <HistoryBanner onShowBackups={() => setDialog('backups')} />
        <NoticeBar />
        <CaseTabs tab={tab} onChange={setTab} searchRequest={searchRequest} />
      </main>
      {dialog === 'call' && <CallNoteDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} onShowBackups={() => setDialog('backups')} />}
      {dialog === 'backups' && <BackupsDialog onClose={() => setDialog(null)} />}
      {requestedFile && (
        <OpenRequestDialog file={requestedFile} onOpen={lock} onStay={stay} />
      )}
    </div>
  )
}
