// The provider directory and what hangs on it: every rule sourced and
// dated, organisations linked by name, police records, claim deadlines in
// `kiroku due` (with what is still missing), the interchange format that
// carries them, and older files and documents that still open.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { SCHEMA_VERSION, importJsonFile, openCaseFile, providerDirectory, readDirectory, shareCaseFile } from '../../electron/main/core'
import { APPLICATION_ID, MIGRATIONS } from '../../electron/main/core/casefile/migrations'
import { claimDeadlines, type DeadlineInput } from '../../shared/deadlines'
import { DirectoryFileSchema, RULE_FRESH_DAYS, suggestEntry, type DirectoryFile } from '../../shared/directory'
import type { Loss, Organization } from '../../shared/domain'
import { kiroku } from '../helpers/cli'
import { pdfText, squeeze } from '../helpers/pdf'
import { readStory, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const DIRECTORY_JSON = path.resolve(__dirname, '../../resources/directory/directory.json')
const env = () => ({ KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_DATA_DIR: tempDir() })

describe('the provider directory', () => {
  const directory = providerDirectory()

  it('is valid, and every contact and rule carries an http(s) source and a real checked day', () => {
    expect(directory.entries.length).toBeGreaterThanOrEqual(12)
    const sources = directory.entries.flatMap((e) => [...e.contacts.map((c) => c.source), ...e.rules.map((r) => r.source), ...e.formerNames.map((f) => f.source)])
    expect(sources.length).toBeGreaterThan(20)
    for (const source of sources) {
      expect(source.url).toMatch(/^https?:\/\/[^/]+\.[a-z]+\//)
      expect(Number.isNaN(Date.parse(source.checked))).toBe(false)
    }
  })

  it('refuses a rule without a source, or with a malformed checked day', () => {
    const raw = JSON.parse(fs.readFileSync(DIRECTORY_JSON, 'utf8'))
    const rule = raw.entries.find((e: { id: string }) => e.id === 'paypay').rules[0]
    delete rule.source
    expect(DirectoryFileSchema.safeParse(raw).success).toBe(false)
    rule.source = { url: 'https://paypay.ne.jp/help/c0117/', checked: 'last week' }
    expect(DirectoryFileSchema.safeParse(raw).success).toBe(false)
    rule.source.checked = '2026-12-06'
    expect(DirectoryFileSchema.safeParse(raw).success).toBe(true)
  })

  it('names a broken directory file plainly', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'directory.json'), '{"format":"kiroku-directory","version":1,"entries":[{"id":"x"}]}')
    expect(() => readDirectory(dir)).toThrow(/provider directory .* is broken:\n {2}\$\.entries\[0\]/)
  })

  it('knows the police, 188, PayPay and Vポイント by its former name', () => {
    expect(suggestEntry(directory, 'ＰａｙＰａｙ株式会社 カスタマーサポート')?.id).toBe('paypay')
    expect(suggestEntry(directory, 'Tポイント・ジャパン カスタマーセンター')?.id).toBe('v-point')
    expect(suggestEntry(directory, '丸の内警察署')?.role).toBe('police')
    expect(suggestEntry(directory, '近所の八百屋')).toBeUndefined()
    // A name that contains another entry's name is not that entry: a Rakuten bank is a bank, not 楽天ペイ.
    expect(suggestEntry(directory, '楽天ペイ')?.id).toBe('rakuten')
    expect(suggestEntry(directory, '楽天銀行')?.id).toBe('banks')
    expect(suggestEntry(directory, '楽天カード')?.id).not.toBe('rakuten')
    expect(suggestEntry(directory, 'PayPay銀行')?.id).toBe('banks')
    expect(suggestEntry(directory, 'PayPayカード')?.id).toBe('paypay-card')
    const vPoint = directory.entries.find((e) => e.id === 'v-point')!
    expect(vPoint.formerNames.map((f) => [f.name, f.until])).toContainEqual(['Tポイント', '2024-04-22'])
  })
})

