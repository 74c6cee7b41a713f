// The texts of evidence intake (the message after a paste or drop that asks
// what a screenshot shows and which event it belongs to) and of the app's own
// form checks (used instead of the browser's bubble, which speaks the OS
// language). The Japanese object is typed by the English one, so a key
// missing in either is a compile error. Words follow
// shared/notes/japanese-terms.md (経緯, 取得日).
import { useLanguage } from './index'

export const intakeEn = {
  // The message after a paste or drop
  intakeTitle: (n: number, name: string) => (n === 1 ? `What does ${name} show?` : `What do these ${n} files show?`),
  intakeLabel: 'Describe the evidence just added',
  intakeCaption: 'Caption',
  intakeCaptionHint: 'e.g. login history, the SMS from the offender',
  intakeEvent: 'Belongs to the event',
  intakeNoEvent: 'None (link it later)',
  intakeSave: 'Save',
  intakeLater: 'Later',
  intakeSaved: (caption: string | undefined, event: string | undefined) =>
    [caption ? `Caption saved: “${caption}”.` : 'Saved.', event ? `Linked to “${event}”.` : ''].filter(Boolean).join(' '),
  intakeStepOffer: (step: string) => `This is the evidence the plan step “${step}” asks for.`,
  intakeTickStep: 'Mark that step done',
  intakeStepTicked: (step: string) => `Plan step done: “${step}”.`,
  intakeCaptionTooLong: 'The caption can have at most 2000 characters.',

  // The app's own form checks
  checkRequired: 'Fill this in.',
  checkNumber: 'Enter a number, e.g. 12000.',
  checkWholeNumber: 'Enter a whole number (no decimals).',
  checkAtLeast: (min: string) => `Enter ${min} or more.`,
  checkAtMost: (max: string) => `Enter ${max} or less.`,
  checkDate: 'Enter a complete date (year, month and day).',
  checkDateRange: (min: string, max: string) => `Enter a date between ${min} and ${max}.`,
  checkEmail: 'Enter an e-mail address, e.g. name@example.jp.',
  checkUrl: 'Enter a web address starting with https://.',
  checkOffset: 'Enter the time difference to UTC as +09:00 (Japan time).',
  checkPattern: 'This is not in the expected form.',
  checkTooLong: (n: number) => `At most ${n} characters.`,
  fixFields: 'Some fields need attention: see the messages under them.',
}

export type IntakeMessages = typeof intakeEn

export const intakeJa: IntakeMessages = {
  intakeTitle: (n, name) => (n === 1 ? `${name}は何を写したものですか？` : `${n}件のファイルは何を写したものですか？`),
  intakeLabel: '追加した証拠の説明',
  intakeCaption: '説明',
  intakeCaptionHint: '例：ログイン履歴、犯人からのSMS',
  intakeEvent: '経緯の出来事',
  intakeNoEvent: 'なし（あとで結び付ける）',
  intakeSave: '保存',
  intakeLater: 'あとで',
  intakeSaved: (caption, event) => [caption ? `説明を保存しました：「${caption}」。` : '保存しました。', event ? `「${event}」に結び付けました。` : ''].join(''),
  intakeStepOffer: (step) => `計画の手順「${step}」で求められている証拠です。`,
  intakeTickStep: 'この手順を完了にする',
  intakeStepTicked: (step) => `計画の手順を完了にしました：「${step}」。`,
  intakeCaptionTooLong: '説明は2000文字以内で入力してください。',

  checkRequired: '入力してください。',
  checkNumber: '数字で入力してください（例：12000）。',
  checkWholeNumber: '整数で入力してください（小数は使えません）。',
  checkAtLeast: (min) => `${min}以上の数を入力してください。`,
  checkAtMost: (max) => `${max}以下の数を入力してください。`,
  checkDate: '日付を年・月・日まで入力してください。',
  checkDateRange: (min, max) => `${min}から${max}までの日付を入力してください。`,
  checkEmail: 'メールアドレスを入力してください（例：name@example.jp）。',
  checkUrl: 'https:// で始まるアドレスを入力してください。',
  checkOffset: '協定世界時との時差を +09:00（日本時間）の形で入力してください。',
  checkPattern: '入力の形が正しくありません。',
  checkTooLong: (n) => `${n}文字以内で入力してください。`,
  fixFields: '入力内容を確認してください。各項目の下に理由があります。',
}

export const INTAKE_MESSAGES = { en: intakeEn, ja: intakeJa } as const

export function useIntakeT(): IntakeMessages {
  return INTAKE_MESSAGES[useLanguage()]
}
