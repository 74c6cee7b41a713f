// A rough strength estimate to nudge people away from short or repetitive
// passphrases. Not a guarantee: it only counts length and variety.
export const MIN_PASSPHRASE_LENGTH = 8

/** 0 too short, 1 weak, 2 fair, 3 good, 4 strong */
export type Strength = 0 | 1 | 2 | 3 | 4

export function passphraseStrength(passphrase: string): Strength {
  try {
    return estimate(passphrase)
  } finally {
    // The page's last regular-expression match (the legacy RegExp.input)
    // would otherwise keep the passphrase until some other match replaces it.
    /^/.test('')
  }
}

function estimate(passphrase: string): Strength {
  const chars = [...passphrase]
  if (chars.length < MIN_PASSPHRASE_LENGTH) return 0
  let pool = 0
  if (/[a-z]/.test(passphrase)) pool += 26
  if (/[A-Z]/.test(passphrase)) pool += 26
  if (/\d/.test(passphrase)) pool += 10
  if (/[^\w\s]/.test(passphrase) && /[\x21-\x7e]/.test(passphrase)) pool += 32
  if (/\s/.test(passphrase)) pool += 1
  // Kana and kanji: thousands of symbols, but people pick common words; count modestly.
  if (/[^\x00-\x7f]/.test(passphrase)) pool += 300
  const distinct = new Set(chars).size
  // Repeats ("aaaaaaaa", "abcabcabc") add length but little surprise.
  const effectiveLength = Math.min(chars.length, distinct * 2)
  const bits = effectiveLength * Math.log2(Math.max(pool, 2))
  if (bits < 40) return 1
  if (bits < 60) return 2
  if (bits < 80) return 3
  return 4
}
