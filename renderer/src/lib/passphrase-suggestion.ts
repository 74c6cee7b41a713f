// A passphrase Kiroku suggests: words picked at random from a fixed list
// (passphrase-words.ts) with the browser's cryptographic random numbers,
// joined by hyphens, which stay visible on paper and never double up as
// spaces can. It must pass the same rule as a typed one
// (shared/passphrase-rule.ts); a draw the rule refuses is drawn again.
//
// Five words from 765 are about 48 bits: with the file's key derivation
// (PBKDF2, 256,000 rounds per guess) far beyond what guessing can reach.
import type { PassphraseVerdict } from '../../../shared/passphrase-rule'
import { PASSPHRASE_WORDS } from './passphrase-words'

export const SUGGESTED_WORD_COUNT = 5
export const SUGGESTION_SEPARATOR = '-'

/** Fills an array with random numbers: crypto.getRandomValues, or a stand-in in tests. */
export type RandomSource = (values: Uint32Array) => Uint32Array

const cryptoRandom: RandomSource = (values) => crypto.getRandomValues(values)

/** A uniformly random whole number below `limit`, without modulo bias (rejection of the uneven top). */
export function randomBelow(limit: number, random: RandomSource = cryptoRandom): number {
  const range = 2 ** 32
  const usable = range - (range % limit)
  const value = new Uint32Array(1)
  for (;;) {
    random(value)
    if (value[0] < usable) return value[0] % limit
  }
}

/** Words drawn at random from the list, joined by hyphens; no rule applied. */
export function drawPassphrase(count = SUGGESTED_WORD_COUNT, random: RandomSource = cryptoRandom, words: readonly string[] = PASSPHRASE_WORDS): string {
  const picked: string[] = []
  while (picked.length < count) {
    const word = words[randomBelow(words.length, random)]
    // No word twice in a row ("moon-moon" reads as a typo and rates lower).
    if (picked[picked.length - 1] !== word) picked.push(word)
  }
  return picked.join(SUGGESTION_SEPARATOR)
}

/**
 * A passphrase the rule accepts: drawn again while `judge` refuses it (rare:
 * two very common words together). After `attempts` refusals a longer one is
 * drawn, so the function always returns an accepted passphrase or throws.
 */
export function suggestPassphrase(
  judge: (passphrase: string) => PassphraseVerdict,
  random: RandomSource = cryptoRandom,
  attempts = 20,
): string {
  for (let extra = 0; extra <= 2; extra += 1) {
    for (let i = 0; i < attempts; i += 1) {
      const passphrase = drawPassphrase(SUGGESTED_WORD_COUNT + extra, random)
      if (judge(passphrase).ok) return passphrase
    }
  }
  throw new Error('No suggested passphrase passed the rule')
}
