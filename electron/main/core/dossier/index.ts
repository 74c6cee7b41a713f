// The PDF dossier: what the CLI, the app and the tests use.
export { makeDossier, writeDossierFile, type Dossier, type DossierOptions } from './dossier'
export { formatDate, type Era, type Lang } from './dates'
export { maskTail, redactText } from './redact'
export type { Audience } from './select'
