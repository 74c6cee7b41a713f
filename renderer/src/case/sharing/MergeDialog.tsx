// Merging a case someone shared (case:merge): the main process asks for the
// .kiroku file, opens it with the passphrase typed here, verifies it, and
// adds what this case lacks; nothing is removed. The passphrase is read from
// the form when submitting, never held in React state, and the field is
// emptied as soon as the call is over, whatever its outcome.
import { useId, useRef, type FormEvent } from 'react'
import type { Output } from '../../../../shared/ipc/contract'
import { useT } from '../../i18n'
import { call, KirokuCallError } from '../../ipc'
import { reload } from '../../state/case-actions'
import { Dialog } from '../../ui/Dialog'
import { followReading } from '../evidence/useReadingStatus'
import { BusyLine, DialogActions, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'

type MergeResult = NonNullable<Output<'case:merge'>>

const isWrongPassphrase = (error: unknown) =>
  error instanceof KirokuCallError && error.code === 'cannot_open' && error.reason === 'wrong_passphrase_or_damaged'

export function MergeDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const form = useRef<HTMLFormElement>(null)
  const introId = useId()
  const hintId = useId()
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<MergeResult>()

  const passphraseField = () => {
    const input = form.current?.elements.namedItem('sharedPassphrase')
    return input instanceof HTMLInputElement ? input : undefined
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (busy) return
    const passphrase = String(new FormData(event.currentTarget).get('sharedPassphrase') ?? '')
    void start(
      async () => {
        let merged: MergeResult | undefined
        try {
          merged = await call('case:merge', { passphrase })
        } finally {
          const field = passphraseField()
          if (field) field.value = ''
        }
        // What was added shows at once on the timeline and the other tabs.
        if (merged) await reload('organizations', 'events', 'references', 'losses', 'evidence', 'tasks', 'plan')
        // Merged pictures, mails and PDFs are read in the background: follow that reading.
        if (merged) followReading()
        return merged
      },
      { focusOnError: (failure) => (isWrongPassphrase(failure) ? passphraseField() : undefined) },
    )
  }

  return (
    <Dialog title={t.sharing.mergeTitle} onClose={() => !busy && onClose()} describedBy={introId}>
      <form ref={form} onSubmit={submit} className="form sharing-form" aria-busy={busy}>
        <p id={introId} className="intro">
          {t.sharing.mergeIntro}
        </p>
        <fieldset className="plain" disabled={busy}>
          <label className="field">
            <span>{t.sharing.mergePassphrase}</span>
            <input
              name="sharedPassphrase"
              type="password"
              autoComplete="off"
              required
              maxLength={1024}
              aria-describedby={hintId}
              data-autofocus
            />
          </label>
          <p id={hintId} className="hint">
            {t.sharing.mergePassphraseHint}
          </p>
        </fieldset>
        <BusyLine busy={busy}>{t.sharing.merging}</BusyLine>
        <FailureBox
          error={error}
          headline={isWrongPassphrase(error) ? t.sharing.wrongSharedPassphrase : t.sharing.mergeNotDone}
          message={isWrongPassphrase(error) ? t.sharing.checkSharedPassphrase : undefined}
        />
        {result && (
          <ResultBox
            ref={resultRef}
            title={t.sharing.mergeMade}
            path={result.path}
            pathLabel={t.sharing.mergedFrom}
            details={[
              t.sharing.mergeAdded(result.added),
              ...(result.added.planNotMerged ? [t.sharing.planNotMerged(t.caseKinds[result.added.planNotMerged])] : []),
            ]}
          />
        )}
        <DialogActions busy={busy} done={!!result} onClose={onClose} submitRef={submitRef} label={t.sharing.makeMerge} />
      </form>
    </Dialog>
  )
}
