// The rule for new passphrases (shared/passphrase-rule.ts with its zxcvbn
// estimator), as the core applies it to create, passwd and share, and as the
// IPC router hands its reason to the app. Files made before the rule, even
// with a raw key as passphrase, still open.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import {
  CaseFile,
  changePassphrase,
  createCaseFile,
  listBackups,
  openCaseFile,
  PassphraseRefusedError,
  shareCaseFile,
} from '../../electron/main/core'
import { createConnection } from '../../electron/main/core/casefile/connection'
import { judgeNewPassphrase } from '../../shared/passphrase-check'
import { describeVerdict, MIN_PASSPHRASE_SCORE, RAW_KEY_PATTERN, readAsRawKey } from '../../shared/passphrase-rule'
import { testRouter } from '../helpers/ipc'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const CASE = { title: 'passphrase rule', kind: 'other', status: 'open', summary: '', victim: {} } as const
const HEX_KEY = '0123456789abcdef'.repeat(4)
const RAW_KEY = `x'${HEX_KEY}'`
const FOUR_EMOJI = '🔒🔑🐶🎉'

describe('the passphrase rule', () => {
  it('refuses the four weak passphrases of the review, each with its reason', () => {
    expect(judgeNewPassphrase('password')).toMatchObject({ ok: false, problem: 'weak', warning: 'topTen' })
    expect(judgeNewPassphrase('12345678')).toMatchObject({ ok: false, problem: 'weak', warning: 'topTen' })
    expect(judgeNewPassphrase('        ')).toMatchObject({ ok: false, problem: 'blank', length: 8 })
    // Eight UTF-16 units, four characters.
    expect(FOUR_EMOJI.length).toBe(8)
    expect(judgeNewPassphrase(FOUR_EMOJI)).toMatchObject({ ok: false, problem: 'too_short', length: 4 })
    expect(describeVerdict(judgeNewPassphrase(FOUR_EMOJI))).toMatch(/at least 8 characters \(it has 4\)/)
    expect(describeVerdict(judgeNewPassphrase('password'))).toMatch(/easy to guess\. It is one of the most used passwords\./)
    expect(describeVerdict(judgeNewPassphrase('        '))).toMatch(/only spaces or invisible characters/)
  })

  it('counts characters as code points', () => {
    expect(judgeNewPassphrase('記録の事件です')).toMatchObject({ problem: 'too_short', length: 7 })
    // Seven characters outside the BMP: fourteen UTF-16 units, still too short.
    expect('𠮷𩸽𠮷𩸽𠮷𩸽𠮷'.length).toBe(14)
    expect(judgeNewPassphrase('𠮷𩸽𠮷𩸽𠮷𩸽𠮷')).toMatchObject({ problem: 'too_short', length: 7 })
    expect(judgeNewPassphrase('𠮷野家で豚丼を食べた')).toMatchObject({ ok: true, length: 10 })
    expect(judgeNewPassphrase('👨‍👩‍👧🇯🇵')).toMatchObject({ problem: 'too_short', length: 7 })
  })

  it('refuses passphrases of only spaces, invisible characters or emoji, however long', () => {
    for (const blank of ['\u3000'.repeat(8), ' \u200b\u200b \t\n   ', '\u00a0'.repeat(12)]) {
      expect(judgeNewPassphrase(blank), JSON.stringify(blank)).toMatchObject({ ok: false, problem: 'blank' })
    }
    for (const emoji of [FOUR_EMOJI.repeat(2), '🔒 🔑 🐶 🎉 🔒 🔑', '👨‍👩‍👧🇯🇵👍🏽1️⃣🔒🔑🐶🎉']) {
      expect(judgeNewPassphrase(emoji), emoji).toMatchObject({ ok: false, problem: 'emoji_only' })
    }
    expect(describeVerdict(judgeNewPassphrase(FOUR_EMOJI.repeat(2)))).toMatch(/only emoji/)
    // Emoji among words are fine.
    expect(judgeNewPassphrase('ポイント 🔒 盗まれた 記録')).toMatchObject({ ok: true })
  })

  it('refuses what SQLite3MultipleCiphers would take as a raw key, whatever its strength', () => {
    for (const raw of [RAW_KEY, RAW_KEY.toUpperCase(), "x''", `x'${HEX_KEY}${'ab'.repeat(16)}'`, `x'${HEX_KEY}Z`, `raw:${'A'.repeat(32)}`, 'raw: my key is long']) {
      expect(RAW_KEY_PATTERN.test(raw) || readAsRawKey(raw) || raw.startsWith('raw:'), raw).toBe(true)
      expect(judgeNewPassphrase(raw), raw).toMatchObject({ ok: false, problem: 'raw_key' })
    }
    expect(describeVerdict(judgeNewPassphrase(RAW_KEY))).toMatch(/raw encryption key/)
    // An x' that SQLite does not read as a key is judged like any passphrase.
    expect(judgeNewPassphrase("x'mas party in tokyo")).toMatchObject({ ok: true })
  })

  it('refuses weak ones in Japanese and English with advice, and accepts long ones', () => {
    for (const weak of ['iloveyou', 'qwertyuiop', 'passw0rd', 'P@ssw0rd2024', 'sakura2024', 'あいうえおかきくけこ', '記録記録記録記録', 'kirokukiroku']) {
      const verdict = judgeNewPassphrase(weak)
      expect(verdict, weak).toMatchObject({ ok: false, problem: 'weak' })
      expect(verdict.score).toBeLessThan(MIN_PASSPHRASE_SCORE)
      expect(describeVerdict(verdict)).toMatch(/^This passphrase would be easy to guess\. .+\./)
    }
    expect(describeVerdict(judgeNewPassphrase('あいうえおかきくけこ'))).toMatch(/Sequences such as/)
    for (const strong of ['明日は晴れると思います', '青い自転車と三月の雨', 'Tポイントが消えた2018年', 'blue bicycle in march rain', 'purple monkey dishwasher']) {
      const verdict = judgeNewPassphrase(strong)
      expect(verdict, strong).toMatchObject({ ok: true, problem: undefined, suggestions: [] })
      expect(verdict.score).toBeGreaterThanOrEqual(MIN_PASSPHRASE_SCORE)
    }
  })

  it('accepts every passphrase the tests, the e2e tests and the benches create cases, copies or passphrase changes with', () => {
    const used = [
      PASSPHRASE,
      'the new passphrase 新しい',
      'share passphrase for the lawyer',
      'for the lawyer 弁護士',
      'from the lawyer 弁護士より',
      'another horse for the police 共有',
      'bench-パスフレーズ-2018',
      'Qx7pass-Vw3 記録のパスフレーズ',
      'Sh4re-Yb9 コピー用',
      'a brand new passphrase 新しい',
      'a new passphrase 新しい',
      'another passphrase',
      'copy passphrase',
      'a whole new passphrase',
      'piped passphrase',
      'the copy passphrase',
    ]
    for (const passphrase of used) expect(judgeNewPassphrase(passphrase), passphrase).toMatchObject({ ok: true })
  })

  it('refuses a lone surrogate (UTF-8 would turn different passphrases into the same key)', () => {
    expect(judgeNewPassphrase('correct horse\ud800 battery')).toMatchObject({ ok: false, problem: 'broken' })
    expect(Buffer.from('a\ud800b').equals(Buffer.from('a\udfffb'))).toBe(true)
  })

  it('keeps nothing of the passphrase in its verdict', () => {
    for (const passphrase of ['password', 'Zq8secret-Mv3 秘密', FOUR_EMOJI]) {
      expect(JSON.stringify(judgeNewPassphrase(passphrase))).not.toContain(passphrase.slice(0, 4))
    }
  })
})

