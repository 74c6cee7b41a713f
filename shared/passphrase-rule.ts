// The one rule for a new passphrase (a new case, a passphrase change, an
// encrypted copy), applied by the core, the CLI and the app's meter alike.
// It needs a strength estimator (zxcvbn with common and Japanese
// dictionaries, shared/passphrase-check.ts); this module holds only the rule
// and its words, so the app can show them before the large dictionaries load.
//
// Files made before the rule still open: it is checked for new passphrases
// only, never when opening.
import type { FeedbackType, Score } from '@zxcvbn-ts/core'

/** Characters as a person counts them: code points, so an emoji is one, not two UTF-16 units. */
export const MIN_PASSPHRASE_LENGTH = 8

/**
 * The estimator's score (0–4) a passphrase needs. 3 means about 10^8 guesses
 * or more; each guess at a Kiroku file costs a PBKDF2 of 256,000 rounds.
 */
export const MIN_PASSPHRASE_SCORE = 3

/**
 * Only the first this many UTF-16 units are rated (the estimator slows down
 * on long repetitive input, and the app rates on every keystroke); what comes
 * after only ever makes a passphrase stronger, so it is not counted.
 */
export const RATED_LENGTH = 100

/** Words the estimator treats as guessable: the app's own name. */
export const APP_WORDS = ['kiroku', '記録']

/**
 * The shape of a raw key. SQLite3MultipleCiphers reads more than this as a
 * raw key: see readAsRawKey.
 */
export const RAW_KEY_PATTERN = /^x'[0-9a-f]*'$/i

const SQLCIPHER_KEY_BYTES = 32
const SQLCIPHER_SALT_BYTES = 16
const HEX = /^[0-9a-f]*$/i

/**
 * True when SQLite3MultipleCiphers (SQLCipher scheme) would use this
 * passphrase as key bytes and skip the key derivation, as its
 * sqlite3mcExtractRawKey does: "raw:" followed by 32 or 48 bytes or by 64 or
 * 96 hex digits, and "x'" followed by 64 or 96 hex digits and any one byte (it
 * does not check the closing quote). Lengths are in UTF-8 bytes.
 */
export function readAsRawKey(passphrase: string): boolean {
  const bytes = new TextEncoder().encode(passphrase)
  const text = (from: number, to?: number) => new TextDecoder().decode(bytes.subarray(from, to))
  const key = SQLCIPHER_KEY_BYTES
  const salt = SQLCIPHER_SALT_BYTES
  if (bytes.length > 4 && text(0, 4) === 'raw:') {
    const raw = bytes.length - 4
    if (raw === key || raw === key + salt) return true
    return (raw === 2 * key || raw === 2 * (key + salt)) && HEX.test(text(4))
  }
  if (text(0, 2).toLowerCase() !== "x'") return false
  const hexDigits = bytes.length - 3
  return (hexDigits === 2 * key || hexDigits === 2 * (key + salt)) && HEX.test(text(2, 2 + hexDigits))
}

/**
 * Why a passphrase is refused:
 * - too_short: fewer than MIN_PASSPHRASE_LENGTH characters;
 * - blank: only spaces, line breaks or invisible characters;
 * - emoji_only: only emoji (and spaces);
 * - raw_key: it would be read as a raw key (x'…' or raw:…), without the key derivation;
 * - broken: it holds half of a surrogate pair, which UTF-8 cannot carry (two
 *   such passphrases would become the same key);
 * - weak: the estimator scores it below MIN_PASSPHRASE_SCORE.
 */
export type PassphraseProblem = 'too_short' | 'blank' | 'emoji_only' | 'raw_key' | 'broken' | 'weak'

export const PASSPHRASE_PROBLEMS: readonly PassphraseProblem[] = ['too_short', 'blank', 'emoji_only', 'raw_key', 'broken', 'weak']

