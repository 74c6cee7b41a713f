// Adds files to the case as evidence, whatever brought them in (paste, drop,
// file picker): checks each one here first, sends the rest as base64, and
// tells the user what was added and what was refused and why.
import type { Evidence } from '../../../../shared/domain'
import { isTooLarge, pictureSize, type PictureSize } from '../../../../shared/image-size'
import { revealHidden } from '../../../../shared/visible-text'
import type { Messages } from '../../i18n'
import { call } from '../../ipc'
import { fileToBase64 } from '../../lib/base64'
import { describeError } from '../../lib/errors'
import { checkEvidenceFile, megabytes, nameForPasted } from '../../lib/evidence-files'
import { reload } from '../../state/case-actions'
import { showNotice } from '../../state/session'
import { followReading } from './useReadingStatus'

/**
 * `ask` (default true): the message then asks for a caption and an event for
 * what was newly added; false when the caller already knows (a plan step's
 * own button captions its screenshots).
 */
export async function addEvidenceFiles(files: readonly File[], t: Messages, options: { pasted?: boolean; ask?: boolean } = {}): Promise<Evidence[]> {
  const added: Evidence[] = []
  const problems: string[] = []
  const notes: string[] = []
  const fresh: number[] = []
  for (const file of files) {
    const fileName = options.pasted ? nameForPasted(file) : file.name || nameForPasted(file)
    // Names come from outside: shown with their direction controls and invisible characters written out.
    const shownName = revealHidden(fileName)
    const check = checkEvidenceFile(file)
    if (!check.ok) {
      problems.push(check.problem === 'too_large' ? t.tooLarge(shownName, megabytes(file.size)) : t.unsupportedType(shownName))
      continue
    }
    try {
      // The main process refuses it too; asking here first gives the reason in the user's language.
      const size = await oversizedPicture(file)
      if (size) {
        problems.push(t.pictureTooLarge(shownName, size.width, size.height))
        continue
      }
      const base64 = await fileToBase64(file)
      const result = await call('evidence:add', { fileName, base64 })
      added.push(result.evidence)
      if (result.duplicate) notes.push(t.evidenceDuplicate(revealHidden(result.evidence.fileName)))
      else fresh.push(result.evidence.id)
    } catch (error) {
      problems.push(...describeError(error, t).map((line) => `${shownName}: ${line}`))
    }
  }
  if (added.length) await reload('evidence')
  // New pictures are read in the background (and a mail's attachments may be): follow that reading.
  if (fresh.length) followReading()
  if (problems.length) showNotice({ kind: 'error', text: problems.join('\n') })
  else if (added.length) {
    const text = [...(fresh.length ? [t.evidenceAdded(fresh.length)] : []), ...notes].join(' ')
    showNotice({ kind: 'info', text, ...(options.ask !== false && fresh.length ? { intake: fresh } : {}) })
  }
  return added
}

/** The size a picture's header claims when it is over the limit (read from the header, never decoded). */
async function oversizedPicture(file: File): Promise<PictureSize | undefined> {
  const size = pictureSize(new Uint8Array(await file.arrayBuffer()))
  return size && isTooLarge(size) ? size : undefined
}

/** The files a paste or drop carries (a screenshot in the clipboard is one). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return []
  const fromItems = [...data.items].filter((item) => item.kind === 'file').map((item) => item.getAsFile())
  const files = fromItems.filter((f): f is File => f !== null)
  return files.length ? files : [...data.files]
}
