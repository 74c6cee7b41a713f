// Organisations involved in the case: platforms, points operators, police…
// Each may be linked to its entry of the provider directory, whose claim
// rules then apply to it; the entry is suggested from the name as it is typed.
import { useState } from 'react'
import { suggestEntry, type DirectoryEntry } from '../../../../shared/directory'
import { findEntry } from '../../../../shared/deadlines'
import { ORGANIZATION_ROLES, type Organization, type OrganizationRole } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { useDirectoryT } from '../../i18n/directory-messages'
import { optionalText } from '../../lib/records'
import { useDirectory } from '../../state/directory'
import { useCaseData } from '../../state/session'
import { DirectoryCardDialog, entryName } from '../directory/DirectoryCard'
import { NameWithPrivacy, PrivateField, RecordFormDialog } from './RecordFormDialog'
import { RecordListPanel } from './RecordListPanel'
import { deleteRecord, saveRecord } from './record-io'

export function OrganizationsPanel() {
  const t = useT()
  const d = useDirectoryT()
  const language = useLanguage()
  const directory = useDirectory()
  const { organizations } = useCaseData()
  const [showing, setShowing] = useState<{ entry: DirectoryEntry; organization: string } | null>(null)
  return (
    <>
      <RecordListPanel
        title={t.organizations}
        addLabel={t.newOrganization}
        emptyText={t.noOrganizations}
        records={organizations}
        nameOf={(o) => o.name}
        columns={[
          { header: t.name, cell: (o) => <NameWithPrivacy name={o.name} private={o.private} /> },
          { header: t.role, cell: (o) => t.roles[o.role] },
          {
            header: d.directoryColumn,
            cell: (o) => {
              const entry = directory && findEntry(directory, o.directoryId)
              if (!entry) return ''
              return (
                <button type="button" className="small quiet" onClick={() => setShowing({ entry, organization: o.name })} aria-label={d.showDirectoryCard(o.name)}>
                  {entryName(entry, language)} ⓘ
                </button>
              )
            },
          },
          { header: t.phone, cell: (o) => o.phone },
          { header: t.email, cell: (o) => o.email },
          { header: t.notes, cell: (o) => o.notes, className: 'clip' },
        ]}
        // Links to it are cleared in the file, so everything that pointed at it changed.
        onDelete={(o) => deleteRecord('organizations', o.id, ['events', 'references', 'losses', 'tasks', 'policeRecords'])}
        renderForm={(record, close) => <OrganizationForm record={record} onClose={close} />}
      />
      {showing && <DirectoryCardDialog entry={showing.entry} organization={showing.organization} onClose={() => setShowing(null)} />}
    </>
  )
}

export function OrganizationForm({ record, onClose }: { record?: Organization; onClose: () => void }) {
  const t = useT()
  const d = useDirectoryT()
  const language = useLanguage()
  const directory = useDirectory()
  // The entry follows the name as it is typed until the user picks one (or none) themselves.
  const [entryId, setEntryId] = useState(record?.directoryId ?? '')
  const [chosen, setChosen] = useState(record?.directoryId !== undefined)
  const [suggested, setSuggested] = useState(false)
  const [role, setRole] = useState<OrganizationRole>(record?.role ?? 'other')
  const [roleChosen, setRoleChosen] = useState(record !== undefined)
  const entries = directory?.entries ?? []
  // A stored entry this directory no longer has stays selectable, so saving does not drop it silently.
  const unknownStored = entryId !== '' && !entries.some((e) => e.id === entryId)

  const chooseEntry = (id: string, bySuggestion: boolean) => {
    setEntryId(id)
    setSuggested(bySuggestion && id !== '')
    const entry = entries.find((e) => e.id === id)
    if (entry && !roleChosen) setRole(entry.role)
  }
  const onNameInput = (name: string) => {
    if (chosen || !directory) return
    chooseEntry(suggestEntry(directory, name)?.id ?? '', true)
  }

  const save = async (data: FormData) => {
    const value = {
      name: String(data.get('name') ?? '').trim(),
      role: data.get('role') as OrganizationRole,
      phone: optionalText(data.get('phone')),
      email: optionalText(data.get('email')),
      url: optionalText(data.get('url')),
      notes: optionalText(data.get('notes')),
      directoryId: optionalText(data.get('directoryId')),
      private: data.get('private') === 'on',
    }
    await saveRecord('organizations', record?.id, value)
  }
  return (
    <RecordFormDialog title={record ? t.editOrganization : t.newOrganization} onClose={onClose} onSave={save}>
      <label className="field">
        <span>{t.name}</span>
        <input name="name" defaultValue={record?.name} required maxLength={200} data-autofocus onChange={(e) => onNameInput(e.target.value)} />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span>{d.directoryEntry}</span>
          <select
            name="directoryId"
            value={entryId}
            aria-describedby={suggested ? 'directory-suggested' : undefined}
            onChange={(e) => {
              setChosen(true)
              chooseEntry(e.target.value, false)
            }}
          >
            <option value="">{d.noDirectoryEntry}</option>
            {entries.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entryName(entry, language)}
              </option>
            ))}
            {unknownStored && <option value={entryId}>{entryId}</option>}
          </select>
        </label>
        <label className="field grow">
          <span>{t.role}</span>
          <select
            name="role"
            value={role}
            onChange={(e) => {
              setRoleChosen(true)
              setRole(e.target.value as OrganizationRole)
            }}
          >
            {ORGANIZATION_ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {suggested && (
        <p id="directory-suggested" className="hint directory-suggested">
          {d.suggestedEntry}
        </p>
      )}
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
