// Every word the dossier prints, in Japanese and English, in one place so both
// languages have the same keys (the English object is typed by the Japanese one).
// The words the UI says too (事件, 経緯, 取得日, 犯人, the kinds and roles…)
// come from shared/terms.ts, said once for both.
import { findingText, type Finding } from '../casefile/findings'
import { TERMS } from '../../../../shared/terms'
import type { Lang } from './dates'

const T = TERMS.ja

const ja = {
  reportTitle: T.policeDossier,
  audience: { police: '警察あて', provider: '事業者あて' },
  /** A preparation sheet is the victim's own, not for handing over. */
  ownCopy: T.ownCopy,
  submittedTo: '提出先',
  police: '警察',
  providers: '関係事業者',
  caseTitle: T.caseTitle,
  caseKind: T.caseKind,
  caseStatus: '現在の状況',
  discovered: '発覚日時',
  victim: T.victim,
  name: '氏名',
  address: '住所',
  phone: '電話番号',
  email: 'メールアドレス',
  madeOn: '作成日',
  pages: '総ページ数',
  madeWith: `本書は被害者の暗号化された記録ファイルから ${T.appName}で作成しました。`,
  timesAreJapanTime: T.timesAreJapanTime,
  japanTime: T.japanTime,
  providerScope: (org: string) => `本書は「${org}」に関係する記録と、被害の発生そのものに関する記録のみを含みます。`,
  redacted: '電話番号・メールアドレス・口座番号等・住所は、末尾4文字を除き伏せ字にしています。',
  notRecorded: '未記録',
  /** Between a label and its value. */
  colon: '：',

  summary: '概要（5W1H）',
  when: 'いつ',
  where: 'どこで',
  who: '誰が',
  what: '何を',
  how: 'どのように',
  why: 'なぜ',
  firstEvent: '最初の記録',
  lastEvent: '最後の記録',
  victimIs: T.victim,
  perpetratorUnknown: T.offenderUnknown,
  whyUnknown: '不明',
  andMore: (n: number) => `ほか${n}件`,
  inVictimsWords: '被害者による説明',
  missing: '記録されていない項目',
  missingItems: { events: `${T.chronology}（出来事）`, losses: T.loss, references: '受付番号・問い合わせ番号', evidence: T.evidence, victim: `${T.victim}の連絡先` },
  status: '状況',

  losses: T.loss,
  description: '内容',
  occurred: '発生日',
  amount: T.loss,
  recovered: '回復済み',
  outstanding: '未回復',
  expected: '回復予定日',
  total: '合計',
  unitHeading: (unit: string) => `単位：${unit}`,

  chronology: T.chronology,
  representative: '担当者',
  channel: '連絡手段',
  duration: '所要時間',
  minutes: (n: number) => `${n}分`,
  referencesGiven: `${T.referenceNumber}等`,
  evidence: T.evidence,

  organizations: `${T.organization}と${T.referenceNumber}`,
  organization: T.organizationColumn,
  role: '種別',
  contact: '連絡先',
  reference: '番号',
  issued: '発行日',
  noReference: '（番号なし）',

  followUps: `未了の${T.followUp}と事業者の条件`,
  task: T.followUp,
  due: '期限',
  overdue: '期限超過',
  open: '未了',
  conditions: '事業者に関する注記・条件',

  evidenceIndex: `${T.evidence}一覧`,
  number: '番号',
  caption: '説明',
  fileName: 'ファイル名',
  type: '形式',
  size: 'サイズ',
  captured: T.acquiredOn,
  note: '備考',
  inAppendix: '付録に画像を掲載',
  notImage: '画像ではないため掲載なし（原本を参照）',
  tooLarge: '画像が大きすぎるため掲載なし（原本を参照）',
  unreadable: '画像を読み込めないため掲載なし（原本を参照）',
  appendix: '付録: 証拠画像',
  evidenceNo: (n: number) => `証拠${n}`,

  integrity: T.hashCheck,
  integrityHow:
    '各証拠の SHA-256 ハッシュ値は、証拠を記録ファイルに取り込んだ時点で計算したものです。原本ファイルのハッシュ値を次のコマンドで計算し、証拠一覧の値と一致することを確認できます。',
  commands: ['Windows（PowerShell）：Get-FileHash -Algorithm SHA256 ファイル名', 'Windows（コマンドプロンプト）：certutil -hashfile ファイル名 SHA256', 'macOS：shasum -a 256 ファイル名', 'Linux：sha256sum ファイル名'],
  auditHow:
    `記録ファイルへの変更はすべて、ハッシュ値でつながった監査ログに追記されます。各変更の記録には、その変更で書いた内容のハッシュ値も含まれます。作成時点の${T.latestHash}：`,
  auditHead: T.latestHash,
  verifiedOk: (evidence: number, entries: number) =>
    `作成時の検査：データベースは正常です。証拠${evidence}件の原本は取り込み時のハッシュ値と一致し、記録内容は監査ログ${entries}件が記録した内容と一致しました。`,
  verifyScope:
    'この検査で分かること：偶発的な破損、Kiroku 以外での書き換え（データベースの直接編集、証拠の差し替えなど）、この端末で確認した状態より古い記録ファイルへの差し戻し。分からないこと：パスフレーズを知る者が監査ログを含めてすべてを矛盾なく作り直した場合、別の端末で起きた差し戻し。',
  sealedSince: (date: string) => `記録内容の照合の対象は ${date} 以降の状態です（それより前の Kiroku は記録内容のハッシュ値を残していませんでした）。`,
  finding: (f: Finding) => findingText(f, 'ja'),
  verifiedProblems: '作成時の検査で次の問題が見つかりました。この記録ファイルの内容は、Kiroku が記録したとおりではない可能性があります：',

  declaration: '申告',
  declarationText: '上記のとおり、事実に相違ありません。',
  date: '日付',
  dateTime: '日時',
  dateTimeIn: (zone: string) => `日時（${zone}）`,
  blankDate: '　　　　年　　月　　日',
  signature: '署名',
  seal: '印',

  pageOf: (x: number, y: number) => `${x} / ${y}`,

  kinds: T.caseKinds,
  statuses: T.caseStatuses,
  roles: T.roles,
  eventKinds: T.eventKinds,
  channels: T.channels,
}

