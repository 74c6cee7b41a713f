// Handlers of the backup channels (shared/ipc/backup-contract.ts). Spread into createHandlers.
import path from 'node:path'
import type { backupChannels } from '../../../shared/ipc/backup-contract'
import { KirokuError, listBackups, restoreBackup } from '../core'
import type { CaseSession, Platform } from './handlers'
import type { PathGrants } from './path-grants'
import type { Handlers } from './router'

export type BackupChannel = keyof typeof backupChannels

/** Only for a case file the main process gave the page (path-grants.ts): never over any other file. */
export function backupHandlers(session: CaseSession, platform: Pick<Platform, 'caseFileOptions'>, grants: PathGrants): Pick<Handlers, BackupChannel> {
  const settings = () => platform.caseFileOptions.backups
  return {
    'backups:list': ({ path: file }) => {
      grants.check('open', file)
      const backups = settings()
      if (!backups) return []
      return listBackups(backups.dir, file).map(({ name, createdAt, auditSeq, bytes }) => ({ name, createdAt, auditSeq, bytes }))
    },
    'backups:restore': async ({ path: file, backup, passphrase }) => {
      grants.check('open', file)
      const backups = settings()
      const find = () => {
        const found = backups && listBackups(backups.dir, file).find((b) => b.name === backup)
        if (!found) throw new KirokuError('not_found', `There is no backup ${backup} of ${path.basename(file)} (any more); choose another.`)
        return found
      }
      find()
      // The case being replaced must not stay open (and is backed up as it closes, if it can be:
      // which may push the oldest backup out, so it is looked up again).
      if (session.path && path.resolve(session.path) === path.resolve(file)) session.close()
      const result = await restoreBackup(file, find().path, passphrase, platform.caseFileOptions)
      return { restoredFrom: backup, previousKeptAs: result.previousKeptAs }
    },
  }
}
