// The texts of the "record a contact" form (Ctrl/⌘+N): phone, visit, e-mail,
// web form and letter, with its police variant. Kept apart from en.ts /
// ja.ts; the Japanese object is typed by the English one, so a key missing
// in either is a compile error. Words follow shared/notes/japanese-terms.md
// (連絡先, 受理番号, 相談受理番号, 対応予定, 日本時間).
import type { PoliceRecordKind } from '../../../shared/domain'
import { useLanguage } from './index'

/** The channels the form offers, in the order of the segmented choice. */
export const CONTACT_CHANNELS = ['phone', 'in_person', 'email', 'web', 'letter'] as const
export type ContactChannel = (typeof CONTACT_CHANNELS)[number]

export const contactEn = {
  title: 'Record a contact',
  channel: 'How',
  channels: { phone: 'Phone', in_person: 'Visit', email: 'E-mail', web: 'Web form', letter: 'Letter' } satisfies Record<ContactChannel, string>,
  organization: 'Organisation',
  organizationHint: 'Choose one, or type a new name: it is added with this record.',
  newOrganization: (name: string) => `New: “${name}” is added with this record.`,
  directoryMatch: (entry: string) => `Directory entry: ${entry}`,
  role: 'Role',
  subjectDefault: {
    phone: (org: string) => (org ? `Call with ${org}` : 'Phone call'),
    in_person: (org: string) => (org ? `Visit to ${org}` : 'Visit'),
    email: (org: string) => (org ? `E-mail with ${org}` : 'E-mail'),
    web: (org: string) => (org ? `Web form to ${org}` : 'Web form'),
    letter: (org: string) => (org ? `Letter with ${org}` : 'Letter'),
  } satisfies Record<ContactChannel, (org: string) => string>,
  whatWasSaid: { phone: 'What was said', in_person: 'What was said', email: 'What it says', web: 'What was sent', letter: 'What it says' } satisfies Record<ContactChannel, string>,
  timeZone: (offset: string) => `Time zone: ${offset === '+09:00' ? 'Japan time' : `UTC${offset}`}`,
  // Police
  police: 'Police record',
  policeKind: 'Kind',
  policeKinds: { consultation: 'Consultation (相談)', report: 'Damage report (被害届)', other: 'Other' } satisfies Record<PoliceRecordKind, string>,
  station: 'Police station',
  section: 'Section',
  sectionHint: 'e.g. 生活安全課',
  officer: 'Officer',
  receiptNumber: { consultation: 'Consultation number (相談受理番号)', report: 'Receipt number (受理番号)', other: 'Number given' } satisfies Record<PoliceRecordKind, string>,
  /** The reference label the receipt number is also kept under (shown on the timeline row). */
  receiptLabel: { consultation: '相談受理番号', report: '受理番号', other: '受付番号' } satisfies Record<PoliceRecordKind, string>,
  // Promise presets
  presets: { week: 'In a week', next15: 'Around the 15th next month', tomorrow: 'Tomorrow' },
  save: 'Save contact',
  saved: 'Contact saved.',
  markStep: (step: string) => `Mark “${step}” done`,
  // Errors, at their field
  required: 'Fill this in.',
  badMoment: 'Enter a date and time.',
  badOffset: 'Write the offset as +09:00.',
  badDuration: 'Minutes: a whole number from 0 to 1440.',
  needsName: 'Type the organisation’s name.',
  needsStation: 'Name the police station.',
}

export type ContactMessages = typeof contactEn

export const contactJa: ContactMessages = {
  title: '連絡の記録',
  channel: '方法',
  channels: { phone: '電話', in_person: '訪問', email: 'メール', web: 'ウェブフォーム', letter: '郵便' },
  organization: '連絡先',
  organizationHint: '一覧から選ぶか、新しい名前を入力します（この記録と一緒に追加されます）。',
  newOrganization: (name) => `新しい連絡先：「${name}」をこの記録と一緒に追加します。`,
  directoryMatch: (entry) => `登録済みの事業者：${entry}`,
  role: '役割',
  subjectDefault: {
    phone: (org) => (org ? `${org}に電話` : '電話'),
    in_person: (org) => (org ? `${org}を訪問` : '訪問'),
    email: (org) => (org ? `${org}とのメール` : 'メール'),
    web: (org) => (org ? `${org}のウェブフォームから連絡` : 'ウェブフォーム'),
    letter: (org) => (org ? `${org}との郵便` : '郵便'),
  },
  whatWasSaid: { phone: '話した内容', in_person: '話した内容', email: '内容', web: '送った内容', letter: '内容' },
  timeZone: (offset) => `タイムゾーン：${offset === '+09:00' ? '日本時間' : `UTC${offset}`}`,
  police: '警察の記録',
  policeKind: '種別',
  policeKinds: { consultation: '相談', report: '被害届', other: 'その他' },
  station: '警察署',
  section: '担当課',
  sectionHint: '例：生活安全課',
  officer: '担当者',
  receiptNumber: { consultation: '相談受理番号', report: '受理番号', other: '受付番号など' },
  receiptLabel: { consultation: '相談受理番号', report: '受理番号', other: '受付番号' },
  presets: { week: '1週間後', next15: '来月15日頃', tomorrow: '明日' },
  save: '記録する',
  saved: '連絡を記録しました。',
  markStep: (step) => `「${step}」を完了にする`,
  required: '入力してください。',
  badMoment: '日時を入力してください。',
  badOffset: '+09:00 のように入力してください。',
  badDuration: '分数は0から1440までの整数で入力してください。',
  needsName: '連絡先の名前を入力してください。',
  needsStation: '警察署の名前を入力してください。',
}

export const CONTACT_MESSAGES = { en: contactEn, ja: contactJa } as const

export function useContactT(): ContactMessages {
  return CONTACT_MESSAGES[useLanguage()]
}