describe('readAsRawKey agrees with SQLite3MultipleCiphers', () => {
  /** Whether a file keyed with `passphrase` opens with `rawKey`: only if no key derivation happened. */
  function keyedAsRaw(dir: string, passphrase: string, rawKey: string): boolean {
    const file = path.join(dir, `${fs.readdirSync(dir).length}.db`)
    const keyed = (db: Database.Database, key: string) => {
      db.pragma(`cipher = 'sqlcipher'`)
      db.pragma('legacy = 4')
      db.key(Buffer.from(key, 'utf8'))
      return db
    }
    const made = keyed(new Database(file), passphrase)
    made.exec('CREATE TABLE t (x)')
    made.close()
    const db = keyed(new Database(file, { fileMustExist: true }), rawKey)
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get()
      return true
    } catch {
      return false
    } finally {
      db.close()
    }
  }

  it('for raw keys with and without the closing quote, raw: forms, and look-alikes that are passphrases', () => {
    const dir = tempDir()
    const thirtyTwo = 'A'.repeat(32)
    const asHex = Buffer.from(thirtyTwo).toString('hex')
    const cases: Array<[string, string]> = [
      [RAW_KEY, RAW_KEY],
      [`x'${HEX_KEY}Z`, RAW_KEY],
      [`X'${HEX_KEY.toUpperCase()}'`, RAW_KEY],
      [`raw:${thirtyTwo}`, `x'${asHex}'`],
      [`raw:${asHex}`, `x'${asHex}'`],
      // Passphrases after all (the key derivation runs), though each starts with a key that would open the file
      // if SQLite read it as one: one hex digit too many, a two-byte last character, one byte too many.
      [`x'${HEX_KEY}0'`, RAW_KEY],
      [`x'${HEX_KEY}é`, RAW_KEY],
      [`raw:${thirtyTwo}A`, `x'${asHex}'`],
    ]
    for (const [passphrase, rawKey] of cases) {
      expect(readAsRawKey(passphrase), passphrase).toBe(keyedAsRaw(dir, passphrase, rawKey))
    }
    expect(cases.filter(([passphrase]) => readAsRawKey(passphrase))).toHaveLength(5)
  })
})

