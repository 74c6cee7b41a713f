// Says, above everything else, that the open file is older than (or differs
// from) the newest state this device saw of the case: an old copy put back, a
// cloud folder's older version, another copy edited elsewhere. The user may
// keep it as it is (Kiroku stops saying so) or restore a backup instead.
import { useState } from 'react'
import { call } from '../ipc'
import { useLanguage, useT } from '../i18n'
import { useSession } from '../state/session'
import { formatBackupTime } from '../screens/backup-list'

export function HistoryBanner({ onShowBackups }: { onShowBackups: () => void }) {
  const t = useT()
  const language = useLanguage()
  const history = useSession((s) => s.caseData?.history)
  const [busy, setBusy] = useState(false)
  if (!history) return null

  const accept = async () => {
    setBusy(true)
    try {
      await call('case:acceptHistory')
      useSession.setState((s) => (s.caseData ? { caseData: { ...s.caseData, history: undefined } } : {}))
    } finally {
      setBusy(false)
    }
  }
  const seenAt = formatBackupTime(history.seenAt, language)
  return (
    <section className="history-banner" role="alert" aria-labelledby="history-banner-title">
      <h2 id="history-banner-title">{history.kind === 'older' ? t.history.olderTitle : t.history.divergedTitle}</h2>
      <p>{history.kind === 'older' ? t.history.older(seenAt, history.seenSeq, history.fileSeq) : t.history.diverged(seenAt, history.seenSeq)}</p>
      <p className="muted">{t.history.whatItMeans}</p>
      <div className="history-actions">
        <button type="button" onClick={onShowBackups}>
          {t.restore.backupsButton}
        </button>
        <button type="button" onClick={() => void accept()} disabled={busy}>
          {t.history.accept}
        </button>
      </div>
    </section>
  )
}
