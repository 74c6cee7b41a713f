// Letters (issue: 被害届の下書き, 補填・補償のお願い, 消費生活センターへの相談メモ):
// case data → blocks → font subsets for exactly that text → pages → PDF, with
// the dossier's engine. Each lists what it would leave blank in a box near
// the top; letterMissing gives that list without writing anything.
import fs from 'node:fs'
import { PDFDocument, type PDFPage } from 'pdf-lib'
import type { DirectoryFile } from '../../../../shared/directory'
import { withoutHidden } from '../../../../shared/visible-text'
import type { CaseFile } from '../casefile/case-file'
import type { Block } from '../dossier/blocks'
import { formatDate } from '../dossier/dates'
import { FontSet } from '../dossier/fonts'
import { drawFrame, frameTextOf, type FrameText } from '../dossier/frame'
import { labelsFor } from '../dossier/labels'
import { Layout, textOf } from '../dossier/layout'
import { COLOR, PAGE } from '../dossier/page'
import { providerDirectory } from '../directory'
import { writeAtomically } from '../fs/atomic'
import { claimLetter } from './claim'
import { consumerCenterSummary } from './consumer-center'
import type { LetterContent } from './content'
import { letterRecords, missingOf, redactLetterData, todayOf, type LetterData, type LetterOptions, type MissingField, type MissingItem } from './data'
import { missingBox, type PartContext } from './parts'
import { policeReport } from './police-report'
import { wordsFor } from './words'

export interface Letter {
  bytes: Uint8Array
  pages: number
  missing: MissingItem[]
}

/** What the letter would leave blank (未記入 / Not recorded), in its language; writes nothing. */
export function letterMissing(caseFile: CaseFile, options: LetterOptions, directory: DirectoryFile = providerDirectory()): MissingItem[] {
  return missingOf(letterRecords(caseFile, options, directory), options)
}

/** What only a claim letter asks for: the dossier does not print the claim's rule or its deadline. */
const LETTER_ONLY: ReadonlySet<MissingField> = new Set(['claimRule', 'claimDeadline'])

/**
 * What a dossier would show as not recorded: the items of the police report
 * draft for the police (or every provider), those of a claim for one provider.
 * The same check as the letters', so the two dialogs never disagree.
 */
export function dossierMissing(
  caseFile: CaseFile,
  options: { audience: 'police' | 'provider'; organizationId?: number; lang: 'ja' | 'en' },
  directory: DirectoryFile = providerDirectory(),
): MissingItem[] {
  const forOne = options.audience === 'provider' && options.organizationId !== undefined
  const letter: LetterOptions = { type: forOne ? 'claim' : 'police-report', lang: options.lang, era: 'western', redact: false, ...(forOne ? { organizationId: options.organizationId } : {}) }
  return letterMissing(caseFile, letter, directory).filter((item) => !LETTER_ONLY.has(item.field))
}

function contentOf(data: LetterData, options: LetterOptions, today: string): LetterContent {
  const ctx: PartContext = { W: wordsFor(options.lang), dates: { lang: options.lang, era: options.era }, organizations: data.organizations }
  switch (options.type) {
    case 'police-report':
      return policeReport(data, ctx)
    case 'claim':
      return claimLetter(data, ctx, today)
    case 'consumer-center':
      return consumerCenterSummary(data, ctx, today)
  }
}

const BANNER_SIZE = 8

/** The draft mark at the top of every page, boxed in red above the running header. */
function drawBanner(pages: PDFPage[], fonts: FontSet, text: string): void {
  const clean = fonts.clean(text, 'bold')
  const width = fonts.width(clean, 'bold', BANNER_SIZE)
  const x = (PAGE.width - width) / 2
  const y = PAGE.height - 26
  for (const page of pages) {
    page.drawRectangle({ x: x - 6, y: y - 3.5, width: width + 12, height: BANNER_SIZE + 7, borderColor: COLOR.warn, borderWidth: 0.8 })
    page.drawText(clean, { x, y, size: BANNER_SIZE, font: fonts.bold, color: COLOR.warn })
  }
}

export async function makeLetter(caseFile: CaseFile, options: LetterOptions, directory: DirectoryFile = providerDirectory()): Promise<Letter> {
  const now = options.now ?? new Date()
  const today = todayOf({ ...options, now })
  const records = letterRecords(caseFile, { ...options, today }, directory)
  // Missing items are judged on the records themselves: a masked value is still there.
  const missing = missingOf(records, options)
  const data = options.redact ? redactLetterData(records) : records
  const content = contentOf(data, options, today)
  const W = wordsFor(options.lang)
  const L = labelsFor(options.lang)
  const box: Block[] = missingBox(W, missing)

  const frame: FrameText = {
    caseTitle: data.caseInfo.title,
    reportTitle: content.reportTitle,
    audience: content.audience,
    made: `${L.madeOn} ${formatDate(today, { lang: options.lang, era: options.era }, false)}`,
    pageOf: L.pageOf,
  }
  const doc = await PDFDocument.create({ updateMetadata: false })
  const text = textOf([...content.head, ...box, ...content.body])
  const fonts = await FontSet.embed(doc, {
    regular: `${text.regular}\n${frameTextOf(frame)}`,
    bold: `${text.bold}\n${content.banner ?? ''}`,
  })
  const layout = new Layout(doc, fonts, new Map())
  layout.render(content.head)
  if (box.length) {
    const page = layout.page
    const top = layout.y
    layout.render(box)
    // The table leaves 6 points below itself; the box closes just under its last row.
    if (layout.page === page) page.drawRectangle({ x: PAGE.left, y: layout.y + 6, width: PAGE.width - PAGE.left - PAGE.right, height: top - layout.y - 6, borderColor: COLOR.warn, borderWidth: 1 })
    layout.render([{ kind: 'space', height: 6 }])
  }
  layout.render(content.body)
  layout.finish()
  drawFrame(layout.pages, fonts, frame)
  if (content.banner) drawBanner(layout.pages, fonts, content.banner)

  doc.setTitle(`${content.reportTitle}: ${withoutHidden(data.caseInfo.title)}`)
  doc.setLanguage(options.lang === 'ja' ? 'ja-JP' : 'en')
  doc.setCreator('Kiroku')
  doc.setProducer('Kiroku (pdf-lib)')
  doc.setCreationDate(now)
  doc.setModificationDate(now)
  return { bytes: await doc.save(), pages: layout.pages.length, missing }
}

/** Writes the letter to `out`: complete under its name or not at all, private to the user (as the dossier). */
export async function writeLetterFile(
  caseFile: CaseFile,
  out: string,
  options: LetterOptions,
  directory: DirectoryFile = providerDirectory(),
  write: { overwrite?: boolean } = {},
): Promise<{ pages: number; bytes: number; missing: MissingItem[] }> {
  return writeAtomically(
    out,
    async (tmp) => {
      const letter = await makeLetter(caseFile, options, directory)
      fs.writeFileSync(tmp, letter.bytes)
      return { pages: letter.pages, bytes: letter.bytes.byteLength, missing: letter.missing }
    },
    write,
  )
}