describe('claim deadlines', () => {
  const directory = providerDirectory()
  const paypay: Organization = { id: 1, name: 'PayPay', role: 'platform', directoryId: 'paypay', private: false }
  const loss = (id: number, occurredAt?: string, recovered = 0): Loss => ({ id, description: `loss ${id}`, amount: 1000, unit: 'JPY', recovered, private: false, organizationId: 1, ...(occurredAt ? { occurredAt } : {}) })
  const input = (over: Partial<DeadlineInput> = {}): DeadlineInput => ({
    case: {},
    organizations: [paypay],
    losses: [loss(1, '2018-10-26'), loss(2, '2018-10-12T21:00:00+09:00')],
    events: [],
    tasks: [],
    policeRecords: [],
    ...over,
  })

  it('counts the window from the earliest loss, names the police receipt as missing, and the conditions to confirm', () => {
    const [deadline] = claimDeadlines(input(), directory, '2018-11-01')
    expect(deadline).toMatchObject({ organization: 'PayPay', startDay: '2018-10-12', day: '2018-12-11', daysLeft: 40, status: 'upcoming', lossIds: [1, 2] })
    expect(deadline.missing).toEqual(['police_report'])
    expect(deadline.confirm).toEqual(['once_per_period', 'not_family'])
    expect(claimDeadlines(input(), directory, '2018-12-12')[0]).toMatchObject({ daysLeft: -1, status: 'overdue' })
  })

  it('a damage report with its receipt number satisfies the police prerequisite; a consultation does not', () => {
    const record = { id: 1, station: '丸の内警察署', occurredAt: '2018-10-20' }
    expect(claimDeadlines(input({ policeRecords: [{ ...record, kind: 'consultation', receiptNumber: 'R-1' }] }), directory, '2018-11-01')[0].missing).toEqual(['police_report'])
    expect(claimDeadlines(input({ policeRecords: [{ ...record, kind: 'report' }] }), directory, '2018-11-01')[0].missing).toEqual(['police_report'])
    expect(claimDeadlines(input({ policeRecords: [{ ...record, kind: 'report', receiptNumber: '第123号' }] }), directory, '2018-11-01')[0].missing).toEqual([])
  })

  it('ends when the losses are recovered or the claim is recorded as sent; an unknown loss day is said, not guessed', () => {
    expect(claimDeadlines(input({ losses: [loss(1, '2018-10-26', 1000)] }), directory, '2018-11-01')).toEqual([])
    const sent = { id: 9, title: 'sent', done: true, organizationId: 1, claimRuleId: 'paypay-unauthorized-use' }
    expect(claimDeadlines(input({ tasks: [sent] }), directory, '2018-11-01')).toEqual([])
    expect(claimDeadlines(input({ tasks: [{ ...sent, done: false }] }), directory, '2018-11-01')).toHaveLength(1)
    const [undated] = claimDeadlines(input({ losses: [loss(1)] }), directory, '2018-11-01')
    expect(undated.day).toBeUndefined()
    expect(undated.startDay).toBeUndefined()
  })

  it('marks a rule checked more than a year before today as possibly out of date', () => {
    const checked = directory.entries.find((e) => e.id === 'paypay')!.rules[0].source.checked
    const later = (days: number) => new Date(Date.parse(checked) + days * 86_400_000).toISOString().slice(0, 10)
    expect(claimDeadlines(input(), directory, later(RULE_FRESH_DAYS))[0].stale).toBe(false)
    expect(claimDeadlines(input(), directory, later(RULE_FRESH_DAYS + 1))[0].stale).toBe(true)
  })

  it('sets no deadline for an organisation without a link or a directory entry this version lacks', () => {
    const unknown: DirectoryFile = { ...directory, entries: directory.entries.filter((e) => e.id !== 'paypay') }
    expect(claimDeadlines(input(), unknown, '2018-11-01')).toEqual([])
    expect(claimDeadlines(input({ organizations: [{ ...paypay, directoryId: undefined }] }), directory, '2018-11-01')).toEqual([])
  })
})

/** The story plus a PayPay loss: the story's own providers publish no claim window. */
function storyWithPayPay(dir: string): string {
  return writeStoryCopy(dir, (doc) => {
    doc.organizations.push({ id: 'paypay', name: 'PayPay', role: 'platform' })
    doc.losses.push({ description: 'PayPay残高の不正利用', amount: 30000, unit: 'JPY', occurredAt: '2018-10-26', organizationId: 'paypay' })
  })
}