describe('the core applies the rule to new passphrases only', () => {
  it('create, passwd and share refuse a weak passphrase with invalid_input, its reason and words, and write nothing', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    const refused = await createCaseFile(file, 'password', CASE).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(PassphraseRefusedError)
    expect(refused).toMatchObject({ code: 'invalid_input', reason: 'weak', message: expect.stringMatching(/one of the most used passwords/) })
    expect(fs.readdirSync(dir)).toEqual([])

    await createCaseFile(file, PASSPHRASE, CASE)
    await expect(changePassphrase(file, PASSPHRASE, '        ')).rejects.toMatchObject({ code: 'invalid_input', reason: 'blank' })
    await expect(changePassphrase(file, PASSPHRASE, RAW_KEY)).rejects.toMatchObject({ code: 'invalid_input', reason: 'raw_key' })
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const copy = path.join(dir, 'copy.kiroku')
      await expect(shareCaseFile(caseFile, PASSPHRASE, copy, FOUR_EMOJI)).rejects.toMatchObject({ code: 'invalid_input', reason: 'too_short' })
      await expect(shareCaseFile(caseFile, PASSPHRASE, copy, '12345678')).rejects.toMatchObject({ code: 'invalid_input', reason: 'weak' })
      expect(fs.existsSync(copy)).toBe(false)
    } finally {
      caseFile.close()
    }
    expect(fs.readdirSync(dir)).toEqual(['case.kiroku'])
  })

  // The second form (no closing quote) is a raw key to SQLite too: backups must not run it through the key derivation.
  it.each([RAW_KEY, `x'${HEX_KEY}Z`])('still opens, backs up and changes the passphrase of a file made with the raw key %s before the rule', async (rawKey) => {
    const dir = tempDir()
    const file = path.join(dir, 'old.kiroku')
    // As an older Kiroku wrote it: the raw key went straight to SQLite as the passphrase.
    const old = new CaseFile(file, createConnection(file, rawKey))
    old.case.set({ ...CASE, title: 'made with a raw key' })
    old.close()

    const backups = { dir: path.join(dir, 'backups') }
    const opened = openCaseFile(file, rawKey, { backups })
    expect(opened.case.get().title).toBe('made with a raw key')
    opened.events.create({ occurredAt: '2018-10-13T10:00:00+09:00', kind: 'note', title: 'a note' })
    opened.close()
    expect(opened.lastBackupError).toBeUndefined()
    const [backup] = listBackups(backups.dir, file)
    const fromBackup = openCaseFile(backup.path, rawKey)
    expect(fromBackup.events.list().map((e) => e.title)).toEqual(['a note'])
    fromBackup.close()

    // Moving away from it is a new passphrase, checked as any other.
    await changePassphrase(file, rawKey, PASSPHRASE)
    const reopened = openCaseFile(file, PASSPHRASE)
    expect(reopened.case.get().title).toBe('made with a raw key')
    reopened.close()
  })

  it('the router hands the reason to the app', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    const { call, choose } = testRouter(dir)
    await choose('create', file)
    const refused = await call('case:create', { path: file, passphrase: '12345678', case: CASE })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', reason: 'weak', message: expect.stringMatching(/most used passwords/) } })
    expect(fs.existsSync(file)).toBe(false)
    expect(await call('case:create', { path: file, passphrase: PASSPHRASE, case: CASE })).toMatchObject({ ok: true })
  })
})
