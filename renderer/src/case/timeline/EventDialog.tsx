// Adds or edits one event of the timeline, including which evidence it shows.
import { useMemo, type FormEvent } from 'react'
import { CHANNELS, EVENT_KINDS, type Channel, type EventKind, type TimelineEvent } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { call } from '../../ipc'
import { useAction } from '../../hooks/useAction'
import { nowMoment, splitMoment } from '../../lib/dates'
import { optionalText } from '../../lib/records'
import { reload } from '../../state/case-actions'
import { showNotice, useCaseData } from '../../state/session'
import { Dialog, submitOnCtrlEnter } from '../../ui/Dialog'
import { ErrorBox } from '../../ui/ErrorBox'
import { shownLabel, shownName } from '../evidence/shown-names'
import { MomentFields, momentFrom, optionalInteger, OrganizationField, useOrganizationPicker } from '../fields'

export function EventDialog({ event, onClose }: { event?: TimelineEvent; onClose: () => void }) {
  const t = useT()
  const { evidence } = useCaseData()
  const organization = useOrganizationPicker(event?.organizationId)
  const initialMoment = useMemo(() => (event ? splitMoment(event.occurredAt) : nowMoment()), [event])
  const linked = new Set(event?.evidenceIds ?? [])
  const { run, error, busy } = useAction()

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    void run(async () => {
      const org = await organization.resolve(data)
      const value = {
        occurredAt: momentFrom(data),
        kind: data.get('kind') as EventKind,
        title: String(data.get('title') ?? '').trim(),
        body: optionalText(data.get('body')),
        organizationId: org.id,
        representative: optionalText(data.get('representative')),
        channel: (optionalText(data.get('channel')) as Channel | undefined) ?? undefined,
        durationMinutes: optionalInteger(data.get('duration')),
        evidenceIds: data.getAll('evidenceIds').map(Number),
        private: data.get('private') === 'on',
      }
      if (event) await call('events:update', { id: event.id, value })
      else await call('events:create', value)
      await reload('events')
      showNotice({ kind: 'info', text: t.saved })
      onClose()
    })
  }

  return (
    <Dialog title={event ? t.editEvent : t.newEvent} onClose={onClose} size="large">
      <form onSubmit={submit} onKeyDown={submitOnCtrlEnter} className="form">
        <div className="field-row">
          <div className="grow">
            <MomentFields initial={initialMoment} autoFocus />
          </div>
          <label className="field">
            <span>{t.kind}</span>
            <select name="kind" defaultValue={event?.kind ?? 'note'}>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.eventKinds[k]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t.title}</span>
          <input name="title" defaultValue={event?.title} required maxLength={500} />
        </label>
        <div className="field-row">
          <div className="grow">
            <OrganizationField value={organization.value} onChange={organization.setValue} />
          </div>
          <label className="field grow">
            <span>{t.representative}</span>
            <input name="representative" defaultValue={event?.representative} maxLength={200} />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>{t.channel}</span>
            <select name="channel" defaultValue={event?.channel ?? ''}>
              <option value="">{t.none}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t.channels[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field duration-field">
            <span>{t.durationMinutes}</span>
            <input name="duration" type="number" min={0} max={1440} defaultValue={event?.durationMinutes} />
          </label>
        </div>
        <label className="field">
          <span>{t.body}</span>
          <textarea name="body" rows={5} defaultValue={event?.body} maxLength={100_000} />
        </label>
        <label className="check">
          <input type="checkbox" name="private" defaultChecked={event?.private} />
          <span>{t.privateEvent}</span>
        </label>
        {evidence.length > 0 && (
          <fieldset className="group evidence-choices">
            <legend>{t.linkedEvidence}</legend>
            {evidence.map((item) => (
              <label key={item.id} className="check">
                <input type="checkbox" name="evidenceIds" value={item.id} defaultChecked={linked.has(item.id)} />
                <span>{item.caption ? `${shownLabel(item)} (${shownName(item)})` : shownName(item)}</span>
              </label>
            ))}
          </fieldset>
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t.save}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
