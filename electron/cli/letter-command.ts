// `kiroku letter FILE OUT.pdf --type police-report|claim|consumer-center`: the
// draft of a damage report, a claim to one provider, or notes for a consumer
// centre, with what each leaves blank said on the terminal as in the PDF.
import type { ParseArgsConfig } from 'node:util'
import { LETTER_TYPES, writeLetterFile } from '../main/core/letters'
import { UsageError, type CommandContext } from './context'
import { oneOf, organizationId, positional, printJson, str, withCase } from './helpers'

/** The `letter` entry of the CLI's usage table (electron/cli/main.ts). */
export const letterUsage: { usage: string; options: NonNullable<ParseArgsConfig['options']> } = {
  usage:
    'kiroku letter FILE OUT.pdf --type police-report|claim|consumer-center [--organization ID|NAME] [--lang ja|en]\n' +
    '              [--era western|japanese] [--redact]\n' +
    '  A letter made from the case: police-report, the draft of a damage report (被害届) in the order of the\n' +
    '  police form, for the officer who writes it; claim, a request to one provider (--organization, required) to\n' +
    '  restore points (補填) or compensate money (補償), with its rule and deadline from the provider directory;\n' +
    '  consumer-center, notes for a call to 188. What the case does not record yet is listed in the letter and\n' +
    '  here ("Not recorded: …"). Private records are left out; --redact masks as the dossier does.',
  options: {
    type: { type: 'string' },
    organization: { type: 'string' },
    lang: { type: 'string' },
    era: { type: 'string' },
    redact: { type: 'boolean' },
  },
}

export async function letterCommand(ctx: CommandContext): Promise<void> {
  const out = positional(ctx, 1, 'OUT.pdf')
  const type = oneOf(str(ctx, 'type'), LETTER_TYPES, '--type')
  if (!type) throw new UsageError(`--type ${LETTER_TYPES.join('|')} is required`)
  const organization = str(ctx, 'organization')
  if (type === 'claim' && organization === undefined) throw new UsageError('--type claim needs --organization ID|NAME (the provider it is addressed to)')
  if (type !== 'claim' && organization !== undefined) throw new UsageError('--organization needs --type claim')
  const lang = oneOf(str(ctx, 'lang'), ['ja', 'en'] as const, '--lang') ?? 'ja'
  const era = oneOf(str(ctx, 'era'), ['western', 'japanese'] as const, '--era') ?? 'western'
  const written = await withCase(ctx, (caseFile) =>
    writeLetterFile(caseFile, out, { type, organizationId: organizationId(caseFile, organization), lang, era, redact: !!ctx.values.redact }),
  )
  if (ctx.values.json) return printJson(ctx, { path: out, ...written })
  ctx.out(`Wrote ${out}: ${written.pages} page${written.pages === 1 ? '' : 's'}, ${(written.bytes / 1024).toFixed(0)} KB`)
  for (const item of written.missing) ctx.out(`Not recorded: ${item.text}`)
}
