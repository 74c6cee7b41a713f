// "Delete X?" asked in our own dialog (window.confirm would block the page
// and cannot be styled or translated).
import { useCallback, useId, useState, type ReactNode } from 'react'
import { useT } from '../i18n'
import { Dialog } from './Dialog'

interface Question {
  what: string
  resolve: (yes: boolean) => void
}

/** `if (await confirmDelete('受付番号 TP-1013')) …`, with `dialog` rendered somewhere. */
export function useConfirmDelete(): { confirmDelete: (what: string) => Promise<boolean>; dialog: ReactNode } {
  const t = useT()
  const messageId = useId()
  const [question, setQuestion] = useState<Question | null>(null)

  const confirmDelete = useCallback(
    (what: string) => new Promise<boolean>((resolve) => setQuestion({ what, resolve })),
    [],
  )
  const answer = (yes: boolean) => {
    question?.resolve(yes)
    setQuestion(null)
  }

  const dialog = question && (
    <Dialog title={t.confirmDeleteTitle} onClose={() => answer(false)} size="small" role="alertdialog" describedBy={messageId}>
      <p id={messageId}>{t.confirmDelete(question.what)}</p>
      <div className="actions">
        {/* Cancel first and focused: Enter on a destructive question must not destroy. */}
        <button type="button" data-autofocus onClick={() => answer(false)}>
          {t.cancel}
        </button>
        <button type="button" className="danger" onClick={() => answer(true)}>
          {t.delete}
        </button>
      </div>
    </Dialog>
  )
  return { confirmDelete, dialog }
}
