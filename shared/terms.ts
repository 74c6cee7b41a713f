// The words the UI, the plans and the PDFs share, each said once in Japanese
// and in English (shared/notes/japanese-terms.md is the word list). The
// dossier labels (electron/main/core/dossier/labels.ts) and the UI strings
// (renderer/src/i18n) take these; a term changed here changes everywhere.
// The English object is typed by the Japanese one, so both have every key.
import type { CaseKind, CaseStatus, Channel, EventKind, OrganizationRole, PoliceRecordKind } from './domain'

export type TermLang = 'ja' | 'en'

const ja = {
  /** The app's name in sentences: Kiroku（記録） the first time, then Kiroku. */
  appName: 'Kiroku（記録）',
  /** One case (事件, never ケース). */
  case: '事件',
  caseTitle: '件名',
  caseKind: '被害の種類',
  /** The chronology (経緯, never 経過 or 時系列). */
  chronology: '経緯',
  /** Organisations in the UI's lists (連絡先, never 組織). */
  organization: '連絡先',
  /** The organisation column of a PDF table. */
  organizationColumn: '機関・会社名',
  /** A follow-up (対応予定, never フォローアップ). */
  followUp: '対応予定',
  evidence: '証拠',
  /** When evidence was taken in (取得日, never 撮影日). */
  acquiredOn: '取得日',
  loss: '被害額',
  referenceNumber: '受付番号',
  /** The police receipt number of a 被害届. */
  policeReceiptNumber: '受理番号',
  /** The number of a police consultation. */
  consultationNumber: '相談受理番号',
  /** The offender (犯人, never 加害者). */
  offender: '犯人',
  offenderUnknown: '犯人は不明',
  /** What a hash shows (never 真正性の確認). */
  hashCheck: '改ざんの有無の確認',
  /** The newest audit-chain value (never 連鎖の先頭). */
  latestHash: '最新のハッシュ値',
  /** The PDF for the police (never 資料). */
  policeDossier: '被害状況報告書',
  victim: '被害者',
  /** A sheet the victim keeps (本人用, never 提出用). */
  ownCopy: '本人用',
  twoStepVerification: '二段階認証（SMSや認証アプリの確認コード、パスキーなど）',
  /** Said once for +09:00, never (UTC+09:00) on each time. */
  japanTime: '日本時間',
  timesAreJapanTime: '時刻は、特に記載のない限り日本時間です。',
  /** Beside every rule of the provider directory: how old the knowledge is. */
  ruleAsOf: (checked: string) => `${checked}時点の情報です。最新の条件は事業者に確認してください。`,
  ruleStale: '1年以上前に確認した情報のため、変わっている可能性があります。',
  policeKinds: { consultation: '相談', report: '被害届', other: 'その他' } satisfies Record<PoliceRecordKind, string>,

  caseKinds: {
    account_takeover: 'アカウント乗っ取り',
    points_theft: 'ポイントの不正利用',
    card_fraud: 'カードの不正利用',
    phishing: 'フィッシング',
    shopping_scam: '通販詐欺',
    other: 'その他',
  } satisfies Record<CaseKind, string>,
  caseStatuses: {
    open: '対応中',
    reported: '届出済み',
    awaiting_refund: '補償待ち',
    resolved: '解決',
    closed: '終了',
  } satisfies Record<CaseStatus, string>,
  roles: {
    platform: 'サービス事業者',
    points_operator: 'ポイント運営会社',
    police: '警察',
    bank: '銀行',
    card_issuer: 'カード会社',
    consumer_center: '消費生活センター',
    other: 'その他',
  } satisfies Record<OrganizationRole, string>,
  eventKinds: {
    incident: '被害の発生・発覚',
    unauthorized_access: '不正アクセス',
    unauthorized_use: '不正利用',
    contact: '連絡',
    police_report: '警察への相談・届出',
    refund: '返金・補償',
    note: 'メモ',
  } satisfies Record<EventKind, string>,
  channels: {
    phone: '電話',
    email: 'メール',
    web: 'ウェブフォーム',
    in_person: '対面',
    letter: '郵便',
    other: 'その他',
  } satisfies Record<Channel, string>,
}

