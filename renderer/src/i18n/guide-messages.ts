// The texts of the guiding overview (issue 15): "What next" offering a step
// whose work is already recorded as done, the losses step's button, and the
// victim's details card. Kept apart from en.ts / ja.ts; the Japanese object is
// typed by the English one, so a key missing in either is a compile error.
// Words follow shared/notes/japanese-terms.md and shared/terms.ts (連絡先,
// 被害額, 被害状況報告書, 受理番号, 相談受理番号).
import type { Channel, PoliceRecordKind } from '../../../shared/domain'
import { TERMS } from '../../../shared/terms'
import { useLanguage } from './index'

const T = TERMS.ja
const E = TERMS.en

export const guideEn = {
  // What next: work already recorded
  /** "Recorded: call to Tポイント on Thu, 17 Oct 2018 — mark done?" */
  recordedContact: (channel: Channel | undefined, organization: string, day: string) =>
    `Recorded: ${channel === 'phone' || channel === undefined ? 'call to' : channel === 'in_person' ? 'visit to' : 'contact with'} ${organization} on ${day} — mark done?`,
  recordedPolice: (kind: PoliceRecordKind, station: string, day: string) =>
    `Recorded: ${kind === 'report' ? 'damage report (被害届)' : kind === 'consultation' ? 'consultation' : 'police contact'} at ${station} on ${day} — mark done?`,
  recordedNumber: (kind: PoliceRecordKind, number: string) => `${kind === 'report' ? 'Receipt number' : kind === 'consultation' ? 'Consultation number' : 'Number'}: ${number}`,
  recordedEvidence: (count: number, name: string) =>
    `Recorded: ${count === 1 ? `evidence “${name}”` : `${count} pieces of evidence, the latest “${name}”`} — mark done?`,
  recordedLosses: (count: number) => `Recorded: ${count === 1 ? '1 loss' : `${count} losses`} — mark done?`,
  /** A later step whose work is recorded, in "After that". */
  recordedBadge: 'Recorded',

  // The losses step
  recordLoss: 'Record an amount lost…',

  // Your details
  victimTitle: 'Your details',
  victimIntro: `Kept in this case file only. The ${E.policeDossier.toLowerCase()} for the police (${T.policeDossier}) and letters print them.`,
  victimMissing: `Not recorded yet. The ${E.policeDossier.toLowerCase()} for the police (${T.policeDossier}) and letters need your name, address and phone number: the police read them first.`,
  victimPartly: (fields: string) => `Still missing: ${fields}.`,
  addVictim: 'Add your details',
  editVictim: 'Edit your details',
  listJoin: ', ',
}

export type GuideMessages = typeof guideEn

export const guideJa: GuideMessages = {
  recordedContact: (channel, organization, day) =>
    `記録があります：${day}に${organization}へ${channel === 'phone' || channel === undefined ? '電話' : channel === 'in_person' ? '訪問' : '連絡'}しています。完了にしますか？`,
  recordedPolice: (kind, station, day) =>
    `記録があります：${day}に${station}で${kind === 'report' ? '被害届を出しています' : kind === 'consultation' ? '相談しています' : '警察に連絡しています'}。完了にしますか？`,
  recordedNumber: (kind, number) => `${kind === 'report' ? T.policeReceiptNumber : kind === 'consultation' ? T.consultationNumber : '番号'}：${number}`,
  recordedEvidence: (count, name) => `記録があります：${count === 1 ? `${T.evidence}「${name}」` : `${T.evidence} ${count} 件（最新は「${name}」）`}。完了にしますか？`,
  recordedLosses: (count) => `記録があります：${T.loss} ${count} 件。完了にしますか？`,
  recordedBadge: '記録あり',

  recordLoss: `${T.loss}を記録…`,

  victimTitle: 'あなたの情報',
  victimIntro: `この事件のファイルにだけ保存され、警察に出す${T.policeDossier}や書面に載ります。`,
  victimMissing: `まだ記録されていません。警察に出す${T.policeDossier}や書面には、氏名・住所・電話番号が必要です。警察が最初に確認する項目です。`,
  victimPartly: (fields) => `未記入：${fields}`,
  addVictim: 'あなたの情報を入力',
  editVictim: 'あなたの情報を編集',
  listJoin: '、',
}

export const GUIDE_MESSAGES = { en: guideEn, ja: guideJa } as const

export function useGuideT(): GuideMessages {
  return GUIDE_MESSAGES[useLanguage()]
}