export type Labels = typeof ja

const E = TERMS.en

const en: Labels = {
  reportTitle: E.policeDossier,
  audience: { police: 'For the police', provider: 'For the provider' },
  ownCopy: E.ownCopy,
  submittedTo: 'Submitted to',
  police: 'Police',
  providers: 'Providers concerned',
  caseTitle: E.caseTitle,
  caseKind: E.caseKind,
  caseStatus: 'Status',
  discovered: 'Discovered',
  victim: E.victim,
  name: 'Name',
  address: 'Address',
  phone: 'Phone',
  email: 'E-mail',
  madeOn: 'Made on',
  pages: 'Pages',
  madeWith: "Made with Kiroku (記録) from the victim's encrypted case file.",
  timesAreJapanTime: E.timesAreJapanTime,
  japanTime: E.japanTime,
  providerScope: (org: string) => `This dossier contains only the records concerning ${org}, plus the events of the incident itself.`,
  redacted: 'Phone numbers, e-mail addresses, account numbers and addresses are masked except their last 4 characters.',
  notRecorded: 'not recorded',
  colon: ': ',

  summary: 'Summary (5W1H)',
  when: 'When',
  where: 'Where',
  who: 'Who',
  what: 'What',
  how: 'How',
  why: 'Why',
  firstEvent: 'first record',
  lastEvent: 'last record',
  victimIs: E.victim,
  perpetratorUnknown: E.offenderUnknown,
  whyUnknown: 'Not known',
  andMore: (n: number) => `and ${n} more`,
  inVictimsWords: "In the victim's words",
  missing: 'Not yet recorded',
  missingItems: { events: `events (${E.chronology.toLowerCase()})`, losses: 'losses', references: 'reference numbers', evidence: 'evidence', victim: "victim's contact details" },
  status: 'Status',

  losses: E.loss,
  description: 'Description',
  occurred: 'Date',
  amount: 'Amount',
  recovered: 'Recovered',
  outstanding: 'Outstanding',
  expected: 'Expected back',
  total: 'Total',
  unitHeading: (unit: string) => `Unit: ${unit}`,

  chronology: E.chronology,
  representative: 'Representative',
  channel: 'Channel',
  duration: 'Duration',
  minutes: (n: number) => `${n} min`,
  referencesGiven: 'Reference numbers',
  evidence: E.evidence,

  organizations: 'Organisations and reference numbers',
  organization: E.organizationColumn,
  role: 'Role',
  contact: 'Contact',
  reference: 'Reference',
  issued: 'Issued',
  noReference: '(no reference)',

  followUps: 'Open follow-ups and conditions',
  task: E.followUp,
  due: 'Due',
  overdue: 'overdue',
  open: 'open',
  conditions: 'Notes and conditions set by organisations',

  evidenceIndex: 'Evidence index',
  number: 'No.',
  caption: 'Caption',
  fileName: 'File name',
  type: 'Type',
  size: 'Size',
  captured: E.acquiredOn,
  note: 'Note',
  inAppendix: 'image in the appendix',
  notImage: 'not an image: listed only (see the original)',
  tooLarge: 'image too large to print (see the original)',
  unreadable: 'image could not be read (see the original)',
  appendix: 'Appendix: evidence images',
  evidenceNo: (n: number) => `Evidence ${n}`,

  integrity: E.hashCheck,
  integrityHow:
    'Each SHA-256 was computed when the evidence was taken into the case file. Compute the hash of an original file with one of these commands and compare it with the evidence index:',
  commands: ['Windows (PowerShell): Get-FileHash -Algorithm SHA256 FILE', 'Windows (Command Prompt): certutil -hashfile FILE SHA256', 'macOS: shasum -a 256 FILE', 'Linux: sha256sum FILE'],
  auditHow:
    'Every change to the case file is appended to a hash-chained audit log, and each entry holds a hash of what that change wrote. The newest hash when this dossier was made:',
  auditHead: E.latestHash,
  verifiedOk: (evidence: number, entries: number) =>
    `Checked when made: the database is intact, the ${evidence} evidence originals match the hashes taken at intake, and the content matches what the ${entries} audit log entries recorded.`,
  verifyScope:
    'This check shows accidental damage, changes made outside Kiroku (editing the database directly, swapping evidence) and a case file put back to an older state than this device had seen. It cannot show a complete, consistent rewrite, audit log included, by someone who knows the passphrase, nor a rollback that happened on another device.',
  sealedSince: (date: string) => `The content is checked from ${date} on (earlier versions of Kiroku kept no hashes of the content).`,
  finding: (f: Finding) => findingText(f, 'en'),
  verifiedProblems: 'Checked when made: these problems were found. This case file may not hold what Kiroku recorded:',

  declaration: 'Declaration',
  declarationText: 'I declare that the above is true to the best of my knowledge.',
  date: 'Date',
  dateTime: 'Date and time',
  dateTimeIn: (zone: string) => `Date and time (${zone})`,
  blankDate: '',
  signature: 'Signature',
  // A seal (印) is Japanese practice; the English page has a signature line instead.
  seal: '',

  pageOf: (x: number, y: number) => `page ${x} / ${y}`,

  kinds: E.caseKinds,
  statuses: E.caseStatuses,
  roles: E.roles,
  eventKinds: E.eventKinds,
  channels: E.channels,
}

export const labelsFor = (lang: Lang): Labels => (lang === 'ja' ? ja : en)

