// The `kiroku` command as scripts use it: outputs, --json, and exit codes.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }

function storyCase(): { dir: string; file: string } {
  const dir = tempDir()
  const file = path.join(dir, 'story.kiroku')
  expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
  return { dir, file }
}

describe('kiroku CLI', () => {
  it('prints help and exits 1 without a command, 0 with --help', () => {
    const bare = kiroku([])
    expect(bare.status).toBe(1)
    expect(bare.stdout).toMatch(/Exit codes/)
    expect(kiroku(['list', '--help']).stdout).toMatch(/kiroku list FILE/)
    expect(kiroku(['frobnicate']).status).toBe(1)
    expect(kiroku(['list', 'x.kiroku', '--no-such-option'], { env }).status).toBe(1)
  })

  it('creates a case, logs an event against an organisation by name, attaches evidence, lists and searches', () => {
    const { dir, file } = storyCase()
    const added = kiroku(
      ['add-event', file, '--title', 'Tポイント事務局に再度電話', '--at', '2018-10-26T09:00:00+09:00', '--kind', 'contact', '--organization', 'Tポイント・ジャパン カスタマーセンター', '--channel', 'phone', '--duration', '7', '--json'],
      { env },
    )
    expect(added.status).toBe(0)
    expect(JSON.parse(added.stdout)).toMatchObject({ title: 'Tポイント事務局に再度電話', organizationId: 2, durationMinutes: 7 })

    fs.writeFileSync(path.join(dir, 'screen.png'), TINY_PNG)
    fs.writeFileSync(path.join(dir, 'memo.txt'), '通話メモ')
    const attached = kiroku(['attach', file, path.join(dir, 'screen.png'), path.join(dir, 'memo.txt'), '--caption', '画面'], { env })
    expect(attached.status).toBe(0)
    expect(attached.stdout).toMatch(/Already in the case: #1 login-history\.png/) // same bytes as the story's screenshot
    expect(attached.stdout).toMatch(/Attached: #4 memo\.txt text\/plain sha256 [0-9a-f]{64}/)

    const list = kiroku(['list', file], { env }).stdout.split('\n')
    expect(list[0]).toMatch(/7 events/)
    expect(list.findIndex((l) => l.includes('再度電話'))).toBe(5) // chronological: between 10-18 and 10-26 09:40
    expect(list.join('\n')).toContain('受付番号 TP-20181017-0042')
    const contacts = JSON.parse(kiroku(['list', file, '--kind', 'contact', '--json'], { env }).stdout)
    expect(contacts).toHaveLength(4)
    expect(JSON.parse(kiroku(['search', file, '補償', '--json'], { env }).stdout).length).toBeGreaterThanOrEqual(3)
  })

  it('shows escape sequences and direction controls from case text as markers, and keeps --json exact', () => {
    const { file } = storyCase()
    const title = 'Call\u001b]0;pwned\u0007\u001b[2J from \u202Eemag\u009b31m'
    expect(kiroku(['add-event', file, '--title', title, '--at', '2018-10-27T09:00:00+09:00'], { env }).status).toBe(0)
    const listed = kiroku(['list', file], { env }).stdout
    expect(listed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(listed).toContain('Call〔U+001B〕]0;pwned〔U+0007〕〔U+001B〕[2J from 〔U+202E〕emag〔U+009B〕31m')
    const json = JSON.parse(kiroku(['list', file, '--json'], { env }).stdout) as { title: string }[]
    expect(json.map((e) => e.title)).toContain(title)
  })

  it('attach is all or nothing', () => {
    const { dir, file } = storyCase()
    fs.writeFileSync(path.join(dir, 'ok.txt'), 'fine')
    fs.writeFileSync(path.join(dir, 'fake.png'), 'not an image')
    const result = kiroku(['attach', file, path.join(dir, 'ok.txt'), path.join(dir, 'fake.png')], { env })
    expect(result.status).toBe(3)
    expect(result.stderr).toMatch(/fake\.png is named like image\/png/)
    const caseFile = openCaseFile(file, PASSPHRASE)
    expect(caseFile.evidence.list()).toHaveLength(3)
    caseFile.close()
  })

  it('exit 2 for a wrong passphrase or a file that is not a case, 3 for invalid input', () => {
    const { dir, file } = storyCase()
    const wrong = kiroku(['list', file], { env: { KIROKU_PASSPHRASE: 'nope nope nope' } })
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/Wrong passphrase/)
    fs.writeFileSync(path.join(dir, 'note.kiroku'), 'hello')
    expect(kiroku(['list', path.join(dir, 'note.kiroku')], { env }).status).toBe(2)
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"format":"kiroku-case","version":1,"case":{"kind":"x"}}')
    const invalid = kiroku(['import-json', path.join(dir, 'new.kiroku'), path.join(dir, 'bad.json')], { env })
    expect(invalid.status).toBe(3)
    expect(invalid.stderr).toMatch(/\$\.case\.title/)
    expect(invalid.stderr).toMatch(/\$\.case\.kind/)
    expect(fs.existsSync(path.join(dir, 'new.kiroku'))).toBe(false)
    expect(kiroku(['add-event', file, '--title', 'x', '--at', 'yesterday'], { env }).status).toBe(3)
  })

  it('verify exits 0 on a sound file and 4 on a tampered one', () => {
    const { file } = storyCase()
    expect(kiroku(['verify', file, '--json'], { env }).status).toBe(0)
    const caseFile = openCaseFile(file, PASSPHRASE)
    caseFile.db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET at = '2000-01-01T00:00:00Z' WHERE seq = 3`)
    caseFile.close()
    const result = kiroku(['verify', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toMatch(/audit entry 3 was altered/)
  })

  it('takes passphrases from files and from a piped prompt; passwd changes it', () => {
    const { dir, file } = storyCase()
    fs.writeFileSync(path.join(dir, 'old.txt'), `${PASSPHRASE}\n`)
    fs.writeFileSync(path.join(dir, 'new.txt'), 'a whole new passphrase\n')
    const changed = kiroku(['passwd', file, '--passphrase-file', path.join(dir, 'old.txt'), '--new-passphrase-file', path.join(dir, 'new.txt')])
    expect(changed.status).toBe(0)
    expect(kiroku(['verify', file], { env }).status).toBe(2)
    const prompted = kiroku(['verify', file], { input: 'a whole new passphrase\n' })
    expect(prompted.status).toBe(0)
    expect(prompted.stderr).toContain('Case passphrase:')
  })

  it('takes a new passphrase and its confirmation from a pipe; "now" keeps the local offset', () => {
    const dir = tempDir()
    const file = path.join(dir, 'piped.kiroku')
    expect(kiroku(['new', file, '--title', 'piped'], { input: 'piped passphrase\npiped passphrase\n' }).status).toBe(0)
    expect(kiroku(['new', path.join(dir, 'other.kiroku'), '--title', 'x'], { input: 'piped passphrase\ntypo\n' }).status).toBe(3)
    const tokyo = { KIROKU_PASSPHRASE: 'piped passphrase', TZ: 'Asia/Tokyo' }
    const added = kiroku(['add-event', file, '--title', 'now', '--json'], { env: tokyo })
    expect(JSON.parse(added.stdout).occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/)
  })

  it('export-json writes the document and its evidence folder', () => {
    const { dir, file } = storyCase()
    const result = kiroku(['export-json', file, path.join(dir, 'out.json')], { env })
    expect(result.status).toBe(0)
    expect(fs.readdirSync(path.join(dir, 'out-evidence'))).toHaveLength(3)
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).format).toBe('kiroku-case')
  })

  it('share writes a copy that opens with its own passphrase; merge twice = merge once', () => {
    const { dir, file } = storyCase()
    const copy = path.join(dir, 'copy.kiroku')
    const shareEnv = { ...env, KIROKU_SHARE_PASSPHRASE: 'the copy passphrase' }
    const shared = kiroku(['share', file, copy, '--exclude-evidence', '1', '--json'], { env: shareEnv })
    expect(shared.status).toBe(0)
    expect(JSON.parse(shared.stdout)).toMatchObject({ evidence: 2, leftOutEvidence: 1 })
    expect(kiroku(['verify', copy], { env: { KIROKU_PASSPHRASE: 'the copy passphrase' } }).status).toBe(0)
    expect(kiroku(['verify', copy], { env }).status).toBe(2)

    expect(kiroku(['add-event', copy, '--title', '弁護士に相談', '--at', '2018-11-01T10:00+09:00'], { env: { KIROKU_PASSPHRASE: 'the copy passphrase' } }).status).toBe(0)
    const first = kiroku(['merge', file, copy], { env: shareEnv })
    expect(first.status).toBe(0)
    expect(first.stdout).toBe(`Merged ${copy}: 1 events\n`)
    const second = kiroku(['merge', file, copy, '--json'], { env: shareEnv })
    expect(JSON.parse(second.stdout)).toEqual({ organizations: 0, evidence: 0, events: 0, references: 0, losses: 0, tasks: 0, policeRecords: 0, planSteps: 0 })
    const titles = JSON.parse(kiroku(['list', file, '--json'], { env }).stdout).map((e: { title: string }) => e.title)
    expect(titles).toHaveLength(7)
    expect(titles.filter((t: string) => t === '弁護士に相談')).toHaveLength(1)
    expect(kiroku(['merge', file, copy], { env: { ...env, KIROKU_SHARE_PASSPHRASE: 'wrong one!' } }).status).toBe(2)
  })
})
