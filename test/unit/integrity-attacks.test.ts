// The attacks on a case file's integrity, done as an attacker would: with
// the SQLite library itself (and the passphrase) or by putting back pages of
// an older copy (without it). Each time `kiroku verify` must exit 4 or
// refuse the file, and the dossier must not claim the hashes match.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { openCaseFile, DeviceHistory, DEVICE_HISTORY_FILE, writeBackup } from '../../electron/main/core'
import { appendAudit } from '../../electron/main/core/casefile/audit'
import { APPLICATION_ID, MIGRATIONS } from '../../electron/main/core/casefile/migrations'
import { installChangeCapture } from '../../electron/main/core/casefile/seals'
import { kiroku } from '../helpers/cli'
import { pdfText } from '../helpers/pdf'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'

const PAGE = 4096

/** The file opened as any SQLCipher tool would: no Kiroku code, no triggers of ours. */
function openWithLibrary(file: string, { create = false } = {}): Database.Database {
  const db = new Database(file, { fileMustExist: !create })
  db.pragma(`cipher = 'sqlcipher'`)
  db.pragma('legacy = 4')
  db.key(Buffer.from(PASSPHRASE, 'utf8'))
  return db
}

/** A story case, with its own data folder (so this device's record of it is the test's alone). */
function setup() {
  const dir = tempDir()
  const file = path.join(dir, 'story.kiroku')
  const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_DATA_DIR: path.join(dir, 'data') }
  expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
  expect(kiroku(['verify', file], { env }).status).toBe(0)
  return { dir, file, env }
}

/** The record the CLI keeps in this test's data folder. */
const deviceHistoryOf = (env: { KIROKU_DATA_DIR: string }) => new DeviceHistory(path.join(env.KIROKU_DATA_DIR, DEVICE_HISTORY_FILE))

function pages(file: string): Buffer[] {
  const bytes = fs.readFileSync(file)
  return Array.from({ length: bytes.length / PAGE }, (_, i) => bytes.subarray(i * PAGE, (i + 1) * PAGE))
}

/** What a user can see of the case: every table (the search index through its own queries, not its pages). */
function visibleContent(file: string): string {
  const db = openWithLibrary(file)
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'search_index_%' ORDER BY name`).pluck().all() as string[]
    const rows = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).raw().all())
    const words = db.prepare('SELECT title FROM events').pluck().all() as string[]
    const hits = words.map((w) => db.prepare('SELECT entity, entity_id FROM search_index WHERE text MATCH ? ORDER BY rowid').raw().all(`"${w.slice(0, 6).replaceAll('"', '')}"`))
    return JSON.stringify([rows, hits], (_k, v) => (v?.type === 'Buffer' ? v.data.length : v))
  } catch (error) {
    return `unreadable: ${(error as Error).message}`
  } finally {
    db.close()
  }
}

