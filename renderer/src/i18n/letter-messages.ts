// The texts of the letter dialog (被害届の下書き, 補填・補償のお願い, the
// notes for a 188 consultation), in both languages. Kept apart from en.ts /
// ja.ts; the Japanese object is typed by the English one, so a key missing in
// either is a compile error. Words follow shared/notes/japanese-terms.md and
// shared/terms.ts (事件, 経緯, 連絡先, 受付番号, 受理番号, 補填/補償, 証拠).
import type { LETTER_TYPES } from '../../../shared/ipc/contract'
import { TERMS } from '../../../shared/terms'
import { useLanguage } from './index'

export type LetterKind = (typeof LETTER_TYPES)[number]

const T = TERMS.ja
const items = (n: number) => (n === 1 ? '1 item' : `${n} items`)

export const letterEn = {
  letterButton: 'Letter…',
  title: 'Write a letter (PDF)',
  intro: 'A letter made from this case’s records, to print or send. Items marked private are left out; what is not recorded yet is printed as “Not recorded” (未記入).',

  type: 'Letter',
  types: {
    'police-report': 'Police report draft',
    claim: 'Claim to a provider',
    'consumer-center': 'Summary for 188 consultation',
  } satisfies Record<LetterKind, string>,
  typeHints: {
    'police-report': 'For the officer who writes up your damage report (被害届) at the police station, in the order of the police form.',
    claim: 'Asks one provider to give back points (補填) or money (補償), with the rule and deadline of the claim.',
    'consumer-center': 'Notes to have at hand when you call 188, the consumer hotline, about this case.',
  } satisfies Record<LetterKind, string>,
  organization: 'Addressed to',
  chooseOrganization: 'Choose the provider…',
  organizationRequired: 'Choose the provider the claim is for.',
  organizationHint: 'Only that provider’s records, numbers and losses, plus the fraud itself.',
  noOrganizations: 'There is no provider in this case to address a claim to yet.',
  letterLanguage: 'Letter language',

  // What is missing
  blanksTitle: 'Not recorded yet',
  missingTitle: (n: number) => (n === 0 ? 'Nothing is missing' : `Not recorded yet: ${items(n)}`),
  missingIntro: 'The letter prints these as “Not recorded” (未記入). Fill them in here, or write the letter anyway and complete it by hand.',
  nothingMissing: 'Everything this letter asks for is in the case.',
  dossierMissingIntro: 'The dossier shows these as “Not recorded” (未記録), and the police look for them first. Fill them in here before making it.',
  dossierNothingMissing: 'Everything the dossier asks for is in the case.',
  dossierMissingTitle: (n: number) => (n === 0 ? 'Nothing is missing' : `Not recorded yet: ${items(n)}`),
  makeDossierMissing: (n: number) => `Make dossier with ${items(n)} not recorded…`,
  checking: 'Checking what the letter would leave blank…',
  needsOrganization: 'Choose the provider to see what the claim would leave blank.',
  checkFailed: 'Could not check what is missing.',

  // Ways to fill a gap
  enterDetails: 'Enter your details',
  addPoliceRecord: 'Add police record…',
  addEvent: 'Add event…',
  addReference: (organization: string) => `Add ${organization}’s reference number…`,
  addEvidence: 'Add evidence files…',
  linkDirectory: (organization: string) => `Choose the directory entry of ${organization}…`,
  goToTab: (tab: string) => `Go to ${tab}`,
  evidenceAdded: (n: number) => (n === 1 ? '1 piece of evidence added.' : `${n} pieces of evidence added.`),

  // Your details, in place
  detailsTitle: 'Your details',
  detailsIntro: 'Kept in this case file only. The letter prints them (masked, except the last 4 characters, if you choose to redact).',
  name: 'Name',
  address: 'Address',
  phone: 'Phone',
  email: 'E-mail',
  saveDetails: 'Save details',
  detailsSaved: 'Your details are saved.',
  detailsEmpty: 'Fill in at least one of these.',
  phoneInvalid: 'Enter the phone number in digits (-, +, spaces and brackets may be used).',
  emailInvalid: 'Enter an e-mail address such as name@example.jp.',
  fixFields: 'Some fields need attention: see the messages under them.',

  // Writing
  write: (n: number) => (n === 0 ? 'Write letter…' : `Write with ${items(n)} missing…`),
  writing: 'Writing the letter: choose where to save it, then the PDF is written…',
  made: 'Letter saved.',
  madeMissing: (n: number) => `${n === 1 ? '1 item is' : `${n} items are`} printed as “Not recorded” (未記入): fill ${n === 1 ? 'it' : 'them'} in by hand before handing the letter over.`,
  notSaved: 'The letter was not saved.',
}

