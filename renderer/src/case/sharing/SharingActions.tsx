// The case header's "Submit / share" menu (提出・共有): the ways to hand a case over: the PDF dossier (Ctrl/⌘+P),
// a letter (被害届の下書き, 補填・補償のお願い, notes for 188), an encrypted
// copy, and the unencrypted ZIP bundle; and the way back in, merging a copy
// someone shared. Holds which of their dialogs is open; the bundle's warning
// can switch to the encrypted copy.
import { useState } from 'react'
import { useT } from '../../i18n'
import { useLetterT } from '../../i18n/letter-messages'
import { useShortcut } from '../../hooks/useShortcut'
import { useLayoutT } from '../../i18n/layout-messages'
import { ariaShortcut, Kbd, shortcutText } from '../../ui/Kbd'
import { MenuButton } from '../../ui/MenuButton'
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
  const M = useLayoutT()
  const [dialog, setDialog] = useState<SharingDialog | null>(null)
  const close = () => setDialog(null)

  // Ctrl/⌘+P: the dossier is this app's "print".
  useShortcut(DOSSIER_SHORTCUT, () => {
    if (!anotherDialogOpen()) setDialog('dossier')
  })

  return (
    <>
      <MenuButton
        label={
          <>
            {M.submitShare} <span aria-hidden="true">▾</span>
          </>
        }
        ariaLabel={M.submitShare}
        className="submit-share"
        items={[
          {
            key: 'dossier',
            label: (
              <>
                <span>{t.sharing.dossierButton}</span> <Kbd>{shortcutText(DOSSIER_SHORTCUT)}</Kbd>
              </>
            ),
            keyShortcuts: ariaShortcut(DOSSIER_SHORTCUT),
            onSelect: () => setDialog('dossier'),
          },
          { key: 'letter', label: L.letterButton, onSelect: () => setDialog('letter') },
          { key: 'share', label: t.sharing.shareButton, onSelect: () => setDialog('share') },
          { key: 'bundle', label: t.sharing.bundleButton, onSelect: () => setDialog('bundle') },
          { key: 'merge', label: t.sharing.mergeButton, onSelect: () => setDialog('merge') },
        ]}
      />
      {dialog === 'dossier' && <DossierDialog onClose={close} />}
      {dialog === 'letter' && <LetterDialog onClose={close} />}
      {dialog === 'share' && <ShareDialog onClose={close} />}
      {dialog === 'bundle' && <BundleDialog onClose={close} onUseShare={() => setDialog('share')} />}
      {dialog === 'merge' && <MergeDialog onClose={close} />}
    </>
  )
}
