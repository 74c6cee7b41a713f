// Forward-only schema migrations, keyed on PRAGMA user_version. Each entry
// moves the schema from version (index) to version (index + 1); never edit a
// released entry, append a new one.
import type { Database } from 'better-sqlite3-multiple-ciphers'
import { CannotOpenError } from '../errors'
import { appendAudit, verifyContent } from './audit'
import { forgetSealedTables } from './seals'

/** 'KRKU': marks a SQLite file as a Kiroku case file. */
export const APPLICATION_ID = 0x4b524b55

/** What the search index holds for each table: `$column` is a column of the row (schema 1). */
const FIRST_SEARCH_SOURCES = [
  { table: 'events', entity: 'event', text: "concat_ws(' ', $title, $body, $representative)" },
  { table: 'refs', entity: 'reference', text: "concat_ws(' ', $label, $value)" },
  { table: 'organizations', entity: 'organization', text: "concat_ws(' ', $name, $phone, $email, $url, $notes)" },
  { table: 'losses', entity: 'loss', text: "concat_ws(' ', $description, $unit)" },
  { table: 'evidence', entity: 'evidence', text: "concat_ws(' ', $caption, $file_name)" },
] as const
/** Police records are searchable from schema 6 (by station, officer and receipt number). */
const POLICE_SEARCH_SOURCE = {
  table: 'police_records',
  entity: 'police_record',
  text: "concat_ws(' ', $station, $section, $officer, $receipt_number)",
} as const
/**
 * Text read out of evidence (a mail, a PDF, OCR of a picture) is searchable, under the
 * evidence's id (schema 7). Its own entity keeps it apart from the caption's row.
 */
const EVIDENCE_TEXT_SEARCH_SOURCE = { table: 'evidence_text', entity: 'evidence_text', key: 'evidence_id', text: '$text' } as const
export const SEARCH_SOURCES = [...FIRST_SEARCH_SOURCES, POLICE_SEARCH_SOURCE, EVIDENCE_TEXT_SEARCH_SOURCE] as const

/** `key`: the column that is the row's id in the index (default `id`; the SQL for those tables is as it always was). */
const searchTriggers = ({ table, entity, text, key = 'id' }: { table: string; entity: string; text: string; key?: string }) => `
CREATE TRIGGER ${table}_search_insert AFTER INSERT ON ${table} BEGIN
  INSERT INTO search_index (entity, entity_id, text) VALUES ('${entity}', NEW.${key}, ${text.replaceAll('$', 'NEW.')});
END;
CREATE TRIGGER ${table}_search_update AFTER UPDATE ON ${table} BEGIN
  DELETE FROM search_index WHERE entity = '${entity}' AND entity_id = OLD.${key};
  INSERT INTO search_index (entity, entity_id, text) VALUES ('${entity}', NEW.${key}, ${text.replaceAll('$', 'NEW.')});
END;
CREATE TRIGGER ${table}_search_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM search_index WHERE entity = '${entity}' AND entity_id = OLD.${key};
END;`

