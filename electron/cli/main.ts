// `kiroku`: the case file from the command line. Exit codes are part of the
// interface (scripts depend on them): see EXIT below and the README.
import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CannotOpenError, InvalidInputError, KirokuError, keepPendingWritesIn } from '../main/core'
import { revealHidden } from '../../shared/visible-text'
import { appDataDir } from './app-data'
import { UsageError, commands, type CommandName } from './commands'
import { directoryUsage } from './directory-commands'
import { letterUsage } from './letter-command'
import { textUsage } from './text-command'
import { closePrompts, forgetPassphrases, takePassphraseVariables } from './passphrase'

export const EXIT = { ok: 0, usage: 1, cannotOpen: 2, invalidInput: 3, verificationFailed: 4 } as const

type Options = NonNullable<ParseArgsConfig['options']>

const COMMON: Options = {
  'passphrase-file': { type: 'string' },
  'max-evidence-mb': { type: 'string' },
  'no-ocr': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
}

const COMMON_HELP = `Passphrase: $KIROKU_PASSPHRASE, else --passphrase-file PATH, else a prompt (echo off).
Options: --json (machine-readable output where it helps)  --max-evidence-mb N (default 50)
         --no-ocr (do not read the text in pictures: attach, search, text and merge otherwise do, about a second each)  --help`

const DOSSIER_OPTIONS: Options = {
  audience: { type: 'string' },
  lang: { type: 'string' },
  era: { type: 'string' },
  redact: { type: 'boolean' },
  organization: { type: 'string' },
}

const USAGE: Record<CommandName, { usage: string; options?: Options }> = {
  new: {
    usage: `kiroku new FILE --title TITLE [--kind ${'account_takeover|points_theft|card_fraud|phishing|shopping_scam|other'}]\n  Create a new encrypted case file.`,
    options: { title: { type: 'string' }, kind: { type: 'string' } },
  },
  'import-json': { usage: 'kiroku import-json FILE CASE.json\n  Create FILE from an interchange document (nothing is written if it has any problem).' },
  'export-json': { usage: 'kiroku export-json FILE OUT.json\n  Write the case as OUT.json plus OUT-evidence/ with the original evidence files.' },
  'add-event': {
    usage:
      'kiroku add-event FILE --title TITLE [--at ISO8601] [--kind KIND] [--body TEXT] [--organization ID|NAME]\n' +
      '                  [--representative NAME] [--channel phone|email|web|in_person|letter|other] [--duration MIN] [--evidence ID]…\n' +
      '  Add an event to the timeline (--at defaults to now; give the offset, e.g. 2018-10-13T10:00+09:00).',
    options: {
      title: { type: 'string' },
      at: { type: 'string' },
      kind: { type: 'string' },
      body: { type: 'string' },
      organization: { type: 'string' },
      representative: { type: 'string' },
      channel: { type: 'string' },
      duration: { type: 'string' },
      evidence: { type: 'string', multiple: true },
    },
  },
  attach: {
    usage: 'kiroku attach FILE PATH… [--caption TEXT] [--captured-at DATE]\n  Add evidence files (all or none); prints each SHA-256.',
    options: { caption: { type: 'string' }, 'captured-at': { type: 'string' } },
  },
  list: {
    usage: 'kiroku list FILE [--kind KIND]… [--organization ID|NAME]\n  The timeline, in chronological order.',
    options: { kind: { type: 'string', multiple: true }, organization: { type: 'string' } },
  },
  search: {
    usage:
      'kiroku search FILE QUERY\n  Full-text search (Japanese substrings work): events, references, losses, and evidence by its caption, file name\n' +
      '  and the text read from it (a mail, a PDF, a picture), with the words around the match.',
  },
  verify: { usage: 'kiroku verify FILE\n  Check the database, every evidence hash and the audit chain. Exit 4 if anything is wrong.' },
  dossier: {
    usage:
      'kiroku dossier FILE OUT.pdf [--audience police|provider] [--lang ja|en] [--era western|japanese] [--redact]\n' +
      '                [--organization ID|NAME]\n' +
      '  Write the PDF dossier (default: police, ja, western dates). --organization (provider only) keeps that\n' +
      "  provider's records plus the incident events; --redact masks phone numbers, e-mail and account numbers\n" +
      '  and the address except their last 4 characters. Private events and evidence are left out.',
    options: DOSSIER_OPTIONS,
  },
  bundle: {
    usage:
      'kiroku bundle FILE OUT.zip [dossier options]\n' +
      '  A submission bundle: the dossier PDF, every original evidence file, manifest.json and manifest.sha256\n' +
      '  (check with `sha256sum -c manifest.sha256`). NOT encrypted. Takes the dossier command\'s options.',
    options: DOSSIER_OPTIONS,
  },
  'verify-bundle': {
    usage:
      'kiroku verify-bundle BUNDLE.zip [--against CASE.kiroku]\n' +
      '  Check every file of a bundle against its manifest. That shows a file changed on its own, not a bundle rewritten\n' +
      '  whole (manifest included): --against checks every evidence file against the SHA-256 the case file took at intake,\n' +
      "  and verifies the case file (its passphrase as for any command). Exit 4 if anything differs or is missing; 3 if the\n" +
      '  archive is unsafe.',
    options: { against: { type: 'string' } },
  },
  due: {
    usage:
      'kiroku due FILE [--at DATE|ISO8601] [--json]\n' +
      '  Open follow-ups with a due date, the most overdue first, and what to do next (as the overview shows it).\n' +
      '  --at: the day to count from (default today; a moment counts as the day written, e.g. 2018-11-20T09:00+09:00).',
    options: { at: { type: 'string' } },
  },
  'prep-sheet': {
    usage:
      'kiroku prep-sheet FILE OUT.pdf --for police|provider [--organization ID|NAME] [--lang ja|en]\n' +
      '  A one-page PDF to take to the police or to have at hand when calling a provider: what to bring, what they\n' +
      '  will ask (with what the case says), the reference numbers so far, what was promised, what to ask them.\n' +
      '  --organization (provider only) narrows numbers and promises to that provider.',
    options: { for: { type: 'string' }, organization: { type: 'string' }, lang: { type: 'string' } },
  },
  share: {
    usage:
      'kiroku share FILE OUT.kiroku [--include-private] [--exclude-evidence ID]…\n' +
      '  An encrypted copy under a passphrase of its own ($KIROKU_SHARE_PASSPHRASE, --share-passphrase-file or a prompt),\n' +
      '  without private events, evidence, organizations and losses. FILE is not changed.',
    options: {
      'share-passphrase-file': { type: 'string' },
      'include-private': { type: 'boolean' },
      'exclude-evidence': { type: 'string', multiple: true },
    },
  },
  merge: {
    usage:
      'kiroku merge FILE SHARED.kiroku [--json]\n' +
      '  Verify a shared case file, then add its events, references, losses, evidence, tasks and plan progress\n' +
      '  to FILE without duplicates (same evidence bytes = same evidence), and say what was added. Its passphrase:\n' +
      '  $KIROKU_SHARE_PASSPHRASE, --share-passphrase-file or a prompt.',
    options: { 'share-passphrase-file': { type: 'string' } },
  },
  passwd: {
    usage:
      'kiroku passwd FILE [--backups reencrypt|remove|keep] [--backups-dir DIR]\n' +
      '  Change the passphrase (new one from $KIROKU_NEW_PASSPHRASE, --new-passphrase-file or a prompt).\n' +
      '  The automatic backups that open with the old passphrase are re-encrypted under the new one (default),\n' +
      '  removed, or kept as they are (then anyone who knows the old passphrase can still open them).',
    options: { 'new-passphrase-file': { type: 'string' }, backups: { type: 'string' }, 'backups-dir': { type: 'string' } },
  },
  backups: {
    usage: 'kiroku backups FILE [--backups-dir DIR]\n  The automatic encrypted backups of FILE, newest first (folder: --backups-dir, $KIROKU_BACKUPS_DIR or the app\'s).',
    options: { 'backups-dir': { type: 'string' } },
  },
  restore: {
    usage:
      'kiroku restore FILE BACKUP [--backups-dir DIR]\n' +
      '  Replace FILE with one of its backups (a name from `kiroku backups FILE`) after checking that it opens with the\n' +
      '  passphrase and passes verify. The replaced file is kept as FILE.before-restore-<time>.',
    options: { 'backups-dir': { type: 'string' } },
  },
  ...directoryUsage,
  letter: letterUsage,
  text: textUsage,
}

