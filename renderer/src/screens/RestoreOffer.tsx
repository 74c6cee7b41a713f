// Below the unlock form: when the file would not open because it is damaged,
// cut short, empty, overwritten or gone (or perhaps damaged: a wrong
// passphrase looks the same), whether Kiroku has backups of it, and the way
// to put one back. Also shown at once when the open case asked for it.
import { useEffect, useId, useState } from 'react'
import { useLanguage, useT } from '../i18n'
import { call } from '../ipc'
import { damageOf } from '../lib/errors'
import { useSession } from '../state/session'
import { formatBackupTime, type Backup } from './backup-list'
import { RestoreBackupDialog } from './RestoreBackupDialog'

const restoreRequested = (s: ReturnType<typeof useSession.getState>) => s.screen.name === 'unlock' && s.screen.restoreBackup === true

function dropRestoreRequest(): void {
  useSession.setState((s) => (s.screen.name === 'unlock' && s.screen.restoreBackup ? { screen: { ...s.screen, restoreBackup: false } } : {}))
}

export function RestoreOffer({ path, failure }: { path: string; failure: unknown }) {
  const t = useT()
  const language = useLanguage()
  const headingId = useId()
  const requested = useSession(restoreRequested)
  const damage = damageOf(failure)
  const wanted = requested || damage !== undefined
  const [backups, setBackups] = useState<Backup[]>()
  const [dialogOpen, setDialogOpen] = useState(false)

  useEffect(() => {
    if (!wanted) return
    let current = true
    call('backups:list', { path }).then(
      (list) => {
        if (!current) return
        setBackups(list)
        if (requested && list.length) setDialogOpen(true)
      },
      () => current && setBackups([]),
    )
    return () => {
      current = false
    }
    // Listed again after each failed attempt: a backup may have appeared meanwhile.
  }, [wanted, requested, path, failure])

  // A wrong passphrase is the likelier story: say nothing unless there is something to offer.
  if (!wanted || !backups || (damage === 'maybe' && !requested && backups.length === 0)) return null

  const close = () => {
    setDialogOpen(false)
    dropRestoreRequest()
  }

  return (
    <section className="restore-offer" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.restore.offerTitle}</h2>
      {backups.length === 0 ? (
        <p className="hint">{t.restore.noBackups}</p>
      ) : (
        <>
          <p>
            {damage === 'maybe' && `${t.restore.ifSure} `}
            {t.restore.available(backups.length, formatBackupTime(backups[0].createdAt, language))}
          </p>
          <div className="actions">
            <button type="button" onClick={() => setDialogOpen(true)} aria-haspopup="dialog">
              {t.restore.restoreButton}
            </button>
          </div>
        </>
      )}
      {dialogOpen && backups.length > 0 && <RestoreBackupDialog path={path} backups={backups} onClose={close} />}
    </section>
  )
}