describe('kiroku due, link, add-police and claimed', () => {
  it('shows the claim deadline from the sourced rule and what is missing, until the police record and the claim are in', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'c.kiroku')
    const e = env()
    expect(kiroku(['import-json', file, storyWithPayPay(dir)], { env: e }).status).toBe(0)
    // Imported as written (no link), suggested by name, linked on request.
    const before = kiroku(['due', file, '--at', '2018-11-20'], { env: e }).stdout
    expect(before).not.toContain('Claim deadlines:')
    expect(before).toContain('Not linked to the provider directory (no claim deadlines for them yet): PayPay → paypay. Link with `kiroku link FILE`.')
    expect(kiroku(['link', file], { env: e }).stdout).toContain('Linked PayPay to paypay')
    expect(kiroku(['due', file, '--at', '2018-11-20'], { env: e }).stdout).not.toContain('Not linked')

    const due = kiroku(['due', file, '--at', '2018-11-20', '--json'], { env: e })
    expect(due.status).toBe(0)
    const [deadline] = JSON.parse(due.stdout).deadlines
    expect(deadline).toMatchObject({ organization: 'PayPay', directoryId: 'paypay', day: '2018-12-25', daysLeft: 35, missing: ['police_report'] })
    expect(deadline.source.url).toBe('https://paypay.ne.jp/help/c0117/')

    const text = kiroku(['due', file, '--at', '2018-11-20'], { env: e }).stdout
    expect(text).toContain('Claim deadlines:')
    expect(text).toMatch(/2018-12-25 {2}in 35 days\s+PayPay: .* \(apply within 60 days of the day of the loss, from 2018-10-26\)/)
    expect(text).toContain('still missing: the police receipt number (受理番号) of a damage report')
    expect(text).toContain(`rule as of ${deadline.source.checked}, confirm with the provider: https://paypay.ne.jp/help/c0117/`)

    expect(kiroku(['add-police', file, '--kind', 'report', '--station', '丸の内警察署', '--at', '2018-11-02', '--receipt', '第1234号'], { env: e }).stdout).toContain('第1234号')
    expect(kiroku(['due', file, '--at', '2018-11-20'], { env: e }).stdout).not.toContain('still missing')
    expect(kiroku(['search', file, '1234'], { env: e }).stdout).toContain('第1234号')

    expect(kiroku(['claimed', file, '--organization', 'PayPay', '--at', '2018-11-21'], { env: e }).status).toBe(0)
    expect(kiroku(['due', file, '--at', '2018-11-22'], { env: e }).stdout).not.toContain('Claim deadlines:')
    const verify = kiroku(['verify', file], { env: e })
    expect(verify.stdout).toMatch(/^OK/)
  })

  it('links by name, can change or remove the link, and refuses an entry that does not exist', () => {
    const dir = tempDir()
    const file = path.join(dir, 'c.kiroku')
    const e = env()
    kiroku(['import-json', file, storyWithPayPay(dir)], { env: e })
    kiroku(['link', file], { env: e })
    const links = () => {
      const c = openCaseFile(file, PASSPHRASE)
      try {
        return Object.fromEntries(c.organizations.list().map((o) => [o.name, o.directoryId]))
      } finally {
        c.close()
      }
    }
    expect(links()).toMatchObject({ PayPay: 'paypay', 'Yahoo! JAPAN': 'yahoo-japan-id', 'Tポイント・ジャパン カスタマーセンター': 'v-point', 丸の内警察署: 'police' })
    expect(kiroku(['link', file, '--organization', 'PayPay', '--to', 'none'], { env: e }).stdout).toContain('linked to no directory entry')
    expect(kiroku(['due', file, '--at', '2018-11-20'], { env: e }).stdout).not.toContain('Claim deadlines:')
    const wrong = kiroku(['link', file, '--organization', 'PayPay', '--to', 'no-such-entry'], { env: e })
    expect([wrong.status, wrong.stderr]).toEqual([3, expect.stringContaining('no directory entry "no-such-entry"')])
    expect(kiroku(['link', file, '--organization', 'PayPay'], { env: e }).stdout).toContain('Linked PayPay to paypay')
    expect(links().PayPay).toBe('paypay')
  })

  it('puts the police record and the claim deadline in the dossier, with the rule’s date and source, in both languages', () => {
    const dir = tempDir()
    const file = path.join(dir, 'c.kiroku')
    const e = env()
    kiroku(['import-json', file, storyWithPayPay(dir)], { env: e })
    kiroku(['link', file, '--organization', 'PayPay'], { env: e })
    kiroku(['add-police', file, '--kind', 'report', '--station', '丸の内警察署', '--officer', '山田', '--at', '2018-10-30', '--receipt', '第2018-1030号'], { env: e })
    const ja = path.join(dir, 'ja.pdf')
    const en = path.join(dir, 'en.pdf')
    expect(kiroku(['dossier', file, ja], { env: e }).status).toBe(0)
    expect(kiroku(['dossier', file, en, '--lang', 'en', '--audience', 'provider', '--organization', 'PayPay'], { env: e }).status).toBe(0)
    const jaText = squeeze(pdfText(ja))
    expect(jaText).toMatch(/警察への相談・届出.*被害届.*丸の内警察署.*第2018-1030号/)
    expect(jaText).toMatch(/補償・補填の申請期限.*PayPay.*不正利用被害の補償.*時点の情報です。最新の条件は事業者に確認してください。（https:\/\/paypay\.ne\.jp\/help\/c0117\/）.*2018年12月25日/)
    const enText = squeeze(pdfText(en))
    expect(enText).toMatch(/Policeconsultationsandreports.*Damagereport.*丸の内警察署.*第2018-1030号/)
    expect(enText).toMatch(/Claimdeadlines.*PayPay.*Compensationforunauthoriseduse.*Asof.*confirmthecurrentconditionswiththeprovider.*25Dec2018/)
  })

  it('lists the directory with each rule’s date and source', () => {
    const out = kiroku(['directory']).stdout
    expect(out).toContain('rule paypay-unauthorized-use: ')
    expect(out).toMatch(/as of \d{4}-\d\d-\d\d, confirm with the provider: https:\/\/paypay\.ne\.jp\/help\/c0117\//)
  })
})

