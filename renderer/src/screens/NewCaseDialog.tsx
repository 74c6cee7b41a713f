// Creates a case file: the kind (large choices that fill in a title until
// the user writes their own), the title, where to save it, and its
// passphrase, which Kiroku can suggest, show and print on a sheet.
// The passphrase is read from the form when submitting and never stored in
// React state; only the rule's verdict on it is. A suggested one is written
// straight into both fields. Create stays off, saying why, until the rule
// accepts the passphrase.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { CASE_KINDS, type CaseKind } from '../../../shared/domain'
import { describeVerdict } from '../../../shared/passphrase-rule'
import { useLanguage, useT } from '../i18n'
import { useFirstRunT } from '../i18n/first-run-messages'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { suggestPassphrase } from '../lib/passphrase-suggestion'
import { suggestedFileName } from '../lib/paths'
import { chosenPlan, PlanChoice } from '../case/plan/PlanChoice'
import { createCase } from '../state/case-actions'
import { Dialog } from '../ui/Dialog'
import { ErrorBox } from '../ui/ErrorBox'
import { NewPassphraseFields, PassphraseBlocked, useNewPassphrase } from './PassphraseStrength'
import { printPassphraseSheet, removePassphraseSheet } from './passphrase-sheet'
import './first-run.css'

const PASSPHRASE_FIELDS = ['passphrase', 'passphraseRepeat'] as const
const DEFAULT_KIND: CaseKind = 'account_takeover'

export function NewCaseDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const f = useFirstRunT()
  const language = useLanguage()
  const form = useRef<HTMLFormElement>(null)
  const [path, setPath] = useState<string>()
  const newPassphrase = useNewPassphrase()
  const blockedId = useId()
  const ids = useId()
  const [problem, setProblem] = useState<string>()
  const { run, error, busy } = useAction()
  const [today] = useState(() => new Date())
  const [kind, setKind] = useState<CaseKind>(DEFAULT_KIND)
  // The title follows the kind until the user writes one of their own.
  const [ownTitle, setOwnTitle] = useState<string>()
  const title = ownTitle ?? f.suggestedTitle(f.titleStarts[kind], today)
  const [suggested, setSuggested] = useState(false)

  // The printed sheet holds the passphrase: it goes with the form.
  useEffect(() => removePassphraseSheet, [])

  const choosePath = async () => {
    const chosen = await call('dialog:chooseNewCasePath', { suggestedName: suggestedFileName(title.trim()) })
    if (chosen) setPath(chosen)
    return chosen
  }

  const passphraseInputs = () =>
    PASSPHRASE_FIELDS.map((name) => form.current?.elements.namedItem(name)).filter((input): input is HTMLInputElement => input instanceof HTMLInputElement)

  const clearPassphrases = () => {
    for (const input of passphraseInputs()) input.value = ''
    removePassphraseSheet()
    setSuggested(false)
    newPassphrase.reset()
  }

  const suggest = () => {
    const judge = newPassphrase.rule.judge
    if (!judge) return
    const passphrase = suggestPassphrase(judge)
    for (const input of passphraseInputs()) input.value = passphrase
    newPassphrase.setVerdict(judge(passphrase))
    newPassphrase.setShown(true)
    setSuggested(true)
    setProblem(undefined)
  }

  const print = () => {
    const [input] = passphraseInputs()
    if (input && newPassphrase.accepted) printPassphraseSheet(f, title.trim(), input.value)
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

  const printHintId = `${ids}-print`
  const titleHintId = `${ids}-title-hint`
  const titleInputId = `${ids}-title`
  return (
    <Dialog title={t.newCaseTitle} onClose={onClose} size="large">
      <form
        ref={form}
        onSubmit={submit}
        className="form"
        onInput={(event) => {
          // Typing over a suggestion: the note about it no longer holds.
          const target = event.target
          if (suggested && target instanceof HTMLInputElement && (PASSPHRASE_FIELDS as readonly string[]).includes(target.name)) setSuggested(false)
        }}
      >
        <fieldset className="kind-choices">
          <legend>{t.caseKind}</legend>
          <div className="kind-grid">
            {CASE_KINDS.map((choice) => (
              <label key={choice} className="kind-tile">
                <input
                  type="radio"
                  name="kind"
                  value={choice}
                  checked={kind === choice}
                  onChange={() => setKind(choice)}
                  aria-labelledby={`${ids}-${choice}`}
                  aria-describedby={`${ids}-${choice}-hint`}
                  data-autofocus={choice === DEFAULT_KIND ? true : undefined}
                />
                <span className="kind-text">
                  <span id={`${ids}-${choice}`} className="kind-name">
                    {t.caseKinds[choice]}
                  </span>
                  <span id={`${ids}-${choice}-hint`} className="kind-hint">
                    {f.kindHints[choice]}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={titleInputId} className="field-label">
            {t.caseTitle}
          </label>
          <input
            id={titleInputId}
            name="title"
            required
            maxLength={200}
            placeholder={t.caseTitleHint}
            value={title}
            onChange={(event) => setOwnTitle(event.target.value === '' ? undefined : event.target.value)}
            aria-describedby={ownTitle === undefined ? titleHintId : undefined}
          />
          {ownTitle === undefined && (
            <small id={titleHintId} className="hint">
              {f.titleFromKind}
            </small>
          )}
        </div>
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
        <div className="suggest-row">
          <button type="button" onClick={suggest} disabled={!newPassphrase.rule.judge}>
            {f.suggest}
          </button>
          <p className="hint">{f.suggestHint}</p>
        </div>
        <NewPassphraseFields
          state={newPassphrase}
          name="passphrase"
          repeatName="passphraseRepeat"
          label={t.passphrase}
          repeatLabel={t.passphraseRepeat}
        >
          <button type="button" onClick={print} disabled={!newPassphrase.accepted} aria-describedby={printHintId}>
            {f.print}
          </button>
          <span id={printHintId} className="hint">
            {newPassphrase.accepted ? f.printHint : f.printNeedsPassphrase}
          </span>
        </NewPassphraseFields>
        <p className="info-box suggested-note" aria-live="polite">
          {suggested ? f.suggested : ''}
        </p>
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
