// The real `kiroku` command refuses a weak new passphrase (new, import-json,
// passwd, share) with exit 3 and the reason, before it writes anything or
// asks for the repetition.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }
const RAW_KEY = `x'${'0123456789abcdef'.repeat(4)}'`

describe('kiroku and weak new passphrases', () => {
  it('new: exit 3 with the reason for each weak passphrase, and no file', () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    // The other reasons are each seen below (blank: passwd, emoji only: share).
    const reasons: Array<[string, RegExp]> = [
      ['password', /easy to guess\. It is one of the most used passwords\./],
      ['🔒🔑🐶🎉', /at least 8 characters \(it has 4\)/],
      [RAW_KEY, /raw encryption key/],
    ]
    for (const [passphrase, reason] of reasons) {
      const result = kiroku(['new', file, '--title', 'weak'], { env: { KIROKU_PASSPHRASE: passphrase } })
      expect(result.status, passphrase).toBe(3)
      expect(result.stderr, passphrase).toMatch(reason)
      expect(result.stderr.startsWith('kiroku new: ')).toBe(true)
    }
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('new: a weak passphrase typed at the prompt is refused before the repetition is asked', () => {
    const dir = tempDir()
    const result = kiroku(['new', path.join(dir, 'case.kiroku'), '--title', 'piped'], { input: 'iloveyou\niloveyou\n' })
    expect(result.status).toBe(3)
    expect(result.stderr).toContain('New case passphrase:')
    expect(result.stderr).not.toContain('Repeat it')
    expect(result.stderr).toMatch(/very often used password/)
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('import-json: exit 3 and no file', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    const result = kiroku(['import-json', file, STORY_JSON], { env: { KIROKU_PASSPHRASE: '12345678' } })
    expect(result.status).toBe(3)
    expect(result.stderr).toMatch(/^kiroku import-json: This passphrase would be easy to guess/)
    expect(fs.existsSync(file)).toBe(false)
  })

  it('passwd: exit 3 from the variable and from a file, and the old passphrase still opens', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
    const fromVariable = kiroku(['passwd', file], { env: { ...env, KIROKU_NEW_PASSPHRASE: 'password' } })
    expect(fromVariable.status).toBe(3)
    expect(fromVariable.stderr).toMatch(/^kiroku passwd: .*one of the most used passwords/)
    fs.writeFileSync(path.join(dir, 'new.txt'), '        \n')
    const fromFile = kiroku(['passwd', file, '--new-passphrase-file', path.join(dir, 'new.txt')], { env })
    expect(fromFile.status).toBe(3)
    expect(fromFile.stderr).toMatch(/only spaces or invisible characters/)
    openCaseFile(file, PASSPHRASE).close()
    expect(fs.readdirSync(dir).sort()).toEqual(['new.txt', 'story.kiroku'])
  })

  it('share: exit 3 and no copy', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
    const copy = path.join(dir, 'copy.kiroku')
    for (const [passphrase, reason] of [
      [RAW_KEY, /raw encryption key/],
      ['🔒🔑🐶🎉🔒🔑🐶🎉', /only emoji/],
    ] as const) {
      const result = kiroku(['share', file, copy], { env: { ...env, KIROKU_SHARE_PASSPHRASE: passphrase } })
      expect(result.status, passphrase).toBe(3)
      expect(result.stderr, passphrase).toMatch(reason)
    }
    expect(fs.existsSync(copy)).toBe(false)
  })
})
