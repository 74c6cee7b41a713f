// Creating, opening and re-keying the encrypted file, and every way opening can fail.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CannotOpenError,
  SCHEMA_VERSION,
  changePassphrase,
  createCaseFile,
  openCaseFile,
} from '../../electron/main/core'
import Database from 'better-sqlite3-multiple-ciphers'
import { openUnencrypted } from '../../electron/main/core/casefile/connection'
import { APPLICATION_ID, MIGRATIONS } from '../../electron/main/core/casefile/migrations'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const CASE = { title: '不正ログイン', kind: 'account_takeover', status: 'open', summary: '', victim: {} } as const

async function newCase(): Promise<string> {
  const file = path.join(tempDir(), 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, CASE)
  return file
}

function openFails(file: string, passphrase = PASSPHRASE): CannotOpenError {
  try {
    openCaseFile(file, passphrase).close()
  } catch (error) {
    expect(error).toBeInstanceOf(CannotOpenError)
    return error as CannotOpenError
  }
  throw new Error('the file opened')
}

describe('case file', () => {
  it('creates an encrypted file that opens with its passphrase and leaves no side files after close', async () => {
    const file = await newCase()
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3')
    const caseFile = openCaseFile(file, PASSPHRASE)
    expect(caseFile.case.get()).toMatchObject(CASE)
    expect(caseFile.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(caseFile.db.pragma('journal_mode', { simple: true })).toBe('wal')
    caseFile.close()
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.kiroku'])
  })

  it('refuses to create over an existing file', async () => {
    const file = await newCase()
    const before = fs.readFileSync(file)
    await expect(createCaseFile(file, PASSPHRASE, CASE)).rejects.toThrow(/already exists/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses a short passphrase and writes nothing', async () => {
    const dir = tempDir()
    await expect(createCaseFile(path.join(dir, 'x.kiroku'), 'short', CASE)).rejects.toThrow(/at least 8/)
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('says "wrong passphrase" and leaves the file byte-identical', async () => {
    const file = await newCase()
    const before = fs.readFileSync(file)
    const error = openFails(file, 'not the passphrase')
    expect(error.reason).toBe('wrong_passphrase_or_damaged')
    expect(error.message).toMatch(/Wrong passphrase/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.kiroku'])
  })

  it('cannot be read by plain SQLite', async () => {
    const file = await newCase()
    const plain = openUnencrypted(file)
    expect(() => plain.prepare('SELECT * FROM sqlite_schema').all()).toThrow(/not a database/)
    plain.close()
  })

  it('changes the passphrase: the old one stops working, the data stays', async () => {
    const file = await newCase()
    const next = `new pass with 'quotes"; and 記号`
    await changePassphrase(file, PASSPHRASE, next)
    expect(openFails(file).reason).toBe('wrong_passphrase_or_damaged')
    const caseFile = openCaseFile(file, next)
    expect(caseFile.case.get().title).toBe(CASE.title)
    expect(caseFile.audit().map((e) => e.action)).toContain('rekey')
    expect(caseFile.verify().ok).toBe(true)
    caseFile.close()
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.kiroku'])
  })

  it('keeps the old passphrase when the change is given the wrong current one', async () => {
    const file = await newCase()
    const before = fs.readFileSync(file)
    await expect(changePassphrase(file, 'wrong current', 'another passphrase')).rejects.toBeInstanceOf(CannotOpenError)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['case.kiroku'])
  })

  it('migrates a file written by schema 1, in one step, keeping its data', async () => {
    const file = path.join(tempDir(), 'old.kiroku')
    const db = new Database(file)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE))
    db.exec(MIGRATIONS[0])
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 1')
    db.prepare(`INSERT INTO events (occurred_at, occurred_utc, kind, title) VALUES ('2018-10-12T09:30+09:00', '2018-10-12T00:30:00.000Z', 'note', 'from v1')`).run()
    db.close()
    const caseFile = openCaseFile(file, PASSPHRASE)
    expect(caseFile.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(caseFile.events.list()).toMatchObject([{ title: 'from v1', private: false }])
    caseFile.close()
  })

  describe('damaged or foreign files get a clear reason', () => {
    it('missing', () => {
      expect(openFails(path.join(tempDir(), 'nope.kiroku')).reason).toBe('missing')
    })

    it('zero bytes: never opened as a new empty case', () => {
      const file = path.join(tempDir(), 'empty.kiroku')
      fs.writeFileSync(file, '')
      expect(openFails(file).reason).toBe('empty_file')
      expect(fs.statSync(file).size).toBe(0)
    })

    it('truncated mid-file', async () => {
      const file = await newCase()
      const bytes = fs.readFileSync(file)
      fs.writeFileSync(file, bytes.subarray(0, bytes.length - 1000))
      expect(openFails(file).reason).toBe('truncated')
    })

    it('truncated to whole pages', async () => {
      const file = await newCase()
      const bytes = fs.readFileSync(file)
      fs.writeFileSync(file, bytes.subarray(0, 4096 * 2))
      expect(['corrupt', 'wrong_passphrase_or_damaged']).toContain(openFails(file).reason)
    })

    it('a bit flipped in page 1 or in a later page', async () => {
      for (const offset of [100, 4096 * 3 + 200]) {
        const file = await newCase()
        const bytes = fs.readFileSync(file)
        bytes[offset] ^= 0x01
        fs.writeFileSync(file, bytes)
        const error = openFailsOrVerifyFails(file)
        expect(error).toMatch(/damaged|Wrong passphrase|integrity|malformed/)
      }
    })

    it('a PNG renamed to .kiroku', () => {
      const file = path.join(tempDir(), 'photo.kiroku')
      fs.writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4088)]))
      const error = openFails(file)
      expect(error.reason).toBe('not_a_case_file')
      expect(error.message).toMatch(/PNG image/)
    })

    it('an unencrypted SQLite database', () => {
      const file = path.join(tempDir(), 'plain.kiroku')
      const db = openUnencrypted(file)
      db.exec('CREATE TABLE t (x)')
      db.close()
      expect(openFails(file).message).toMatch(/unencrypted SQLite/)
    })

    it('a file written by a newer schema', async () => {
      const file = await newCase()
      const caseFile = openCaseFile(file, PASSPHRASE)
      caseFile.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
      caseFile.close()
      const before = fs.readFileSync(file)
      const error = openFails(file)
      expect(error.reason).toBe('newer_version')
      expect(error.message).toMatch(/newer version of Kiroku/)
      expect(fs.readFileSync(file).equals(before)).toBe(true)
    })
  })
})

/** A flipped bit shows either when opening or, in a data page, in verify(). */
function openFailsOrVerifyFails(file: string): string {
  try {
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const report = caseFile.verify()
      expect(report.ok).toBe(false)
      return report.problems.join('\n')
    } finally {
      caseFile.db.close()
    }
  } catch (error) {
    return (error as Error).message
  }
}
