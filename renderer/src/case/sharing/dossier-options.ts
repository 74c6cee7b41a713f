// The dossier's options as the page holds them (the contract's
// DossierOptionsSchema, with every default filled in), and how they are
// sent: an organisation only goes with a provider dossier.
import type { Input } from '../../../../shared/ipc/contract'
import type { Language } from '../../state/settings'

export type DossierAudience = 'police' | 'provider'
export type DossierEra = 'western' | 'japanese'

export interface DossierOptions {
  audience: DossierAudience
  lang: Language
  era: DossierEra
  redact: boolean
  /** Only used for a provider dossier; undefined = the whole case. */
  organizationId?: number
}

export const defaultDossierOptions = (lang: Language): DossierOptions => ({
  audience: 'police',
  lang,
  era: 'western',
  redact: false,
})

export function dossierInput(options: DossierOptions): Input<'dossier:create'> {
  const { organizationId, ...rest } = options
  return rest.audience === 'provider' && organizationId !== undefined ? { ...rest, organizationId } : rest
}

/**
 * Today written as the dossier will write dates, so the choice shows what it
 * means (the same formats as electron/main/core/dossier/dates.ts).
 */
export function dateExample(lang: Language, era: DossierEra, today = new Date()): string {
  const y = today.getFullYear()
  const utc = new Date(Date.UTC(y, today.getMonth(), today.getDate()))
  if (era === 'japanese') {
    const locale = lang === 'ja' ? 'ja-JP-u-ca-japanese' : 'en-US-u-ca-japanese'
    const text = new Intl.DateTimeFormat(locale, { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utc)
    return lang === 'ja' ? text : `${text} (${y})`
  }
  if (lang === 'ja') return `${y}年${today.getMonth() + 1}月${today.getDate()}日`
  return new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utc)
}
