// The provider directory and the police from the command line:
// `kiroku directory` lists who handles what and their claim rules (with
// source and date), `kiroku link` ties an organisation to an entry,
// `kiroku add-police` records a police contact, `kiroku claimed` records
// that a claim was sent (its deadline is then met).
import { PREREQUISITE_TEXT, WINDOW_START_TEXT, suggestEntry } from '../../shared/directory'
import { POLICE_RECORD_KINDS } from '../../shared/domain'
import { localDay } from '../../shared/dates'
import type { ParseArgsConfig } from 'node:util'
import { KirokuError, providerDirectory } from '../main/core'
import { UsageError, type CommandContext } from './context'
import { oneOf, organizationId, printJson, str, withCase } from './helpers'

type Options = NonNullable<ParseArgsConfig['options']>

function requiredOrganization(ctx: CommandContext) {
  const given = str(ctx, 'organization')
  if (given === undefined) throw new UsageError('--organization ID|NAME is required')
  return given
}

export const directoryCommands = {
  async directory(ctx: CommandContext) {
    const directory = providerDirectory()
    if (ctx.values.json) return printJson(ctx, directory)
    for (const entry of directory.entries) {
      const former = entry.formerNames.length ? ` (formerly ${entry.formerNames.map((f) => f.name).join(', ')})` : ''
      ctx.out(`${entry.id}  ${entry.names.ja[0]} / ${entry.names.en[0]}${former}  [${entry.role}]`)
      ctx.out(`    ${entry.handles.en}`)
      for (const contact of entry.contacts) {
        const reach = [contact.phone, contact.url].filter(Boolean).join('  ')
        ctx.out(`    contact: ${contact.label.en}${reach ? `  ${reach}` : ''}  (as of ${contact.source.checked})`)
      }
      for (const rule of entry.rules) {
        const window = rule.window ? `within ${rule.window.days} days of ${WINDOW_START_TEXT[rule.window.from].en}` : 'no claim window'
        const needs = rule.prerequisites.length ? `; needs ${rule.prerequisites.map((p) => PREREQUISITE_TEXT[p].en).join(', ')}` : ''
        ctx.out(`    rule ${rule.id}: ${rule.title.en}, ${window}${needs}`)
        ctx.out(`      as of ${rule.source.checked}, confirm with the provider: ${rule.source.url}`)
      }
    }
  },

  async link(ctx: CommandContext) {
    const given = str(ctx, 'organization')
    const to = str(ctx, 'to')
    if (given === undefined && to !== undefined) throw new UsageError('--to needs --organization')
    const directory = providerDirectory()
    const linked = await withCase(ctx, (caseFile) => {
      const link = (id: number, directoryId: string | undefined) => {
        const { id: _id, ...current } = caseFile.organizations.get(id)
        return caseFile.organizations.update(id, { ...current, directoryId })
      }
      // No --organization: every organisation without a link takes the entry its name suggests.
      if (given === undefined) {
        return caseFile.organizations
          .list()
          .flatMap((o) => (o.directoryId === undefined ? [{ o, entry: suggestEntry(directory, o.name) }] : []))
          .flatMap(({ o, entry }) => (entry ? [link(o.id, entry.id)] : []))
      }
      const id = organizationId(caseFile, given)!
      const directoryId = to === 'none' ? undefined : (to ?? suggestEntry(directory, caseFile.organizations.get(id).name)?.id)
      if (to === undefined && directoryId === undefined) throw new KirokuError('invalid_input', `No directory entry matches "${given}"; give one with --to ID (see kiroku directory)`)
      if (directoryId !== undefined && !directory.entries.some((e) => e.id === directoryId)) {
        throw new KirokuError('invalid_input', `There is no directory entry "${directoryId}" (see kiroku directory)`)
      }
      return [link(id, directoryId)]
    })
    if (ctx.values.json) return printJson(ctx, linked)
    if (!linked.length) ctx.out('No organisation without a link matches a directory entry.')
    for (const o of linked) ctx.out(o.directoryId ? `Linked ${o.name} to ${o.directoryId}` : `${o.name} is linked to no directory entry`)
  },

  async 'add-police'(ctx: CommandContext) {
    const record = await withCase(ctx, (caseFile) =>
      caseFile.policeRecords.create({
        kind: oneOf(str(ctx, 'kind'), POLICE_RECORD_KINDS, '--kind') ?? 'consultation',
        occurredAt: str(ctx, 'at') ?? localDay(),
        station: str(ctx, 'station'),
        section: str(ctx, 'section'),
        officer: str(ctx, 'officer'),
        receiptNumber: str(ctx, 'receipt'),
        organizationId: organizationId(caseFile, str(ctx, 'organization')),
      }),
    )
    if (ctx.values.json) return printJson(ctx, record)
    ctx.out(`Added police record #${record.id}${record.receiptNumber ? ` (${record.receiptNumber})` : ''}`)
  },

  async claimed(ctx: CommandContext) {
    const given = requiredOrganization(ctx)
    const ruleId = str(ctx, 'rule')
    const task = await withCase(ctx, (caseFile) => {
      const id = organizationId(caseFile, given)!
      const organization = caseFile.organizations.get(id)
      const entry = providerDirectory().entries.find((e) => e.id === organization.directoryId)
      if (!entry) throw new KirokuError('invalid_input', `${organization.name} is linked to no directory entry (kiroku link)`)
      const rule = ruleId === undefined && entry.rules.length === 1 ? entry.rules[0] : entry.rules.find((r) => r.id === ruleId)
      if (!rule) throw new UsageError(`--rule must be one of: ${entry.rules.map((r) => r.id).join(', ') || '(this entry has no rules)'}`)
      return caseFile.tasks.create({
        title: `Claim sent to ${organization.name}: ${rule.title.en}`,
        dueAt: str(ctx, 'at') ?? localDay(),
        done: true,
        organizationId: id,
        claimRuleId: rule.id,
      })
    })
    if (ctx.values.json) return printJson(ctx, task)
    ctx.out(`Recorded: ${task.title} (follow-up #${task.id}, done)`)
  },
}

export const directoryUsage = {
  directory: { usage: 'kiroku directory [--json]\n  The provider directory: who handles what, how to reach them, claim rules with their source and date.' },
  link: {
    usage:
      'kiroku link FILE [--organization ID|NAME [--to ENTRY|none]]\n' +
      "  Link an organisation to a directory entry (its claim rules then set deadlines). Without --to, the entry its\n" +
      '  name suggests; none removes the link. Without --organization, every organisation not yet linked that a\n' +
      '  name suggests (`kiroku due` lists them).',
    options: { organization: { type: 'string' }, to: { type: 'string' } },
  },
  'add-police': {
    usage:
      'kiroku add-police FILE --station NAME [--kind consultation|report|other] [--at DATE] [--section NAME]\n' +
      '                   [--officer NAME] [--receipt NUMBER] [--organization ID|NAME]\n' +
      '  Record a police contact: a consultation (相談), a damage report (被害届) with its receipt number (受理番号), or other.',
    options: {
      station: { type: 'string' },
      kind: { type: 'string' },
      at: { type: 'string' },
      section: { type: 'string' },
      officer: { type: 'string' },
      receipt: { type: 'string' },
      organization: { type: 'string' },
    },
  },
  claimed: {
    usage:
      'kiroku claimed FILE --organization ID|NAME [--rule RULE] [--at DATE]\n' +
      '  Record that the claim under a directory rule was sent (a done follow-up): its deadline is met.',
    options: { organization: { type: 'string' }, rule: { type: 'string' }, at: { type: 'string' } },
  },
} satisfies Record<string, { usage: string; options?: Options }>
