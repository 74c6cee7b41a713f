// The texts of the first run: the urgent steps on the start screen (no case
// file needed), the kind of case as large choices, and the help with a new
// passphrase (show, suggest, print). Kept apart from en.ts / ja.ts; the
// Japanese object is typed by the English one, so a key missing in either is
// a compile error. Words follow shared/notes/japanese-terms.md (事件,
// 二段階認証（SMSや認証アプリの確認コード、パスキーなど）). Only national
// numbers appear here (#9110, 110, 188), each shown with the source the
// provider directory gives it (test/unit/directory.test.ts holds them to it).
import type { CaseKind } from '../../../shared/domain'
import { useLanguage } from './index'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export interface UrgentStep {
  title: string
  text: string
  /** The numbers the step gives, each a contact of a provider-directory entry, which holds its source and the day it was checked. */
  numbers?: ReadonlyArray<{ entry: string; phone: string }>
}

const POLICE_NUMBERS = [
  { entry: 'police', phone: '#9110' },
  { entry: 'police', phone: '110' },
]
const HOTLINE_NUMBERS = [{ entry: 'consumer-hotline', phone: '188' }]

export const firstRunEn = {
  // Start screen
  urgentTitle: 'First, stop further damage',
  urgentIntro: 'You can do these now, before making a case file. Each takes a few minutes.',
  urgentSteps: [
    {
      title: 'Secure the account',
      text: 'Change the password and turn on two-step verification (a code by SMS or an authenticator app, or a passkey). Log out every other device. Do not delete the account: its login history is evidence.',
    },
    {
      title: 'Stop your cards',
      text: 'Call the lost and stolen card desk of each card issuer and ask them to stop the card. The number is on the back of the card or on the issuer’s website.',
    },
    {
      title: 'Talk to the police: #9110',
      text: '#9110 is the police consultation line for anything that is not an emergency. Call 110 only when you need an officer to come now.',
      numbers: POLICE_NUMBERS,
    },
    {
      title: 'Consumer hotline: 188',
      text: '188 connects you to your local consumer affairs centre (消費生活センター), which advises on what to do next.',
      numbers: HOTLINE_NUMBERS,
    },
  ] satisfies UrgentStep[] as readonly UrgentStep[],
  urgentThen: 'Then make a case file to record what happened, who you contacted and the numbers they gave you.',

  // New case: the kind as large choices
  kindHints: {
    account_takeover: 'Someone logged in to your account.',
    points_theft: 'Your points were used or moved without you.',
    card_fraud: 'Your card shows payments you did not make.',
    phishing: 'You entered details on a fake site or message.',
    shopping_scam: 'You paid, but got nothing or a fake.',
    other: 'Something else.',
  } satisfies Record<CaseKind, string>,
  /** The first words of a title suggested for a kind. */
  titleStarts: {
    account_takeover: 'Account takeover',
    points_theft: 'Stolen points',
    card_fraud: 'Card fraud',
    phishing: 'Phishing',
    shopping_scam: 'Shopping scam',
    other: 'Case',
  } satisfies Record<CaseKind, string>,
  suggestedTitle: (start: string, day: Date) => `${start} (${day.getDate()} ${MONTHS[day.getMonth()]} ${day.getFullYear()})`,
  titleFromKind: 'Filled in from the kind; change it as you like.',

  // New case: the passphrase
  suggest: 'Suggest a passphrase',
  suggestHint: 'Kiroku picks five random words. Write them down or print them: no one can open the file without them.',
  suggested: 'A passphrase was filled in both fields and is shown. Write it down or print it now.',
  print: 'Print passphrase sheet',
  printHint: 'Nothing is saved to a file.',
  printNeedsPassphrase: 'Printing becomes available once the passphrase is accepted.',
  sheetTitle: 'Kiroku passphrase',
  sheetCase: 'Case',
  sheetPassphrase: 'Passphrase',
  sheetNote:
    'Keep this sheet somewhere safe, away from the computer, such as with your important papers at home. Anyone with this sheet and the file can read the case. If the passphrase is lost, the file cannot be opened.',
  sheetSeparator: 'The words are joined by hyphens (-).',
}

export type FirstRunMessages = typeof firstRunEn

export const firstRunJa: FirstRunMessages = {
  urgentTitle: 'まず、被害の拡大を止めましょう',
  urgentIntro: '事件ファイルを作る前にできます。どれも数分で済みます。',
  urgentSteps: [
    {
      title: 'アカウントを守る',
      text: 'パスワードを変更し、二段階認証（SMSや認証アプリの確認コード、パスキーなど）を有効にします。ほかの端末はすべてログアウトさせます。アカウントは削除しないでください。ログイン履歴が証拠になります。',
    },
    {
      title: 'カードを止める',
      text: 'カード会社の紛失・盗難の窓口に電話して、カードを止めてもらいます。電話番号はカードの裏面やカード会社のウェブサイトに書かれています。',
    },
    {
      title: '警察に相談する：#9110',
      text: '#9110 は、急を要しない相談を受け付ける警察相談専用電話です。110番は、今すぐ警察官に来てほしい緊急のときだけにします。',
      numbers: POLICE_NUMBERS,
    },
    {
      title: '消費者ホットライン：188',
      text: '188 に電話すると、お近くの消費生活センターにつながり、これからすることを相談できます。',
      numbers: HOTLINE_NUMBERS,
    },
  ],
  urgentThen: 'そのあとで事件ファイルを作り、起きたこと、連絡した相手、伝えられた番号を記録します。',

  kindHints: {
    account_takeover: '他人にアカウントにログインされた。',
    points_theft: 'ポイントを勝手に使われた・移された。',
    card_fraud: 'カードに身に覚えのない利用がある。',
    phishing: '偽のサイトやメッセージに情報を入力した。',
    shopping_scam: '代金を払ったのに届かない・偽物だった。',
    other: 'どれにも当てはまらない。',
  },
  titleStarts: {
    account_takeover: 'アカウント乗っ取り',
    points_theft: 'ポイントの不正利用',
    card_fraud: 'カードの不正利用',
    phishing: 'フィッシング',
    shopping_scam: '通販詐欺',
    other: '事件',
  },
  suggestedTitle: (start, day) => `${start}（${day.getFullYear()}年${day.getMonth() + 1}月${day.getDate()}日）`,
  titleFromKind: '種類から入力しました。自由に変えられます。',

  suggest: 'パスフレーズを提案してもらう',
  suggestHint: 'Kirokuがランダムな5つの単語を選びます。書き留めるか印刷してください。これがないとファイルを開けません。',
  suggested: '提案したパスフレーズを2つの欄に入力し、表示しています。いま書き留めるか印刷してください。',
  print: 'パスフレーズを印刷する',
  printHint: 'ファイルには保存しません。',
  printNeedsPassphrase: 'パスフレーズが条件を満たすと印刷できるようになります。',
  sheetTitle: 'Kiroku（記録）のパスフレーズ',
  sheetCase: '件名',
  sheetPassphrase: 'パスフレーズ',
  sheetNote:
    'この紙はパソコンから離れた安全な場所（自宅の大切な書類と一緒など）に保管してください。この紙とファイルがあれば、誰でも事件の記録を読めます。パスフレーズをなくすと、ファイルは開けなくなります。',
  sheetSeparator: '単語はハイフン（-）でつないでいます。',
}

export const FIRST_RUN_MESSAGES = { en: firstRunEn, ja: firstRunJa } as const

export function useFirstRunT(): FirstRunMessages {
  return FIRST_RUN_MESSAGES[useLanguage()]
}
