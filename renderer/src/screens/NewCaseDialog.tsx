// Creates a case file: title, kind, where to save it, and its passphrase.
// The passphrase is read from the form when submitting and never stored in
// React state; only the rule's verdict on it is. Create stays off, saying
// why, until the rule accepts the passphrase.
import { useId, useRef, useState, type FormEvent } from 'react'
import { CASE_KINDS, type CaseKind } from '../../../shared/domain'
import { describeVerdict } from '../../../shared/passphrase-rule'
import { useLanguage, useT } from '../i18n'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { suggestedFileName } from '../lib/paths'
import { chosenPlan, PlanChoice } from '../case/plan/PlanChoice'
import { createCase } from '../state/case-actions'
import { Dialog } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'
import { NewPassphraseFields, PassphraseBlocked, useNewPassphrase } from './PassphraseStrength'

export function NewCaseDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const language = useLanguage()
  const form = useRef<HTMLFormElement>(null)
  const [path, setPath] = useState<string>()
  const newPassphrase = useNewPassphrase()
  const blockedId = useId()
  const [problem, setProblem] = useState<string>()
  const { run, error, busy } = useAction()

  const titleValue = () => String(new FormData(form.current ?? undefined).get('title') ?? '')
  const choosePath = async () => {
    const chosen = await call('dialog:chooseNewCasePath', { suggestedName: suggestedFileName(titleValue()) })
    if (chosen) setPath(chosen)
    return chosen
  }

  const clearPassphrases = () => {
    for (const name of ['passphrase', 'passphraseRepeat']) {
      const input = form.current?.elements.namedItem(name)
      if (input instanceof HTMLInputElement) input.value = ''
    }
    newPassphrase.reset()
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const passphrase = String(data.get('passphrase') ?? '')
    const repeat = String(data.get('passphraseRepeat') ?? '')
    setProblem(undefined)
    const verdict = newPassphrase.rule.judge?.(passphrase)
    if (!verdict?.ok) return setProblem(verdict ? describeVerdict(verdict, t.newPassphrase.words) : t.newPassphrase.blockedChecking)
    if (passphrase !== repeat) return setProblem(t.passphraseMismatch)
    void run(async () => {
      try {
        const target = path ?? (await choosePath())
        if (!target) return
        const kind = data.get('kind') as CaseKind
        const plan = chosenPlan(data.get('plan'), kind)
        await createCase(
          target,
          passphrase,
          { title: String(data.get('title') ?? '').trim(), kind, status: 'open', summary: '', victim: {} },
          plan ? { kind: plan, lang: language } : undefined,
        )
      } finally {
        clearPassphrases()
      }
    })
  }

  return (
    <Dialog title={t.newCaseTitle} onClose={onClose}>
      <form ref={form} onSubmit={submit} className="form">
        <label className="field">
          <span>{t.caseTitle}</span>
          <input name="title" required maxLength={200} placeholder={t.caseTitleHint} data-autofocus />
        </label>
        <label className="field">
          <span>{t.caseKind}</span>
          <select name="kind" defaultValue="account_takeover">
            {CASE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.caseKinds[kind]}
              </option>
            ))}
          </select>
        </label>
        <PlanChoice />
        <div className="field">
          <span id="new-case-file-label">{t.saveAs}</span>
          <div className="path-row">
            <output aria-labelledby="new-case-file-label" className="path-output">
              {path ?? t.noFileChosen}
            </output>
            <button type="button" onClick={() => void run(async () => void (await choosePath()))}>
              {t.chooseFile}
            </button>
          </div>
        </div>
        <NewPassphraseFields
          state={newPassphrase}
          name="passphrase"
          repeatName="passphraseRepeat"
          label={t.passphrase}
          repeatLabel={t.passphraseRepeat}
        />
        <p className="warning" role="note">
          {t.passphraseWarning}
        </p>
        {problem && (
          <p role="alert" className="error-box">
            {problem}
          </p>
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <PassphraseBlocked state={newPassphrase} action={t.createCase} id={blockedId} />
          <button type="button" onClick={onClose}>
            {t.cancel}
          </button>
          <button
            type="submit"
            className="primary"
            disabled={busy || !newPassphrase.accepted}
            aria-describedby={newPassphrase.accepted ? undefined : `${blockedId} ${newPassphrase.reasonId}`}
          >
            {busy ? t.working : t.createCase}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
