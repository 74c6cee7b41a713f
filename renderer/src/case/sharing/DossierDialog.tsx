// The PDF dossier (Ctrl/⌘+P): choose who it is for and how it is written,
// see what it would show as not recorded (and fill it in place), then the
// main process asks where to save it and writes it. Shows the file, its
// pages and size; a cancelled save dialog shows nothing.
import { useId, useState, type FormEvent } from 'react'
import { useLanguage, useT } from '../../i18n'
import { useLetterT } from '../../i18n/letter-messages'
import { call } from '../../ipc'
import { formatSize } from '../../lib/evidence-files'
import { useCaseData } from '../../state/session'
import { Dialog } from '../../ui/Dialog'
import { defaultDossierOptions, dossierInput } from './dossier-options'
import { DossierOptionsFields } from './DossierOptionsFields'
import { MissingChecklist, useMissing } from './MissingChecklist'
import { BusyLine, DialogActions, FailureBox, ResultBox } from './Progress'
import { useSharingAction } from './useSharingAction'

export function DossierDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const L = useLetterT()
  const language = useLanguage()
  const { organizations } = useCaseData()
  const introId = useId()
  const formId = useId()
  const [options, setOptions] = useState(() => defaultDossierOptions(language))
  const { start, result, error, busy, resultRef, submitRef } = useSharingAction<{ path: string; pages: number; bytes: number }>()
  // The blanks in the UI's language, whatever language the dossier is written in.
  const missing = useMissing(() => call('dossier:missing', { ...dossierInput(options), lang: language }), JSON.stringify([options, language]))
  const count = missing.state === 'ready' ? missing.items.length : 0
  const provider = options.audience === 'provider' ? organizations.find((o) => o.id === options.organizationId) : undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (!busy) void start(() => call('dossier:create', dossierInput(options)))
  }

  return (
    // Closing while the file is written would lose its result: wait for it.
    <Dialog title={t.sharing.dossierTitle} onClose={() => !busy && onClose()} describedBy={introId} size="large">
      <div className="sharing-form letter-dialog" aria-busy={busy}>
        <p id={introId} className="intro">
          {t.sharing.dossierIntro}
        </p>
        <div className="letter-columns">
          <form id={formId} onSubmit={submit} className="form letter-options">
            <fieldset className="plain" disabled={busy}>
              <DossierOptionsFields value={options} onChange={setOptions} autoFocus />
            </fieldset>
          </form>
          <MissingChecklist
            missing={missing}
            provider={provider}
            busy={busy}
            intro={L.dossierMissingIntro}
            title={L.dossierMissingTitle}
            nothingMissing={L.dossierNothingMissing}
            onLeave={onClose}
          />
        </div>
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
        <DialogActions
          busy={busy}
          done={!!result}
          onClose={onClose}
          submitRef={submitRef}
          form={formId}
          label={count ? L.makeDossierMissing(count) : t.sharing.makeDossier}
        />
      </div>
    </Dialog>
  )
}
