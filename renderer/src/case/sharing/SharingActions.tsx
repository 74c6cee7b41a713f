// The case header's ways to hand a case over: the PDF dossier (Ctrl/⌘+P),
// a letter (被害届の下書き, 補填・補償のお願い, notes for 188), an encrypted
// copy, and the unencrypted ZIP bundle; and the way back in, merging a copy
// someone shared. Holds which of their dialogs is open; the bundle's warning
// can switch to the encrypted copy.
import { useState } from 'react'
import { useT } from '../../i18n'
import { useLetterT } from '../../i18n/letter-messages'
import { useShortcut } from '../../hooks/useShortcut'
import { ariaShortcut, Kbd, shortcutText } from '../../ui/Kbd'
import { BundleDialog } from './BundleDialog'
import { DossierDialog } from './DossierDialog'
import { LetterDialog } from './LetterDialog'
import { MergeDialog } from './MergeDialog'
import { ShareDialog } from './ShareDialog'
import './sharing.css'

type SharingDialog = 'dossier' | 'letter' | 'share' | 'bundle' | 'merge'

export const DOSSIER_SHORTCUT = 'p'

/** Another modal (a call note, a confirmation) keeps the keyboard to itself. */
const anotherDialogOpen = () => document.querySelector('dialog[open]') !== null

export function SharingActions() {
  const t = useT()
  const L = useLetterT()
  const [dialog, setDialog] = useState<SharingDialog | null>(null)
  const close = () => setDialog(null)

  // Ctrl/⌘+P: the dossier is this app's "print".
  useShortcut(DOSSIER_SHORTCUT, () => {
    if (!anotherDialogOpen()) setDialog('dossier')
  })

  return (
    <div role="group" aria-label={t.sharing.handOver} className="sharing-actions">
      <button
        type="button"
        onClick={() => setDialog('dossier')}
        aria-keyshortcuts={ariaShortcut(DOSSIER_SHORTCUT)}
        title={shortcutText(DOSSIER_SHORTCUT)}
        aria-haspopup="dialog"
      >
        {t.sharing.dossierButton} <Kbd>{shortcutText(DOSSIER_SHORTCUT)}</Kbd>
      </button>
      <button type="button" onClick={() => setDialog('letter')} aria-haspopup="dialog">
        {L.letterButton}
      </button>
      <button type="button" onClick={() => setDialog('share')} aria-haspopup="dialog">
        {t.sharing.shareButton}
      </button>
      <button type="button" onClick={() => setDialog('bundle')} aria-haspopup="dialog">
        {t.sharing.bundleButton}
      </button>
      <button type="button" onClick={() => setDialog('merge')} aria-haspopup="dialog">
        {t.sharing.mergeButton}
      </button>
      {dialog === 'dossier' && <DossierDialog onClose={close} />}
      {dialog === 'letter' && <LetterDialog onClose={close} />}
      {dialog === 'share' && <ShareDialog onClose={close} />}
      {dialog === 'bundle' && <BundleDialog onClose={close} onUseShare={() => setDialog('share')} />}
      {dialog === 'merge' && <MergeDialog onClose={close} />}
    </div>
  )
}
