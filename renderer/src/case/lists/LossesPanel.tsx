// What was lost (yen or points) and how much has come back.
import { formatAmount, isKnownUnit } from '../../../../shared/amounts'
import type { Loss, LossInput } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { formatDay } from '../../lib/dates'
import { useCaseData } from '../../state/session'
import { OrganizationField, useOrganizationPicker } from '../fields'
import { useOrganizationNames } from '../lookups'
import { DateInput, dayOrOriginal, NameWithPrivacy, PrivateField, RecordFormDialog } from './RecordFormDialog'
import { RecordListPanel } from './RecordListPanel'
import { deleteRecord, saveRecord } from './record-io'

/** Units people meet most; any other can be typed. */
const COMMON_UNITS = ['JPY', 'T-POINT', 'Ponta', 'd POINT', '楽天ポイント', 'PayPay']

export function LossesPanel() {
  const t = useT()
  const language = useLanguage()
  const { losses } = useCaseData()
  const names = useOrganizationNames()
  const numbers = new Intl.NumberFormat(language)
  return (
    <RecordListPanel
      title={t.losses}
      addLabel={t.newLoss}
      emptyText={t.noLosses}
      records={losses}
      nameOf={(l) => l.description}
      columns={[
        { header: t.description, cell: (l) => <NameWithPrivacy name={l.description} private={l.private} />, className: 'clip' },
        {
          header: t.amount,
          cell: (l) =>
            // A unit Kiroku knows is printed by name (12,000円, Vポイント（旧Tポイント）), as in the PDFs.
            isKnownUnit(l.unit) ? (
              formatAmount(l.amount, l.unit, language)
            ) : (
              <>
                {/* Any other unit is typed text: isolated so a direction control in it cannot reorder the amount. */}
                {numbers.format(l.amount)} <bdi>{l.unit}</bdi>
              </>
            ),
          className: 'number',
        },
        { header: t.recovered, cell: (l) => numbers.format(l.recovered), className: 'number' },
        { header: t.organization, cell: (l) => (l.organizationId !== undefined ? names.get(l.organizationId) : '') },
        { header: t.occurredOn, cell: (l) => (l.occurredAt ? formatDay(l.occurredAt.slice(0, 10), language) : '') },
        { header: t.expectedRecoveryAt, cell: (l) => (l.expectedRecoveryAt ? formatDay(l.expectedRecoveryAt.slice(0, 10), language) : '') },
      ]}
      onDelete={(l) => deleteRecord('losses', l.id)}
      renderForm={(record, close) => <LossForm record={record} onClose={close} />}
    />
  )
}

/**
 * The form for one loss (also opened by the plan's losses step). Without a
 * `record` a new loss is made, its fields filled from `draft` when given (a
 * suggestion found in evidence text: nothing is saved until the user saves it).
 */
export function LossForm({ record, draft, onClose }: { record?: Loss; draft?: LossInput; onClose: () => void }) {
  const t = useT()
  const initial: LossInput | undefined = record ?? draft
  const organization = useOrganizationPicker(initial?.organizationId)
  const save = async (data: FormData) => {
    const org = await organization.resolve(data)
    const value = {
      description: String(data.get('description') ?? '').trim(),
      amount: Number(data.get('amount')),
      unit: String(data.get('unit') ?? '').trim(),
      recovered: Number(data.get('recovered') || 0),
      occurredAt: dayOrOriginal(data, 'occurredAt', record?.occurredAt),
      expectedRecoveryAt: dayOrOriginal(data, 'expectedRecoveryAt', record?.expectedRecoveryAt),
      organizationId: org.id,
      private: data.get('private') === 'on',
    }
    await saveRecord('losses', record?.id, value)
  }
  return (
    <RecordFormDialog title={record ? t.editLoss : t.newLoss} onClose={onClose} onSave={save}>
      <label className="field">
        <span>{t.description}</span>
        <input name="description" defaultValue={initial?.description} required maxLength={1000} data-autofocus />
      </label>
      <div className="field-row">
        <label className="field grow">
          <span>{t.amount}</span>
          <input name="amount" type="number" min={0} step={1} defaultValue={initial?.amount} required />
        </label>
        <label className="field">
          <span>{t.unit}</span>
          <input name="unit" list="loss-units" defaultValue={initial?.unit ?? 'JPY'} required maxLength={50} />
          <datalist id="loss-units">
            {COMMON_UNITS.map((unit) => (
              <option key={unit} value={unit} />
            ))}
          </datalist>
        </label>
        <label className="field grow">
          <span>{t.recovered}</span>
          <input name="recovered" type="number" min={0} step={1} defaultValue={initial?.recovered ?? 0} />
        </label>
      </div>
      <OrganizationField value={organization.value} onChange={organization.setValue} />
      <div className="field-row">
        <label className="field grow">
          <span>{t.occurredOn}</span>
          <DateInput name="occurredAt" defaultValue={initial?.occurredAt?.slice(0, 10)} />
        </label>
        <label className="field grow">
          <span>{t.expectedRecoveryAt}</span>
          <DateInput name="expectedRecoveryAt" defaultValue={initial?.expectedRecoveryAt?.slice(0, 10)} />
        </label>
      </div>
      <PrivateField defaultChecked={initial?.private} />
    </RecordFormDialog>
  )
}
