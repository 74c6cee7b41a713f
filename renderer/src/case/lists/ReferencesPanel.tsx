// Reference numbers given by organisations (受付番号, case numbers…).
import type { Reference } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { formatDay } from '../../lib/dates'
import { useCaseData } from '../../state/session'
import { OrganizationField, useOrganizationPicker } from '../fields'
import { useEventTitles, useOrganizationNames } from '../lookups'
import { DateInput, dayOrOriginal, RecordFormDialog } from './RecordFormDialog'
import { RecordListPanel } from './RecordListPanel'
import { deleteRecord, saveRecord } from './record-io'

export function ReferencesPanel() {
  const t = useT()
  const language = useLanguage()
  const { references } = useCaseData()
  const names = useOrganizationNames()
  const eventTitles = useEventTitles()
  return (
    <RecordListPanel
      title={t.references}
      addLabel={t.newReference}
      emptyText={t.noReferences}
      records={references}
      nameOf={(r) => `${r.label} ${r.value}`}
      columns={[
        { header: t.label, cell: (r) => r.label },
        { header: t.value, cell: (r) => <strong className="reference-value">{r.value}</strong> },
        { header: t.organization, cell: (r) => (r.organizationId !== undefined ? names.get(r.organizationId) : '') },
        { header: t.issuedAt, cell: (r) => (r.issuedAt ? formatDay(r.issuedAt.slice(0, 10), language) : '') },
        { header: t.timeline, cell: (r) => (r.eventId !== undefined ? eventTitles.get(r.eventId) : ''), className: 'clip' },
      ]}
      onDelete={(r) => deleteRecord('references', r.id)}
      renderForm={(record, close) => <ReferenceForm record={record} onClose={close} />}
    />
  )
}

/** `organizationId`: the organisation a new number is from (the letter dialog's claim asks for the provider's). */
export function ReferenceForm({ record, organizationId, onClose }: { record?: Reference; organizationId?: number; onClose: () => void }) {
  const t = useT()
  const organization = useOrganizationPicker(record?.organizationId ?? organizationId)
  const save = async (data: FormData) => {
    const org = await organization.resolve(data)
    const value = {
      organizationId: org.id,
      label: String(data.get('label') ?? '').trim(),
      value: String(data.get('value') ?? '').trim(),
      issuedAt: dayOrOriginal(data, 'issuedAt', record?.issuedAt),
      eventId: record?.eventId,
    }
    await saveRecord('references', record?.id, value)
  }
  return (
    <RecordFormDialog title={record ? t.editReference : t.newReference} onClose={onClose} onSave={save}>
      <div className="field-row">
        <label className="field label-field">
          <span>{t.label}</span>
          <input name="label" defaultValue={record?.label ?? t.defaultReferenceLabel} required maxLength={100} />
        </label>
        <label className="field grow">
          <span>{t.value}</span>
          <input name="value" defaultValue={record?.value} required maxLength={200} data-autofocus />
        </label>
      </div>
      <OrganizationField value={organization.value} onChange={organization.setValue} />
      <label className="field">
        <span>{t.issuedAt}</span>
        <DateInput name="issuedAt" defaultValue={record?.issuedAt?.slice(0, 10)} />
      </label>
    </RecordFormDialog>
  )
}
