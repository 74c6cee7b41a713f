// `kiroku backups FILE` and `kiroku restore FILE BACKUP`: the app's
// automatic encrypted backups from the command line. The backups folder is
// --backups-dir, else $KIROKU_BACKUPS_DIR, else the app's own (its data
// folder + /backups).
import path from 'node:path'
import { DEVICE_HISTORY_FILE, DeviceHistory, KirokuError, listBackups, restoreBackup } from '../main/core'
import { appDataDir, backupsDir as backupsDirOf } from './app-data'
import { UsageError, type CommandContext } from './context'
import { getPassphrase } from './passphrase'

const backupsDir = (ctx: CommandContext) => backupsDirOf(ctx.values['backups-dir'] as string | undefined)

function fileArg(ctx: CommandContext): string {
  const file = ctx.positionals[0]
  if (!file) throw new UsageError('missing FILE')
  return file
}

export const backupCommands = {
  async backups(ctx: CommandContext) {
    const file = fileArg(ctx)
    const backups = listBackups(backupsDir(ctx), file)
    if (ctx.values.json) return ctx.out(JSON.stringify(backups.map(({ path: _p, ...b }) => b), null, 2))
    if (!backups.length) return ctx.out(`No backups of ${file} in ${backupsDir(ctx)}.`)
    for (const b of backups) ctx.out(`${b.name}  ${b.createdAt}  audit #${b.auditSeq}  ${(b.bytes / 1024).toFixed(0)} KB`)
  },

  async restore(ctx: CommandContext) {
    const file = fileArg(ctx)
    const name = ctx.positionals[1]
    if (!name) throw new UsageError('missing BACKUP (a name from `kiroku backups FILE`)')
    const found = listBackups(backupsDir(ctx), file).find((b) => b.name === name)
    if (!found) throw new KirokuError('not_found', `There is no backup ${name} of ${file}; \`kiroku backups ${file}\` lists them.`)
    const passphrase = await getPassphrase({ env: 'KIROKU_PASSPHRASE', file: ctx.values['passphrase-file'] as string | undefined, prompt: 'Passphrase of the backup: ' })
    // Restored on purpose: the backup's state becomes what this device has seen of the case.
    const deviceHistory = new DeviceHistory(path.join(appDataDir(), DEVICE_HISTORY_FILE))
    const result = await restoreBackup(file, found.path, passphrase, { deviceHistory })
    ctx.out(`Restored ${file} from ${name}.`)
    if (result.previousKeptAs) ctx.out(`The file it replaced is kept as ${result.previousKeptAs}.`)
  },
}
