// What the sharing dialogs show while the main process works (a save dialog,
// then writing) and what they show when it is done.
import type { ReactNode, Ref } from 'react'
import { useT } from '../../i18n'
import { call } from '../../ipc'
import { describeError } from '../../lib/errors'
import { fileNameOf } from '../../lib/paths'
import { showNotice } from '../../state/session'

/** A spinner and a sentence, announced politely; rendered only while busy. */
export function BusyLine({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <div role="status" className={busy ? 'busy-line' : 'visually-hidden'}>
      {busy && (
        <>
          <span className="spinner" aria-hidden="true" />
          <span>{children}</span>
        </>
      )}
    </div>
  )
}

interface ResultBoxProps {
  title: string
  path: string
  /** Facts about what was written (pages, size, what was left out). */
  details: ReactNode[]
  /** What the path is (default: where the file was saved). */
  pathLabel?: string
  /** The main process wrote this file: offer to show it in the file manager. */
  showable?: boolean
  ref?: Ref<HTMLDivElement>
}

/** The file that was written: focusable, so the dialog can move the focus to it when done. */
export function ResultBox({ title, path, details, pathLabel, showable, ref }: ResultBoxProps) {
  const t = useT()
  const show = () =>
    call('app:showInFolder', { path }).catch((error: unknown) => showNotice({ kind: 'error', text: describeError(error, t).join('\n') }))
  return (
    <div ref={ref} className="result-box" tabIndex={-1} aria-label={title} role="region">
      <p className="result-title">
        <span aria-hidden="true">✓ </span>
        {title}
      </p>
      <dl className="result-facts">
        <dt>{pathLabel ?? t.sharing.savedTo}</dt>
        <dd>
          <strong>{fileNameOf(path)}</strong>
          <br />
          <code className="result-path">{path}</code>
        </dd>
      </dl>
      {details.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
      {showable && (
        <button type="button" className="small" onClick={() => void show()}>
          {t.sharing.showInFolder}
        </button>
      )}
    </div>
  )
}

/** The action is held back (by a passphrase the rule does not accept yet): a note says why, the button points to it. */
export interface HeldBack {
  /** Ids of the elements that say why, for the button's aria-describedby. */
  reasonIds: string
  note: ReactNode
}

/**
 * Close/Cancel and the dialog's action: both disabled while the main process
 * works (a file being written is not dropped), Cancel becoming Close once done.
 */
export function DialogActions({
  busy,
  done,
  onClose,
  submitRef,
  label,
  blocked,
  form,
}: {
  busy: boolean
  done: boolean
  onClose: () => void
  submitRef: Ref<HTMLButtonElement>
  label: string
  blocked?: HeldBack
  /** The form's id, when the buttons sit outside it (beside a checklist of what is missing). */
  form?: string
}) {
  const t = useT()
  return (
    <div className="actions">
      {blocked?.note}
      <button type="button" onClick={onClose} disabled={busy}>
        {done ? t.close : t.cancel}
      </button>
      <button ref={submitRef} type="submit" form={form} className="primary" disabled={busy || !!blocked} aria-describedby={blocked?.reasonIds}>
        {busy ? t.working : label}
      </button>
    </div>
  )
}

/** A failure, headed by what it means for the user (nothing was written), then why. */
export function FailureBox({ error, headline, message }: { error: unknown; headline: string; message?: string }) {
  const t = useT()
  if (error === undefined || error === null) return null
  const lines = message ? [message] : describeError(error, t)
  return (
    <div role="alert" className="error-box">
      <p>
        <strong>{headline}</strong>
      </p>
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  )
}
