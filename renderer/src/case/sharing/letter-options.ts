// The letter's options as the page holds them (the contract's
// LetterOptionsSchema with every default filled in), how they are sent (an
// organisation only with a claim), which organisations a claim can be
// addressed to, and what the dialog offers to fill each blank.
import type { Organization } from '../../../../shared/domain'
import type { Input, Output } from '../../../../shared/ipc/contract'
import type { LetterKind } from '../../i18n/letter-messages'
import type { Language } from '../../state/settings'
import type { CaseTab } from '../CaseTabs'
import type { DossierEra } from './dossier-options'

export const LETTER_KINDS: readonly LetterKind[] = ['police-report', 'claim', 'consumer-center']

export interface LetterOptions {
  type: LetterKind
  lang: Language
  era: DossierEra
  redact: boolean
  /** Only used for a claim: the provider it is addressed to. */
  organizationId?: number
}

export type MissingItem = Output<'letter:missing'>[number]
export type MissingField = MissingItem['field']

export const defaultLetterOptions = (lang: Language): LetterOptions => ({ type: 'police-report', lang, era: 'western', redact: false })

/** True when the options can be sent: a claim needs its provider. */
export const letterReady = (options: LetterOptions) => options.type !== 'claim' || options.organizationId !== undefined

export function letterInput(options: LetterOptions): Input<'letter:create'> {
  const { organizationId, ...rest } = options
  return rest.type === 'claim' && organizationId !== undefined ? { ...rest, organizationId } : rest
}

/** A claim goes to a provider: never a private organisation (a letter never shows one), nor the police or a consumer centre. */
export const claimOrganizations = (organizations: readonly Organization[]) =>
  organizations.filter((o) => !o.private && o.role !== 'police' && o.role !== 'consumer_center')

export const VICTIM_FIELDS: ReadonlySet<MissingField> = new Set(['victimName', 'victimAddress', 'victimPhone'])

/** What the dialog offers for a blank: a form in place (or on top), or the tab where it is filled. */
export type Fix =
  | { kind: 'details' }
  | { kind: 'policeRecord' }
  | { kind: 'event' }
  | { kind: 'reference' }
  | { kind: 'evidence' }
  | { kind: 'directory' }
  | { kind: 'tab'; tab: CaseTab }

export function fixFor(field: MissingField): Fix {
  switch (field) {
    case 'victimName':
    case 'victimAddress':
    case 'victimPhone':
      return { kind: 'details' }
    case 'policeReceipt':
      return { kind: 'policeRecord' }
    // The day, place and details of the damage come from the timeline's events of the fraud.
    case 'damageDate':
    case 'damagePlace':
    case 'damageDetails':
      return { kind: 'event' }
    case 'providerReference':
      return { kind: 'reference' }
    case 'evidence':
      return { kind: 'evidence' }
    case 'claimRule':
      return { kind: 'directory' }
    case 'losses':
      return { kind: 'tab', tab: 'losses' }
    // The day a claim window counts from (a loss's date, the discovery, the report): the overview's deadlines say which.
    case 'claimDeadline':
      return { kind: 'tab', tab: 'overview' }
  }
}
