// The case's evidence: a drop zone with a file picker (paste works anywhere
// in the case), and a grid of thumbnails that open the full view.
import { useId, useState, type DragEvent } from 'react'
import { useT } from '../../i18n'
import { useEvidenceTextT } from '../../i18n/evidence-text-messages'
import { useCaseData } from '../../state/session'
import { EvidenceFileInput } from './EvidenceFileInput'
import { addEvidenceFiles, filesOf } from './evidence-intake'
import { EvidenceThumbButton } from './EvidenceThumb'
import { EvidenceViewer } from './EvidenceViewer'
import { shownLabel, shownName } from './shown-names'
import { useReading } from './useReadingStatus'

export function EvidencePanel() {
  const t = useT()
  const m = useEvidenceTextT()
  const status = useReading((s) => s.status)
  const waiting = status?.reading ? status.waiting : 0
  const { evidence } = useCaseData()
  const [viewing, setViewing] = useState<number | null>(null)
  const [dragging, setDragging] = useState(false)
  const inputId = useId()
  const shown = viewing !== null ? evidence.find((e) => e.id === viewing) : undefined

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    setDragging(false)
    const files = filesOf(event.dataTransfer)
    if (!files.length) return
    // Handled here; the case screen's own drop handler must not add them again.
    event.preventDefault()
    event.stopPropagation()
    void addEvidenceFiles(files, t)
  }

  return (
    <div className="evidence-panel">
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragEnter={() => setDragging(true)}
        onDragLeave={() => setDragging(false)}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <p>
          {t.dropHere}{' '}
          <label htmlFor={inputId} className="file-picker-label">
            {t.chooseFiles}
          </label>
        </p>
        <EvidenceFileInput id={inputId} onFiles={(files) => void addEvidenceFiles(files, t)} />
      </div>
      {/* Quiet and polite: pictures are read in the background, and nothing needs doing meanwhile. */}
      <p role="status" className="reading-status">
        {waiting > 0 ? m.readingPictures(waiting) : ''}
      </p>
      {evidence.length === 0 ? (
        <p className="empty">{t.noEvidence}</p>
      ) : (
        <ul className="evidence-grid" aria-label={t.evidence}>
          {evidence.map((item) => (
            <li key={item.id} className="evidence-card">
              <EvidenceThumbButton evidence={item} onOpen={setViewing} size="tile" />
              <span className="evidence-name" title={shownName(item)}>
                {shownLabel(item)}
              </span>
              <code className="hash-short" title={item.sha256}>
                {item.sha256.slice(0, 12)}…
              </code>
            </li>
          ))}
        </ul>
      )}
      {/* Keyed: another piece opened from this one (a mail's attachment) starts as a fresh view. */}
      {shown && <EvidenceViewer key={shown.id} evidence={shown} onClose={() => setViewing(null)} onOpen={setViewing} />}
    </div>
  )
}
