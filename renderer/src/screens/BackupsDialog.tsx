// The open case's backups (Settings → Backups…): when each was made and its
// size, and the way to put one back after something was deleted by mistake.
// Restoring replaces the case file, so the case is closed first, after a
// confirmation that says what that means; the unlock screen then asks which
// backup and its passphrase (RestoreBackupDialog).
import { useEffect, useId, useState } from 'react'
import { useLanguage, useT } from '../i18n'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { formatSize } from '../lib/evidence-files'
import { fileNameOf } from '../lib/paths'
import { lockCase } from '../state/case-actions'
import { useCaseData } from '../state/session'
import { Dialog } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'
import { formatBackupTime, type Backup } from './backup-list'

export function BackupsDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const language = useLanguage()
  const { path } = useCaseData()
  const introId = useId()
  const confirmId = useId()
  const [backups, setBackups] = useState<Backup[]>()
  const [confirming, setConfirming] = useState(false)
  const { run, error } = useAction()

  useEffect(() => {
    void run(async () => setBackups(await call('backups:list', { path })))
  }, [run, path])

  return (
    <Dialog title={t.restore.backupsTitle} onClose={onClose} describedBy={introId}>
      <div className="form restore-form">
        <p id={introId} className="intro">
          {t.restore.backupsIntro}
        </p>
        {backups?.length === 0 && <p className="muted">{t.restore.noneYet}</p>}
        {backups && backups.length > 0 && (
          <div className="table-scroll">
            <table className="table backup-table">
              <thead>
                <tr>
                  <th scope="col">{t.restore.made}</th>
                  <th scope="col" className="number">
                    {t.restore.size}
                  </th>
                </tr>
              </thead>
              <tbody>
                {backups.map((backup, i) => (
                  <tr key={backup.name}>
                    <td>
                      {formatBackupTime(backup.createdAt, language)}
                      {i === 0 && <span className="badge">{t.restore.newest}</span>}
                    </td>
                    <td className="number">{formatSize(backup.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" onClick={onClose} data-autofocus>
            {t.close}
          </button>
          <button type="button" className="primary" disabled={!backups?.length} onClick={() => setConfirming(true)} aria-haspopup="dialog">
            {t.restore.restoreOne}
          </button>
        </div>
      </div>
      {confirming && (
        <Dialog title={t.restore.confirmTitle} onClose={() => setConfirming(false)} size="small" role="alertdialog" describedBy={confirmId}>
          <p id={confirmId}>{t.restore.confirmText(fileNameOf(path))}</p>
          <div className="actions">
            {/* Cancel first and focused: Enter must not close the case. */}
            <button type="button" data-autofocus onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
            <button type="button" className="danger" onClick={() => void lockCase({ restore: true })}>
              {t.restore.confirmYes}
            </button>
          </div>
        </Dialog>
      )}
    </Dialog>
  )
}
