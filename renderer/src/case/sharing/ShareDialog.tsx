// An encrypted copy for someone else (share:create): the whole case under a
// passphrase of its own, without private items or evidence the user leaves
// out. The case passphrase is asked again. Passphrases are read from the
// form when submitting, never held in React state or a store, and the
// fields are emptied as soon as the call is over, whatever its outcome.
import { useId, useMemo, useRef, useState, type FormEvent } from 'react'
import type { Output } from '../../../../shared/ipc/contract'
import type { Evidence } from '../../../../shared/domain'
import { describeVerdict } from '../../../../shared/passphrase-rule'
import type { CaseData } from '../../state/session'
import { useT } from '../../i18n'
import { call, KirokuCallError } from '../../ipc'
import { NewPassphraseFields, PassphraseBlocked, useNewPassphrase } from '../../screens/PassphraseStrength'
import { useCaseData } from '../../state/session'
import { Dialog } from '../../ui/Dialog'
import { EvidenceImage } from '../evidence/EvidenceThumb'
import { shownLabel, shownName } from '../evidence/shown-names'
import { BusyLine, DialogActions, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'

const PASSPHRASE_FIELDS = ['casePassphrase', 'sharePassphrase', 'sharePassphraseRepeat'] as const

type ShareResult = NonNullable<Output<'share:create'>>

const isWrongPassphrase = (error: unknown) =>
  error instanceof KirokuCallError && error.code === 'cannot_open' && error.reason === 'wrong_passphrase_or_damaged'

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const caseData = useCaseData()
  const { events, evidence, organizations, losses } = caseData
  const form = useRef<HTMLFormElement>(null)
  const introId = useId()
  const caseHintId = useId()
  const shareHintId = useId()
  const privateHintId = useId()
  const newPassphrase = useNewPassphrase()
  const blockedId = useId()
  const [problem, setProblem] = useState<string>()
  const [withoutPrivate, setWithoutPrivate] = useState(true)
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set())
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<ShareResult>()

  const privateEvents = useMemo(() => events.filter((e) => e.private).length, [events])
  const privateEvidence = useMemo(() => evidence.filter((e) => e.private).length, [evidence])
  const privateOrganizations = useMemo(() => organizations.filter((o) => o.private).length, [organizations])
  const privateLosses = useMemo(() => losses.filter((l) => l.private).length, [losses])
  const stillLinked = useMemo(() => linkedToPrivateCalls(caseData), [caseData])
  const leftOutByPrivacy = (item: Evidence) => withoutPrivate && item.private
  const leavingOut = evidence.filter((item) => leftOutByPrivacy(item) || excluded.has(item.id)).length

  const field = (name: (typeof PASSPHRASE_FIELDS)[number]) => {
    const input = form.current?.elements.namedItem(name)
    return input instanceof HTMLInputElement ? input : undefined
  }
  const clearPassphrases = () => {
    for (const name of PASSPHRASE_FIELDS) {
      const input = field(name)
      if (input) input.value = ''
    }
    newPassphrase.reset()
  }
  const toggle = (id: number, leaveOut: boolean) =>
    setExcluded((current) => {
      const next = new Set(current)
      if (leaveOut) next.add(id)
      else next.delete(id)
      return next
    })

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    const data = new FormData(event.currentTarget)
    const passphrase = String(data.get('casePassphrase') ?? '')
    const sharePassphrase = String(data.get('sharePassphrase') ?? '')
    const repeat = String(data.get('sharePassphraseRepeat') ?? '')
    setProblem(undefined)
    const refuse = (message: string, focus: (typeof PASSPHRASE_FIELDS)[number]) => {
      setProblem(message)
      field(focus)?.focus()
    }
    const verdict = newPassphrase.rule.judge?.(sharePassphrase)
    if (!verdict?.ok) return refuse(verdict ? describeVerdict(verdict, t.newPassphrase.words) : t.newPassphrase.blockedChecking, 'sharePassphrase')
    if (sharePassphrase !== repeat) return refuse(t.passphraseMismatch, 'sharePassphraseRepeat')
    if (sharePassphrase === passphrase) return refuse(t.sharing.sameAsCasePassphrase, 'sharePassphrase')
    // Private evidence is left out by withoutPrivate already; only the others are named.
    const excludeEvidenceIds = evidence.filter((item) => excluded.has(item.id) && !leftOutByPrivacy(item)).map((item) => item.id)
    void start(
      async () => {
        try {
          return await call('share:create', { passphrase, sharePassphrase, withoutPrivate, excludeEvidenceIds })
        } finally {
          clearPassphrases()
        }
      },
      { focusOnError: (failure) => (isWrongPassphrase(failure) ? field('casePassphrase') : undefined) },
    )
  }

  return (
    <Dialog title={t.sharing.shareTitle} onClose={() => !busy && onClose()} describedBy={introId} size="large">
      <form
        ref={form}
        onSubmit={submit}
        // A refusal is about what was typed: it goes once the user types again.
        onInput={() => setProblem(undefined)}
        className="form sharing-form"
        aria-busy={busy}
      >
        <p id={introId} className="intro">
          {t.sharing.shareIntro}
        </p>
        <fieldset className="plain share-columns" disabled={busy}>
          <div className="share-passphrases">
            <label className="field">
              <span>{t.sharing.casePassphrase}</span>
              <input
                name="casePassphrase"
                type="password"
                autoComplete="current-password"
                required
                aria-describedby={caseHintId}
                data-autofocus
              />
            </label>
            <p id={caseHintId} className="hint">
              {t.sharing.casePassphraseHint}
            </p>
            <NewPassphraseFields
              state={newPassphrase}
              name="sharePassphrase"
              repeatName="sharePassphraseRepeat"
              label={t.sharing.sharePassphrase}
              repeatLabel={t.sharing.sharePassphraseRepeat}
              describedBy={shareHintId}
            />
            <p id={shareHintId} className="warning" role="note">
              {t.sharing.sharePassphraseHint}
            </p>
          </div>
          <div className="share-contents">
            <div>
              <label className="check">
                <input
                  type="checkbox"
                  checked={withoutPrivate}
                  onChange={(e) => setWithoutPrivate(e.target.checked)}
                  aria-describedby={privateHintId}
                />
                <span>{t.sharing.withoutPrivate}</span>
              </label>
              <p id={privateHintId} className="hint">
                {t.sharing.privateCount(privateEvents, privateEvidence, privateOrganizations, privateLosses)}
              </p>
              {withoutPrivate && stillLinked.length > 0 && (
                <div className="warning linked-to-private" role="note">
                  <p className="warning-title">{t.sharing.linkedToPrivate.title}</p>
                  <ul>
                    {stillLinked.map((item) => (
                      <li key={`${item.kind}-${item.id}`}>
                        {item.kind === 'organization'
                          ? t.sharing.linkedToPrivate.organization(item.name)
                          : item.kind === 'loss'
                            ? t.sharing.linkedToPrivate.loss(item.description)
                            : t.sharing.linkedToPrivate.reference(item.label, item.value)}
                      </li>
                    ))}
                  </ul>
                  <p>{t.sharing.linkedToPrivate.hint}</p>
                </div>
              )}
            </div>
            <fieldset className="group">
              <legend>{t.sharing.leaveOutEvidence}</legend>
              {evidence.length === 0 ? (
                <p className="hint">{t.sharing.noEvidence}</p>
              ) : (
                <>
                  <ul className="leave-out-list">
                    {evidence.map((item) => {
                      const byPrivacy = leftOutByPrivacy(item)
                      return (
                        <li key={item.id}>
                          <label className="check">
                            <input
                              type="checkbox"
                              checked={byPrivacy || excluded.has(item.id)}
                              disabled={byPrivacy}
                              onChange={(e) => toggle(item.id, e.target.checked)}
                            />
                            <span className="leave-out-thumb" aria-hidden="true">
                              <EvidenceImage evidence={item} className="leave-out-image" />
                            </span>
                            <span className="leave-out-name">
                              {shownLabel(item)}
                              {item.caption && <span className="muted"> · {shownName(item)}</span>}
                              {byPrivacy && <span className="badge">{t.sharing.privateLeftOut}</span>}
                            </span>
                          </label>
                        </li>
                      )
                    })}
                  </ul>
                  <p className="hint" aria-live="polite">
                    {t.sharing.leavingOut(leavingOut)}
                  </p>
                </>
              )}
            </fieldset>
          </div>
        </fieldset>
        {problem && (
          <p role="alert" className="error-box">
            {problem}
          </p>
        )}
        <FailureBox
          error={error}
          headline={isWrongPassphrase(error) ? t.sharing.wrongCasePassphrase : t.sharing.shareNotSaved}
          message={isWrongPassphrase(error) ? t.sharing.checkCasePassphrase : undefined}
        />
        <BusyLine busy={busy}>{t.sharing.makingShare}</BusyLine>
        {result && (
          <ResultBox
            showable
            ref={resultRef}
            title={t.sharing.shareMade}
            path={result.path}
            details={[
              t.sharing.shareHolds(result.events, result.evidence),
              t.sharing.shareLeftOut(result.leftOutEvents, result.leftOutEvidence, result.leftOutOrganizations, result.leftOutLosses),
              t.sharing.shareRemember,
            ]}
          />
        )}
        <DialogActions
          busy={busy}
          done={!!result}
          onClose={onClose}
          submitRef={submitRef}
          label={t.sharing.makeShare}
          blocked={
            newPassphrase.accepted
              ? undefined
              : {
                  reasonIds: `${blockedId} ${newPassphrase.reasonId}`,
                  note: !result && <PassphraseBlocked state={newPassphrase} action={t.sharing.makeShare} id={blockedId} />,
                }
          }
        />
      </form>
    </Dialog>
  )
}