export type EstimatorWarning =
  | 'straightRow'
  | 'keyPattern'
  | 'simpleRepeat'
  | 'extendedRepeat'
  | 'sequences'
  | 'recentYears'
  | 'dates'
  | 'topTen'
  | 'topHundred'
  | 'common'
  | 'similarToCommon'
  | 'wordByItself'
  | 'namesByThemselves'
  | 'commonNames'
  | 'userInputs'
  | 'pwned'

export type EstimatorSuggestion =
  | 'l33t'
  | 'reverseWords'
  | 'allUppercase'
  | 'capitalization'
  | 'dates'
  | 'recentYears'
  | 'associatedYears'
  | 'sequences'
  | 'repeated'
  | 'longerKeyboardPattern'
  | 'anotherWord'
  | 'useWords'
  | 'noNeed'
  | 'pwned'

/** What the estimator says, as keys (the words are ours, in each language). */
export interface Estimate {
  score: Score
  warning?: EstimatorWarning
  suggestions: EstimatorSuggestion[]
}

export type Estimator = (passphrase: string) => Estimate

/** The verdict on a new passphrase. It holds nothing of the passphrase but its length. */
export interface PassphraseVerdict {
  ok: boolean
  /** 0–4 for the meter; 0 when refused for its shape. */
  score: Score
  /** Characters (code points). */
  length: number
  problem?: PassphraseProblem
  warning?: EstimatorWarning
  suggestions: EstimatorSuggestion[]
}

