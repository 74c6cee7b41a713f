// The fields for a new passphrase (a new case, an encrypted copy): the
// passphrase with the rule's meter and its reason under it, the repetition,
// and a switch that shows both. The rule is the one the main process applies
// (shared/passphrase-rule.ts). Only its verdict is kept in React state (a
// score, a length and reason codes), never the text. The switch is a toggle
// button (aria-pressed), with room beside it for a form's own buttons.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { describeVerdict, type PassphraseVerdict } from '../../../shared/passphrase-rule'
import { useT, type Messages } from '../i18n'
import { usePassphraseRule, type PassphraseRule } from '../lib/passphrase-strength'
import './first-run.css'

export interface NewPassphrase {
  rule: PassphraseRule
  verdict: PassphraseVerdict | undefined
  setVerdict: (verdict: PassphraseVerdict | undefined) => void
  shown: boolean
  setShown: (shown: boolean) => void
  /** After the fields were emptied: the verdict on nothing, and hidden again. */
  reset: () => void
  /** Why the form's action is not possible yet (for its aria-describedby), while it is not. */
  reasonId: string
  /** The rule accepts what is in the field. */
  accepted: boolean
}

export function useNewPassphrase(): NewPassphrase {
  const rule = usePassphraseRule()
  const [verdict, setVerdict] = useState<PassphraseVerdict>()
  const [shown, setShown] = useState(false)
  const reasonId = useId()
  const judge = rule.judge
  const reset = useCallback(() => {
    setVerdict(judge?.(''))
    setShown(false)
  }, [judge])
  return { rule, verdict, setVerdict, shown, setShown, reset, reasonId, accepted: !!verdict?.ok }
}

/** The meter's word for a verdict. */
function meterLabel(t: Messages, rule: PassphraseRule, verdict: PassphraseVerdict | undefined): string {
  const words = t.newPassphrase
  if (rule.failed) return words.unavailableLabel
  if (!verdict) return words.checking
  if (verdict.length === 0) return words.empty
  if (verdict.problem === 'too_short') return words.tooShortLabel
  if (verdict.problem && verdict.problem !== 'weak') return words.refusedLabel
  return words.meter[verdict.score]
}

interface FieldsProps {
  state: NewPassphrase
  name: string
  repeatName: string
  label: string
  repeatLabel: string
  /** More to describe the passphrase field with (a hint's id). */
  describedBy?: string
  /** More buttons beside the show switch (e.g. print). */
  children?: ReactNode
}

export function NewPassphraseFields({ state, name, repeatName, label, repeatLabel, describedBy, children }: FieldsProps) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  const meterId = useId()
  const { judge } = state.rule
  const { setVerdict } = state
  // The rule may arrive after typing began: judge what the field holds now.
  useEffect(() => {
    if (judge) setVerdict(judge(input.current?.value ?? ''))
  }, [judge, setVerdict])

  const verdict = state.verdict
  const shownLabel = meterLabel(t, state.rule, verdict)
  const refused = state.rule.failed || (!!verdict?.problem && verdict.length > 0)
  const reason = state.rule.failed
    ? t.newPassphrase.unavailable
    : !verdict
      ? ''
      : verdict.length === 0
        ? t.newPassphrase.hint
        : verdict.ok
          ? t.newPassphrase.accepted
          : describeVerdict(verdict, t.newPassphrase.words)
  const fieldProps = {
    type: state.shown ? 'text' : 'password',
    autoComplete: 'new-password',
    spellCheck: false,
    autoCapitalize: 'off',
    autoCorrect: 'off',
    required: true,
  } as const
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          ref={input}
          name={name}
          {...fieldProps}
          aria-describedby={[meterId, state.reasonId, describedBy].filter(Boolean).join(' ')}
          aria-invalid={refused || undefined}
          onInput={(e) => judge && setVerdict(judge(e.currentTarget.value))}
        />
      </label>
      <div className={`strength strength-${verdict?.score ?? 0}${refused ? ' strength-refused' : ''}${verdict?.ok ? ' strength-ok' : ''}`}>
        <span id={meterId}>{t.newPassphrase.strength}</span>
        <meter min={0} max={4} low={2.5} high={2.75} optimum={4} value={verdict?.score ?? 0} aria-labelledby={meterId} aria-valuetext={shownLabel} />
        <span className="strength-label" aria-live="polite">
          {shownLabel}
        </span>
      </div>
      <p id={state.reasonId} className={refused ? 'strength-reason refused' : 'strength-reason'} aria-live="polite">
        {reason}
      </p>
      <label className="field">
        <span>{repeatLabel}</span>
        <input name={repeatName} {...fieldProps} />
      </label>
      <div className="passphrase-tools">
        <button type="button" className="toggle" aria-pressed={state.shown} onClick={() => state.setShown(!state.shown)}>
          <span className="toggle-mark" aria-hidden="true" />
          {t.newPassphrase.show}
        </button>
        {children}
      </div>
    </>
  )
}

/** Beside the action a new passphrase holds back: says why it cannot be used yet. */
export function PassphraseBlocked({ state, action, id }: { state: NewPassphrase; action: string; id: string }) {
  const t = useT()
  if (state.accepted) return null
  const text = state.rule.failed
    ? t.newPassphrase.unavailable
    : !state.verdict
      ? t.newPassphrase.blockedChecking
      : state.verdict.length === 0
        ? t.newPassphrase.blockedEmpty(action)
        : t.newPassphrase.blockedRefused(action)
  return (
    <p id={id} className="hint passphrase-blocked">
      {text}
    </p>
  )
}
