// A small picture of one piece of evidence: the image itself (fetched once
// per session and kept as an object URL) or a labelled tile for PDFs, text
// and e-mails, and for a picture that is not shown (its header gives no size
// or too large a one: see evidenceUrl).
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { Evidence } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import type { Language } from '../../state/settings'
import { isImage } from '../../lib/evidence-files'
import { evidenceUrl } from '../../state/case-actions'
import { useSession } from '../../state/session'
import { shownLabel, shownName } from './shown-names'

/** `onNotShown`: the picture could not be shown, and a tile saying so stands in its place. */
export function EvidenceImage({ evidence, className, onNotShown }: { evidence: Evidence; className?: string; onNotShown?: () => void }) {
  const t = useT()
  const url = useSession((s) => s.evidenceUrls[evidence.id])
  const [failed, setFailed] = useState(false)
  const image = isImage(evidence.mimeType)
  const placeholder = useRef<HTMLSpanElement>(null)
  const nearView = useNearView(placeholder, image && !url)

  useEffect(() => {
    if (image && !url && nearView)
      evidenceUrl(evidence.id).catch(() => {
        setFailed(true)
        onNotShown?.()
      })
  }, [evidence.id, image, url, nearView, onNotShown])

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
  const language = useLanguage()
  const [notShown, setNotShown] = useState(false)
  const onNotShown = useCallback(() => setNotShown(true), [])
  // The words on the tile ("Text", "PDF", "Not shown") belong in the button's name, so that
  // what is seen is what a screen reader says and what speech control can be told to press (WCAG 2.5.3).
  const tileText = isImage(evidence.mimeType) ? (notShown ? t.pictureNotShown : undefined) : t.evidenceMime[evidence.mimeType]
  return (
    <button
      type="button"
      className={`thumb-button thumb-${size}`}
      onClick={() => onOpen(evidence.id)}
      aria-label={withTileText(t.viewEvidence(shownName(evidence)), tileText, language)}
      title={shownName(evidence)}
    >
      <EvidenceImage evidence={evidence} className="thumb-image" onNotShown={onNotShown} />
    </button>
  )
}

/** The tile's words first, as seen ("Text: View notes.txt"); not in brackets, which checkers and some speech tools drop. */
function withTileText(name: string, tileText: string | undefined, language: Language): string {
  if (!tileText) return name
  return language === 'ja' ? `${tileText}：${name}` : `${tileText}: ${name}`
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
