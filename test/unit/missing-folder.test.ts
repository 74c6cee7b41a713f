// An output into a folder that does not exist is the user's slip, not a bug:
// every command that writes one says which folder is missing and exits 1,
// without naming the hidden temporary it never got to make.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { kiroku } from '../helpers/cli'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_SHARE_PASSPHRASE: 'a passphrase for the copy' }

describe('an output into a missing folder', () => {
  it('is refused with the folder named, exit 1, by every command that writes one', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
    const missing = path.join(dir, 'no-such-folder')
    const commands: string[][] = [
      ['new', path.join(missing, 'new.kiroku'), '--title', 'a case'],
      ['import-json', path.join(missing, 'imported.kiroku'), STORY_JSON],
      ['export-json', file, path.join(missing, 'export.json')],
      ['dossier', file, path.join(missing, 'dossier.pdf')],
      ['bundle', file, path.join(missing, 'bundle.zip')],
      ['share', file, path.join(missing, 'shared.kiroku')],
      ['prep-sheet', file, path.join(missing, 'prep.pdf'), '--for', 'police'],
    ]
    for (const args of commands) {
      const result = kiroku(args, { env })
      expect(result.stderr.trim(), args[0]).toBe(`kiroku ${args[0]}: The folder ${missing} does not exist; create it or choose another.`)
      expect(result.status, args[0]).toBe(1)
    }
    expect(fs.existsSync(missing)).toBe(false)
    expect(fs.readdirSync(dir)).toEqual(['story.kiroku'])
  })

  it('is refused when the "folder" is a file', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
    const result = kiroku(['dossier', file, path.join(file, 'dossier.pdf')], { env })
    expect(result.stderr.trim()).toBe(`kiroku dossier: ${file} is not a folder; choose another.`)
    expect(result.status).toBe(1)
  })
})
