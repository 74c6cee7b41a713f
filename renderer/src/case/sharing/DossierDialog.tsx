// The PDF dossier (Ctrl/⌘+P): choose who it is for and how it is written,
// then the main process asks where to save it and writes it. Shows the
// file, its pages and size; a cancelled save dialog shows nothing.
import { useId, useState, type FormEvent } from 'react'
import { useLanguage, useT } from '../../i18n'
import { call } from '../../ipc'
import { formatSize } from '../../lib/evidence-files'
import { Dialog } from '../../ui/Dialog'
import { defaultDossierOptions, dossierInput } from './dossier-options'
import { DossierOptionsFields } from './DossierOptionsFields'
import { BusyLine, DialogActions, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'

export function DossierDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const language = useLanguage()
  const introId = useId()
  const [options, setOptions] = useState(() => defaultDossierOptions(language))
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<{ path: string; pages: number; bytes: number }>()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!busy) void start(() => call('dossier:create', dossierInput(options)))
  }

  return (
    // Closing while the file is written would lose its result: wait for it.
    <Dialog title={t.sharing.dossierTitle} onClose={() => !busy && onClose()} describedBy={introId}>
      <form onSubmit={submit} className="form sharing-form" aria-busy={busy}>
        <p id={introId} className="intro">
          {t.sharing.dossierIntro}
        </p>
        <fieldset className="plain" disabled={busy}>
          <DossierOptionsFields value={options} onChange={setOptions} autoFocus />
        </fieldset>
        <BusyLine busy={busy}>{t.sharing.makingDossier}</BusyLine>
        <FailureBox error={error} headline={t.sharing.dossierNotSaved} />
        {result && (
          <ResultBox
            showable
            ref={resultRef}
            title={t.sharing.dossierMade}
            path={result.path}
            details={[`${t.sharing.pages(result.pages)} · ${formatSize(result.bytes)}`]}
          />
        )}
        <DialogActions busy={busy} done={!!result} onClose={onClose} submitRef={submitRef} label={t.sharing.makeDossier} />
      </form>
    </Dialog>
  )
}
