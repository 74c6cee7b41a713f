// The passphrase the new-case form suggests (renderer/src/lib/passphrase-suggestion.ts):
// list words only, drawn with crypto.getRandomValues, different each time,
// and always accepted by the rule a typed passphrase must pass.
import { describe, expect, it, vi } from 'vitest'
import { judgeNewPassphrase } from '../../shared/passphrase-check'
import { APP_WORDS, judgePassphrase } from '../../shared/passphrase-rule'
import { drawPassphrase, randomBelow, suggestPassphrase, SUGGESTED_WORD_COUNT, SUGGESTION_SEPARATOR } from '../../renderer/src/lib/passphrase-suggestion'
import { PASSPHRASE_WORDS } from '../../renderer/src/lib/passphrase-words'

describe('the word list', () => {
  it('is long enough, unique, lowercase a–z of three letters or more, without the app’s own name', () => {
    expect(PASSPHRASE_WORDS.length).toBeGreaterThanOrEqual(512)
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length)
    for (const word of PASSPHRASE_WORDS) expect(word).toMatch(/^[a-z]{3,}$/)
    for (const word of APP_WORDS) expect(PASSPHRASE_WORDS).not.toContain(word)
  })
})

describe('a suggested passphrase', () => {
  it('passes the rule, is made only of list words and differs each time', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i += 1) {
      const passphrase = suggestPassphrase(judgeNewPassphrase)
      expect(judgeNewPassphrase(passphrase).ok).toBe(true)
      const words = passphrase.split(SUGGESTION_SEPARATOR)
      expect(words.length).toBeGreaterThanOrEqual(SUGGESTED_WORD_COUNT)
      for (const word of words) expect(PASSPHRASE_WORDS).toContain(word)
      seen.add(passphrase)
    }
    expect(seen.size).toBe(200)
  })

  it('takes its randomness from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues')
    try {
      suggestPassphrase(judgeNewPassphrase)
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(SUGGESTED_WORD_COUNT)
    } finally {
      spy.mockRestore()
    }
  })

  it('is drawn again while the rule refuses it, and grows longer if it keeps refusing', () => {
    let judged = 0
    const refuseFirst = (passphrase: string) => {
      judged += 1
      const verdict = judgePassphrase(passphrase, () => ({ score: judged <= 3 ? 2 : 4, suggestions: [] }))
      return verdict
    }
    const passphrase = suggestPassphrase(refuseFirst)
    expect(judged).toBe(4)
    expect(passphrase.split(SUGGESTION_SEPARATOR)).toHaveLength(SUGGESTED_WORD_COUNT)

    const lengths: number[] = []
    const refuseShort = (p: string) => {
      const words = p.split(SUGGESTION_SEPARATOR).length
      lengths.push(words)
      return judgePassphrase(p, () => ({ score: words > SUGGESTED_WORD_COUNT ? 4 : 0, suggestions: [] }))
    }
    expect(suggestPassphrase(refuseShort, undefined, 3).split(SUGGESTION_SEPARATOR)).toHaveLength(SUGGESTED_WORD_COUNT + 1)
    expect(lengths).toEqual([5, 5, 5, 6])
    expect(() => suggestPassphrase((p) => judgePassphrase(p, () => ({ score: 0, suggestions: [] })), undefined, 2)).toThrow()
  })

  it('picks every word of the list with the same chance (no modulo bias)', () => {
    // A stand-in source that yields the numbers just below and at the rejected top of the range.
    const limit = 7
    const top = 2 ** 32 - (2 ** 32 % limit)
    const values = [top, 2 ** 32 - 1, 5]
    const source = (out: Uint32Array) => {
      out[0] = values.shift() ?? 0
      return out
    }
    expect(randomBelow(limit, source)).toBe(5)
    expect(values).toEqual([])
  })

  it('never puts the same word twice in a row', () => {
    // The source says "the second word" twice, then "the first": the repeat is drawn again.
    const values = [1, 1, 0, 0, 1]
    const source = (out: Uint32Array) => {
      out[0] = values.shift() ?? 0
      return out
    }
    expect(drawPassphrase(3, source, ['apple', 'river'])).toBe('river-apple-river')
  })
})
