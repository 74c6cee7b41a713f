// What the commands share: reading options, opening the case named by the
// first argument, printing JSON, naming an organisation.
import path from 'node:path'
import { CaseFile, DEVICE_HISTORY_FILE, DeviceHistory, KirokuError, createTextRecogniser, damagedFileError, openCaseFile, readPendingEvidence, type CaseFileOptions, type Readers } from '../main/core'
import { appDataDir } from './app-data'
import { UsageError, type CommandContext } from './context'
import { getPassphrase } from './passphrase'

export const str = (ctx: CommandContext, name: string) => ctx.values[name] as string | undefined
export const list = (ctx: CommandContext, name: string) => (ctx.values[name] as string[] | undefined) ?? []

export function positional(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.positionals[index]
  if (!value) throw new UsageError(`missing ${what}`)
  return value
}

export function fileOptions(ctx: CommandContext): CaseFileOptions {
  // The same record of seen cases as the app's, so a rollback behind either one's back shows in both.
  const deviceHistory = new DeviceHistory(path.join(appDataDir(), DEVICE_HISTORY_FILE))
  const mb = str(ctx, 'max-evidence-mb') ?? process.env.KIROKU_MAX_EVIDENCE_MB
  if (mb === undefined) return { deviceHistory }
  const value = Number(mb)
  if (!Number.isFinite(value) || value <= 0) throw new UsageError('--max-evidence-mb must be a positive number')
  return { deviceHistory, maxEvidenceBytes: Math.round(value * 1024 * 1024) }
}

export const passphrase = (ctx: CommandContext, confirm = false) =>
  getPassphrase({
    env: 'KIROKU_PASSPHRASE',
    file: str(ctx, 'passphrase-file'),
    prompt: confirm ? 'New case passphrase: ' : 'Case passphrase: ',
    confirm,
  })

export async function withCase<T>(
  ctx: CommandContext,
  work: (caseFile: CaseFile) => T | Promise<T>,
  knownPassphrase?: string,
): Promise<T> {
  const file = positional(ctx, 0, 'FILE')
  const caseFile = openCaseFile(file, knownPassphrase ?? (await passphrase(ctx)), fileOptions(ctx))
  // Said on every command, not only verify: the user may be about to hand this file's contents over.
  if (caseFile.historyFinding) process.stderr.write(`Warning: ${caseFile.historyFinding.message}. Run \`kiroku verify\` for details.\n`)
  try {
    return await work(caseFile)
  } catch (error) {
    // A page damaged past what quick_check saw at open: the same clear message.
    throw damagedFileError(file, error) ?? error
  } finally {
    caseFile.close()
  }
}

export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2))
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw new UsageError(`${option} must be one of: ${allowed.join(', ')}`)
  return value as T
}

/** An organisation given by id or by exact name. */
export function organizationId(caseFile: CaseFile, given: string | undefined): number | undefined {
  if (given === undefined) return undefined
  const organizations = caseFile.organizations.list()
  const found = organizations.find((o) => String(o.id) === given || o.name === given)
  if (!found) throw new KirokuError('invalid_input', `No organization "${given}" in this case (see kiroku list --json)`)
  return found.id
}

/**
 * Runs `work` with the evidence readers: text recognition of pictures unless
 * --no-ocr. The recognition worker starts with the first picture and ends
 * with the work, so a command that meets no picture never starts it.
 */
export async function withReaders<T>(ctx: CommandContext, work: (readers: Readers) => Promise<T>): Promise<T> {
  if (ctx.values['no-ocr']) return work({})
  const recogniser = createTextRecogniser()
  try {
    return await work({ recogniser })
  } finally {
    await recogniser.close()
  }
}

/**
 * Reads the evidence the case holds without its text (added before Kiroku
 * read evidence, or by import or merge), before a command that uses the
 * text; says so on stderr, so --json output stays as it is.
 */
export async function readPendingFirst(ctx: CommandContext, caseFile: CaseFile): Promise<void> {
  const { read, attachments } = await withReaders(ctx, (readers) => readPendingEvidence(caseFile, readers))
  if (!read) return
  const more = attachments ? `, and took in ${attachments} attachment${attachments === 1 ? '' : 's'} as evidence` : ''
  process.stderr.write(`Read the text of ${read} evidence item${read === 1 ? '' : 's'} that had none${more}.\n`)
}