export const MIGRATIONS: readonly string[] = [
  // 0 -> 1: the first schema.
  `
CREATE TABLE case_info (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  discovered_at TEXT,
  victim_name TEXT, victim_address TEXT, victim_phone TEXT, victim_email TEXT,
  updated_at TEXT NOT NULL
);
CREATE TABLE organizations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL, role TEXT NOT NULL,
  phone TEXT, email TEXT, url TEXT, notes TEXT
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  occurred_utc TEXT NOT NULL, -- sort key; occurred_at keeps the user's offset
  kind TEXT NOT NULL, title TEXT NOT NULL, body TEXT,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  representative TEXT, channel TEXT, duration_minutes INTEGER
);
CREATE INDEX events_by_time ON events (occurred_utc, id);
CREATE INDEX events_by_organization ON events (organization_id);
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  captured_at TEXT, caption TEXT,
  added_at TEXT NOT NULL,
  data BLOB NOT NULL -- last, so listing metadata never reads the bytes
);
CREATE TRIGGER evidence_originals_never_change BEFORE UPDATE OF data, sha256, size, mime_type ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence originals never change'); END;
CREATE TABLE event_evidence (
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, evidence_id)
) WITHOUT ROWID;
CREATE INDEX event_evidence_by_evidence ON event_evidence (evidence_id);
CREATE TABLE refs (
  id INTEGER PRIMARY KEY,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  label TEXT NOT NULL, value TEXT NOT NULL, issued_at TEXT,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL
);
CREATE TABLE losses (
  id INTEGER PRIMARY KEY,
  description TEXT NOT NULL, amount INTEGER NOT NULL, unit TEXT NOT NULL,
  occurred_at TEXT,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  recovered INTEGER NOT NULL DEFAULT 0,
  expected_recovery_at TEXT
);
CREATE TABLE tasks (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL, due_at TEXT, done INTEGER NOT NULL DEFAULT 0,
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL
);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  entity TEXT NOT NULL, entity_id INTEGER, action TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE VIRTUAL TABLE search_index USING fts5 (entity UNINDEXED, entity_id UNINDEXED, text, tokenize = 'trigram');
${FIRST_SEARCH_SOURCES.map(searchTriggers).join('\n')}
`,
  // 1 -> 2: events and evidence can be marked private (left out of shared copies).
  `
ALTER TABLE events ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
`,
  // 2 -> 3: the case's recovery plan (which one, and its progress step by step).
  `
CREATE TABLE case_plan (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  kind TEXT NOT NULL,        -- the plan adopted (a case kind)
  version INTEGER NOT NULL,  -- version of the plan file it came from
  lang TEXT NOT NULL,        -- language of the titles kept in plan_steps
  adopted_at TEXT NOT NULL
);
CREATE TABLE plan_steps (
  id INTEGER PRIMARY KEY,
  step_id TEXT NOT NULL UNIQUE, -- the plan's stable id, or custom-N
  position INTEGER NOT NULL,
  title TEXT NOT NULL,          -- as adopted, or as the user wrote it
  custom INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0,
  done_at TEXT,
  hidden INTEGER NOT NULL DEFAULT 0,
  notes TEXT,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL, -- the timeline's record of it
  event_created INTEGER NOT NULL DEFAULT 0 -- 1: that event was made by ticking the step
);
CREATE INDEX plan_steps_by_position ON plan_steps (position, id);
`,
  // 3 -> 4: each audit entry seals the rows it wrote (see seals.ts).
  `
ALTER TABLE audit_log ADD COLUMN state TEXT;
`,
  // 4 -> 5: organisations and losses can be marked private too (never in a dossier, sheet, bundle or shared copy).
  `
ALTER TABLE organizations ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
ALTER TABLE losses ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
`,
  // 5 -> 6: organisations link to the provider directory; the police become records of their own.
  `
ALTER TABLE organizations ADD COLUMN directory_id TEXT;
ALTER TABLE tasks ADD COLUMN claim_rule_id TEXT; -- this follow-up records a claim made under that rule
CREATE TABLE police_records (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,        -- consultation | report | other
  occurred_at TEXT NOT NULL, -- a day or a moment with its offset
  station TEXT NOT NULL, section TEXT, officer TEXT,
  receipt_number TEXT,       -- 受理番号 or 相談受理番号
  organization_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL
);
${searchTriggers(POLICE_SEARCH_SOURCE)}
`,
  // 6 -> 7: a case can be more than one kind of fraud; the plan takes on the steps of each kind added.
  `
ALTER TABLE case_plan ADD COLUMN more_kinds TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(more_kinds) AND json_type(more_kinds) = 'array');
`,
  // 7 -> 8: evidence text. What Kiroku read out of a piece of evidence (a mail's headers and body,
  // a PDF's pages, later OCR of a picture): derived, so the original never changes; one row per
  // piece, also when nothing could be read (empty text and a note saying why), so the piece is
  // not read again on every open. And which evidence came inside which (a mail's attachments).
  `
CREATE TABLE evidence_text (
  evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) ON DELETE CASCADE,
  source TEXT NOT NULL,          -- mail | pdf | ocr
  engine TEXT NOT NULL,          -- what read it (postal-mime, pdfjs-dist, tesseract.js)
  engine_version TEXT NOT NULL,
  languages TEXT,                -- what the reader was told to expect (OCR), e.g. jpn+eng
  original_sha256 TEXT NOT NULL, -- the SHA-256 of the bytes it was read from
  text TEXT NOT NULL,            -- normalised for search; '' when nothing could be read
  note TEXT,                     -- why there is no text, or what was left out
  created_at TEXT NOT NULL
);
CREATE TABLE evidence_parts (
  parent_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE, -- the mail
  child_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,  -- a file it carried
  position INTEGER NOT NULL,     -- its place among the mail's attachments
  PRIMARY KEY (parent_id, child_id)
) WITHOUT ROWID;
CREATE INDEX evidence_parts_by_child ON evidence_parts (child_id);
${searchTriggers(EVIDENCE_TEXT_SEARCH_SOURCE)}
`,
]

export const SCHEMA_VERSION = MIGRATIONS.length

/** The first schema whose audit entries seal the rows they wrote. */
const FIRST_SEALED_VERSION = 4

/**
 * Brings the schema up to date in one transaction; refuses files from the
 * future. A file that had content is sealed anew afterwards: a migration may
 * change rows (a new column), and files from before schema 4 had no seals.
 */
export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SCHEMA_VERSION) {
    throw new CannotOpenError(
      'newer_version',
      `This case file was written by a newer version of Kiroku (schema ${current}; this version reads up to ${SCHEMA_VERSION}). Update Kiroku to open it; the file was not changed.`,
    )
  }
  if (current === SCHEMA_VERSION) return
  // What already differs from the seals is found before the upgrade seals every row anew, and kept in
  // its entry: an upgrade must not turn a change made behind Kiroku's back into one it vouches for.
  const foundBefore = current >= FIRST_SEALED_VERSION ? verifyContent(db).findings : []
  db.transaction(() => {
    for (let version = current; version < SCHEMA_VERSION; version++) db.exec(MIGRATIONS[version])
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma(`user_version = ${SCHEMA_VERSION}`)
    forgetSealedTables(db)
    const payload = { from: current, to: SCHEMA_VERSION, ...(foundBefore.length ? { foundBefore } : {}) }
    if (current > 0) appendAudit(db, 'case', null, 'migrate', payload, { snapshot: true })
  })()
}