export type Terms = typeof ja

const en: Terms = {
  appName: 'Kiroku',
  case: 'Case',
  caseTitle: 'Title',
  caseKind: 'Kind of fraud',
  chronology: 'Timeline',
  organization: 'Organisation',
  organizationColumn: 'Organisation',
  followUp: 'Follow-up',
  evidence: 'Evidence',
  acquiredOn: 'Acquired on',
  loss: 'Losses',
  referenceNumber: 'Reference number',
  policeReceiptNumber: 'acceptance number (受理番号)',
  consultationNumber: 'consultation number',
  offender: 'Offender',
  offenderUnknown: 'offender unknown',
  hashCheck: 'Checking for tampering',
  latestHash: 'Newest hash',
  policeDossier: 'Incident report',
  victim: 'Victim',
  ownCopy: 'Your own copy',
  twoStepVerification: 'two-step verification (a code by SMS or from an authenticator app, or a passkey)',
  japanTime: 'JST',
  timesAreJapanTime: 'Times are Japan time (JST, UTC+09:00) unless marked otherwise.',
  ruleAsOf: (checked: string) => `As of ${checked} — confirm the current conditions with the provider.`,
  ruleStale: 'Checked more than a year ago: it may be out of date.',
  policeKinds: { consultation: 'Consultation', report: 'Damage report', other: 'Other' },

  caseKinds: {
    account_takeover: 'Account takeover',
    points_theft: 'Stolen points',
    card_fraud: 'Card fraud',
    phishing: 'Phishing',
    shopping_scam: 'Shopping scam',
    other: 'Other',
  },
  caseStatuses: {
    open: 'Open',
    reported: 'Reported',
    awaiting_refund: 'Awaiting refund',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  roles: {
    platform: 'Service provider',
    points_operator: 'Points operator',
    police: 'Police',
    bank: 'Bank',
    card_issuer: 'Card issuer',
    consumer_center: 'Consumer centre',
    other: 'Other',
  },
  eventKinds: {
    incident: 'Incident',
    unauthorized_access: 'Unauthorised access',
    unauthorized_use: 'Unauthorised use',
    contact: 'Contact',
    police_report: 'Police report',
    refund: 'Refund',
    note: 'Note',
  },
  channels: {
    phone: 'Phone',
    email: 'E-mail',
    web: 'Web form',
    in_person: 'In person',
    letter: 'Letter',
    other: 'Other',
  },
}

export const TERMS: Readonly<Record<TermLang, Terms>> = { ja, en }

export const termsFor = (lang: TermLang): Terms => TERMS[lang]

/**
 * Words the list says not to use, with the one to use instead. A term in the
 * UI, the plans, the PDFs or the bundle README containing one is a mistake
 * (test/unit/terms.test.ts). Tポイント is allowed only as 旧Tポイント.
 */
export const FORBIDDEN_JA: ReadonlyArray<{ word: RegExp; use: string }> = [
  { word: /ケース/, use: '事件' },
  { word: /時系列/, use: '経緯' },
  { word: /経過/, use: '経緯' },
  { word: /組織/, use: '連絡先 / 機関・会社名' },
  { word: /プラットフォーム/, use: 'サービス事業者' },
  { word: /フォローアップ/, use: '対応予定' },
  { word: /撮影日/, use: '取得日' },
  { word: /加害者/, use: '犯人' },
  { word: /真正性/, use: '改ざんの有無の確認' },
  { word: /連鎖の先頭/, use: '最新のハッシュ値' },
  { word: /提出用/, use: '本人用（本人が持つもの）' },
  { word: /\(UTC\+09:00\)|（UTC\+09:00）/, use: '日本時間' },
  { word: /(?<!旧)T\s?ポイント/, use: 'Vポイント（旧Tポイント）' },
  { word: /資料/, use: '被害状況報告書' },
  { word: /調査中/, use: '不明' },
]
