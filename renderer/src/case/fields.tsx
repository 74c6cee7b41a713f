// Form fields several case forms share: a moment with its offset, an
// organisation picker that can create one on the spot, and optional numbers.
import { ORGANIZATION_ROLES, type OrganizationInput, type OrganizationRole } from '../../../shared/domain'
import { useState } from 'react'
import { useLanguage, useT } from '../i18n'
import { call } from '../ipc'
import { joinMoment, OFFSET_PATTERN, type LocalMoment } from '../lib/dates'
import { optionalId, optionalText } from '../lib/records'
import { reload } from '../state/case-actions'
import { useCaseData } from '../state/session'
import { useOrganizationNames } from './lookups'

export function MomentFields({ initial, autoFocus }: { initial: LocalMoment; autoFocus?: boolean }) {
  const t = useT()
  const language = useLanguage()
  return (
    <div className="field-row">
      <label className="field grow">
        <span>{t.when}</span>
        {/* lang for the picker and screen readers (Chromium still draws the value by the OS locale; the
            call-note dialog, reworked apart, shows the moment as text where it needs to). */}
        <input type="datetime-local" lang={language} name="whenLocal" defaultValue={initial.local} required data-autofocus={autoFocus || undefined} />
      </label>
      <label className="field offset-field">
        <span>{t.offset}</span>
        <input name="whenOffset" defaultValue={initial.offset} required pattern={OFFSET_PATTERN} size={6} />
      </label>
    </div>
  )
}

export function momentFrom(data: FormData): string {
  return joinMoment({ local: String(data.get('whenLocal') ?? ''), offset: String(data.get('whenOffset') ?? '') })
}

export const NEW_ORGANIZATION = 'new'

interface OrganizationFieldProps {
  value: string
  onChange: (value: string) => void
  autoFocus?: boolean
  /** False when the form places <NewOrganizationFields> itself (e.g. on a row of their own). */
  newFieldsBelow?: boolean
}

/** A <select name="organization">; its last option reveals fields for a new organisation. */
export function OrganizationField({ value, onChange, autoFocus, newFieldsBelow = true }: OrganizationFieldProps) {
  const t = useT()
  const { organizations } = useCaseData()
  return (
    <>
      <label className="field">
        <span>{t.organization}</span>
        <select name="organization" value={value} onChange={(e) => onChange(e.target.value)} data-autofocus={autoFocus || undefined}>
          <option value="">{t.noOrganization}</option>
          {organizations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
          <option value={NEW_ORGANIZATION}>{t.newOrganizationOption}</option>
        </select>
      </label>
      {newFieldsBelow && value === NEW_ORGANIZATION && <NewOrganizationFields />}
    </>
  )
}

export function NewOrganizationFields({ defaultRole = 'other' }: { defaultRole?: OrganizationRole } = {}) {
  const t = useT()
  return (
    <div className="field-row nested">
      <label className="field grow">
        <span>{t.newOrganizationName}</span>
        <input name="newOrganizationName" required maxLength={200} />
      </label>
      <label className="field">
        <span>{t.role}</span>
        <select name="newOrganizationRole" defaultValue={defaultRole}>
          {ORGANIZATION_ROLES.map((role) => (
            <option key={role} value={role}>
              {t.roles[role]}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/**
 * The organisation a form points at, creating the new one first if that
 * was chosen. Returns its id and name (for default titles).
 */
async function resolveOrganization(data: FormData, names: Map<number, string>): Promise<{ id?: number; name: string; created: boolean }> {
  const choice = organizationChoice(data, names)
  if (!choice.create) return { ...choice, created: false }
  const organization = await call('organizations:create', choice.create)
  await reload('organizations')
  return { id: organization.id, name: organization.name, created: true }
}

/**
 * A record form's organisation picker: its value, and `resolve` for saving,
 * which creates a new organisation first if that was chosen. The picker then
 * points at the one created, so a retry after a failed save (a bad amount,
 * say) does not create it twice.
 */
export function useOrganizationPicker(initialId: number | undefined) {
  const names = useOrganizationNames()
  const [value, setValue] = useState(initialId !== undefined ? String(initialId) : '')
  const resolve = async (data: FormData) => {
    const org = await resolveOrganization(data, names)
    if (org.created) setValue(String(org.id))
    return org
  }
  return { value, setValue, resolve }
}

/** What the organisation picker chose: an existing one (its id), none, or a new one to create. */
export function organizationChoice(data: FormData, names: Map<number, string>): { id?: number; name: string; create?: OrganizationInput } {
  if (data.get('organization') !== NEW_ORGANIZATION) {
    const id = optionalId(data.get('organization'))
    return { id, name: id !== undefined ? (names.get(id) ?? '') : '' }
  }
  const name = optionalText(data.get('newOrganizationName')) ?? ''
  // Only the event dialog offers "newOrganizationPrivate" (a private call's new organisation).
  return { name, create: { name, role: data.get('newOrganizationRole') as OrganizationRole, private: data.get('newOrganizationPrivate') === 'on' } }
}

/** A whole number from an optional input; empty is undefined. */
export function optionalInteger(value: FormDataEntryValue | null): number | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  return text === '' ? undefined : Number(text)
}
