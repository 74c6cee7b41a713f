// Adds or edits one event of the timeline, including which evidence it shows.
import { useMemo, useState, type FormEvent } from 'react'
import { CHANNELS, EVENT_KINDS, type Channel, type EventInput, type EventKind, type Loss, type Organization, type TimelineEvent } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { call } from '../../ipc'
import { useAction } from '../../hooks/useAction'
import { nowMoment, splitMoment } from '../../lib/dates'
import { optionalText, withoutId } from '../../lib/records'
import { reload } from '../../state/case-actions'
import { showNotice, useCaseData } from '../../state/session'
import { Dialog, submitOnCtrlEnter } from '../../ui/Dialog'
import { ErrorBox } from '../../ui/ErrorBox'
import { shownLabel, shownName } from '../evidence/shown-names'
import { MomentFields, momentFrom, NEW_ORGANIZATION, optionalInteger, OrganizationField, useOrganizationPicker } from '../fields'

/**
 * `event`: the event to edit. Without it a new one is made, its fields filled
 * from `draft` when given (a suggestion found in evidence text: nothing is
 * saved until the user saves it).
 */
export function EventDialog({ event, draft, onClose }: { event?: TimelineEvent; draft?: EventInput; onClose: () => void }) {
  const t = useT()
  const { evidence, organizations, losses } = useCaseData()
  const initial: EventInput | undefined = event ?? draft
  const organization = useOrganizationPicker(initial?.organizationId)
  const [isPrivate, setPrivate] = useState(initial?.private ?? false)
  const offer = privacyOffer(isPrivate, organization.value, organizations, losses)
  const initialMoment = useMemo(() => (initial ? splitMoment(initial.occurredAt) : nowMoment()), [initial])
  const linked = new Set(initial?.evidenceIds ?? [])
  const { run, error, busy } = useAction()

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    void run(async () => {
      const org = await organization.resolve(data)
      // What the call names is made private first: if saving the call then fails, a retry finds it done.
      const marked = isPrivate ? await markPrivate(data, organizations, losses) : []
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
        private: isPrivate,
      }
      if (event) await call('events:update', { id: event.id, value })
      else await call('events:create', value)
      await reload('events', ...marked)
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
            <select name="kind" defaultValue={initial?.kind ?? 'note'}>
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
          <input name="title" defaultValue={initial?.title} required maxLength={500} />
        </label>
        <div className="field-row">
          <div className="grow">
            <OrganizationField value={organization.value} onChange={organization.setValue} />
          </div>
          <label className="field grow">
            <span>{t.representative}</span>
            <input name="representative" defaultValue={initial?.representative} maxLength={200} />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>{t.channel}</span>
            <select name="channel" defaultValue={initial?.channel ?? ''}>
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
            <input name="duration" type="number" min={0} max={1440} defaultValue={initial?.durationMinutes} />
          </label>
        </div>
        <label className="field">
          <span>{t.body}</span>
          <textarea name="body" rows={5} defaultValue={initial?.body} maxLength={100_000} />
        </label>
        <label className="check">
          <input type="checkbox" name="private" checked={isPrivate} onChange={(e) => setPrivate(e.target.checked)} />
          <span>{t.privateEvent}</span>
        </label>
        {offer && (
          <fieldset className="group also-private">
            <legend>{t.alsoPrivate.title}</legend>
            <p className="hint">{t.alsoPrivate.intro}</p>
            {offer.newOrganization && (
              <label className="check">
                <input type="checkbox" name="newOrganizationPrivate" />
                <span>{t.alsoPrivate.newOrganization}</span>
              </label>
            )}
            {offer.organization && (
              <label className="check">
                <input type="checkbox" name="alsoPrivateOrganization" value={offer.organization.id} />
                <span>{t.alsoPrivate.organization(offer.organization.name)}</span>
              </label>
            )}
            {offer.losses.map((loss) => (
              <label key={loss.id} className="check">
                <input type="checkbox" name="alsoPrivateLoss" value={loss.id} />
                <span>{t.alsoPrivate.loss(loss.description)}</span>
              </label>
            ))}
            {(offer.organization || offer.newOrganization) && <p className="hint">{t.alsoPrivate.note}</p>}
          </fieldset>
        )}
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

interface PrivacyOffer {
  /** The call's organisation, when it is not private. */
  organization?: Organization
  /** The organisation is being created with the call. */
  newOrganization: boolean
  /** Losses at the call's organisation that are not private. */
  losses: Loss[]
}

/**
 * What a private call still names that goes out in dossiers and shared
 * copies: its organisation and that organisation's losses, when they are
 * not private themselves. Undefined when there is nothing to offer.
 */
function privacyOffer(isPrivate: boolean, chosen: string, organizations: Organization[], losses: Loss[]): PrivacyOffer | undefined {
  if (!isPrivate) return undefined
  const organization = organizations.find((o) => String(o.id) === chosen)
  const offer: PrivacyOffer = {
    organization: organization && !organization.private ? organization : undefined,
    newOrganization: chosen === NEW_ORGANIZATION,
    losses: organization ? losses.filter((l) => l.organizationId === organization.id && !l.private) : [],
  }
  return offer.organization || offer.newOrganization || offer.losses.length ? offer : undefined
}

/** Marks private what the user ticked in the offer; returns the lists to reload. */
async function markPrivate(data: FormData, organizations: Organization[], losses: Loss[]): Promise<Array<'organizations' | 'losses'>> {
  const ticked = (name: string) => new Set(data.getAll(name).map(Number))
  const orgIds = ticked('alsoPrivateOrganization')
  const lossIds = ticked('alsoPrivateLoss')
  for (const o of organizations.filter((o) => orgIds.has(o.id))) await call('organizations:update', { id: o.id, value: { ...withoutId(o), private: true } })
  for (const l of losses.filter((l) => lossIds.has(l.id))) await call('losses:update', { id: l.id, value: { ...withoutId(l), private: true } })
  return [...(orgIds.size ? (['organizations'] as const) : []), ...(lossIds.size ? (['losses'] as const) : [])]
}
