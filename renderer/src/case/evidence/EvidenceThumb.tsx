// A small picture of one piece of evidence: the image itself (fetched once
// per session and kept as an object URL) or a labelled tile for PDFs, text
// and e-mails, and for a picture that is not shown (its header gives no size
// or too large a one: see evidenceUrl).
import { useEffect, useRef, useState, type RefObject } from 'react'
import type { Evidence } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { isImage } from '../../lib/evidence-files'
import { evidenceUrl } from '../../state/case-actions'
import { useSession } from '../../state/session'
import { shownLabel, shownName } from './shown-names'

export function EvidenceImage({ evidence, className }: { evidence: Evidence; className?: string }) {
  const t = useT()
  const url = useSession((s) => s.evidenceUrls[evidence.id])
  const [failed, setFailed] = useState(false)
  const image = isImage(evidence.mimeType)
  const placeholder = useRef<HTMLSpanElement>(null)
  const nearView = useNearView(placeholder, image && !url)

  useEffect(() => {
    if (image && !url && nearView) evidenceUrl(evidence.id).catch(() => setFailed(true))
  }, [evidence.id, image, url, nearView])

  if (image && url && !failed) {
    return <img src={url} alt={shownLabel(evidence)} className={className} draggable={false} />
  }
  return (
    <span
      ref={placeholder}
      className={`${className ?? ''} file-tile`}
      aria-label={failed ? `${shownLabel(evidence)}: ${t.pictureNotShownWhy}` : shownLabel(evidence)}
      title={failed ? t.pictureNotShownWhy : undefined}
      role="img"
    >
      {image ? (failed ? t.pictureNotShown : '…') : t.evidenceMime[evidence.mimeType]}
    </span>
  )
}

export function EvidenceThumbButton({ evidence, onOpen, size }: { evidence: Evidence; onOpen: (id: number) => void; size: 'row' | 'tile' }) {
  const t = useT()
  return (
    <button type="button" className={`thumb-button thumb-${size}`} onClick={() => onOpen(evidence.id)} aria-label={t.viewEvidence(shownName(evidence))} title={shownName(evidence)}>
      <EvidenceImage evidence={evidence} className="thumb-image" />
    </button>
  )
}

/**
 * Whether the element is on screen or about to be. A picture's bytes cross
 * from the main process only then: a case with hundreds of screenshots would
 * otherwise fetch and hold every one of them when the Evidence tab opens.
 */
function useNearView(element: RefObject<HTMLElement | null>, watching: boolean): boolean {
  const [near, setNear] = useState(false)
  useEffect(() => {
    const target = element.current
    if (!watching || near || !target) return
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '300px' })
    observer.observe(target)
    return () => observer.disconnect()
  }, [element, watching, near])
  return near
}
