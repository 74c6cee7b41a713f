// The passphrase rule (shared/passphrase-rule.ts) for the app's forms, the
// same one the main process applies. Its estimator's word lists are about
// 1 MB of script: they come as a chunk of their own, loaded when a form with a
// new passphrase opens, never with the first screen.
import { useEffect, useState } from 'react'
import type { PassphraseVerdict } from '../../../shared/passphrase-rule'

export type JudgePassphrase = (passphrase: string) => PassphraseVerdict

let loading: Promise<JudgePassphrase> | undefined

export function loadPassphraseRule(): Promise<JudgePassphrase> {
  if (!loading) {
    const started = import('../../../shared/passphrase-check').then((module) => module.judgeNewPassphrase)
    loading = started
    // A failed load is tried again by the next form, not remembered.
    started.catch(() => {
      if (loading === started) loading = undefined
    })
  }
  return loading
}

export interface PassphraseRule {
  /** The rule, once its chunk has loaded. */
  judge?: JudgePassphrase
  /** The chunk could not load: no new passphrase can be accepted (the form says so). */
  failed: boolean
}

export function usePassphraseRule(): PassphraseRule {
  const [rule, setRule] = useState<PassphraseRule>({ failed: false })
  useEffect(() => {
    let live = true
    loadPassphraseRule().then(
      (judge) => live && setRule({ judge, failed: false }),
      () => live && setRule({ failed: true }),
    )
    return () => {
      live = false
    }
  }, [])
  return rule
}
