// A small picture of one piece of evidence: the image itself (fetched once
// per session and kept as an object URL) or a labelled tile for PDFs, text
// and e-mails.
import { useEffect, useState } from 'react'
import type { Evidence } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { isImage } from '../../lib/evidence-files'
import { evidenceUrl } from '../../state/case-actions'
import { useSession } from '../../state/session'

export function EvidenceImage({ evidence, className }: { evidence: Evidence; className?: string }) {
  const t = useT()
  const url = useSession((s) => s.evidenceUrls[evidence.id])
  const [failed, setFailed] = useState(false)
  const image = isImage(evidence.mimeType)

  useEffect(() => {
    if (image && !url) evidenceUrl(evidence.id).catch(() => setFailed(true))
  }, [evidence.id, image, url])

  if (image && url && !failed) {
    return <img src={url} alt={evidence.caption || evidence.fileName} className={className} draggable={false} />
  }
  return (
    <span className={`${className ?? ''} file-tile`} aria-label={evidence.caption || evidence.fileName} role="img">
      {image ? '…' : t.evidenceMime[evidence.mimeType]}
    </span>
  )
}

export function EvidenceThumbButton({ evidence, onOpen, size }: { evidence: Evidence; onOpen: (id: number) => void; size: 'row' | 'tile' }) {
  const t = useT()
  return (
    <button type="button" className={`thumb-button thumb-${size}`} onClick={() => onOpen(evidence.id)} aria-label={t.viewEvidence(evidence.fileName)} title={evidence.fileName}>
      <EvidenceImage evidence={evidence} className="thumb-image" />
    </button>
  )
}
