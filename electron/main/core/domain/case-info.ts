// The case itself: one row per file (title, kind, status, victim …).
import crypto from 'node:crypto'
import { CaseInputSchema, type CaseInput, type CaseRecord } from '../../../../shared/domain'
import type { Connection } from '../casefile/connection'
import { appendAudit } from '../casefile/audit'
import { parseInput } from './table'

type CaseRow = Record<string, string | null>

/** Absent optional fields are left out rather than null, as everywhere else. */
function present<T extends Record<string, string | null>>(fields: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as { [K in keyof T]?: string }
}

function toRecord(row: CaseRow): CaseRecord {
  return {
    title: row.title!,
    kind: row.kind as CaseRecord['kind'],
    status: row.status as CaseRecord['status'],
    summary: row.summary ?? '',
    ...present({ discoveredAt: row.discovered_at }),
    victim: present({ name: row.victim_name, address: row.victim_address, phone: row.victim_phone, email: row.victim_email }),
    updatedAt: row.updated_at!,
  }
}

export class CaseInfo {
  constructor(private readonly db: Connection) {}

  get(): CaseRecord {
    return toRecord(this.db.prepare('SELECT * FROM case_info WHERE id = 1').get() as CaseRow)
  }

  /** Writes the whole case record (there is exactly one per file). */
  set(input: unknown): CaseRecord {
    const c: CaseInput = parseInput(CaseInputSchema, input)
    this.db.transaction(() => {
      const existed = this.db.prepare('SELECT 1 FROM case_info WHERE id = 1').get() !== undefined
      this.db
        .prepare(
          `INSERT INTO case_info (id, title, kind, status, summary, discovered_at,
             victim_name, victim_address, victim_phone, victim_email, updated_at)
           VALUES (1, @title, @kind, @status, @summary, @discoveredAt, @name, @address, @phone, @email, @updatedAt)
           ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, status = excluded.status,
             summary = excluded.summary, discovered_at = excluded.discovered_at,
             victim_name = excluded.victim_name, victim_address = excluded.victim_address,
             victim_phone = excluded.victim_phone, victim_email = excluded.victim_email,
             updated_at = excluded.updated_at`,
        )
        .run({
          title: c.title,
          kind: c.kind,
          status: c.status,
          summary: c.summary,
          discoveredAt: c.discoveredAt ?? null,
          name: c.victim.name ?? null,
          address: c.victim.address ?? null,
          phone: c.victim.phone ?? null,
          email: c.victim.email ?? null,
          updatedAt: new Date().toISOString(),
        })
      // The first entry names the case on this device (device-history.ts): a random id keeps two identical cases apart.
      appendAudit(this.db, 'case', 1, existed ? 'update' : 'create', existed ? c : { ...c, caseId: crypto.randomUUID() })
    })()
    return this.get()
  }
}
