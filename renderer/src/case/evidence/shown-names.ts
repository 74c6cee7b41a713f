// How evidence is named on screen. File names and captions come from outside
// (a scammer's attachment, a shared case), so their direction controls and
// invisible characters are written out as 〔U+202E〕 markers; the stored
// name, which is evidence, is never changed.
import type { Evidence } from '../../../../shared/domain'
import { hasHidden, revealHidden } from '../../../../shared/visible-text'

export const shownName = (evidence: Evidence) => revealHidden(evidence.fileName)

export const shownCaption = (evidence: Evidence) => (evidence.caption ? revealHidden(evidence.caption) : undefined)

/** The caption where there is one, else the file name. */
export const shownLabel = (evidence: Evidence) => shownCaption(evidence) ?? shownName(evidence)

export const hasHiddenCharacters = (evidence: Evidence) => hasHidden(evidence.fileName) || hasHidden(evidence.caption ?? '')
