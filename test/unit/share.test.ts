// Sharing a case: an encrypted copy under its own passphrase without private
// items, and merging what someone shared back without duplicates.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CannotOpenError, importJsonFile, mergeCaseFile, openCaseFile, shareCaseFile, type CaseFile } from '../../electron/main/core'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'

const SHARE_PASSPHRASE = 'for the lawyer 弁護士'

async function storyCase(dir = tempDir(), name = 'story.kiroku'): Promise<string> {
  const file = path.join(dir, name)
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  return file
}

function counts(caseFile: CaseFile) {
  return {
    organizations: caseFile.organizations.list().length,
    events: caseFile.events.list().length,
    references: caseFile.references.list().length,
    losses: caseFile.losses.list().length,
    evidence: caseFile.evidence.list().length,
    tasks: caseFile.tasks.list().length,
  }
}

describe('encrypted copy', () => {
  it('holds the same data and evidence bytes under its own passphrase, without private items', async () => {
    const file = await storyCase()
    const original = openCaseFile(file, PASSPHRASE)
    const privateNote = original.events.create({ occurredAt: '2018-10-19T22:00+09:00', kind: 'note', title: '家族には内緒のメモ', private: true })
    original.references.create({ label: '内緒の番号', value: 'SECRET-1', eventId: privateNote.id })
    original.tasks.create({ title: '内緒の約束', eventId: privateNote.id })
    const privateShot = original.evidence.add({ bytes: Buffer.concat([TINY_PNG, Buffer.from('private')]), fileName: 'bank.png', private: true })
    const leftOut = original.evidence.list().find((e) => e.fileName === 'point-history.txt')!
    const before = counts(original)
    const head = original.auditHead()

    const target = path.join(path.dirname(file), 'for-lawyer.kiroku')
    const summary = await shareCaseFile(original, PASSPHRASE, target, SHARE_PASSPHRASE, { excludeEvidenceIds: [leftOut.id] })
    expect(summary).toEqual({ events: before.events - 1, evidence: before.evidence - 2, leftOutEvents: 1, leftOutEvidence: 2, leftOutOrganizations: 0, leftOutLosses: 0 })
    // The original is untouched and still open.
    expect(counts(original)).toEqual(before)
    original.close()
    expect(() => openCaseFile(target, PASSPHRASE)).toThrow(CannotOpenError)
    expect(() => openCaseFile(file, SHARE_PASSPHRASE)).toThrow(CannotOpenError)

    const copy = openCaseFile(target, SHARE_PASSPHRASE)
    const reopened = openCaseFile(file, PASSPHRASE)
    expect(counts(copy)).toEqual({ ...before, events: before.events - 1, evidence: before.evidence - 2, references: before.references - 1, tasks: before.tasks - 1 })
    expect(copy.search('SECRET-1')).toEqual([])
    expect(copy.events.list().map((e) => e.title)).not.toContain('家族には内緒のメモ')
    expect(copy.events.list().map((e) => e.id)).not.toContain(privateNote.id)
    expect(copy.search('内緒')).toEqual([])
    for (const evidence of copy.evidence.list()) {
      expect(evidence.id).not.toBe(privateShot.evidence.id)
      expect(copy.evidence.bytes(evidence.id).equals(reopened.evidence.bytes(evidence.id))).toBe(true)
    }
    expect(copy.db.pragma('freelist_count', { simple: true })).toBe(0)
    // Its log starts afresh and names what it is a copy of.
    const log = copy.audit()
    expect(log).toHaveLength(1)
    expect(log[0].action).toBe('copy')
    expect(JSON.parse(log[0].payload)).toMatchObject({ copyOf: 'story.kiroku', sourceAuditHead: head })
    expect(copy.verify().ok).toBe(true)
    copy.close()
    reopened.close()
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['for-lawyer.kiroku', 'story.kiroku'])
  })

  it('leaves nothing behind when it fails, and never overwrites', async () => {
    const file = await storyCase()
    const original = openCaseFile(file, PASSPHRASE)
    const target = path.join(path.dirname(file), 'copy.kiroku')
    await expect(shareCaseFile(original, PASSPHRASE, target, 'short')).rejects.toThrow(/at least 8/)
    await expect(shareCaseFile(original, 'wrong passphrase', target, SHARE_PASSPHRASE)).rejects.toThrow(CannotOpenError)
    // Only the open original and its WAL companions.
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(['story.kiroku', 'story.kiroku-shm', 'story.kiroku-wal'])
    await expect(shareCaseFile(original, PASSPHRASE, file, SHARE_PASSPHRASE)).rejects.toThrow(/already exists/)
    original.close()
    expect(openCaseFile(file, PASSPHRASE).verify().ok).toBe(true)
  })
})

describe('merge', () => {
  it('adds what is new, reuses what is there, and merging twice = merging once', async () => {
    const dir = tempDir()
    const mine = openCaseFile(await storyCase(dir, 'mine.kiroku'), PASSPHRASE)
    const theirsFile = await storyCase(dir, 'theirs.kiroku')
    const theirs = openCaseFile(theirsFile, PASSPHRASE)
    const org = theirs.organizations.create({ name: '消費生活センター', role: 'consumer_center' })
    const { evidence } = theirs.evidence.add({ bytes: Buffer.from('相談メモ'), fileName: 'memo.txt' })
    theirs.events.create({ occurredAt: '2018-10-30T11:00+09:00', kind: 'contact', title: '188に相談', organizationId: org.id, evidenceIds: [evidence.id] })
    theirs.references.create({ label: '相談番号', value: 'CC-1030', organizationId: org.id })
    const before = counts(mine)

    mergeCaseFile(mine, theirs)
    const once = counts(mine)
    expect(once).toEqual({ ...before, organizations: before.organizations + 1, events: before.events + 1, references: before.references + 1, evidence: before.evidence + 1 })
    mergeCaseFile(mine, theirs)
    expect(counts(mine)).toEqual(once)

    const merged = mine.events.list().find((e) => e.title === '188に相談')!
    expect(mine.organizations.get(merged.organizationId!).name).toBe('消費生活センター')
    expect(mine.evidence.bytes(merged.evidenceIds[0]).toString()).toBe('相談メモ')
    expect(mine.audit(2).map((e) => e.action)).toEqual(['merge', 'merge'])
    expect(mine.verify().ok).toBe(true)
    expect(() => mergeCaseFile(mine, mine)).toThrow(/into itself/)
    mine.close()
    theirs.close()
  })
})
