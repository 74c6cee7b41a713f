// Organisations involved in the case: platforms, points operators, police…
import { ORGANIZATION_ROLES, type Organization, type OrganizationRole } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { optionalText } from '../../lib/records'
import { useCaseData } from '../../state/session'
import { NameWithPrivacy, PrivateField, RecordFormDialog } from './RecordFormDialog'
import { RecordListPanel } from './RecordListPanel'
import { deleteRecord, saveRecord } from './record-io'

export function OrganizationsPanel() {
  const t = useT()
  const { organizations } = useCaseData()
  return (
    <RecordListPanel
      title={t.organizations}
      addLabel={t.newOrganization}
      emptyText={t.noOrganizations}
      records={organizations}
      nameOf={(o) => o.name}
      columns={[
        { header: t.name, cell: (o) => <NameWithPrivacy name={o.name} private={o.private} /> },
        { header: t.role, cell: (o) => t.roles[o.role] },
        { header: t.phone, cell: (o) => o.phone },
        { header: t.email, cell: (o) => o.email },
        { header: t.notes, cell: (o) => o.notes, className: 'clip' },
      ]}
      // Links to it are cleared in the file, so everything that pointed at it changed.
      onDelete={(o) => deleteRecord('organizations', o.id, ['events', 'references', 'losses', 'tasks'])}
      renderForm={(record, close) => <OrganizationForm record={record} onClose={close} />}
    />
  )
}

function OrganizationForm({ record, onClose }: { record?: Organization; onClose: () => void }) {
  const t = useT()
  const save = async (data: FormData) => {
    const value = {
      name: String(data.get('name') ?? '').trim(),
      role: data.get('role') as OrganizationRole,
      phone: optionalText(data.get('phone')),
      email: optionalText(data.get('email')),
      url: optionalText(data.get('url')),
      notes: optionalText(data.get('notes')),
      private: data.get('private') === 'on',
    }
    await saveRecord('organizations', record?.id, value)
  }
  return (
    <RecordFormDialog title={record ? t.editOrganization : t.newOrganization} onClose={onClose} onSave={save}>
      <label className="field">
        <span>{t.name}</span>
        <input name="name" defaultValue={record?.name} required maxLength={200} data-autofocus />
      </label>
      <label className="field">
        <span>{t.role}</span>
        <select name="role" defaultValue={record?.role ?? 'other'}>
          {ORGANIZATION_ROLES.map((role) => (
            <option key={role} value={role}>
              {t.roles[role]}
            </option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field grow">
          <span>{t.phone}</span>
          <input name="phone" type="tel" defaultValue={record?.phone} maxLength={50} />
        </label>
        <label className="field grow">
          <span>{t.email}</span>
          <input name="email" type="email" defaultValue={record?.email} maxLength={320} />
        </label>
      </div>
      <label className="field">
        <span>{t.url}</span>
        <input name="url" defaultValue={record?.url} maxLength={2000} />
      </label>
      <label className="field">
        <span>{t.notes}</span>
        <textarea name="notes" rows={3} defaultValue={record?.notes} />
      </label>
      <PrivateField defaultChecked={record?.private} />
    </RecordFormDialog>
  )
}
