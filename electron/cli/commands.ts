// The `kiroku` commands: each takes parsed arguments and does one thing
// through the core. Output goes to stdout (text, or JSON with --json).
import path from 'node:path'
import { CASE_KINDS, CHANNELS, EVENT_KINDS, isoDateOrDateTime, type CaseKind, type Reference, type TimelineEvent } from '../../shared/domain'
import { localDay, localMoment } from '../../shared/dates'
import { PLAN_LANGS, PREP_AUDIENCES } from '../../shared/plans'
import {
  addEvidenceFiles,
  readEvidenceFile,
  type StoredEvidence,
  BACKUP_CHOICES,
  CaseFile,
  DEVICE_HISTORY_FILE,
  DeviceHistory,
  KirokuError,
  changePassphrase,
  createCaseFile,
  damagedFileError,
  exportJsonFile,
  importJsonFile,
  mergeCaseFile,
  openCaseFile,
  rekeyBackups,
  makeDossier,
  shareCaseFile,
  verifyBundle,
  verifyBundleAgainstCase,
  writeBundle,
  writeDossierFile,
  dueReport,
  planLibrary,
  providerDirectory,
  writePrepSheetFile,
  type AddedCounts,
  type CaseFileOptions,
} from '../main/core'
import { getPassphrase } from './passphrase'
import { fileOptions, list, oneOf, organizationId, passphrase, positional, printJson, readPendingFirst, str, withCase, withReaders } from './helpers'
import { textCommand } from './text-command'
import { appDataDir, backupsDir } from './app-data'
import { backupCommands } from './backup-commands'
import { directoryCommands } from './directory-commands'
import { letterCommand } from './letter-command'
import { UsageError, type CommandContext } from './context'
import { formatBundleAgainstCase, formatBundleReport } from './bundle-output'
import { formatDueReport } from './due-output'

export { UsageError, type CommandContext }

function describeEvent(event: TimelineEvent, organizationNames: Map<number, string>, references: string[]): string {
  const parts = [
    event.occurredAt.replace('T', ' '),
    event.kind,
    event.title,
    event.organizationId ? `[${organizationNames.get(event.organizationId)}]` : '',
    references.length ? `(${references.join(', ')})` : '',
    event.evidenceIds.length ? `+${event.evidenceIds.length} evidence` : '',
  ]
  return `#${event.id}  ${parts.filter(Boolean).join('  ')}`
}

/** The dossier flags, shared by `dossier` and `bundle`. */
function dossierOptions(ctx: CommandContext) {
  const audience = oneOf(str(ctx, 'audience'), ['police', 'provider'] as const, '--audience') ?? 'police'
  const organization = str(ctx, 'organization')
  if (organization !== undefined && audience !== 'provider') throw new UsageError('--organization needs --audience provider')
  return {
    audience,
    organization,
    lang: oneOf(str(ctx, 'lang'), ['ja', 'en'] as const, '--lang'),
    era: oneOf(str(ctx, 'era'), ['western', 'japanese'] as const, '--era'),
    redact: !!ctx.values.redact,
  }
}

