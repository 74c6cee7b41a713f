// Characters that are not seen but change what is seen. A right-to-left
// override makes "invoice[U+202E]gnp.exe" read "invoiceexe.png"; a zero-width space
// or a soft hyphen makes two different names look the same; a line separator
// or a control character fakes a line break. File names and captions arrive
// from outside (a scammer's attachment, a shared case), so wherever they are
// shown each such character is written out as a marker that says what it is.
// The stored text is never changed: the original name is evidence.
//
// Where shown text can be edited (a caption), restoreHidden turns the markers
// back into their characters. It reads only markers revealHidden could have
// written, so a typed "〔U+0041〕" stays text. A text that already holds such a
// marker literally (a file named "〔U+202E〕.png") would come back with a real
// override in its place, so revealHidden marks the opening bracket of that
// literal text as 〔U+3014〕, the bracket's own code point: restoreHidden of
// revealHidden(s) is s for every s, and a shown marker of a hidden character
// always stands for a real one.

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

/** True when the text holds a hidden character (one that revealHidden writes out as a marker). */
export function hasHidden(text: string): boolean {
  if (!HIDDEN.test(text)) return false
  const chars = [...text]
  return chars.some((_, i) => hiddenAt(chars, i))
}

const OPEN_CODE = MARK_OPEN.codePointAt(0)!
const MARKER_AT = /〔U\+([0-9A-F]{4,6})〕/y

/**
 * The code point of the marker that starts at `at`, when it is one that
 * restoreHidden reads back: written exactly as markerFor writes it, for a
 * hidden character or for the opening bracket itself.
 */
function markerAt(text: string, at: number): number | undefined {
  MARKER_AT.lastIndex = at
  const found = MARKER_AT.exec(text)
  if (!found) return undefined
  const codePoint = parseInt(found[1], 16)
  if (codePoint > 0x10ffff || markerFor(codePoint) !== found[0]) return undefined
  return codePoint === OPEN_CODE || HIDDEN.test(String.fromCodePoint(codePoint)) ? codePoint : undefined
}

/** The text with each hidden character replaced by its marker, e.g. "invoice〔U+202E〕gnp.exe". */
export function revealHidden(text: string): string {
  if (!HIDDEN.test(text) && !text.includes(MARK_OPEN)) return text
  const chars = [...text]
  let at = 0
  return chars
    .map((ch, i) => {
      const start = at
      at += ch.length
      if (hiddenAt(chars, i)) return markerFor(ch.codePointAt(0)!)
      // Marker text that is already there would read back as a character.
      if (ch === MARK_OPEN && markerAt(text, start) !== undefined) return markerFor(OPEN_CODE)
      return ch
    })
    .join('')
}

/** The inverse of revealHidden: "invoice〔U+202E〕gnp.exe" becomes "invoice[U+202E]gnp.exe" again. */
export function restoreHidden(shown: string): string {
  if (!shown.includes(MARK_OPEN)) return shown
  let text = ''
  for (let at = 0; at < shown.length; ) {
    const codePoint = shown[at] === MARK_OPEN ? markerAt(shown, at) : undefined
    if (codePoint === undefined) {
      text += shown[at++]
      continue
    }
    const end = at + markerFor(codePoint).length
    if (codePoint !== OPEN_CODE) text += String.fromCodePoint(codePoint)
    // 〔U+3014〕 is a marked bracket only where the marker text it opened follows; typed alone it stays.
    else text += markerAt(MARK_OPEN + shown.slice(end, end + 9), 0) !== undefined ? MARK_OPEN : shown.slice(at, end)
    at = end
  }
  return text
}

/** The text without any hidden character (emoji joiners included): for output that has no use for them. */
export const withoutHidden = (text: string) => text.replace(HIDDEN_ALL, '')

/** Whether one character (a code point) is of the hidden kind, whatever surrounds it. */
export const isHiddenCharacter = (ch: string) => HIDDEN.test(ch)