type LinkedItem =
  | { kind: 'organization'; id: number; name: string }
  | { kind: 'loss'; id: number; description: string }
  | { kind: 'reference'; id: number; label: string; value: string }

/**
 * What a copy without private items still carries that is tied to a private
 * call: the call's organisation when it is not private, that organisation's
 * losses that are not private, and its reference numbers while it is named
 * (those given on the private call itself are left out with it).
 */
export function linkedToPrivateCalls({ events, organizations, losses, references }: Pick<CaseData, 'events' | 'organizations' | 'losses' | 'references'>): LinkedItem[] {
  const privateCalls = events.filter((e) => e.private)
  const privateCallIds = new Set(privateCalls.map((e) => e.id))
  const named = new Set(privateCalls.flatMap((e) => (e.organizationId !== undefined ? [e.organizationId] : [])))
  const open = organizations.filter((o) => named.has(o.id) && !o.private)
  const openIds = new Set(open.map((o) => o.id))
  const at = (ids: Set<number>, organizationId: number | undefined) => organizationId !== undefined && ids.has(organizationId)
  return [
    ...open.map((o): LinkedItem => ({ kind: 'organization', id: o.id, name: o.name })),
    ...losses.filter((l) => !l.private && at(named, l.organizationId)).map((l): LinkedItem => ({ kind: 'loss', id: l.id, description: l.description })),
    ...references
      .filter((r) => at(openIds, r.organizationId) && !(r.eventId !== undefined && privateCallIds.has(r.eventId)))
      .map((r): LinkedItem => ({ kind: 'reference', id: r.id, label: r.label, value: r.value })),
  ]
}
