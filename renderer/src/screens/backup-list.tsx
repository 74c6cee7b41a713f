// How a backup of a case is shown: when it was made, in the reader's language
// and this computer's time zone, and its size. Shared by the unlock screen's
// "Restore from a backup" and the open case's "Backups…".
import type { Output } from '../../../shared/ipc/contract'
import { useLanguage, useT } from '../i18n'
import { formatSize } from '../lib/evidence-files'
import './restore.css'

export type Backup = Output<'backups:list'>[number]

/**
 * 2026/11/25 9:35:12 or Nov 25, 2026, 9:35:12 AM: the computer's own locale
 * when it speaks the chosen language (en-GB, en-US …), else the language.
 * Seconds too, as two backups can be made within a minute.
 */
export function formatBackupTime(iso: string, language: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const locale = navigator.language.toLowerCase().startsWith(language) ? navigator.language : language
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date)
}

/** The backups as radio buttons, newest first (as the main process lists them). */
export function BackupChoices({ backups, chosen, onChoose }: { backups: Backup[]; chosen: string; onChoose: (name: string) => void }) {
  const t = useT()
  const language = useLanguage()
  return (
    <fieldset className="backup-choices">
      <legend>{t.restore.listLabel}</legend>
      {backups.map((backup, i) => (
        <label key={backup.name} className="check backup-choice">
          <input
            type="radio"
            name="backup"
            value={backup.name}
            checked={backup.name === chosen}
            onChange={() => onChoose(backup.name)}
            data-autofocus={backup.name === chosen ? true : undefined}
          />
          <span className="backup-when">{formatBackupTime(backup.createdAt, language)}</span>
          <span className="backup-size">{formatSize(backup.bytes)}</span>
          {i === 0 && <span className="badge">{t.restore.newest}</span>}
        </label>
      ))}
    </fieldset>
  )
}
