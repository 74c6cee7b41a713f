// Amounts as a victim reads them: 12,000円 / ¥12,000, never "JPY 12,000";
// points under their brand's name (Vポイント（旧Tポイント）, not T-POINT).
// A unit is typed text: one Kiroku does not know is printed as written.
// Shared by the dossier, the preparation sheet and the renderer.
import type { TermLang } from './terms'

interface UnitName {
  ja: string
  en: string
}

const YEN = 'yen'

/** Known units, by their key (upper case, without spaces, dots, hyphens or underscores). */
const UNITS: Record<string, UnitName | typeof YEN> = {
  JPY: YEN,
  YEN: YEN,
  '円': YEN,
  '¥': YEN,
  '￥': YEN,
  TPOINT: { ja: 'Vポイント（旧Tポイント）', en: 'V Point (formerly T-Point)' },
  TPOINTS: { ja: 'Vポイント（旧Tポイント）', en: 'V Point (formerly T-Point)' },
  'Tポイント': { ja: 'Vポイント（旧Tポイント）', en: 'V Point (formerly T-Point)' },
  VPOINT: { ja: 'Vポイント', en: 'V Point' },
  VPOINTS: { ja: 'Vポイント', en: 'V Point' },
  'Vポイント': { ja: 'Vポイント', en: 'V Point' },
  PONTA: { ja: 'Pontaポイント', en: 'Ponta points' },
  PONTAPOINT: { ja: 'Pontaポイント', en: 'Ponta points' },
  PONTAPOINTS: { ja: 'Pontaポイント', en: 'Ponta points' },
  'PONTAポイント': { ja: 'Pontaポイント', en: 'Ponta points' },
  DPOINT: { ja: 'dポイント', en: 'd POINT' },
  DPOINTS: { ja: 'dポイント', en: 'd POINT' },
  'Dポイント': { ja: 'dポイント', en: 'd POINT' },
  RAKUTEN: { ja: '楽天ポイント', en: 'Rakuten points' },
  RAKUTENPOINT: { ja: '楽天ポイント', en: 'Rakuten points' },
  RAKUTENPOINTS: { ja: '楽天ポイント', en: 'Rakuten points' },
  '楽天ポイント': { ja: '楽天ポイント', en: 'Rakuten points' },
  PAYPAY: { ja: 'PayPayポイント', en: 'PayPay points' },
  PAYPAYPOINT: { ja: 'PayPayポイント', en: 'PayPay points' },
  PAYPAYPOINTS: { ja: 'PayPayポイント', en: 'PayPay points' },
  'PAYPAYポイント': { ja: 'PayPayポイント', en: 'PayPay points' },
}

const keyOf = (unit: string) => unit.normalize('NFKC').trim().toUpperCase().replace(/[\s.\-_・]/g, '')

const known = (unit: string) => UNITS[keyOf(unit)]

const numbers = new Intl.NumberFormat('en-US')

/** The unit as a reader knows it: 円 / yen, Vポイント（旧Tポイント）; an unknown unit as written. */
export function unitName(unit: string, lang: TermLang): string {
  const u = known(unit)
  if (u === YEN) return lang === 'ja' ? '円' : 'yen'
  return u ? u[lang] : unit
}

/** Whether the unit is one Kiroku names itself (not typed text printed as written). */
export const isKnownUnit = (unit: string): boolean => known(unit) !== undefined

/** 12,000円 / ¥12,000; 87,233 Vポイント（旧Tポイント）; 5 miles for a unit Kiroku does not know. */
export function formatAmount(amount: number, unit: string, lang: TermLang): string {
  const sign = amount < 0 ? '-' : ''
  const n = numbers.format(Math.abs(amount))
  if (known(unit) === YEN) return lang === 'ja' ? `${sign}${n}円` : `${sign}¥${n}`
  return `${sign}${n} ${unitName(unit, lang)}`
}
