// Every entity's create/read/update/delete through the real encrypted file,
// reopened from disk in between, plus the audit chain and search over them.
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaseFile, InvalidInputError, NotFoundError, createCaseFile, openCaseFile } from '../../electron/main/core'
import { amountSpellings } from '../../electron/main/core/domain/search'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'

let file: string
let caseFile: CaseFile

/** Closes and reopens, so every assertion reads what is on disk. */
function reopen(): CaseFile {
  caseFile.close()
  caseFile = openCaseFile(file, PASSPHRASE)
  return caseFile
}

beforeEach(async () => {
  file = path.join(tempDir(), 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, { title: 'テスト', kind: 'points_theft', status: 'open', summary: '', victim: {} })
  caseFile = openCaseFile(file, PASSPHRASE)
})

afterEach(() => caseFile.close())

describe('entities', () => {
  it('case: read and update, victim details optional', () => {
    const input = {
      title: 'Ponta 不正利用',
      kind: 'points_theft',
      status: 'awaiting_refund',
      summary: '概要',
      discoveredAt: '2018-10-28T19:00:00+09:00',
      victim: { name: '山田 花子', phone: '090-1234-5678' },
    } as const
    caseFile.case.set(input)
    expect(reopen().case.get()).toMatchObject(input)
  })

  it('organizations, references, losses, tasks: create, read, update, delete', () => {
    const org = caseFile.organizations.create({ name: 'Pontaサポート', role: 'points_operator', phone: '0120-000-000' })
    const event = caseFile.events.create({ occurredAt: '2018-10-28T19:20:00+09:00', kind: 'contact', title: '電話' })
    const cases = [
      [caseFile.organizations, { name: 'Yahoo! JAPAN', role: 'platform', url: 'https://example.jp', private: false }, { name: 'LINEヤフー', role: 'platform', private: true }],
      [caseFile.references, { label: '受付番号', value: 'PT-1', organizationId: org.id, eventId: event.id, issuedAt: '2018-10-28' }, { label: '受付番号', value: 'PT-2' }],
      [caseFile.losses, { description: 'Ponta', amount: 18739, unit: 'Ponta', organizationId: org.id, recovered: 0, expectedRecoveryAt: '2018-11-15', private: false }, { description: 'Ponta', amount: 18739, unit: 'Ponta', recovered: 18739, private: true }],
      [caseFile.tasks, { title: '折り返しを待つ', dueAt: '2018-11-04', done: false, organizationId: org.id, eventId: event.id }, { title: '折り返しを待つ', done: true }],
    ] as const
    const ids = cases.map(([table, input]) => (table as any).create(input).id as number)
    reopen()
    const tables = [caseFile.organizations, caseFile.references, caseFile.losses, caseFile.tasks] as any[]
    cases.forEach(([, input, changed], i) => {
      expect(tables[i].get(ids[i])).toEqual({ id: ids[i], ...input })
      tables[i].update(ids[i], changed)
    })
    reopen()
    const reopened = [caseFile.organizations, caseFile.references, caseFile.losses, caseFile.tasks] as any[]
    cases.forEach(([, , changed], i) => {
      expect(reopened[i].get(ids[i])).toEqual({ id: ids[i], ...changed })
      reopened[i].delete(ids[i])
      expect(() => reopened[i].get(ids[i])).toThrow(NotFoundError)
    })
  })

  it('events keep the offset the user typed and sort by the real moment', () => {
    caseFile.events.create({ occurredAt: '2018-10-13T10:00:00+09:00', kind: 'contact', title: 'B (01:00 UTC)' })
    caseFile.events.create({ occurredAt: '2018-10-13T00:30:00Z', kind: 'note', title: 'A (00:30 UTC)' })
    caseFile.events.create({ occurredAt: '2018-10-12T21:00:00-05:00', kind: 'incident', title: 'C (02:00 UTC next day)' })
    const timeline = reopen().events.list()
    expect(timeline.map((e) => e.title)).toEqual(['A (00:30 UTC)', 'B (01:00 UTC)', 'C (02:00 UTC next day)'])
    expect(timeline[1].occurredAt).toBe('2018-10-13T10:00:00+09:00')
    expect(caseFile.events.list({ kinds: ['incident', 'note'] }).map((e) => e.title)).toHaveLength(2)
  })

  it('events link evidence; update and delete work', () => {
    const org = caseFile.organizations.create({ name: 'T', role: 'points_operator' })
    const { evidence } = caseFile.evidence.add({ bytes: TINY_PNG, fileName: 'login.png', caption: 'ログイン履歴' })
    const input = {
      occurredAt: '2018-10-17T10:15:00+09:00',
      kind: 'contact',
      title: '電話',
      body: '1週間から10日',
      organizationId: org.id,
      representative: '佐藤',
      channel: 'phone',
      durationMinutes: 18,
      evidenceIds: [evidence.id],
      private: true,
    } as const
    const event = caseFile.events.create(input)
    expect(reopen().events.get(event.id)).toEqual({ id: event.id, ...input })
    expect(caseFile.events.list({ organizationId: org.id })).toHaveLength(1)
    caseFile.events.update(event.id, { ...input, title: '電話（訂正）', evidenceIds: [] })
    expect(reopen().events.get(event.id)).toMatchObject({ title: '電話（訂正）', evidenceIds: [] })
    caseFile.events.delete(event.id)
    expect(caseFile.events.list()).toEqual([])
  })

  it('refuses invalid input with paths, and links to things that do not exist', () => {
    expect(() => caseFile.events.create({ occurredAt: '2018-10-13 10:00', kind: 'call', title: '' })).toThrow(InvalidInputError)
    const error = (() => {
      try {
        caseFile.events.create({ occurredAt: '2018-02-30T10:00+09:00', kind: 'call', title: '' })
      } catch (e) {
        return e as InvalidInputError
      }
    })()
    expect(error?.issues.map((i) => i.path).sort()).toEqual(['$.kind', '$.occurredAt', '$.title'])
    expect(() => caseFile.references.create({ label: 'x', value: 'y', organizationId: 99 })).toThrow(/no organization with id 99/)
    expect(() => caseFile.losses.create({ description: 'x', amount: 1.5, unit: 'JPY' })).toThrow(InvalidInputError)
    expect(() => caseFile.events.create({ occurredAt: '2018-10-13T10:00+09:00', kind: 'note', title: 'x', evidenceIds: [5] })).toThrow(/no evidence/)
    expect(caseFile.events.list()).toEqual([])
  })

  it('deleting an organisation keeps its events, unlinked', () => {
    const org = caseFile.organizations.create({ name: 'T', role: 'points_operator' })
    const event = caseFile.events.create({ occurredAt: '2018-10-13T10:00+09:00', kind: 'contact', title: 'x', organizationId: org.id })
    caseFile.organizations.delete(org.id)
    expect(reopen().events.get(event.id).organizationId).toBeUndefined()
  })
})

