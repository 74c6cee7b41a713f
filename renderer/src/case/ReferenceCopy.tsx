// A small "Copy" button beside a reference number (timeline rows, overview).
import type { Reference } from '../../../shared/domain'
import { useLayoutT } from '../i18n/layout-messages'
import { copyText } from './copy'

export function CopyReferenceButton({ reference }: { reference: Pick<Reference, 'label' | 'value'> }) {
  const M = useLayoutT()
  return (
    <button type="button" className="copy-button" onClick={() => void copyText(reference.value, M)} aria-label={M.copyReference(reference.label, reference.value)}>
      {M.copy}
    </button>
  )
}
