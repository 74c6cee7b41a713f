// The texts of the provider directory, the police records and the claim
// deadlines, in both languages. Kept apart from en.ts / ja.ts; the Japanese
// object is typed by the English one, so a key missing in either is a
// compile error. Words follow shared/notes/japanese-terms.md (連絡先,
// 受理番号, 相談受理番号, 補償/補填, 対応予定).
import type { PoliceRecordKind } from '../../../shared/domain'
import type { Prerequisite, WindowStart } from '../../../shared/directory'
import { PREREQUISITE_TEXT, WINDOW_START_TEXT } from '../../../shared/directory'
import { TERMS } from '../../../shared/terms'
import { useLanguage } from './index'

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

export const directoryEn = {
  /** Between a label and its value. */
  colon: ': ',

  // The directory entry of an organisation
  directoryEntry: 'Directory entry',
  noDirectoryEntry: 'None',
  suggestedEntry: 'Suggested from the name: choose another entry, or none, if it is not this one.',
  directoryColumn: 'Directory',
  showDirectoryCard: (name: string) => `Show what Kiroku knows about ${name}`,
  directoryCardTitle: (name: string) => `${name}: directory entry`,
  handles: 'What they handle',
  formerly: (name: string, until: string) => `Formerly “${name}” (until ${until})`,
  contacts: 'Contacts',
  noContacts: 'No contact details in the directory.',
  phone: 'Phone',
  hours: 'Hours',
  webPage: 'Web page (type it into a browser)',
  rules: 'Claim rules',
  window: (n: number, from: WindowStart) => `Apply within ${days(n)} of ${WINDOW_START_TEXT[from].en}.`,
  noWindow: 'The directory states no time limit for this claim.',
  prerequisites: 'Needed before applying',
  howToApply: 'How to apply',
  asOf: TERMS.en.ruleAsOf,
  contactAsOf: (checked: string) => `Checked on ${checked}.`,
  source: 'Source',
  stale: 'Possibly out of date',

  // Police records
  policeTab: 'Police',
  policeRecords: 'Police records',
  newPoliceRecord: 'New police record',
  editPoliceRecord: 'Edit police record',
  noPoliceRecords: 'No police records yet. Add each consultation and damage report (被害届) with the number the police gave.',
  policeKind: 'Kind',
  policeKinds: { consultation: `${TERMS.en.policeKinds.consultation} (相談)`, report: `${TERMS.en.policeKinds.report} (被害届)`, other: TERMS.en.policeKinds.other } satisfies Record<PoliceRecordKind, string>,
  policeDate: 'Date',
  station: 'Police station',
  stationHint: 'e.g. 新宿警察署',
  section: 'Section',
  sectionHint: 'e.g. 生活安全課',
  officer: 'Officer',
  receiptNumber: { consultation: 'Consultation number (相談受理番号)', report: 'Receipt number (受理番号)', other: 'Number given' } satisfies Record<PoliceRecordKind, string>,
  receiptHint: {
    consultation: 'If none was given, the date of the consultation is enough.',
    report: 'The number the police give when they accept the report; ask the officer if you were not told.',
    other: '',
  } satisfies Record<PoliceRecordKind, string>,
  numberColumn: 'Number given',
  stationRequired: 'Enter the police station.',
  dateRequired: 'Enter the date.',
  dateOutOfRange: 'Enter a date between 1900 and 2100.',
  fixFields: 'Some fields need attention: see the messages under them.',

  // Claim deadlines
  claimDeadlines: 'Claim deadlines',
  claimDeadlinesIntro: 'Compensation (補償) and points given back (補填) have to be claimed in time. These come from the directory entries of your organisations.',
  applyBy: (day: string) => `Apply by ${day}`,
  daysLeft: (n: number) => `${days(n)} left`,
  lastDayToday: 'Last day today',
  daysLate: (n: number) => `${days(n)} late`,
  startUnknown: (from: WindowStart) => `The deadline cannot be worked out yet: ${WINDOW_START_TEXT[from].en} is not recorded.`,
  startUnknownFix: { loss: 'Add the date to the loss.', discovery: 'Add the day you discovered it to the case.', report: 'Record your contact with them on the timeline.' } satisfies Record<WindowStart, string>,
  countsFrom: (from: WindowStart, day: string) => `Counted from ${WINDOW_START_TEXT[from].en} (${day}).`,
  stillMissing: (p: Prerequisite) => `${capitalised(PREREQUISITE_TEXT[p].en)} is still missing.`,
  addPoliceRecord: 'Add police record…',
  toConfirm: 'Confirm before applying',
  prerequisite: (p: Prerequisite) => capitalised(PREREQUISITE_TEXT[p].en),
  claimSent: 'Claim sent',
  claimSentFor: (rule: string, organization: string) => `Claim sent: ${rule} (${organization})`,
  claimSentNotice: 'Noted: the claim was sent. The deadline is met.',
  claimTaskTitle: (rule: string, organization: string) => `Claim sent to ${organization}: ${rule}`,
  showRule: 'Show the rule',
  moreDeadlines: (n: number) => `${n} more in the overview below.`,

  // Desktop notifications: a count and a number of days, never what the case holds.
  notificationTitle: 'Kiroku: a claim deadline is near',
  notificationBody: (count: number, daysAway: number) =>
    count === 1 ? `A claim deadline is ${days(daysAway)} away. Open Kiroku to see it.` : `${count} claim deadlines are ${days(daysAway)} away or less. Open Kiroku to see them.`,
}

