// The interchange format: import → export → import is the identity, and every
// kind of bad document is refused with all its problems and no file written.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DocumentSchema,
  InvalidInputError,
  exportJsonFile,
  importJsonFile,
  openCaseFile,
} from '../../electron/main/core'
import { STORY_JSON, readStory, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

async function importFails(json: string, options = {}): Promise<InvalidInputError> {
  const dir = path.dirname(json)
  const before = fs.readdirSync(dir).sort()
  const target = path.join(dir, 'out.kiroku')
  const error = await importJsonFile(target, PASSPHRASE, json, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InvalidInputError)
  // A failed import writes no file at all, not even a temporary one.
  expect(fs.readdirSync(dir).sort()).toEqual(before)
  return error as InvalidInputError
}

async function exportOf(kirokuFile: string, outJson: string) {
  const caseFile = openCaseFile(kirokuFile, PASSPHRASE)
  try {
    await exportJsonFile(caseFile, outJson)
  } finally {
    caseFile.close()
  }
  return JSON.parse(fs.readFileSync(outJson, 'utf8'))
}

describe('JSON interchange', () => {
  it('imports the reference story, and export → import gives back the same data and bytes', async () => {
    const dir = tempDir()
    const first = path.join(dir, 'first.kiroku')
    await importJsonFile(first, PASSPHRASE, STORY_JSON)

    const caseFile = openCaseFile(first, PASSPHRASE)
    expect(caseFile.events.list()).toHaveLength(6)
    expect(caseFile.search('受付番号').length).toBeGreaterThan(0)
    expect(caseFile.verify().ok).toBe(true)
    // The import, then the reading of the story's e-mail (its text is read as at any intake).
    expect(caseFile.audit(2).map((e) => [e.entity, e.action])).toEqual([
      ['evidence_text', 'create'],
      ['case', 'import'],
    ])
    caseFile.close()

    const exported = await exportOf(first, path.join(dir, 'case.json'))
    const second = path.join(dir, 'second.kiroku')
    await importJsonFile(second, PASSPHRASE, path.join(dir, 'case.json'))
    const reexported = await exportOf(second, path.join(dir, 'again.json'))

    expect(reexported.evidence.map((e: any) => e.sha256)).toEqual(exported.evidence.map((e: any) => e.sha256))
    const withoutFiles = (doc: any) => ({ ...doc, evidence: doc.evidence.map(({ file: _f, ...e }: any) => e) })
    expect(withoutFiles(reexported)).toEqual(withoutFiles(exported))

    // The exported data is the story's data (ids renamed, evidence named and hashed).
    const story = DocumentSchema.parse(readStory())
    const parsed = DocumentSchema.parse(exported)
    expect(parsed.case).toEqual(story.case)
    expect(parsed.events.map((e) => e.title)).toEqual(story.events.map((e) => e.title))
    expect(parsed.losses).toEqual(story.losses.map((l) => ({ ...l, organizationId: expect.stringMatching(/^org/) })))
    for (const [i, item] of story.evidence.entries()) {
      const original = fs.readFileSync(path.join(path.dirname(STORY_JSON), item.file))
      expect(fs.readFileSync(path.join(dir, parsed.evidence[i].file)).equals(original)).toBe(true)
      expect(fs.readFileSync(path.join(dir, reexported.evidence[i].file)).equals(original)).toBe(true)
    }
  })

  it('refuses to export over existing files', async () => {
    const dir = tempDir()
    await importJsonFile(path.join(dir, 'c.kiroku'), PASSPHRASE, STORY_JSON)
    fs.writeFileSync(path.join(dir, 'out.json'), 'keep me')
    await expect(exportOf(path.join(dir, 'c.kiroku'), path.join(dir, 'out.json'))).rejects.toThrow(/already exists/)
    expect(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).toBe('keep me')
    expect(fs.existsSync(path.join(dir, 'out-evidence'))).toBe(false)
  })

  it('reports invalid JSON with its position', async () => {
    const json = path.join(tempDir(), 'bad.json')
    fs.writeFileSync(json, '{ "format": "kiroku-case", ')
    const error = await importFails(json)
    expect(error.issues[0]).toMatchObject({ path: '$', message: expect.stringMatching(/not valid JSON/) })
  })

  it('lists every problem of a document that breaks the format, with its JSON path', async () => {
    const json = writeStoryCopy(tempDir(), (doc) => {
      doc.case.kind = 'burglary'
      doc.events[1].occurredAt = '2018-10-17 08:30'
      doc.events[2].title = ''
      doc.events[3].organizationId = 'nobody'
      doc.losses[0].amount = -5
      doc.references[0].eventId = 'e99'
      doc.tasks[0].colour = 'red'
      doc.organizations.push({ ...doc.organizations[0] })
    })
    const paths = (await importFails(json)).issues.map((i) => i.path).sort()
    expect(paths).toEqual(
      [
        '$.case.kind',
        '$.events[1].occurredAt',
        '$.events[2].title',
        '$.losses[0].amount',
        '$.tasks[0]',
      ].sort(),
    )
    // Links are checked once the shape is right.
    const linked = writeStoryCopy(tempDir(), (doc) => {
      doc.events[3].organizationId = 'nobody'
      doc.references[0].eventId = 'e99'
      doc.organizations.push({ ...doc.organizations[0] })
      doc.events[0].evidenceIds = ['s9']
    })
    expect((await importFails(linked)).issues.map((i) => i.path).sort()).toEqual(
      ['$.events[0].evidenceIds[0]', '$.events[3].organizationId', '$.organizations[4].id', '$.references[0].eventId'].sort(),
    )
  })

  it('refuses a document from a newer version of the format, saying only that', async () => {
    for (const version of [6, 99]) {
      // Keys a newer version might add are not reported: the version says it all.
      const json = writeStoryCopy(tempDir(), (doc) => Object.assign(doc, { version, futureSection: [] }))
      const { issues } = await importFails(json)
      expect(issues).toEqual([
        { path: '$.version', message: expect.stringMatching(new RegExp(`format version ${version}, written by a newer Kiroku; this version reads versions 1, 2, 3, 4 and 5`)) },
      ])
    }
  })

  it('refuses evidence that is missing, oversized, not what its name says, or outside the folder', async () => {
    const dir = tempDir()
    const json = writeStoryCopy(dir, (doc) => {
      doc.evidence[0].file = 'evidence/missing.png'
      doc.evidence[1].file = '../outside.txt'
      doc.evidence.push({ id: 's4', file: 'evidence/fake.png' }, { id: 's5', file: '/etc/passwd' })
      doc.evidence.push({ id: 's6', file: 'evidence/point-history.txt', sha256: 'a'.repeat(64) })
    })
    fs.writeFileSync(path.join(dir, 'evidence', 'fake.png'), 'PK\u0003\u0004 this is a zip')
    const issues = (await importFails(json)).issues
    const byPath = (p: string) => issues.filter((i) => i.path === p).map((i) => i.message).join(' ')
    expect(byPath('$.evidence[0].file')).toMatch(/does not exist/)
    expect(byPath('$.evidence[1].file')).toMatch(/inside the document's folder/)
    expect(byPath('$.evidence[3].file')).toMatch(/not a supported evidence type/)
    expect(byPath('$.evidence[4].file')).toMatch(/inside the document's folder/)
    expect(byPath('$.evidence[5].file')).toMatch(/does not match its sha256/)

    const small = writeStoryCopy(tempDir())
    const oversized = await importFails(small, { maxEvidenceBytes: 100 })
    expect(oversized.issues.map((i) => i.message).join('\n')).toMatch(/over the .* limit/)
  })
})
