// A modal dialog on the native <dialog> element: the browser traps focus,
// puts the rest of the page out of reach, and turns Escape into "cancel".
// Mounted means open; the owner unmounts it in onClose.
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useT } from '../i18n'

interface DialogProps {
  title: ReactNode
  onClose: () => void
  children: ReactNode
  size?: 'small' | 'medium' | 'large'
  /** For alert dialogs (confirmations) screen readers announce the message at once. */
  role?: 'dialog' | 'alertdialog'
  describedBy?: string
}

export function Dialog({ title, onClose, children, size = 'medium', role = 'dialog', describedBy }: DialogProps) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    // showModal() focuses the first focusable element; a form can ask for a
    // better starting point (the field people type into first).
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => dialog.close()
  }, [])

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      onCancel={(event) => {
        // A dialog opened from this one (React passes its cancel up the component tree) closes on its own.
        if (event.target !== event.currentTarget) return
        // Escape: let React state decide (unmounting closes the element).
        event.preventDefault()
        onClose()
      }}
    >
      {/* A div, not <header>: a header outside <main>/<section> is a page banner landmark, even inside a dialog. */}
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t.close} title={`${t.close} (Esc)`}>
          ✕
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}

/** Ctrl/⌘+Enter submits a form even from a textarea, where Enter is a new line. */
export function submitOnCtrlEnter(event: React.KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
    event.preventDefault()
    event.currentTarget.requestSubmit()
  }
}