const overview = () =>
  `kiroku — encrypted case files for fraud victims (記録)\n\nCommands:\n${Object.values(USAGE)
    .map((u) => `  ${u.usage.split('\n')[0]}`)
    .join('\n')}\n\nExit codes: 0 ok, 1 usage, 2 wrong passphrase or not a Kiroku file, 3 invalid input, 4 verification failed.\n${COMMON_HELP}\n`

function exitCodeFor(error: KirokuError): number {
  if (error instanceof CannotOpenError) return EXIT.cannotOpen
  if (error.code === 'verification_failed') return EXIT.verificationFailed
  if (error instanceof InvalidInputError || error.code === 'invalid_input' || error.code === 'not_found') {
    return EXIT.invalidInput
  }
  return EXIT.usage
}

/**
 * A line for a person at a terminal: case text comes from outside (a shared
 * case, a scammer's file name), and an escape sequence in it would drive the
 * terminal, a direction override would reorder the line. Each such character
 * is shown as a marker; tabs stay. --json output stays exact: JSON escapes
 * the C0 controls itself, and a program, not a terminal, is meant to read it.
 */
export const forTerminal = (line: string): string =>
  line
    .split('\n')
    .map((part) => part.split('\t').map(revealHidden).join('\t'))
    .join('\n')

export async function main(
  argv: string[],
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  takePassphraseVariables()
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out(overview())
    return name ? EXIT.ok : EXIT.usage
  }
  if (!(name in USAGE)) {
    err(`kiroku: unknown command "${name}"\n\n${overview()}`)
    return EXIT.usage
  }
  const command = name as CommandName
  const help = `${USAGE[command].usage}\n${COMMON_HELP}`
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON, ...USAGE[command].options },
      allowPositionals: true,
      strict: true,
    })
    if (values.help) {
      out(help)
      return EXIT.ok
    }
    keepPendingWritesIn(path.join(appDataDir(), 'pending-writes'))
    await commands[command]({ values, positionals, out: values.json ? out : (line) => out(forTerminal(line)) })
    return EXIT.ok
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`kiroku ${command}: ${(error as Error).message}\n\n${help}`)
      return EXIT.usage
    }
    if (error instanceof InvalidInputError) {
      err(`kiroku ${command}: invalid input (${error.issues.length} problem${error.issues.length > 1 ? 's' : ''}):`)
      for (const issue of error.issues) err(forTerminal(`  ${issue.path}: ${issue.message}`))
      return EXIT.invalidInput
    }
    if (error instanceof KirokuError) {
      err(forTerminal(`kiroku ${command}: ${error.message}`))
      return exitCodeFor(error)
    }
    // Anything else is a bug; say so plainly rather than pretending it is the user's fault.
    err(`kiroku ${command}: unexpected error: ${(error as Error).message ?? String(error)}`)
    return 70
  } finally {
    closePrompts()
    forgetPassphrases()
  }
}