describe('evidence', () => {
  it('keeps the original bytes with their SHA-256 and refuses to change them', () => {
    const { evidence } = caseFile.evidence.add({ bytes: TINY_PNG, fileName: '../../etc/login.png', caption: 'c' })
    expect(evidence).toMatchObject({ fileName: 'login.png', mimeType: 'image/png', size: TINY_PNG.length })
    expect(reopen().evidence.bytes(evidence.id).equals(TINY_PNG)).toBe(true)
    caseFile.evidence.update(evidence.id, { caption: '新しい説明', capturedAt: '2018-10-17' })
    expect(caseFile.evidence.get(evidence.id)).toMatchObject({ caption: '新しい説明', capturedAt: '2018-10-17', sha256: evidence.sha256 })
    expect(() => caseFile.db.prepare('UPDATE evidence SET data = ? WHERE id = ?').run(Buffer.from('x'), evidence.id)).toThrow(/never change/)
  })

  it('the same bytes twice are one piece of evidence', () => {
    const first = caseFile.evidence.add({ bytes: TINY_PNG, fileName: 'a.png' })
    const second = caseFile.evidence.add({ bytes: TINY_PNG, fileName: 'b.png' })
    expect(second).toEqual({ evidence: first.evidence, duplicate: true })
  })

  it('detects the type from the bytes and refuses what is not what its name says', () => {
    const add = (bytes: Buffer | string, fileName: string) => caseFile.evidence.add({ bytes: Buffer.from(bytes), fileName })
    expect(add('%PDF-1.7\n…', 'report').evidence.mimeType).toBe('application/pdf')
    expect(add('通話メモ\n', 'memo.txt').evidence.mimeType).toBe('text/plain')
    expect(add('From: a@example.jp\nSubject: hi\n\nbody', 'mail.eml').evidence.mimeType).toBe('message/rfc822')
    expect(() => add('PK\u0003\u0004zip', 'screenshot.png')).toThrow(/not a supported evidence type/)
    expect(() => add('just text', 'screenshot.png')).toThrow(/named like image\/png but its content is text\/plain/)
    expect(() => add(TINY_PNG, 'photo.jpg')).toThrow(/named like image\/jpeg/)
  })

  it('refuses evidence over the size limit', async () => {
    caseFile.close()
    caseFile = openCaseFile(file, PASSPHRASE, { maxEvidenceBytes: 1000 })
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(2000)])
    expect(() => caseFile.evidence.add({ bytes: big, fileName: 'big.png' })).toThrow(/over the 0\.0 MB limit/)
    expect(caseFile.evidence.list()).toEqual([])
  })
})

