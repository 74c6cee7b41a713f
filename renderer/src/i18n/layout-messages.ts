// The texts of the case header's "Submit / share" menu, the timeline rows
// (full note, row menu, copy buttons) and the overview's reference numbers,
// in both languages. Kept apart from en.ts / ja.ts; the Japanese object is
// typed by the English one, so a key missing in either is a compile error.
// Words follow shared/notes/japanese-terms.md (経緯, 受理番号).
import { useLanguage } from './index'

export const layoutEn = {
  /** The one header button that holds the exports and the import. */
  submitShare: 'Submit / share',
  moreActions: (title: string) => `More actions for ${title}`,
  showNote: (title: string) => `Full note: ${title}`,
  planTick: 'Plan step',
  copy: 'Copy',
  copyReference: (label: string, value: string) => `Copy ${label} ${value}`,
  copied: (value: string) => `Copied ${value}.`,
  copyFailed: 'Could not copy. Select the number and copy it by hand.',
  /** Shown instead of the offset when an event's time was written in another time zone. */
  otherOffset: (offset: string) => `(UTC${offset})`,
}

export type LayoutMessages = typeof layoutEn

export const layoutJa: LayoutMessages = {
  submitShare: '提出・共有',
  moreActions: (title) => `「${title}」のその他の操作`,
  showNote: (title) => `全文：${title}`,
  planTick: '計画',
  copy: 'コピー',
  copyReference: (label, value) => `${label} ${value}をコピー`,
  copied: (value) => `${value}をコピーしました。`,
  copyFailed: 'コピーできませんでした。番号を選んで手動でコピーしてください。',
  otherOffset: (offset) => (offset === '+09:00' ? '日本時間' : `（UTC${offset}）`),
}

export const LAYOUT_MESSAGES = { en: layoutEn, ja: layoutJa } as const

export function useLayoutT(): LayoutMessages {
  return LAYOUT_MESSAGES[useLanguage()]
}