export type LetterMessages = typeof letterEn

export const letterJa: LetterMessages = {
  letterButton: '書類を作成…',
  title: '書類の作成（PDF）',
  intro: `この${T.case}の記録から、印刷や提出に使える書類（PDF）を作ります。非公開の項目は含まれません。記録にない項目は「未記入」として載ります。`,

  type: '書類の種類',
  types: {
    'police-report': '被害届の下書き',
    claim: '補填・補償のお願い',
    'consumer-center': '消費生活センター相談用のまとめ',
  },
  typeHints: {
    'police-report': '警察署で被害届を作成する警察官に事実を伝えるための下書きです。被害届の様式の順に並べます。',
    claim: '事業者に、ポイントの補填やお金の補償をお願いする文書です。申請の根拠と期限も載せます。',
    'consumer-center': '消費者ホットライン 188 に電話するときに、手元に置いておくまとめです。',
  },
  organization: 'あて先（事業者）',
  chooseOrganization: '事業者を選んでください',
  organizationRequired: '補填・補償をお願いする事業者を選んでください。',
  organizationHint: `その事業者の${T.chronology}・${T.referenceNumber}・被害と、被害そのものの記録だけを載せます。`,
  noOrganizations: `この${T.case}には、補填・補償をお願いできる事業者の${T.organization}がまだありません。`,
  letterLanguage: '書類の言語',

  blanksTitle: '未記入の項目',
  missingTitle: (n) => (n === 0 ? '未記入の項目はありません' : `未記入の項目：${n}件`),
  missingIntro: '書類には「未記入」と載ります。ここで入力するか、このまま作成して手書きで補ってください。',
  nothingMissing: 'この書類に必要な項目は、すべて記録されています。',
  dossierMissingIntro: '報告書には「未記録」と載ります。警察が最初に確かめる項目です。作る前にここで入力してください。',
  dossierNothingMissing: '報告書に必要な項目は、すべて記録されています。',
  dossierMissingTitle: (n) => (n === 0 ? '未記録の項目はありません' : `未記録の項目：${n}件`),
  makeDossierMissing: (n) => `未記録${n}件のまま報告書を作る…`,
  checking: '未記入の項目を確認しています…',
  needsOrganization: 'あて先の事業者を選ぶと、未記入の項目を確認できます。',
  checkFailed: '未記入の項目を確認できませんでした。',

  enterDetails: 'あなたの情報を入力',
  addPoliceRecord: '警察への相談・届出を記録…',
  addEvent: `${T.chronology}に出来事を追加…`,
  addReference: (organization) => `${organization}の${T.referenceNumber}を追加…`,
  addEvidence: `${T.evidence}のファイルを追加…`,
  linkDirectory: (organization) => `${organization}の窓口案内を設定…`,
  goToTab: (tab) => `「${tab}」タブへ移動`,
  evidenceAdded: (n) => `${T.evidence}を${n}件追加しました。`,

  detailsTitle: 'あなたの情報',
  detailsIntro: 'この事件のファイルにだけ保存され、書類に載ります（「個人情報を伏せる」を選ぶと、末尾 4 文字を残して伏せ字になります）。',
  name: '氏名',
  address: '住所',
  phone: '電話番号',
  email: 'メールアドレス',
  saveDetails: '保存',
  detailsSaved: 'あなたの情報を保存しました。',
  detailsEmpty: 'いずれか一つ以上を入力してください。',
  phoneInvalid: '電話番号は数字で入力してください（-、+、空白、かっこは使えます）。',
  emailInvalid: 'メールアドレスは name@example.jp のような形で入力してください。',
  fixFields: '入力内容を確認してください。各項目の下に理由があります。',

  write: (n) => (n === 0 ? '書類を作成…' : `未記入${n}件のまま作成…`),
  writing: '書類を作成中：保存先を選ぶと PDF を書き出します…',
  made: '書類を保存しました。',
  madeMissing: (n) => `「未記入」の項目が${n}件あります。提出する前に手書きで補ってください。`,
  notSaved: '書類は保存されていません。',
}

export const LETTER_MESSAGES = { en: letterEn, ja: letterJa } as const

export function useLetterT(): LetterMessages {
  return LETTER_MESSAGES[useLanguage()]
}
