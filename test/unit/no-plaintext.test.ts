// Nothing the user writes may reach the disk unencrypted: a marker string in
// every text field and a marker image are looked for, byte by byte, in the
// case file, its -wal and -shm companions (while open and after close), and
// in every temporary file the CLI's process leaves in its TMPDIR.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCaseFile, openCaseFile } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { testRouter } from '../helpers/ipc'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'

const MARKER = 'ZQXMARKER'
const JA_MARKER = '秘密のマーカー'
/** An image whose bytes contain a long run that cannot occur by chance. */
const MARKER_IMAGE = Buffer.concat([TINY_PNG, Buffer.from('IMGMARKER'.repeat(8))])

const m = (field: string) => `${MARKER}-${field}-${JA_MARKER}`

function markedDocument() {
  return {
    format: 'kiroku-case',
    version: 1,
    case: {
      title: m('title'),
      kind: 'points_theft',
      summary: m('summary'),
      victim: { name: m('name'), address: m('address'), phone: m('phone'), email: m('email') },
    },
    organizations: [{ id: 'o', name: m('org'), role: 'platform', phone: m('ophone'), email: m('oemail'), url: m('url'), notes: m('notes') }],
    events: [
      {
        id: 'e',
        occurredAt: '2018-10-12T09:30:00+09:00',
        kind: 'contact',
        title: m('event'),
        body: m('body'),
        organizationId: 'o',
        representative: m('rep'),
        evidenceIds: ['s'],
      },
    ],
    references: [{ organizationId: 'o', label: m('label'), value: m('value'), eventId: 'e' }],
    losses: [{ description: m('loss'), amount: 87233, unit: m('unit'), organizationId: 'o' }],
    evidence: [{ id: 's', file: 'marker.png', fileName: `${MARKER}-file.png`, caption: m('caption') }],
    tasks: [{ title: m('task'), organizationId: 'o', eventId: 'e' }],
  }
}

const NEEDLES = [Buffer.from(MARKER), Buffer.from(JA_MARKER), Buffer.from('IMGMARKER'), TINY_PNG.subarray(16, 48)]

function leaks(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    const bytes = fs.readFileSync(file)
    for (const needle of NEEDLES) if (bytes.includes(needle)) found.push(`${file} contains ${needle.toString('latin1').slice(0, 12)}…`)
  }
  return found
}

describe('no plaintext on disk', () => {
  it('the file and its WAL hold no marker while open, nor after close', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: m('title'), kind: 'other', status: 'open', summary: m('summary'), victim: { name: m('name') } })
    const caseFile = openCaseFile(file, PASSPHRASE)
    caseFile.organizations.create({ name: m('org'), role: 'police', notes: m('notes') })
    caseFile.events.create({ occurredAt: '2018-10-12T09:30:00+09:00', kind: 'note', title: m('event'), body: m('body') })
    caseFile.evidence.add({ bytes: MARKER_IMAGE, fileName: `${MARKER}.png`, caption: m('caption') })
    // Large sorted queries are where SQLite would spill to temporary files.
    for (let i = 0; i < 300; i++) caseFile.events.create({ occurredAt: `2018-10-12T09:${String(i % 60).padStart(2, '0')}:00+09:00`, kind: 'note', title: m(`bulk${i}`) })
    expect(caseFile.events.list()).toHaveLength(301)
    expect(caseFile.search(MARKER).length).toBeGreaterThan(0)
    expect(fs.existsSync(`${file}-wal`)).toBe(true)
    expect(leaks(dir)).toEqual([])
    caseFile.close()
    expect(leaks(dir)).toEqual([])
  })

  it("the app's recent-files list holds the path only, never the case title (case:create, case:open)", async () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    const { call, choose } = testRouter(dir)
    const settings = path.join(dir, 'settings')
    await choose('create', file)
    const created = await call('case:create', { path: file, passphrase: PASSPHRASE, case: { title: m('title'), kind: 'other', status: 'open', summary: '', victim: {} } })
    expect(created.ok).toBe(true)
    expect(fs.readdirSync(settings)).toEqual(['recent.json'])
    expect(fs.readFileSync(path.join(settings, 'recent.json'), 'utf8')).toContain('case.kiroku')
    expect(leaks(settings)).toEqual([])
    expect((await call('case:close')).ok).toBe(true)
    expect((await call('case:open', { path: file, passphrase: PASSPHRASE })).ok).toBe(true)
    expect(leaks(settings)).toEqual([])
    expect((await call('case:close')).ok).toBe(true)
  })

  it('every text field and the evidence image, through the CLI, leave no trace in the case folder or TMPDIR', () => {
    const work = tempDir()
    const tmp = tempDir()
    const source = tempDir()
    fs.writeFileSync(path.join(source, 'case.json'), JSON.stringify(markedDocument()))
    fs.writeFileSync(path.join(source, 'marker.png'), MARKER_IMAGE)
    const env = { KIROKU_PASSPHRASE: PASSPHRASE, TMPDIR: tmp, SQLITE_TMPDIR: tmp, KIROKU_NEW_PASSPHRASE: 'another passphrase' }
    const run = (...args: string[]) => {
      const result = kiroku(args, { cwd: work, env })
      // The first search reads the imported picture (text recognition): said on stderr, and it too must leave no trace.
      expect(result.stderr.replace(/^Read the text of \d+ evidence items? that had none\.\n/, '')).toBe('')
      expect(result.status).toBe(0)
      return result.stdout
    }
    run('import-json', 'case.kiroku', path.join(source, 'case.json'))
    expect(run('list', 'case.kiroku')).toContain(MARKER)
    expect(run('search', 'case.kiroku', JA_MARKER)).toContain(MARKER)
    expect(run('verify', 'case.kiroku')).toMatch(/^OK/)
    run('passwd', 'case.kiroku')
    env.KIROKU_PASSPHRASE = env.KIROKU_NEW_PASSPHRASE
    expect(fs.readdirSync(work)).toEqual(['case.kiroku'])
    expect(leaks(work)).toEqual([])
    // tsx caches compiled source code in TMPDIR; no case data may be there.
    expect(leaks(tmp)).toEqual([])
    // The detector itself works: an explicit export is plaintext by design.
    run('export-json', 'case.kiroku', path.join(source, 'export.json'))
    expect(leaks(source).length).toBeGreaterThan(0)
  })
})
