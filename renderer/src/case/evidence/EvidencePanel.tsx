// The case's evidence: a drop zone with a file picker (paste works anywhere
// in the case), and a grid of thumbnails that open the full view.
import { useId, useState, type DragEvent } from 'react'
import { useT } from '../../i18n'
import { useCaseData } from '../../state/session'
import { EvidenceFileInput } from './EvidenceFileInput'
import { addEvidenceFiles, filesOf } from './evidence-intake'
import { EvidenceThumbButton } from './EvidenceThumb'
import { EvidenceViewer } from './EvidenceViewer'
import { shownLabel, shownName } from './shown-names'


export function EvidencePanel() {
  const t = useT()
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
      {shown && <EvidenceViewer evidence={shown} onClose={() => setViewing(null)} />}
    </div>
  )
}
