// Characters that are not seen but change what is seen. A right-to-left
// override makes "invoice[U+202E]gnp.exe" read "invoiceexe.png"; a zero-width space
// or a soft hyphen makes two different names look the same; a line separator
// or a control character fakes a line break. File names and captions arrive
// from outside (a scammer's attachment, a shared case), so wherever they are
// shown each such character is written out as a marker that says what it is.
// The stored text is never changed: the original name is evidence.

/**
 * Control and format characters (direction controls, zero-width characters,
 * the byte-order mark, the soft hyphen, Mongolian vowel separator, tag
 * characters), line and paragraph separators, unpaired surrogates, and the
 * Hangul fillers that draw as nothing.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/u
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'gu')

const ZWJ = 0x200d
const PICTOGRAPH = /\p{Extended_Pictographic}/u
// What may sit between a pictograph and a joiner in an emoji sequence: VS16 and skin tones.
const EMOJI_TAIL = /[\uFE0F\u{1F3FB}-\u{1F3FF}]/u

/** Marker brackets that Noto Sans JP (the dossier's font) can draw and that read well in Japanese and English. */
export const MARK_OPEN = '〔'
export const MARK_CLOSE = '〕'

/** "〔U+202E〕" for U+202E. */
export const markerFor = (codePoint: number) => `${MARK_OPEN}U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}${MARK_CLOSE}`

/** A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of a visible picture, not a hidden character. */
function joinsEmoji(chars: string[], i: number): boolean {
  let before = i - 1
  while (before >= 0 && EMOJI_TAIL.test(chars[before])) before--
  return before >= 0 && PICTOGRAPH.test(chars[before]) && i + 1 < chars.length && PICTOGRAPH.test(chars[i + 1])
}

function hiddenAt(chars: string[], i: number): boolean {
  return HIDDEN.test(chars[i]) && !(chars[i].codePointAt(0) === ZWJ && joinsEmoji(chars, i))
}

/** True when the text holds a character that revealHidden would mark. */
export function hasHidden(text: string): boolean {
  if (!HIDDEN.test(text)) return false
  const chars = [...text]
  return chars.some((_, i) => hiddenAt(chars, i))
}

/** The text with each hidden character replaced by its marker, e.g. "invoice〔U+202E〕gnp.exe". */
export function revealHidden(text: string): string {
  if (!HIDDEN.test(text)) return text
  const chars = [...text]
  return chars.map((ch, i) => (hiddenAt(chars, i) ? markerFor(ch.codePointAt(0)!) : ch)).join('')
}

/** The text without any hidden character (emoji joiners included): for output that has no use for them. */
export const withoutHidden = (text: string) => text.replace(HIDDEN_ALL, '')

/** Whether one character (a code point) is of the hidden kind, whatever surrounds it. */
export const isHiddenCharacter = (ch: string) => HIDDEN.test(ch)
