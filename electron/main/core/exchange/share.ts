// An encrypted copy to hand to someone else: the whole case under a
// passphrase of its own, without what the user marked private or chose to
// leave out. The copy starts a fresh audit chain whose first entry names the
// original (its chain head) and when the copy was made: the original's log
// would otherwise carry the private notes' text into the copy.
import crypto from 'node:crypto'
import path from 'node:path'
import type { CaseFile } from '../casefile/case-file'
import { checkNewPassphrase } from '../casefile/case-file'
import { appendAudit } from '../casefile/audit'
import { openConnection, type Connection, type ConnectionOptions } from '../casefile/connection'
import { writeAtomically, type AtomicOptions } from '../fs/atomic'
import { EvidenceTexts } from '../domain/evidence-text'

export interface ShareOptions {
  /** Leave out events, evidence, organisations and losses marked private (default true). */
  withoutPrivate?: boolean
  /** Evidence ids to leave out as well. */
  excludeEvidenceIds?: number[]
}

export interface ShareSummary {
  events: number
  evidence: number
  leftOutEvents: number
  leftOutEvidence: number
  leftOutOrganizations: number
  leftOutLosses: number
}

interface LeftOut {
  events: number
  evidence: number
  organizations: number
  losses: number
}

function leaveOut(db: Connection, options: ShareOptions): LeftOut {
  const withoutPrivate = options.withoutPrivate ?? true
  const excluded = options.excludeEvidenceIds ?? []
  const left = [...(withoutPrivate ? (db.prepare('SELECT id FROM evidence WHERE private = 1').pluck().all() as number[]) : []), ...excluded]
  // A mail holding a file left out holds its bytes: it stays out with it (found before the links go with the file).
  const withheld = new Set([...left, ...new EvidenceTexts(db).carriersOf(left)])
  const evidence = [...withheld].reduce((n, id) => n + db.prepare('DELETE FROM evidence WHERE id = ?').run(id).changes, 0)
  if (withoutPrivate) {
    // The reference number, promise and police record of a private call are as private as the call.
    for (const table of ['refs', 'tasks', 'police_records']) db.exec(`DELETE FROM ${table} WHERE event_id IN (SELECT id FROM events WHERE private = 1)`)
  }
  const events = withoutPrivate ? db.prepare('DELETE FROM events WHERE private = 1').run().changes : 0
  const losses = withoutPrivate ? db.prepare('DELETE FROM losses WHERE private = 1').run().changes : 0
  // What pointed at a private organisation stays (by its own flag) but no longer names it (ON DELETE SET NULL).
  const organizations = withoutPrivate ? db.prepare('DELETE FROM organizations WHERE private = 1').run().changes : 0
  return { events, evidence, organizations, losses }
}

/** Rewrites the copy's log: the append-only guard is lifted only here, on a copy nobody has seen. */
function restartAuditChain(db: Connection, source: CaseFile, summary: object): void {
  db.exec('DROP TRIGGER audit_log_no_delete')
  db.exec('DELETE FROM audit_log')
  db.exec(`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`)
  const head = source.auditHead()
  appendAudit(db, 'case', 1, 'copy', {
    copyOf: path.basename(source.path),
    copyId: crypto.randomUUID(), // the copy is a case of its own on every device (device-history.ts)
    sourceAuditHead: head,
    madeAt: new Date().toISOString(),
    ...summary,
  }, { snapshot: true })
}

/** Writes `target`, a complete case file that opens with `sharePassphrase` only. */
export async function shareCaseFile(
  source: CaseFile,
  sourcePassphrase: string,
  target: string,
  sharePassphrase: string,
  options: ShareOptions & ConnectionOptions & AtomicOptions = {},
): Promise<ShareSummary> {
  checkNewPassphrase(sharePassphrase)
  // A wrong sourcePassphrase fails when the copy is opened, and the copy is removed;
  // callers that want to say so before asking where to save use verifyPassphrase first.
  return writeAtomically(target, (tmp) => {
    const summary = buildCopy(source, sourcePassphrase, tmp, sharePassphrase, options)
    // Prove the copy opens with its own passphrase before it appears.
    openConnection(tmp, sharePassphrase, options).close()
    return summary
  }, options)
}

function buildCopy(
  source: CaseFile,
  sourcePassphrase: string,
  tmp: string,
  sharePassphrase: string,
  options: ShareOptions & ConnectionOptions,
): ShareSummary {
  // A consistent snapshot, encrypted with the source's key from the first byte.
  source.db.prepare('VACUUM INTO ?').run(tmp)
  const copy = openConnection(tmp, sourcePassphrase, options)
  try {
    const summary = copy.transaction((): ShareSummary => {
      const removed = leaveOut(copy, options)
      const summary = {
        events: copy.prepare('SELECT count(*) FROM events').pluck().get() as number,
        evidence: copy.prepare('SELECT count(*) FROM evidence').pluck().get() as number,
        leftOutEvents: removed.events,
        leftOutEvidence: removed.evidence,
        leftOutOrganizations: removed.organizations,
        leftOutLosses: removed.losses,
      }
      restartAuditChain(copy, source, summary)
      return summary
    })()
    // Deleted rows linger in FTS segments and free pages until merged and vacuumed.
    copy.exec(`INSERT INTO search_index (search_index) VALUES ('optimize')`)
    copy.pragma('journal_mode = DELETE') // VACUUM and rekey both want the rollback journal
    copy.exec('VACUUM')
    copy.rekey(Buffer.from(sharePassphrase, 'utf8'))
    copy.pragma('journal_mode = WAL')
    return summary
  } finally {
    copy.close()
  }
}