describe('audit log and verify', () => {
  it('records every change in a hash chain that verify checks', () => {
    const org = caseFile.organizations.create({ name: 'T', role: 'points_operator' })
    caseFile.organizations.update(org.id, { name: 'T2', role: 'points_operator' })
    caseFile.organizations.delete(org.id)
    const entries = reopen().audit()
    expect(entries.slice(0, 3).map((e) => `${e.entity}:${e.action}`)).toEqual(['organization:delete', 'organization:update', 'organization:create'])
    expect(entries[0].prevHash).toBe(entries[1].hash)
    expect(caseFile.verify()).toMatchObject({ ok: true, auditEntries: entries.length })
  })

  it('refuses edits to the log, and verify catches them when forced', () => {
    caseFile.organizations.create({ name: 'T', role: 'points_operator' })
    expect(() => caseFile.db.exec(`UPDATE audit_log SET payload = '{}'`)).toThrow(/append-only/)
    expect(() => caseFile.db.exec('DELETE FROM audit_log')).toThrow(/append-only/)
    caseFile.db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET payload = '{"name":"X"}' WHERE seq = 2`)
    expect(reopen().verify().problems).toEqual([
      'the trigger "audit_log_no_update" is missing: it was removed outside Kiroku',
      'audit entry 2 was altered after it was written',
    ])
  })

  it('verify catches evidence bytes changed behind the app', () => {
    const { evidence } = caseFile.evidence.add({ bytes: TINY_PNG, fileName: 'a.png' })
    caseFile.db.exec('DROP TRIGGER evidence_originals_never_change')
    caseFile.db.prepare('UPDATE evidence SET data = ? WHERE id = ?').run(Buffer.from('forged'), evidence.id)
    const report = reopen().verify()
    expect(report.ok).toBe(false)
    expect(report.problems).toContain('the trigger "evidence_originals_never_change" is missing: it was removed outside Kiroku')
    expect(report.problems).toContainEqual(expect.stringMatching(/no longer matches the SHA-256/))
  })
})

describe('search', () => {
  it('finds Japanese substrings of any length across entities', () => {
    const org = caseFile.organizations.create({ name: 'Tポイント・ジャパン', role: 'points_operator' })
    caseFile.events.create({ occurredAt: '2018-10-14T10:00+09:00', kind: 'police_report', title: '警察署に相談', body: '被害届の提出について' })
    caseFile.references.create({ label: '受理番号', value: '丸の内-1018', organizationId: org.id })
    caseFile.losses.create({ description: 'ファミリーマートで不正利用', amount: 87233, unit: 'T-POINT' })
    caseFile.evidence.add({ bytes: TINY_PNG, fileName: 'a.png', caption: 'ログイン履歴の画面' })
    reopen()
    const found = (q: string) => caseFile.search(q).map((h) => h.entity)
    expect(found('警察')).toEqual(['event'])
    expect(found('被害届')).toEqual(['event'])
    expect(found('ポイント')).toEqual(['organization'])
    expect(found('受理番号')).toEqual(['reference'])
    expect(found('ファミリー')).toEqual(['loss'])
    expect(found('ログイン履歴')).toEqual(['evidence'])
    expect(found('t-point')).toEqual(['loss'])
    expect(found('存在しない語')).toEqual([])
    expect(found('"')).toEqual([])
    expect(found('%')).toEqual([])
  })

  it('finds an amount written with or without digit-group commas', () => {
    caseFile.events.create({ occurredAt: '2018-10-14T10:00+09:00', kind: 'note', title: 'コンビニで28,828円の不正利用' })
    caseFile.events.create({ occurredAt: '2018-10-15T10:00+09:00', kind: 'note', title: 'ポイント12000を交換' })
    const titles = (q: string) => caseFile.search(q).map((h) => h.text)
    expect(titles('28828')).toEqual(['コンビニで28,828円の不正利用'])
    expect(titles('28828円')).toEqual(['コンビニで28,828円の不正利用'])
    expect(titles('２８，８２８')).toEqual(['コンビニで28,828円の不正利用'])
    expect(titles('12,000')).toEqual(['ポイント12000を交換'])
    // Not an amount: a long id, a number with a leading zero, a comma in the wrong place.
    expect(amountSpellings('受付番号 8298142912345')).toEqual([])
    expect(amountSpellings('0120123456')).toEqual([])
    expect(amountSpellings('1,23,456')).toEqual([])
    expect(amountSpellings('1,234,567円と2345')).toEqual(['1,234,567円と2,345', '1234567円と2345'])
    // Each amount alone; a date, a time or an address stays as typed.
    expect(amountSpellings('2026/08/10 12:30 28828円')).toEqual(['2026/08/10 12:30 28,828円'])
    expect(amountSpellings('2026年 198.51.100.7 10000')).toEqual(['2026年 198.51.100.7 10,000'])
  })

  it('follows updates and deletes', () => {
    const event = caseFile.events.create({ occurredAt: '2018-10-14T10:00+09:00', kind: 'note', title: '古いメモ' })
    caseFile.events.update(event.id, { occurredAt: '2018-10-14T10:00+09:00', kind: 'note', title: '新しいメモ' })
    expect(caseFile.search('古いメモ')).toEqual([])
    expect(caseFile.search('新しいメモ')).toHaveLength(1)
    caseFile.events.delete(event.id)
    expect(caseFile.search('新しいメモ')).toEqual([])
  })
})
