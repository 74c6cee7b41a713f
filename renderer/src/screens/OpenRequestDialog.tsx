// "Kiroku was asked to open another case file": shown over an open case when
// the user double-clicks another .kiroku file. Staying is the default.
import { useId } from 'react'
import { useT } from '../i18n'
import { caseFileNameOf, folderOf } from '../lib/paths'
import { Dialog } from '../ui/Dialog'

export function OpenRequestDialog({ file, onOpen, onStay }: { file: string; onOpen: () => void; onStay: () => void }) {
  const t = useT()
  const textId = useId()
  return (
    <Dialog title={t.openRequest.title} onClose={onStay} size="small" role="alertdialog" describedBy={textId}>
      <div id={textId}>
        <p>{t.openRequest.text}</p>
        <p className="unlock-file">
          <span className="unlock-file-name">{caseFileNameOf(file)}</span>
          <span className="recent-path">{folderOf(file)}</span>
        </p>
        <p>{t.openRequest.consequence}</p>
      </div>
      <div className="actions">
        {/* Stay first and focused: Enter must not close the case. */}
        <button type="button" data-autofocus onClick={onStay}>
          {t.openRequest.stay}
        </button>
        <button type="button" className="primary" onClick={onOpen}>
          {t.openRequest.open}
        </button>
      </div>
    </Dialog>
  )
}
