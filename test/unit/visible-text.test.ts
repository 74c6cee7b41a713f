// revealHidden: every direction control and invisible character written out
// as a 〔U+XXXX〕 marker, nothing else touched; restoreHidden: its exact inverse,
// so an edited caption keeps the characters its markers stand for.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasHidden, restoreHidden, revealHidden, withoutHidden } from '../../shared/visible-text'

const BIDI = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]
const INVISIBLE = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e, 0x2028, 0x2029, 0x3164, 0xe0041, 0x0000, 0x001b, 0x000a, 0x0085]
const HIDDEN = [...BIDI, ...INVISIBLE].map((cp) => String.fromCodePoint(cp))
const MARKER = /〔U\+[0-9A-F]{4,6}〕/g

// Text people type: Latin, kana, kanji, punctuation, emoji (with a joiner), IVS; never a hidden character.
const visibleChar = fc.constantFrom('a', 'Z', '0', '.', '/', ' ', '　', 'ー', '受', '付', '番', '号', 'ｶ', '😀', '❤️', '👨‍👩‍👧', '葛󠄀', 'é', 'ש', 'ع')
const visibleText = fc.array(visibleChar, { maxLength: 30 }).map((parts) => parts.join(''))
const anyChar = fc.oneof(visibleChar, fc.constantFrom(...HIDDEN), fc.string({ unit: 'binary', maxLength: 1 }))
const anyText = fc.array(anyChar, { maxLength: 40 }).map((parts) => parts.join(''))

describe('revealHidden', () => {
  it('writes out the classic right-to-left override and its kin', () => {
    expect(revealHidden('invoice\u202Egnp.exe')).toBe('invoice〔U+202E〕gnp.exe')
    expect(revealHidden('a\u200Bb\uFEFFc\u00ADd')).toBe('a〔U+200B〕b〔U+FEFF〕c〔U+00AD〕d')
    expect(revealHidden('\u2066x\u2069')).toBe('〔U+2066〕x〔U+2069〕')
    expect(revealHidden('line\nbreak')).toBe('line〔U+000A〕break')
    expect(revealHidden('tag\u{E0041}')).toBe('tag〔U+E0041〕')
    expect(revealHidden('lone\uD800')).toBe('lone〔U+D800〕')
    expect(hasHidden('invoice\u202Egnp.exe')).toBe(true)
  })

  it('keeps emoji joiners, variation selectors and Japanese as they are', () => {
    for (const text of ['家族👨‍👩‍👧の写真', '🏳️‍🌈', '❤️', '葛󠄀飾区', 'ｽｸﾘｰﾝｼｮｯﾄ 2018-10-12.png']) {
      expect(revealHidden(text)).toBe(text)
      expect(hasHidden(text)).toBe(false)
    }
    // A joiner between letters is not part of a picture.
    expect(revealHidden('a\u200Db')).toBe('a〔U+200D〕b')
  })

  it('is the identity on text without hidden characters', () => {
    fc.assert(fc.property(visibleText, (text) => revealHidden(text) === text && !hasHidden(text)), { numRuns: 2000 })
  })

  it('never leaves a direction control or invisible character, and keeps every visible one in order', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const shown = revealHidden(text)
        expect(hasHidden(shown)).toBe(false)
        for (const ch of [...shown]) expect(HIDDEN.includes(ch) && ch !== '\u200D').toBe(false)
        // Taking the markers out leaves what a reader could already see.
        expect(withoutHidden(shown.replace(MARKER, ''))).toBe(withoutHidden(text))
        // One marker per hidden character (joiners inside emoji excepted).
        expect(shown.match(MARKER)?.length ?? 0).toBe([...text].length - [...withoutHidden(text)].length - (text.match(/(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu)?.length ?? 0))
      }),
      { numRuns: 3000 },
    )
  })
})

// Text that looks like markers, whole or in pieces: the cases where a round trip could go wrong.
const markerLike = fc.constantFrom('〔', '〕', 'U+', '202E', '〔U+202E〕', 'U+202E〕', '〔U+3014〕', 'U+3014〕', '〔U+0041〕', '〔U+200D〕', '〔U+202e〕', '〔U+0202E〕', '〔U+E0041〕', '〔U+D800〕', '〔U+110000〕', '〔U+')
const trickyText = fc.array(fc.oneof(anyChar, markerLike), { maxLength: 30 }).map((parts) => parts.join(''))

describe('restoreHidden', () => {
  it('turns markers back into the characters they stand for', () => {
    expect(restoreHidden('invoice〔U+202E〕gnp.exe')).toBe('invoice\u202Egnp.exe')
    expect(restoreHidden('invoice〔U+202E〕gnp.exe 控え')).toBe('invoice\u202Egnp.exe 控え')
    expect(restoreHidden('tag〔U+E0041〕 lone〔U+D800〕')).toBe('tag\u{E0041} lone\uD800')
  })

  it('leaves typed text that only looks like a marker as it is', () => {
    // Not a hidden character, not written as markerFor writes it, or not a code point at all.
    for (const text of ['〔U+0041〕', '〔U+202e〕', '〔U+0202E〕', '〔U+110000〕', '〔U+3014〕', '〔U+3014〕U+0041〕', '〔U+202E', 'U+202E〕']) {
      expect(restoreHidden(text)).toBe(text)
    }
  })

  it('a marker already in the text is shown with its bracket marked, so it comes back as text, not as the character', () => {
    expect(revealHidden('〔U+202E〕.png')).toBe('〔U+3014〕U+202E〕.png')
    expect(restoreHidden(revealHidden('〔U+202E〕.png'))).toBe('〔U+202E〕.png')
    expect(revealHidden('〔U+3014〕U+202E〕')).toBe('〔U+3014〕U+3014〕U+202E〕')
    // A bracket that opens nothing restoreHidden would read is shown as it is.
    expect(revealHidden('〔U+0041〕〔写真〕')).toBe('〔U+0041〕〔写真〕')
    expect(hasHidden('〔U+202E〕.png')).toBe(false)
  })

  it('restoreHidden(revealHidden(s)) is s for any string', () => {
    fc.assert(fc.property(trickyText, (text) => restoreHidden(revealHidden(text)) === text), { numRuns: 5000 })
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => restoreHidden(revealHidden(text)) === text), { numRuns: 2000 })
  })
})
