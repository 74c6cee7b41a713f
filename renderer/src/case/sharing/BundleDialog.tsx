// The submission bundle: a ZIP of the dossier, the original evidence and a
// manifest of hashes, for someone who needs the files themselves. It is not
// encrypted, so the dialog says so first and offers the encrypted copy.
import { useId, useState, type FormEvent } from 'react'
import { useLanguage, useT } from '../../i18n'
import { call } from '../../ipc'
import { formatSize } from '../../lib/evidence-files'
import { Dialog } from '../../ui/Dialog'
import { defaultDossierOptions, dossierInput } from './dossier-options'
import { DossierOptionsFields } from './DossierOptionsFields'
import { BusyLine, DialogActions, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'

interface BundleDialogProps {
  onClose: () => void
  /** Leaves this dialog for the encrypted copy. */
  onUseShare: () => void
}

export function BundleDialog({ onClose, onUseShare }: BundleDialogProps) {
  const t = useT()
  const language = useLanguage()
  const warningId = useId()
  const warningTitleId = useId()
  const [options, setOptions] = useState(() => defaultDossierOptions(language))
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<{ path: string; files: number; bytes: number }>()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!busy) void start(() => call('bundle:create', dossierInput(options)))
  }

  return (
    <Dialog title={t.sharing.bundleTitle} onClose={() => !busy && onClose()} describedBy={warningId}>
      <form onSubmit={submit} className="form sharing-form" aria-busy={busy}>
        <section className="unencrypted-warning" role="note" aria-labelledby={warningTitleId}>
          <h3 id={warningTitleId}>
            <span aria-hidden="true">⚠ </span>
            {t.sharing.bundleWarningTitle}
          </h3>
          <p id={warningId}>{t.sharing.bundleWarning}</p>
          <button type="button" onClick={onUseShare} disabled={busy} data-autofocus>
            {t.sharing.useShareInstead}
          </button>
        </section>
        <p className="intro">{t.sharing.bundleIntro}</p>
        <fieldset className="plain" disabled={busy}>
          <DossierOptionsFields value={options} onChange={setOptions} />
        </fieldset>
        <BusyLine busy={busy}>{t.sharing.makingBundle}</BusyLine>
        <FailureBox error={error} headline={t.sharing.bundleNotSaved} />
        {result && (
          <ResultBox
            showable
            ref={resultRef}
            title={t.sharing.bundleMade}
            path={result.path}
            details={[`${t.sharing.files(result.files)} · ${formatSize(result.bytes)}`]}
          />
        )}
        <DialogActions busy={busy} done={!!result} onClose={onClose} submitRef={submitRef} label={t.sharing.makeBundle} />
      </form>
    </Dialog>
  )
}
