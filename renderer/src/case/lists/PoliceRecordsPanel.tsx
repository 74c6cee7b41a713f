// The police as records: each consultation (相談) and damage report (被害届),
// with the station, who dealt with it and the number they gave. A claim rule
// that needs a 受理番号 looks here (shared/deadlines.ts).
import { useDirectoryT } from '../../i18n/directory-messages'
import { useLanguage, useT } from '../../i18n'
import { formatDay } from '../../lib/dates'
import { useCaseData } from '../../state/session'
import { useOrganizationNames } from '../lookups'
import { PoliceRecordDialog } from './PoliceRecordDialog'
import { RecordListPanel } from './RecordListPanel'
import { deleteRecord } from './record-io'

export function PoliceRecordsPanel() {
  const t = useT()
  const d = useDirectoryT()
  const language = useLanguage()
  const { policeRecords } = useCaseData()
  const names = useOrganizationNames()
  return (
    <RecordListPanel
      title={d.policeRecords}
      addLabel={d.newPoliceRecord}
      emptyText={d.noPoliceRecords}
      records={policeRecords}
      nameOf={(r) => `${d.policeKinds[r.kind]} ${r.station}`}
      columns={[
        { header: d.policeKind, cell: (r) => d.policeKinds[r.kind] },
        { header: d.policeDate, cell: (r) => formatDay(r.occurredAt.slice(0, 10), language) },
        { header: d.station, cell: (r) => [r.station, r.section].filter(Boolean).join(' '), className: 'clip' },
        { header: d.officer, cell: (r) => r.officer },
        {
          header: d.numberColumn,
          cell: (r) => (r.receiptNumber ? <strong className="reference-value">{r.receiptNumber}</strong> : ''),
        },
        { header: t.organization, cell: (r) => (r.organizationId !== undefined ? names.get(r.organizationId) : '') },
      ]}
      onDelete={(r) => deleteRecord('policeRecords', r.id)}
      renderForm={(record, close) => <PoliceRecordDialog record={record} onClose={close} />}
    />
  )
}
