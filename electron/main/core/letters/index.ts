// Letters built on the dossier's engine: the draft of a damage report (被害届),
// a claim to one provider (補填・補償のお願い) and notes for a consumer centre.
export { dossierMissing, makeLetter, letterMissing, writeLetterFile, type Letter } from './letters'
export { LETTER_TYPES, type LetterOptions, type LetterType, type MissingField, type MissingItem } from './data'
export { wordsFor as letterWords } from './words'
