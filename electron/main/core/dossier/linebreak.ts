// Line breaking for mixed Japanese and Latin text. Japanese has no spaces, so
// a line may break between any two CJK characters; Latin words stay whole.
// Basic kinsoku: closing brackets, 、。, small kana and the like never start a
// line, opening brackets never end one (the character moves with its neighbour).

const NO_START = new Set(
  '、。，．,.:;!?)]}）］｝〕〉》」』】〙〗〟’”｠»ゝゞ々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ‐゠–〜～？！‼⁇⁈⁉・：；…‥％',
)
const NO_END = new Set('([{（［｛〔〈《「『【〘〖〝‘“｟«')
/** Where a too-long word may be cut first. */
const SOFT_BREAK = new Set(',-/._?&=')
// Ideographs, kana, CJK punctuation and full-width forms: each is its own unit.
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]/u

interface Unit {
  text: string
  space: boolean
}

function units(text: string): Unit[] {
  const tokens: Unit[] = []
  let word = ''
  const flush = () => {
    if (word) tokens.push({ text: word, space: false })
    word = ''
  }
  for (const ch of text) {
    if (/\s/.test(ch)) {
      flush()
      const last = tokens.at(-1)
      if (last?.space) last.text += ch
      else tokens.push({ text: ch, space: true })
    } else if (CJK.test(ch)) {
      flush()
      tokens.push({ text: ch, space: false })
    } else word += ch
  }
  flush()
  // Kinsoku: glue a no-start unit to the one before it, and a unit to a no-end one before it.
  const out: Unit[] = []
  for (const token of tokens) {
    const prev = out.at(-1)
    if (prev && !prev.space && !token.space && (NO_START.has([...token.text][0]) || NO_END.has([...prev.text].at(-1)!))) {
      prev.text += token.text
    } else out.push({ ...token })
  }
  return out
}

/**
 * Splits `text` into lines no wider than `maxWidth` (hard line breaks kept).
 * A unit wider than a whole line starts a line of its own and is cut there.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = []
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = ''
    let width = 0
    const push = () => {
      lines.push(line.trimEnd())
      line = ''
      width = 0
    }
    let start = true
    for (const unit of units(paragraph)) {
      // Spaces are kept as typed (an indent, a blank to fill in by hand), except where a wrap put them at a line start.
      if (unit.space) {
        if (line || start) {
          line += unit.text
          width += measure(unit.text)
        }
        continue
      }
      start = false
      const w = measure(unit.text)
      if (width + w <= maxWidth || !line.trim()) {
        if (w <= maxWidth) {
          line += unit.text
          width += w
          continue
        }
      } else {
        push()
        if (w <= maxWidth) {
          line = unit.text
          width = w
          continue
        }
      }
      // Wider than a line (a long URL, number or reference): cut after the last
      // , - / . _ that fits, so 100,000,000 breaks at a comma; else between characters.
      let rest = [...unit.text]
      while (rest.length) {
        let fit = 0
        for (let w = width; fit < rest.length && w + measure(rest[fit]) <= maxWidth; fit++) w += measure(rest[fit])
        if (fit === rest.length) {
          line += rest.join('')
          width += measure(rest.join(''))
          break
        }
        let cut = fit
        while (cut > 0 && !SOFT_BREAK.has(rest[cut - 1])) cut--
        if (cut === 0) cut = Math.max(fit, 1)
        line += rest.slice(0, cut).join('')
        push()
        rest = rest.slice(cut)
      }
    }
    push()
  }
  return lines
}