export const commands = {
  async new(ctx: CommandContext) {
    const file = positional(ctx, 0, 'FILE')
    const title = str(ctx, 'title')
    if (!title) throw new UsageError('--title is required')
    const kind = oneOf(str(ctx, 'kind'), CASE_KINDS, '--kind') ?? ('other' as CaseKind)
    await createCaseFile(file, await passphrase(ctx, true), { title, kind, status: 'open', summary: '', victim: {} }, fileOptions(ctx))
    ctx.out(`Created ${file}`)
  },

  async 'import-json'(ctx: CommandContext) {
    const file = positional(ctx, 0, 'FILE')
    const json = positional(ctx, 1, 'CASE.json')
    await importJsonFile(file, await passphrase(ctx, true), json, fileOptions(ctx))
    ctx.out(`Imported ${json} into ${file}`)
  },

  async 'export-json'(ctx: CommandContext) {
    const out = positional(ctx, 1, 'OUT.json')
    const folder = await withCase(ctx, (caseFile) => exportJsonFile(caseFile, out))
    ctx.out(`Wrote ${out} and ${path.basename(folder)}/`)
  },

  async 'add-event'(ctx: CommandContext) {
    const event = await withCase(ctx, (caseFile) =>
      caseFile.events.create({
        // "Now" as this computer's clock reads it, with its offset (not UTC).
        occurredAt: str(ctx, 'at') ?? localMoment(),
        kind: oneOf(str(ctx, 'kind'), EVENT_KINDS, '--kind') ?? 'note',
        title: str(ctx, 'title'),
        body: str(ctx, 'body'),
        organizationId: organizationId(caseFile, str(ctx, 'organization')),
        representative: str(ctx, 'representative'),
        channel: oneOf(str(ctx, 'channel'), CHANNELS, '--channel'),
        durationMinutes: str(ctx, 'duration') === undefined ? undefined : Number(str(ctx, 'duration')),
        evidenceIds: list(ctx, 'evidence').map(Number),
      }),
    )
    if (ctx.values.json) printJson(ctx, event)
    else ctx.out(`Added event #${event.id}`)
  },

  async attach(ctx: CommandContext) {
    const files = ctx.positionals.slice(1)
    if (!files.length) throw new UsageError('missing PATH… (the files to attach)')
    const meta = { caption: str(ctx, 'caption'), capturedAt: str(ctx, 'captured-at') }
    // All files or none: one refused file leaves the case as it was. Mails, PDFs and pictures are read in the same step.
    const results = await withCase(ctx, (caseFile) =>
      withReaders(ctx, (readers) =>
        addEvidenceFiles(
          caseFile,
          files.map((f) => ({ ...meta, bytes: readEvidenceFile(f, caseFile.evidence.maxBytes), fileName: path.basename(f) })),
          readers,
        ),
      ),
    )
    if (ctx.values.json) return printJson(ctx, results)
    const describe = ({ evidence, duplicate, parts }: StoredEvidence, indent: string): void => {
      const said = indent ? (duplicate ? 'attachment already in the case' : 'attachment') : duplicate ? 'Already in the case' : 'Attached'
      ctx.out(`${indent}${said}: #${evidence.id} ${evidence.fileName} ${evidence.mimeType} sha256 ${evidence.sha256}`)
      for (const part of parts) describe(part, `${indent}  `)
    }
    for (const result of results) describe(result, '')
  },

  async list(ctx: CommandContext) {
    await withCase(ctx, (caseFile) => {
      const events = caseFile.events.list({
        kinds: list(ctx, 'kind').map((k) => oneOf(k, EVENT_KINDS, '--kind')!),
        organizationId: organizationId(caseFile, str(ctx, 'organization')),
      })
      if (ctx.values.json) return printJson(ctx, events)
      const names = new Map(caseFile.organizations.list().map((o) => [o.id, o.name]))
      const referencesByEvent = new Map<number | undefined, Reference[]>()
      for (const r of caseFile.references.list()) referencesByEvent.set(r.eventId, [...(referencesByEvent.get(r.eventId) ?? []), r])
      ctx.out(`${caseFile.case.get().title} — ${events.length} events`)
      for (const event of events) {
        const references = (referencesByEvent.get(event.id) ?? []).map((r) => `${r.label} ${r.value}`)
        ctx.out(describeEvent(event, names, references))
      }
    })
  },

  async search(ctx: CommandContext) {
    const query = positional(ctx, 1, 'QUERY')
    await withCase(ctx, async (caseFile) => {
      await readPendingFirst(ctx, caseFile)
      const hits = caseFile.search(query)
      if (ctx.values.json) return printJson(ctx, hits)
      if (!hits.length) ctx.out(`Nothing matches "${query}"`)
      for (const hit of hits) {
        const snippet = hit.text.replace(/\s+/g, ' ').slice(0, 120)
        if (hit.entity !== 'evidence') ctx.out(`${hit.entity} #${hit.id}  ${snippet}`)
        else {
          // Which file, in the user's words, then where the words are.
          const { fileName, caption } = caseFile.evidence.get(hit.id)
          ctx.out(`evidence #${hit.id}  ${fileName}${caption ? `  "${caption}"` : ''}  ${snippet}`)
        }
      }
    })
  },

  async verify(ctx: CommandContext) {
    const report = await withCase(ctx, (caseFile) => caseFile.verify())
    if (ctx.values.json) printJson(ctx, report)
    else if (report.ok) {
      ctx.out(
        `OK: the database is intact, ${report.evidenceChecked} evidence originals match their hashes, and the content matches what the ${report.auditEntries} audit log entries recorded`,
      )
      if (report.sealedSince) ctx.out(`(The content is checked from ${report.sealedSince.slice(0, 10)} on: earlier versions of Kiroku kept no hashes of it.)`)
      ctx.out(`Newest hash: #${report.auditHead.seq} ${report.auditHead.hash}`)
    } else {
      ctx.out('This case file FAILS verification:')
      for (const problem of report.problems) ctx.out(`  - ${problem}`)
    }
    if (!report.ok) throw new KirokuError('verification_failed', 'Verification failed; restore the file from a backup.')
  },

  async dossier(ctx: CommandContext) {
    const out = positional(ctx, 1, 'OUT.pdf')
    const written = await withCase(ctx, (caseFile) => writeDossierFile(caseFile, out, dossierOptions(ctx)))
    if (ctx.values.json) return printJson(ctx, { path: out, ...written })
    ctx.out(`Wrote ${out}: ${written.pages} pages, ${(written.bytes / 1024).toFixed(0)} KB`)
  },

  async bundle(ctx: CommandContext) {
    const out = positional(ctx, 1, 'OUT.zip')
    const options = dossierOptions(ctx)
    const manifest = await withCase(ctx, async (caseFile) => {
      return writeBundle(caseFile, out, await makeDossier(caseFile, options), options.lang ?? 'ja')
    })
    if (ctx.values.json) return printJson(ctx, manifest)
    ctx.out(`Wrote ${out}: the dossier and ${manifest.files.length - 2} evidence files with manifest.json and manifest.sha256`)
    ctx.out('This ZIP is NOT encrypted: hand it over in person or use `kiroku share` for an encrypted copy.')
  },

  async 'verify-bundle'(ctx: CommandContext) {
    const zip = positional(ctx, 0, 'BUNDLE.zip')
    const against = str(ctx, 'against')
    if (against !== undefined) {
      // The case file takes FILE's place: the same passphrase sources, data folder and messages as every command.
      const result = await withCase({ ...ctx, positionals: [against] }, (caseFile) => verifyBundleAgainstCase(zip, caseFile))
      if (ctx.values.json) printJson(ctx, result)
      else for (const line of formatBundleAgainstCase(zip, result)) ctx.out(line)
      if (!result.ok) throw new KirokuError('verification_failed', `The bundle does not match ${against}.`)
      return
    }
    const report = await verifyBundle(zip)
    if (ctx.values.json) printJson(ctx, report)
    else for (const line of formatBundleReport(zip, report)) ctx.out(line)
    if (!report.ok) throw new KirokuError('verification_failed', 'The bundle does not match its manifest.')
  },

  async due(ctx: CommandContext) {
    const at = str(ctx, 'at')
    if (at !== undefined && !isoDateOrDateTime.safeParse(at).success) throw new UsageError('--at must be a date (2018-11-20) or an ISO 8601 moment with its offset')
    // The day as written (2018-11-20T09:00+09:00 is the 20th), else today on this computer.
    const today = at?.slice(0, 10) ?? localDay()
    const report = await withCase(ctx, (caseFile) => dueReport(caseFile, today, planLibrary(), providerDirectory()))
    if (ctx.values.json) return printJson(ctx, report)
    for (const line of formatDueReport(report)) ctx.out(line)
  },

  async 'prep-sheet'(ctx: CommandContext) {
    const out = positional(ctx, 1, 'OUT.pdf')
    const audience = oneOf(str(ctx, 'for'), PREP_AUDIENCES, '--for')
    if (!audience) throw new UsageError('--for police|provider is required')
    const organization = str(ctx, 'organization')
    if (organization !== undefined && audience !== 'provider') throw new UsageError('--organization needs --for provider')
    const options = { for: audience, organization, lang: oneOf(str(ctx, 'lang'), PLAN_LANGS, '--lang') }
    const written = await withCase(ctx, (caseFile) => writePrepSheetFile(caseFile, out, options))
    if (ctx.values.json) return printJson(ctx, { path: out, ...written })
    ctx.out(`Wrote ${out}: ${written.pages} page${written.pages === 1 ? '' : 's'}, ${(written.bytes / 1024).toFixed(0)} KB`)
  },

  async share(ctx: CommandContext) {
    const out = positional(ctx, 1, 'OUT.kiroku')
    const current = await passphrase(ctx)
    const sharePassphrase = await getPassphrase({
      env: 'KIROKU_SHARE_PASSPHRASE',
      file: str(ctx, 'share-passphrase-file'),
      prompt: 'Passphrase for the copy: ',
      confirm: true,
    })
    const options = {
      withoutPrivate: !ctx.values['include-private'],
      excludeEvidenceIds: list(ctx, 'exclude-evidence').map(Number),
    }
    const summary = await withCase(ctx, (caseFile) => shareCaseFile(caseFile, current, out, sharePassphrase, options), current)
    if (ctx.values.json) return printJson(ctx, summary)
    ctx.out(
      `Wrote ${out}: ${summary.events} events, ${summary.evidence} evidence (left out: ${summary.leftOutEvents} events, ${summary.leftOutEvidence} evidence, ${summary.leftOutOrganizations} organizations, ${summary.leftOutLosses} losses)`,
    )
  },

  async merge(ctx: CommandContext) {
    const sharedPath = positional(ctx, 1, 'SHARED.kiroku')
    const shared = openCaseFile(
      sharedPath,
      await getPassphrase({ env: 'KIROKU_SHARE_PASSPHRASE', file: str(ctx, 'share-passphrase-file'), prompt: 'Passphrase of the shared file: ' }),
    )
    let added: AddedCounts
    try {
      const report = shared.verify()
      if (!report.ok) throw new KirokuError('verification_failed', `${sharedPath} fails verification:\n  ${report.problems.join('\n  ')}`)
      added = await withCase(ctx, async (caseFile) => {
        const counts = mergeCaseFile(caseFile, shared)
        // Merged mails and PDFs arrive as bytes: read them as at any intake.
        await readPendingFirst(ctx, caseFile)
        return counts
      })
    } finally {
      shared.close()
    }
    if (ctx.values.json) return printJson(ctx, added)
    const { planNotMerged, planSteps, ...records } = added
    const parts = [...Object.entries(records).map(([what, n]) => `${n} ${what}`), `${planSteps} plan steps (added or updated)`]
    ctx.out(`Merged ${sharedPath}: ${parts.filter((part) => !part.startsWith('0 ')).join(', ') || 'nothing new'}`)
    if (planNotMerged) ctx.out(`The shared case follows the plan for ${planNotMerged}; this case keeps its own plan, so those steps were not merged.`)
  },

  async passwd(ctx: CommandContext) {
    const file = positional(ctx, 0, 'FILE')
    const current = await passphrase(ctx)
    const next = await getPassphrase({
      env: 'KIROKU_NEW_PASSPHRASE',
      file: str(ctx, 'new-passphrase-file'),
      prompt: 'New passphrase: ',
      confirm: true,
    })
    const choice = oneOf(str(ctx, 'backups'), BACKUP_CHOICES, '--backups') ?? 'reencrypt'
    await changePassphrase(file, current, next)
    ctx.out(`Changed the passphrase of ${file}`)
    const backups = rekeyBackups(backupsDir(str(ctx, 'backups-dir')), file, current, next, choice)
    const total = backups.done + backups.untouched
    if (total === 0) return
    const said = { reencrypt: 're-encrypted under the new passphrase', remove: 'removed', keep: 'kept: they still open with the OLD passphrase' }[choice]
    ctx.out(`${backups.done} of its ${total} automatic backups ${said}${choice === 'reencrypt' ? ' (--backups remove or keep to choose otherwise)' : ''}.`)
    if (backups.untouched) ctx.out(`${backups.untouched} older backups open with an earlier passphrase and were left as they are.`)
  },

  ...backupCommands,
  ...directoryCommands,
  letter: letterCommand,
  text: textCommand,
}

export type CommandName = keyof typeof commands
