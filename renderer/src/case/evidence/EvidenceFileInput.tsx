// The file picker for evidence: the types Kiroku keeps, several at once,
// emptied after each choice so the same file can be chosen again. Hidden
// when a button of its own opens it (`ref.current.click()`).
import type { InputHTMLAttributes, Ref } from 'react'

const EVIDENCE_ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,text/plain,message/rfc822,.eml,.txt'

interface Props extends Pick<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  ref?: Ref<HTMLInputElement>
  /** Opened by another control: out of the tab order and of the accessibility tree. */
  hidden?: boolean
  onFiles: (files: File[]) => void
}

export function EvidenceFileInput({ ref, id, hidden, onFiles }: Props) {
  return (
    <input
      ref={ref}
      id={id}
      type="file"
      multiple
      accept={EVIDENCE_ACCEPT}
      className="file-input"
      {...(hidden ? { tabIndex: -1, 'aria-hidden': true } : {})}
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])]
        e.currentTarget.value = ''
        if (files.length) onFiles(files)
      }}
    />
  )
}
