// A small picture of one piece of evidence: the image itself (fetched once
// per session and kept as an object URL) or a labelled tile for PDFs, text
// and e-mails, and for a picture that is not shown (its header gives no size
// or too large a one: see evidenceUrl).
import { useEffect, useState } from 'react'
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

  useEffect(() => {
    if (image && !url) evidenceUrl(evidence.id).catch(() => setFailed(true))
  }, [evidence.id, image, url])

  if (image && url && !failed) {
    return <img src={url} alt={shownLabel(evidence)} className={className} draggable={false} />
  }
  return (
    <span
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
