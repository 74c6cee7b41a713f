// What this device has seen of each case: the newest audit head per case, in
// the data folder (an id and a hash; no titles, no paths). A case file whose
// log is shorter than what was seen here, or whose entry at that point has
// another hash, was rolled back or replaced by another copy behind Kiroku's
// back: the file's own checks cannot tell, because an older file is a whole,
// valid file. Nothing is recorded while such a difference stands, so it
// keeps being reported until the user accepts the file as it is (or Kiroku
// itself restores a backup).
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { Database } from 'better-sqlite3-multiple-ciphers'
import { writeAtomicallySync } from '../fs/atomic'
import { auditHashAt, auditHead, type AuditHead } from './audit'
import { findingText, type Finding } from './findings'

const SeenSchema = z.record(z.string(), z.object({ seq: z.number().int().nonnegative(), hash: z.string(), seenAt: z.string() }))
type Seen = z.infer<typeof SeenSchema>

/** Its name in the data folder (the app's userData, the CLI's appDataDir()). */
export const DEVICE_HISTORY_FILE = 'seen-cases.json'

export interface HistoryFinding {
  kind: 'older' | 'diverged'
  /** What this device saw last, and when. */
  seen: { seq: number; seenAt: string }
  /** The file's own newest entry. */
  fileSeq: number
  finding: Finding
  /** The finding in English (the CLI's warning). */
  message: string
}

/** A case's identity: the hash of its first audit entry (never changes; a shared copy starts its own log). */
export function caseIdentity(db: Database): string | undefined {
  return auditHashAt(db, 1)
}

export class DeviceHistory {
  constructor(readonly file: string) {}

  private read(): Seen {
    try {
      const parsed = SeenSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')))
      // A damaged record only weakens the check; it must never stop a case from opening.
      return parsed.success ? parsed.data : {}
    } catch {
      return {}
    }
  }

  /** Compares the open case with what this device saw; undefined when they agree (or nothing was seen). */
  check(db: Database): HistoryFinding | undefined {
    const id = caseIdentity(db)
    const seen = id === undefined ? undefined : this.read()[id]
    if (!seen) return undefined
    const head = auditHead(db)
    const seenOn = seen.seenAt.slice(0, 10)
    const found = (kind: HistoryFinding['kind'], finding: Finding): HistoryFinding => ({ kind, seen, fileSeq: head.seq, finding, message: findingText(finding) })
    if (head.seq < seen.seq) return found('older', { kind: 'history_older', seenSeq: seen.seq, seenOn, fileSeq: head.seq })
    if (auditHashAt(db, seen.seq) !== seen.hash) return found('diverged', { kind: 'history_diverged', seenSeq: seen.seq, seenOn })
    return undefined
  }

  /** Remembers the case's head, unless that would hide a difference found by check(). */
  record(db: Database, now = new Date()): void {
    if (this.check(db)) return
    this.accept(db, now)
  }

  /** Remembers the case's head as it is: after a restore by Kiroku, or when the user accepts the file. */
  accept(db: Database, now = new Date()): void {
    const id = caseIdentity(db)
    if (id !== undefined) this.remember(id, auditHead(db), now)
  }

  /** Remembers `head` as the newest state seen of the case `id` (see caseIdentity). */
  remember(id: string, head: AuditHead, now = new Date()): void {
    const seen = this.read()
    if (seen[id]?.seq === head.seq && seen[id]?.hash === head.hash) return
    seen[id] = { seq: head.seq, hash: head.hash, seenAt: now.toISOString() }
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 })
    writeAtomicallySync(this.file, (tmp) => fs.writeFileSync(tmp, JSON.stringify(seen), { mode: 0o600 }), { overwrite: true })
  }
}