describe('interchange format 4 and schema 6', () => {
  it('exports links, police records and claims made as version 4, and imports them back unchanged', async () => {
    const dir = tempDir()
    const first = path.join(dir, 'a.kiroku')
    const e = env()
    kiroku(['import-json', first, storyWithPayPay(dir)], { env: e })
    kiroku(['link', first], { env: e })
    kiroku(['add-police', first, '--kind', 'consultation', '--station', '丸の内警察署', '--section', '生活安全課', '--officer', '山田', '--at', '2018-10-20', '--receipt', 'S-55'], { env: e })
    kiroku(['claimed', first, '--organization', 'PayPay', '--at', '2018-11-21'], { env: e })
    const out = path.join(dir, 'out.json')
    expect(kiroku(['export-json', first, out], { env: e }).status).toBe(0)
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'))
    expect(doc.version).toBe(4)
    expect(doc.policeRecords).toEqual([{ kind: 'consultation', occurredAt: '2018-10-20', station: '丸の内警察署', section: '生活安全課', officer: '山田', receiptNumber: 'S-55' }])
    expect(doc.organizations.find((o: { name: string }) => o.name === 'PayPay').directoryId).toBe('paypay')
    expect(doc.tasks.some((t: { claimRuleId?: string }) => t.claimRuleId === 'paypay-unauthorized-use')).toBe(true)

    const second = path.join(dir, 'b.kiroku')
    expect(kiroku(['import-json', second, out], { env: e }).status).toBe(0)
    const again = path.join(dir, 'again.json')
    kiroku(['export-json', second, again], { env: e })
    const strip = (d: { evidence: unknown[] }) => ({ ...d, evidence: d.evidence.length })
    expect(strip(JSON.parse(fs.readFileSync(again, 'utf8')))).toEqual(strip(doc))
  })

  it('a document of version 3 still imports, and one of version 3 with version-4 data is refused with the way out', async () => {
    const dir = tempDir()
    const story = readStory()
    expect(story.version).toBeLessThan(4)
    const refused = writeStoryCopy(dir, (doc) => {
      doc.organizations[0].directoryId = 'yahoo-japan-id'
      doc.policeRecords = [{ kind: 'report', occurredAt: '2018-10-20', station: '丸の内警察署' }]
    })
    const result = kiroku(['import-json', path.join(dir, 'r.kiroku'), refused], { env: env() })
    expect(result.status).toBe(3)
    expect(result.stderr).toContain('$.policeRecords: a police record is part of format version 4: set "version" to 4')
    expect(result.stderr).toContain('$.organizations[0].directoryId: a directory link is part of format version 4')
    expect(fs.existsSync(path.join(dir, 'r.kiroku'))).toBe(false)
  })

  it('migrates a schema-5 file: no links, no police records, and it still verifies; then takes both', () => {
    const file = path.join(tempDir(), 'v5.kiroku')
    const db = new Database(file)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE))
    for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 5')
    db.prepare(`INSERT INTO case_info (id, title, kind, status, updated_at) VALUES (1, 'v5', 'other', 'open', '2018-10-12T00:00:00Z')`).run()
    db.prepare(`INSERT INTO organizations (name, role) VALUES ('PayPay', 'platform')`).run()
    db.close()

    const c = openCaseFile(file, PASSPHRASE)
    try {
      expect(c.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(c.organizations.get(1).directoryId).toBeUndefined()
      expect(c.policeRecords.list()).toEqual([])
      expect(c.verify().problems).toEqual([])
      c.organizations.update(1, { name: 'PayPay', role: 'platform', directoryId: 'paypay' })
      c.policeRecords.create({ kind: 'report', occurredAt: '2018-10-20', station: '丸の内警察署', receiptNumber: '第1号', organizationId: 1 })
      expect(c.verify().problems).toEqual([])
      expect(c.search('第1号').map((h) => h.entity)).toContain('police_record')
    } finally {
      c.close()
    }
  })

  it('merge keeps a link the case lacks and adds police records once', async () => {
    const dir = tempDir()
    const e = env()
    const mine = path.join(dir, 'mine.kiroku')
    const theirs = path.join(dir, 'theirs.kiroku')
    await importJsonFile(mine, PASSPHRASE, storyWithPayPay(dir))
    kiroku(['import-json', theirs, storyWithPayPay(dir)], { env: e })
    kiroku(['link', theirs, '--organization', 'PayPay'], { env: e })
    kiroku(['add-police', theirs, '--kind', 'report', '--station', '丸の内警察署', '--at', '2018-11-02', '--receipt', '第9号'], { env: e })
    const shareEnv = { ...e, KIROKU_SHARE_PASSPHRASE: PASSPHRASE }
    const shared = path.join(dir, 'shared.kiroku')
    expect(kiroku(['share', theirs, shared], { env: shareEnv }).status).toBe(0)
    for (let i = 0; i < 2; i++) expect(kiroku(['merge', mine, shared, '--json'], { env: shareEnv }).status).toBe(0)
    const c = openCaseFile(mine, PASSPHRASE)
    try {
      expect(c.organizations.list().find((o) => o.name === 'PayPay')?.directoryId).toBe('paypay')
      expect(c.policeRecords.list().map((p) => p.receiptNumber)).toEqual(['第9号'])
      expect(c.verify().problems).toEqual([])
    } finally {
      c.close()
    }
  })
})

describe('police records stay as private as the call they record', () => {
  it('a shared copy leaves out the police record of a private call and keeps the others', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'c.kiroku')
    const copy = path.join(dir, 'copy.kiroku')
    await importJsonFile(file, PASSPHRASE, storyWithPayPay(dir))
    const c = openCaseFile(file, PASSPHRASE)
    try {
      const call = c.events.create({ occurredAt: '2018-10-21T10:00:00+09:00', kind: 'police_report', title: '内緒の相談', private: true })
      c.policeRecords.create({ kind: 'consultation', occurredAt: '2018-10-21', station: '内緒警察署', receiptNumber: 'SECRET-1', eventId: call.id })
      c.policeRecords.create({ kind: 'report', occurredAt: '2018-10-30', station: '丸の内警察署', receiptNumber: '第1号' })
      await shareCaseFile(c, PASSPHRASE, copy, 'another long passphrase 共有')
    } finally {
      c.close()
    }
    const shared = openCaseFile(copy, 'another long passphrase 共有')
    try {
      expect(shared.policeRecords.list().map((r) => r.receiptNumber)).toEqual(['第1号'])
    } finally {
      shared.close()
    }
  })
})
