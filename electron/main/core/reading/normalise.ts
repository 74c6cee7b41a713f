// One normal form for text Kiroku reads out of evidence (mail, PDF, OCR), so
// that a search finds it however the source wrote it: full-width digits and
// Latin letters become ASCII, half-width katakana becomes full-width (NFKC),
// and spaces between two Japanese characters go, because PDF text runs and
// OCR put them there (「ログ イン 履歴」) and the trigram index then misses
// 「ログイン」. Line breaks stay: they are what makes the text readable.

/** Han, kana, the prolonged sound mark and Japanese punctuation. */
const JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\u30fc'
const SPACES_BETWEEN_JAPANESE = new RegExp(`(?<=[${JAPANESE}])[ \\t\\u3000]+(?=[${JAPANESE}])`, 'gu')

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(SPACES_BETWEEN_JAPANESE, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