describe('integrity: verify checks content, and the dossier tells the truth', () => {
  it('an event title changed with SQL: verify exits 4 and names the event', () => {
    const { file, env } = setup()
    const db = openWithLibrary(file)
    const id = db.prepare(`SELECT id FROM events WHERE title LIKE '%警察%' LIMIT 1`).pluck().get() as number
    db.prepare('UPDATE events SET title = ? WHERE id = ?').run('何も起きなかった', id)
    db.close()
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    // Named by its id and, for the owner at the command line, by the title it now has.
    expect(result.stdout).toContain(`event ${id} “何も起きなかった” differs from what Kiroku wrote`)
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/) // a message, not a stack trace
  })

  it('an original and its stored hash replaced after dropping the trigger: verify exits 4 and the dossier says so', () => {
    const { dir, file, env } = setup()
    const db = openWithLibrary(file)
    db.exec('DROP TRIGGER evidence_originals_never_change')
    const forged = Buffer.concat([TINY_PNG, Buffer.from('forged')])
    const sha = execFileSync('sha256sum', { input: forged }).toString().slice(0, 64)
    db.prepare('UPDATE evidence SET data = ?, sha256 = ?, size = ? WHERE id = 1').run(forged, sha, forged.length)
    db.close()
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toMatch(/evidence 1 “[^”]+” differs from what Kiroku wrote/)

    const pdf = path.join(dir, 'dossier.pdf')
    expect(kiroku(['dossier', file, pdf, '--lang', 'en'], { env }).status).toBe(0)
    const text = pdfText(pdf).replace(/\s+/g, ' ')
    expect(text).not.toMatch(/hashes match|match the hashes/)
    // The dossier names records by id only: a private record must not surface by its title.
    expect(text).toContain('evidence 1 differs from what Kiroku wrote')
    const jaPdf = path.join(dir, 'dossier-ja.pdf')
    expect(kiroku(['dossier', file, jaPdf, '--lang', 'ja'], { env }).status).toBe(0)
    const jaText = pdfText(jaPdf).replace(/\s+/g, '')
    expect(jaText).toContain('証拠1は、Kiroku が書いた内容'.replace(/\s+/g, ''))
    expect(jaText).not.toContain('一致しました')
  })

  it('a row added or deleted with SQL, and the search index edited: each named', () => {
    const { file, env } = setup()
    const db = openWithLibrary(file)
    db.prepare(`INSERT INTO losses (description, amount, unit) VALUES ('捏造', 1, 'JPY')`).run()
    const lossId = db.prepare('SELECT max(id) FROM losses').pluck().get() as number
    db.exec('DELETE FROM refs WHERE id = 1')
    db.close()
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toContain(`loss ${lossId} “捏造” is not in the audit log`)
    expect(result.stdout).toContain('reference 1 is missing')

    const { file: other, env: otherEnv } = setup()
    const db2 = openWithLibrary(other)
    db2.prepare(`UPDATE search_index SET text = 'nothing here' WHERE entity = 'event' AND entity_id = 1`).run()
    db2.close()
    const search = kiroku(['verify', other], { env: otherEnv })
    expect(search.status).toBe(4)
    expect(search.stdout).toContain('the search index does not match the events table')
  })

  it('a table of its own added with SQL, oddly named and keyless: the file still opens, verify names its rows', () => {
    const { file, env } = setup()
    const db = openWithLibrary(file)
    const table = `"notes 'extra${'""'}"` // the name: notes 'extra"
    db.exec(`CREATE TABLE ${table} (body TEXT); INSERT INTO ${table} VALUES ('planted')`)
    db.close()
    expect(kiroku(['list', file], { env }).status).toBe(0)
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toContain(`notes 'extra" 1 is not in the audit log`)
  })

  it('a trigger planted with SQL (every amount written from then on multiplied) and a guard dropped: the schema check names both', () => {
    const { file, env } = setup()
    const db = openWithLibrary(file)
    db.exec(`CREATE TRIGGER losses_tenfold AFTER INSERT ON losses BEGIN UPDATE losses SET amount = amount * 10 WHERE id = NEW.id; END`)
    db.exec('DROP TRIGGER evidence_originals_never_change')
    db.close()
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toContain('the trigger "losses_tenfold" is not Kiroku\'s: it was added outside Kiroku')
    expect(result.stdout).toContain('the trigger "evidence_originals_never_change" is missing')
  })

  it('an upgrade keeps what already differed: a change made behind Kiroku\'s back before it is still reported after it', () => {
    const dir = tempDir()
    const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_DATA_DIR: path.join(dir, 'data') }
    // A schema-4 file as Kiroku of schema 4 wrote it: every change sealed by its audit entry.
    const file = path.join(dir, 'v4.kiroku')
    const db = openWithLibrary(file, { create: true })
    for (const migration of MIGRATIONS.slice(0, 4)) db.exec(migration)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 4')
    installChangeCapture(db)
    db.transaction(() => {
      db.prepare(`INSERT INTO case_info (id, title, kind, status, updated_at) VALUES (1, 'v4', 'other', 'open', '2018-10-12T00:00:00Z')`).run()
      appendAudit(db, 'case', 1, 'create', { title: 'v4' })
    })()
    db.transaction(() => {
      db.prepare(`INSERT INTO events (occurred_at, occurred_utc, kind, title) VALUES ('2018-10-12T21:40+09:00', '2018-10-12T12:40:00.000Z', 'incident', '不正ログイン')`).run()
      appendAudit(db, 'event', 1, 'create', { title: '不正ログイン' })
    })()
    db.close()
    const attacker = openWithLibrary(file)
    attacker.prepare('UPDATE events SET title = ? WHERE id = 1').run('何もなかった')
    attacker.close()

    // Opening upgrades the file and seals every row anew: the change must not become one Kiroku vouches for.
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toContain('found when this file was upgraded (audit entry 3): event 1 “何もなかった” differs from what Kiroku wrote (audit entry 2)')
    expect(kiroku(['verify', file], { env }).status).toBe(4) // and stays reported
  })

  it('a record of what an entry wrote replaced by garbage: exit 4 with words, not a stack trace', () => {
    const { file, env } = setup()
    const db = openWithLibrary(file)
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET state = '{"rows": [1,' WHERE seq = 2`)
    db.close()
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toContain('audit entry 2 holds an unreadable record of what it wrote')
    expect(result.stderr).not.toMatch(/SyntaxError|at .*\.ts:\d+/)
  })

  // One verify per differing page, each a process of its own: minutes on a busy 2-core machine.
  it('pages of an older copy put back, one at a time and all at once: never verified as sound', () => {
    const { dir, file, env } = setup()
    const older = path.join(dir, 'older.kiroku')
    fs.copyFileSync(file, older)
    const caseFile = openCaseFile(file, PASSPHRASE, { deviceHistory: deviceHistoryOf(env) })
    const first = caseFile.events.list()[0]
    const { id, ...fields } = first
    caseFile.events.update(id, { ...fields, title: `${first.title}（訂正）` })
    caseFile.events.create({ occurredAt: '2018-11-01T10:00:00+09:00', kind: 'note', title: '後から追加した記録' })
    caseFile.close()

    const now = pages(file)
    const then = pages(older)
    const differing = now.map((_, i) => i).filter((i) => i < then.length && !now[i].equals(then[i]))
    expect(differing.length).toBeGreaterThan(3)
    const current = visibleContent(file)
    let caught = 0
    let noEffect = 0
    for (const i of differing) {
      const spliced = path.join(dir, `spliced-${i}.kiroku`)
      const bytes = Buffer.from(fs.readFileSync(file))
      then[i].copy(bytes, i * PAGE)
      fs.writeFileSync(spliced, bytes)
      // A data folder that never saw this case: the file alone must give the splice away.
      const status = kiroku(['verify', spliced], { env: { ...env, KIROKU_DATA_DIR: path.join(dir, `fresh-${i}`) } }).status
      if (status === 4 || status === 2) caught++
      // A page rewritten with the same rows (links deleted and added again) changes nothing when put back.
      else if (visibleContent(spliced) === current) noEffect++
    }
    console.info(`page splices: ${differing.length} pages differ, ${caught} caught, ${noEffect} put back the same rows`)
    expect(caught + noEffect).toBe(differing.length)
    expect(caught).toBeGreaterThan(noEffect)

    // All of them at once is the older file itself: sound on its own, caught by the device that saw the newer one.
    const whole = path.join(dir, 'spliced-all.kiroku')
    const bytes = Buffer.from(fs.readFileSync(file))
    for (const i of differing) then[i].copy(bytes, i * PAGE)
    fs.writeFileSync(whole, bytes.subarray(0, then.length * PAGE))
    fs.copyFileSync(whole, file)
    expect(kiroku(['verify', file], { env }).status).toBe(4)
  }, 240_000)

  it('the whole older copy put back on the device that saw the newer one: verify exits 4; a restore by Kiroku is accepted', () => {
    const { dir, file, env } = setup()
    const older = path.join(dir, 'older.kiroku')
    fs.copyFileSync(file, older)
    expect(kiroku(['add-event', file, '--title', '警察署に相談', '--at', '2018-10-20T10:00:00+09:00'], { env }).status).toBe(0)
    fs.copyFileSync(older, file)

    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toMatch(/older state of the case: it ends at audit entry \d+, but on \d{4}-\d\d-\d\d this device saw entry \d+/)
    // Another device (another data folder) never saw the newer state: there the copy is sound.
    expect(kiroku(['verify', file], { env: { ...env, KIROKU_DATA_DIR: path.join(dir, 'elsewhere') } }).status).toBe(0)
    // The record holds ids and hashes only.
    const record = fs.readFileSync(path.join(env.KIROKU_DATA_DIR, DEVICE_HISTORY_FILE), 'utf8')
    expect(record).not.toMatch(/Yahoo|ポイント|story/)
  })

  it('a copy that went its own way (diverged) is reported too', () => {
    const { dir, file, env } = setup()
    const copy = path.join(dir, 'copy.kiroku')
    fs.copyFileSync(file, copy)
    const otherEnv = { ...env, KIROKU_DATA_DIR: path.join(dir, 'other') }
    expect(kiroku(['add-event', copy, '--title', '別の端末で追加', '--at', '2018-10-21T10:00:00+09:00'], { env: otherEnv }).status).toBe(0)
    expect(kiroku(['add-event', file, '--title', 'この端末で追加', '--at', '2018-10-21T11:00:00+09:00'], { env }).status).toBe(0)
    fs.copyFileSync(copy, file)
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toMatch(/history differs from the one this device saw/)
  })

  it('backups have a salt of their own: they open with the passphrase, and their pages do not fit the live file', () => {
    const { dir, file } = setup()
    const backups = { dir: path.join(dir, 'backups') }
    const caseFile = openCaseFile(file, PASSPHRASE, { backups })
    caseFile.events.create({ occurredAt: '2018-11-02T10:00:00+09:00', kind: 'note', title: 'バックアップ前の追加' })
    const backup = writeBackup(caseFile, backups, { onlyIfChanged: false })!
    caseFile.close()
    expect(fs.readFileSync(backup.path).subarray(0, 16).equals(fs.readFileSync(file).subarray(0, 16))).toBe(false)
    const reopened = openCaseFile(backup.path, PASSPHRASE)
    expect(reopened.verify().ok).toBe(true)
    expect(reopened.events.list().some((e) => e.title === 'バックアップ前の追加')).toBe(true)
    reopened.close()

    // A page of the backup put into the live file: the page check refuses it.
    const spliced = path.join(dir, 'spliced.kiroku')
    const live = Buffer.from(fs.readFileSync(file))
    fs.readFileSync(backup.path).subarray(2 * PAGE, 3 * PAGE).copy(live, 2 * PAGE)
    fs.writeFileSync(spliced, live)
    const status = kiroku(['verify', spliced], { env: { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_DATA_DIR: path.join(dir, 'fresh') } }).status
    expect(status).toBe(2)
  })

  it('a restore through Kiroku updates this device\'s record', () => {
    const { dir, file, env } = setup()
    const backupsDir = path.join(dir, 'backups')
    const caseFile = openCaseFile(file, PASSPHRASE, { backups: { dir: backupsDir }, deviceHistory: deviceHistoryOf(env) })
    const backup = writeBackup(caseFile, { dir: backupsDir }, { onlyIfChanged: false })!
    caseFile.events.create({ occurredAt: '2018-11-03T10:00:00+09:00', kind: 'note', title: '復元で消える記録' })
    caseFile.close()
    expect(kiroku(['restore', file, backup.name, '--backups-dir', backupsDir], { env }).status).toBe(0)
    expect(kiroku(['verify', file], { env }).status).toBe(0)
  })
})
