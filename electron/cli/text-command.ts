// `kiroku text FILE EVIDENCE`: the text Kiroku holds about one piece of
// evidence (a number, #number or its file name): a mail's headers and body,
// a PDF's pages, or why there is none.
import type { ParseArgsConfig } from 'node:util'
import { KirokuError, evidenceTextLines, evidenceTextView, type CaseFile } from '../main/core'
import type { CommandContext } from './context'
import { positional, printJson, readPendingFirst, withCase } from './helpers'

export const textUsage: { usage: string; options?: NonNullable<ParseArgsConfig['options']> } = {
  usage:
    'kiroku text FILE EVIDENCE\n' +
    "  The text Kiroku read from one piece of evidence (its number or file name): a mail's sender, recipients, date,\n" +
    '  subject, the headers the police ask for (Received, Authentication-Results, Message-ID, Return-Path) and its body\n' +
    "  (addresses written as hxxps://example[.]com, so nothing is clickable); a PDF's text page by page.",
}

/** The piece named by number (5 or #5) or by file name; a name two pieces share must be given by number. */
export function findEvidence(caseFile: CaseFile, given: string): number {
  const all = caseFile.evidence.list()
  const byNumber = /^#?\d+$/.test(given) ? all.find((e) => e.id === Number(given.replace('#', ''))) : undefined
  if (byNumber) return byNumber.id
  const byName = all.filter((e) => e.fileName === given)
  if (byName.length === 1) return byName[0].id
  if (byName.length > 1) {
    throw new KirokuError('invalid_input', `${byName.length} pieces of evidence are named "${given}" (${byName.map((e) => `#${e.id}`).join(', ')}): give the number`)
  }
  throw new KirokuError('invalid_input', `No evidence "${given}" in this case (numbers and names: kiroku list --json, or kiroku search)`)
}

export async function textCommand(ctx: CommandContext): Promise<void> {
  const given = positional(ctx, 1, 'EVIDENCE')
  const view = await withCase(ctx, async (caseFile) => {
    await readPendingFirst(ctx, caseFile)
    return evidenceTextView(caseFile.evidence, findEvidence(caseFile, given))
  })
  if (ctx.values.json) {
    // A mail's attachments are evidence of their own (`parts`): named here, not their bytes again.
    const attachments = view.mail?.attachments.map(({ fileName, mimeType, bytes }) => ({ fileName, mimeType, size: bytes.byteLength }))
    return printJson(ctx, { ...view, mail: view.mail && { ...view.mail, attachments } })
  }
  for (const line of evidenceTextLines(view)) ctx.out(line)
}
