// The passphrase rule (passphrase-rule.ts) with its estimator: zxcvbn-ts
// with the common password and word lists, keyboard layouts, and the
// Japanese dictionary (romanised words and names). The lists are large (about
// 1 MB of script): the app loads this module only when a passphrase form
// opens, the core and the CLI import it directly.
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common'
import { dictionary as japaneseDictionary } from '@zxcvbn-ts/language-ja'
import { APP_WORDS, estimateFromFeedback, judgePassphrase, RATED_LENGTH, type Estimate, type PassphraseVerdict } from './passphrase-rule'

let factory: ZxcvbnFactory | undefined

/** Built on first use (~50 ms): ranking the word lists is the slow part. */
function estimator(): ZxcvbnFactory {
  // No `translations`: the feedback comes back as keys, and each language has its own words for them.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...japaneseDictionary },
    graphs: adjacencyGraphs,
    maxLength: RATED_LENGTH,
  })
  return factory
}

export function estimatePassphrase(passphrase: string): Estimate {
  const zxcvbn = estimator()
  try {
    // The result also holds the passphrase and its pieces: only the score and the feedback keys leave here.
    const { score, feedback } = zxcvbn.check(passphrase, APP_WORDS)
    return estimateFromFeedback(score, feedback)
  } finally {
    // The estimator keeps its last password and the pieces it was cut into
    // (its scoring state) until the next check: a page's heap would hold the
    // passphrase for as long as the app runs (test/e2e/secrets-in-memory.test.ts).
    // Checking nothing replaces them.
    zxcvbn.check('')
  }
}

/** The rule applied to a new passphrase. */
export function judgeNewPassphrase(passphrase: string): PassphraseVerdict {
  return judgePassphrase(passphrase, estimatePassphrase)
}