export type DirectoryMessages = typeof directoryEn

export const directoryJa: DirectoryMessages = {
  colon: '：',
  directoryEntry: '窓口案内',
  noDirectoryEntry: 'なし',
  suggestedEntry: '名前から候補を選びました。違う場合は選び直すか「なし」にしてください。',
  directoryColumn: '窓口案内',
  showDirectoryCard: (name) => `${name}の窓口案内を表示`,
  directoryCardTitle: (name) => `${name}：窓口案内`,
  handles: '受け付ける内容',
  formerly: (name, until) => `旧名称「${name}」（${until}まで）`,
  contacts: '問い合わせ先',
  noContacts: '窓口案内に問い合わせ先の記載はありません。',
  phone: '電話',
  hours: '受付時間',
  webPage: 'ウェブページ（ブラウザに入力してください）',
  rules: '補償・補填の申請ルール',
  window: (n, from) => `${WINDOW_START_TEXT[from].ja}から${n}日以内に申請します。`,
  noWindow: 'この申請の期限は窓口案内に記載がありません。',
  prerequisites: '申請の前に必要なこと',
  howToApply: '申請方法',
  asOf: TERMS.ja.ruleAsOf,
  contactAsOf: (checked) => `${checked}時点の情報です。`,
  source: '出典',
  stale: '古い可能性があります',

  policeTab: '警察',
  policeRecords: '警察への相談・届出',
  newPoliceRecord: '相談・届出を追加',
  editPoliceRecord: '相談・届出を編集',
  noPoliceRecords: 'まだ記録がありません。警察に相談したときや被害届を出したときに、伝えられた番号と一緒に記録します。',
  policeKind: '種類',
  policeKinds: TERMS.ja.policeKinds,
  policeDate: '日付',
  station: '警察署',
  stationHint: '例：新宿警察署',
  section: '担当課',
  sectionHint: '例：生活安全課',
  officer: '担当者',
  receiptNumber: { consultation: '相談受理番号', report: '受理番号', other: '番号' },
  receiptHint: {
    consultation: '番号を伝えられなかった場合は、相談した日付があれば足ります。',
    report: '被害届が受理されたときに伝えられる番号です。わからない場合は担当者に確認してください。',
    other: '',
  },
  numberColumn: '受理番号・相談受理番号',
  stationRequired: '警察署を入力してください。',
  dateRequired: '日付を入力してください。',
  dateOutOfRange: '1900年から2100年までの日付を入力してください。',
  fixFields: '入力内容を確認してください。各項目の下に理由があります。',

  claimDeadlines: '補償・補填の申請期限',
  claimDeadlinesIntro: '補償（お金）や補填（ポイント）は期限までに申請する必要があります。連絡先に設定した窓口案内から計算しています。',
  applyBy: (day) => `${day}までに申請`,
  daysLeft: (n) => `残り${n}日`,
  lastDayToday: '今日が期限です',
  daysLate: (n) => `期限を${n}日過ぎています`,
  startUnknown: (from) => `期限を計算できません：${WINDOW_START_TEXT[from].ja}が記録されていません。`,
  startUnknownFix: { loss: '被害の記録に日付を入力してください。', discovery: '事件に被害に気付いた日を入力してください。', report: '事業者への連絡を経緯に記録してください。' },
  countsFrom: (from, day) => `${WINDOW_START_TEXT[from].ja}（${day}）から数えています。`,
  stillMissing: (p) => `${PREREQUISITE_TEXT[p].ja}がまだ記録されていません。`,
  addPoliceRecord: '警察への相談・届出を記録…',
  toConfirm: '申請の前に確認すること',
  prerequisite: (p) => PREREQUISITE_TEXT[p].ja,
  claimSent: '申請しました',
  claimSentFor: (rule, organization) => `申請しました：${rule}（${organization}）`,
  claimSentNotice: '申請済みとして記録しました。この期限は完了です。',
  claimTaskTitle: (rule, organization) => `${organization}に申請済み：${rule}`,
  showRule: 'ルールを表示',
  moreDeadlines: (n) => `ほかに${n}件あります（下の一覧）。`,

  notificationTitle: 'Kiroku：申請期限が近づいています',
  notificationBody: (count, daysAway) =>
    count === 1 ? `申請期限まであと${daysAway}日です。Kirokuを開いて確認してください。` : `${count}件の申請期限があと${daysAway}日以内です。Kirokuを開いて確認してください。`,
}

export const DIRECTORY_MESSAGES = { en: directoryEn, ja: directoryJa } as const

export function useDirectoryT(): DirectoryMessages {
  return DIRECTORY_MESSAGES[useLanguage()]
}
