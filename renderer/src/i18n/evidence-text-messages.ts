// The texts of what Kiroku read out of evidence (issue 14): a picture's
// recognised text and its machine-read note, a mail's envelope and routing
// headers, a PDF's pages, the pieces that came in a mail, and the quiet
// status while pictures wait to be read, and what was found in the text
// (dates with times, IP addresses, amounts) offered as events and losses.
// The Japanese object is typed by the English one, so a key missing in either
// is a compile error.
import { TERMS } from '../../../shared/terms'
import { useLanguage } from './index'

const T = TERMS.ja

export const evidenceTextEn = {
  pictureTextHeading: 'Text in the picture',
  machineRead: (engine: string, day: string) => `Machine-read from the picture: it may contain errors (${engine}, ${day}).`,
  pictureWaiting: 'Reading the text of this picture…',
  pictureNotRead: 'The text of this picture has not been read yet. Kiroku reads it the next time the case is opened.',
  noTextFound: 'No text was found in the picture.',
  noLegibleText: 'No text in the picture could be read reliably.',
  pictureTooSmall: 'The picture is too small to hold readable text.',
  pdfNoTextLayer: 'This PDF has no text of its own (a scan or pictures only).',
  notReadBecause: (note: string) => `The text could not be read (${note}).`,

  mailFrom: 'From',
  mailTo: 'To',
  mailCc: 'Cc',
  mailDate: 'Date',
  mailSubject: 'Subject',
  mailBody: 'Message',
  mailBodyNote: 'Web addresses are shown disarmed (hxxps, [.]) and are not links.',
  mailRouting: 'Routing headers (Received, Authentication-Results, Message-ID…)',
  mailNoSubject: '(no subject)',

  pdfTextHeading: (pages: number) => (pages === 1 ? 'Text of the PDF (1 page)' : `Text of the PDF (${pages} pages)`),
  pdfPage: (n: number) => `Page ${n}`,

  partsHeading: 'Files in this mail:',
  containersHeading: 'Came in the mail:',
  privateInMail: 'This file is private, and the mail it came in holds it: that mail is left out of dossiers, ZIP bundles and shared copies too.',
  openPiece: (label: string) => `Open ${label}`,

  readingPictures: (n: number) => (n === 1 ? 'Reading text in 1 picture…' : `Reading text in ${n} pictures…`),

  suggestionsHeading: 'Found in this text',
  suggestionsNote: 'Nothing is added until you save it.',
  suggestionsDone: 'Everything found here has been added or dismissed.',
  addToTimeline: 'Add to timeline…',
  addAsLoss: 'Add as loss…',
  dismiss: 'Dismiss',
  noDay: 'no date',
  moreSuggestions: (n: number) => `and ${n} more`,
}

export type EvidenceTextMessages = typeof evidenceTextEn

export const evidenceTextJa: EvidenceTextMessages = {
  pictureTextHeading: '画像の中の文字',
  machineRead: (engine, day) => `画像から機械で読み取った文字です。誤りを含むことがあります（${engine}、${day}）`,
  pictureWaiting: 'この画像の文字を読み取っています…',
  pictureNotRead: 'この画像の文字はまだ読み取っていません。次に事件を開いたときに読み取ります。',
  noTextFound: '画像から文字は見つかりませんでした。',
  noLegibleText: '画像の文字を確実には読み取れませんでした。',
  pictureTooSmall: '画像が小さすぎて、文字を読み取れません。',
  pdfNoTextLayer: 'このPDFには文字のデータがありません（スキャンや画像だけのPDFです）。',
  notReadBecause: (note) => `文字を読み取れませんでした（${note}）。`,

  mailFrom: '差出人',
  mailTo: '宛先',
  mailCc: 'Cc',
  mailDate: '日時',
  mailSubject: '件名',
  mailBody: '本文',
  mailBodyNote: 'アドレスは開けない形（hxxps、[.]）で表示しています。リンクではありません。',
  mailRouting: '経路の情報（Received、Authentication-Results、Message-ID など）',
  mailNoSubject: '（件名なし）',

  pdfTextHeading: (pages) => `PDFの文字（${pages}ページ）`,
  pdfPage: (n) => `${n}ページ`,

  partsHeading: 'このメールに添付されたファイル：',
  containersHeading: '添付されていたメール：',
  privateInMail: 'このファイルは非公開です。添付されていたメールにもこのファイルが含まれるため、そのメールも報告書・ZIP 一式・共有用のコピーに含めません。',
  openPiece: (label) => `${label}を開く`,

  readingPictures: (n) => `${n}件の画像の文字を読み取り中…`,

  suggestionsHeading: 'この文字から見つかったもの',
  suggestionsNote: '保存するまで、事件には何も追加されません。',
  suggestionsDone: 'ここで見つかったものは、すべて追加または非表示にしました。',
  addToTimeline: `${T.chronology}に追加…`,
  addAsLoss: `${T.loss}に追加…`,
  dismiss: '非表示',
  noDay: '日付なし',
  moreSuggestions: (n) => `ほか ${n} 件`,
}

export const EVIDENCE_TEXT_MESSAGES = { en: evidenceTextEn, ja: evidenceTextJa } as const

export function useEvidenceTextT(): EvidenceTextMessages {
  return EVIDENCE_TEXT_MESSAGES[useLanguage()]
}