const BROKEN = /\p{Cs}/u
const BLANK = /^[\s\p{Default_Ignorable_Code_Point}\p{Cc}]*$/u
// Pictographs, flags, skin tones, keycaps ("1️⃣"), joiners, variation selectors, tag characters, and spaces between.
const EMOJI_ONLY =
  /^(?:[0-9#*]\uFE0F?\u20E3|\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200D\uFE0E\uFE0F\u{E0020}-\u{E007F}]|\s)+$/u

/** Refused before any estimate: it would be read as a raw key, or starts like one. */
const looksLikeRawKey = (passphrase: string) => RAW_KEY_PATTERN.test(passphrase) || /^raw:/i.test(passphrase) || readAsRawKey(passphrase)

/** Applies the rule; `estimate` is consulted only when the shape is acceptable. */
export function judgePassphrase(passphrase: string, estimate: Estimator): PassphraseVerdict {
  try {
    return judge(passphrase, estimate)
  } finally {
    // The last regular-expression match (the legacy RegExp.input) would
    // otherwise keep the passphrase until some other match replaces it.
    /^/.test('')
  }
}

function judge(passphrase: string, estimate: Estimator): PassphraseVerdict {
  const length = [...passphrase].length
  const refuse = (problem: PassphraseProblem): PassphraseVerdict => ({ ok: false, score: 0, length, problem, suggestions: [] })
  if (BROKEN.test(passphrase)) return refuse('broken')
  if (BLANK.test(passphrase) && length > 0) return refuse('blank')
  if (looksLikeRawKey(passphrase)) return refuse('raw_key')
  if (length < MIN_PASSPHRASE_LENGTH) return refuse('too_short')
  if (EMOJI_ONLY.test(passphrase)) return refuse('emoji_only')
  const { score, warning, suggestions } = estimate(passphrase)
  const ok = score >= MIN_PASSPHRASE_SCORE
  return { ok, score, length, problem: ok ? undefined : 'weak', warning: ok ? undefined : warning, suggestions: ok ? [] : suggestions }
}

/** Keeps the keys this rule knows from the estimator's feedback (given as keys, not words). */
export function estimateFromFeedback(score: Score, feedback: FeedbackType): Estimate {
  const warning = feedback.warning && feedback.warning in PASSPHRASE_WORDS_EN.warnings ? (feedback.warning as EstimatorWarning) : undefined
  const suggestions = feedback.suggestions.filter((s): s is EstimatorSuggestion => s in PASSPHRASE_WORDS_EN.suggestions)
  return { score, warning, suggestions }
}

/** The words for a verdict, in one language (English here; the app's Japanese in renderer/src/i18n/ja.ts). */
export interface PassphraseWords {
  problems: Record<Exclude<PassphraseProblem, 'too_short' | 'weak'>, string>
  tooShort: (length: number) => string
  weak: string
  warnings: Record<EstimatorWarning, string>
  suggestions: Record<EstimatorSuggestion, string>
  /** Between two sentences: a space in English, nothing in Japanese. */
  sentenceGap: string
}

export const PASSPHRASE_WORDS_EN: PassphraseWords = {
  tooShort: (length) =>
    `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters${length > 0 ? ` (it has ${length})` : ''}. Several words are easier to remember than a short password.`,
  problems: {
    blank: 'The passphrase is only spaces or invisible characters. Use words you can remember.',
    emoji_only:
      'The passphrase is only emoji. Emoji are hard to type the same way on another computer or phone; use words, and add an emoji if you like.',
    raw_key:
      'A passphrase that starts with x\' or raw: can be read as a raw encryption key, which skips the protection Kiroku gives passphrases. Choose another one.',
    broken: 'The passphrase contains a broken character. Type it again.',
  },
  weak: 'This passphrase would be easy to guess.',
  warnings: {
    straightRow: 'Keys next to each other on the keyboard are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated characters such as "aaa" are easy to guess.',
    extendedRepeat: 'Repeated patterns such as "abcabc" are easy to guess.',
    sequences: 'Sequences such as "abc", "1234" or "あいうえ" are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'It is one of the most used passwords.',
    topHundred: 'It is a very often used password.',
    common: 'It is a commonly used password.',
    similarToCommon: 'It is close to a commonly used password.',
    wordByItself: 'A single word is easy to guess.',
    namesByThemselves: 'Names on their own are easy to guess.',
    commonNames: 'Common names and surnames are easy to guess.',
    userInputs: 'The name of this app does not make a passphrase.',
    pwned: 'It has appeared in leaked password lists.',
  },
  suggestions: {
    l33t: 'Writing "@" for "a" or "0" for "o" does not help much.',
    reverseWords: 'A word written backwards does not help much.',
    allUppercase: 'Capitals everywhere do not help much.',
    capitalization: 'A capital first letter does not help much.',
    dates: 'Leave out dates and years that have to do with you.',
    recentYears: 'Leave out recent years.',
    associatedYears: 'Leave out years that have to do with you.',
    sequences: 'Leave out sequences such as "abc" or "1234".',
    repeated: 'Leave out repeated words and characters.',
    longerKeyboardPattern: 'Leave out keyboard patterns.',
    anotherWord: 'Add another word or two that are not common together.',
    useWords: 'Use several words, not a well-known phrase.',
    noNeed: 'Symbols, digits or capitals are not needed: several words are enough.',
    pwned: 'Choose a passphrase you have not used anywhere else.',
  },
  sentenceGap: ' ',
}

/** The reason for a refusal, in sentences (empty for an accepted passphrase). */
export function describeVerdict(verdict: PassphraseVerdict, words: PassphraseWords = PASSPHRASE_WORDS_EN): string {
  if (!verdict.problem) return ''
  if (verdict.problem === 'too_short') return words.tooShort(verdict.length)
  if (verdict.problem !== 'weak') return words.problems[verdict.problem]
  // A suggestion that only repeats the warning ("sequences are easy to guess" / "leave out sequences") is left out.
  const repeats = (s: EstimatorSuggestion) =>
    s === verdict.warning || (s === 'repeated' && (verdict.warning === 'simpleRepeat' || verdict.warning === 'extendedRepeat'))
  const kept = verdict.suggestions.filter((s) => !repeats(s))
  const advice = (kept.length ? kept : ['anotherWord' as const]).map((s) => words.suggestions[s])
  return [words.weak, verdict.warning && words.warnings[verdict.warning], ...advice].filter(Boolean).join(words.sentenceGap)
}
