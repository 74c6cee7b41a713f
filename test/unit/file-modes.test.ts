// Every file Kiroku writes is its user's alone (0600) and every folder it
// makes too (0700), under the usual umask 022 that would give 0644 and 0755:
// each kind of output through the real `kiroku` command, the backups and the
// WAL through the core, and a temporary while it is still being written.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile, writeBackup } from '../../electron/main/core'
import { writeAtomically } from '../../electron/main/core/fs/atomic'
import { kiroku } from '../helpers/cli'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const mode = (file: string) => fs.statSync(file).mode & 0o777
const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_SHARE_PASSPHRASE: 'a passphrase for the copy', KIROKU_NEW_PASSPHRASE: 'the next passphrase' }

// The children inherit it: what a user's shell typically has.
let umask: number
beforeAll(() => {
  umask = process.umask(0o022)
})
afterAll(() => {
  process.umask(umask)
})

describe.skipIf(process.platform === 'win32')('file modes', () => {
  it('writes case files, copies, exports, dossiers, bundles, sheets and the data folder as 0600 / 0700', () => {
    const dir = tempDir()
    const data = path.join(dir, 'data', 'Kiroku')
    const run = (...args: string[]) => {
      const result = kiroku(args, { env: { ...env, KIROKU_DATA_DIR: data } })
      expect(result.stderr, args[0]).toBe('')
      expect(result.status, args[0]).toBe(0)
    }
    const at = (name: string) => path.join(dir, name)
    run('new', at('new.kiroku'), '--title', 'new case')
    run('import-json', at('story.kiroku'), STORY_JSON)
    run('export-json', at('story.kiroku'), at('export.json'))
    run('dossier', at('story.kiroku'), at('dossier.pdf'))
    run('bundle', at('story.kiroku'), at('bundle.zip'))
    run('share', at('story.kiroku'), at('shared.kiroku'))
    run('prep-sheet', at('story.kiroku'), at('prep.pdf'), '--for', 'police')
    const evidence = fs.readdirSync(at('export-evidence')).map((name) => path.join('export-evidence', name))
    expect(evidence.length).toBe(3)
    const files = ['new.kiroku', 'story.kiroku', 'export.json', ...evidence, 'dossier.pdf', 'bundle.zip', 'shared.kiroku', 'prep.pdf']
    expect(Object.fromEntries(files.map((f) => [f, mode(at(f)).toString(8)]))).toEqual(Object.fromEntries(files.map((f) => [f, '600'])))
    expect(mode(at('export-evidence')).toString(8)).toBe('700')
    // The data folder the CLI made for itself (journal of pending writes, record of seen cases).
    expect(mode(data).toString(8)).toBe('700')
    expect(mode(path.join(data, 'pending-writes')).toString(8)).toBe('700')
    for (const name of fs.readdirSync(data).filter((n) => fs.statSync(path.join(data, n)).isFile())) {
      expect(mode(path.join(data, name)).toString(8), name).toBe('600')
    }

    // A case file made readable by an older version is private again once rewritten.
    fs.chmodSync(at('story.kiroku'), 0o644)
    run('passwd', at('story.kiroku'))
    expect(mode(at('story.kiroku')).toString(8)).toBe('600')
  })

  it('keeps backups, their folders and the WAL of an open case private', () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
    const backups = { dir: path.join(dir, 'userData', 'backups') }
    const caseFile = openCaseFile(file, PASSPHRASE, { backups })
    try {
      caseFile.events.create({ occurredAt: '2018-10-30T09:00+09:00', kind: 'note', title: 'written to the WAL' })
      expect(mode(`${file}-wal`).toString(8)).toBe('600')
      const backup = writeBackup(caseFile, backups, { onlyIfChanged: false })!
      expect(mode(backup.path).toString(8)).toBe('600')
      for (let folder = path.dirname(backup.path); folder !== dir; folder = path.dirname(folder)) {
        expect(mode(folder).toString(8), folder).toBe('700')
      }
    } finally {
      caseFile.close()
    }
  })

  it('makes a temporary private from its first byte, whatever writes it', async () => {
    const dir = tempDir()
    const seen: string[] = []
    await writeAtomically(path.join(dir, 'bundle.zip'), async (tmp) => {
      // As a ZIP writer does: a stream with its default mode.
      const out = fs.createWriteStream(tmp)
      await new Promise((resolve) => out.once('open', resolve))
      seen.push(mode(tmp).toString(8))
      await new Promise<void>((resolve) => out.end('PK plaintext', () => resolve()))
    })
    expect(seen).toEqual(['600'])
    expect(mode(path.join(dir, 'bundle.zip')).toString(8)).toBe('600')
    // The process's umask is back as it was.
    const after = path.join(dir, 'after.txt')
    fs.writeFileSync(after, '')
    expect(mode(after).toString(8)).toBe('644')
  })
})
