// Organisations and losses marked private (schema 5, interchange format
// version 3): never in a dossier, a preparation sheet, a bundle or a shared
// copy, while what points at them keeps its own visibility without naming
// them. Checked through the real CLI on a real case file, with the PDFs read
// back by pdf.js and the shared copy opened again.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { DocumentSchema, SCHEMA_VERSION, importJsonFile, mergeCaseFile, openCaseFile, type CaseFile } from '../../electron/main/core'
import { APPLICATION_ID, MIGRATIONS } from '../../electron/main/core/casefile/migrations'
import { kiroku } from '../helpers/cli'
import { pdfText, renderPages, squeeze } from '../helpers/pdf'
import { writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'
import { readZip } from '../helpers/zip'

const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_SHARE_PASSPHRASE: 'for the lawyer 弁護士' }

const AGENCY = 'みどり探偵事務所'
const AGENCY_PHONE = '03-5555-0101'
const AGENCY_NOTES = '家族には内緒で依頼した調査'
const PRIVATE_CALL = '探偵事務所に調査を依頼'
const PRIVATE_LOSS = '調査費用（探偵事務所）'
/** Everything of the private organisation, its private call and its private loss. */
const SECRETS = [AGENCY, AGENCY_PHONE, AGENCY_NOTES, PRIVATE_CALL, PRIVATE_LOSS, '55,000', '55,440']

// Not private themselves, but tied to the private organisation: they stay, without its name.
const PUBLIC_EVENT = '調査報告書を受け取る'
const PUBLIC_LOSS = '振込手数料'
const PUBLIC_REFERENCE = 'MD-7731'
const PUBLIC_TASK = '報告書の写しをもらう'
const PUBLIC_USE = 'ギフト券の不正購入'
/** The private organisation's other records: another provider's documents must not carry them either. */
const ITS_RECORDS = [PUBLIC_EVENT, PUBLIC_LOSS, PUBLIC_REFERENCE, PUBLIC_TASK, PUBLIC_USE]

/** The reference story (format version 3) with a private organisation, a private call to it and a private loss. */
function privateStory(dir: string): string {
  return writeStoryCopy(path.join(dir, 'doc'), (doc) => {
    doc.version = 3
    doc.organizations.push({ id: 'agency', name: AGENCY, role: 'other', phone: AGENCY_PHONE, notes: AGENCY_NOTES, private: true })
    doc.events.push(
      { id: 'p1', occurredAt: '2018-10-20T10:00:00+09:00', kind: 'contact', title: PRIVATE_CALL, organizationId: 'agency', channel: 'phone', private: true },
      { id: 'p2', occurredAt: '2018-10-27T15:00:00+09:00', kind: 'note', title: PUBLIC_EVENT, organizationId: 'agency' },
      { id: 'p3', occurredAt: '2018-10-28T09:00:00+09:00', kind: 'unauthorized_use', title: PUBLIC_USE, organizationId: 'agency' },
    )
    doc.losses.push(
      { description: PRIVATE_LOSS, amount: 55000, unit: 'JPY', organizationId: 'agency', private: true },
      { description: PUBLIC_LOSS, amount: 440, unit: 'JPY', organizationId: 'agency' },
    )
    doc.references.push({ organizationId: 'agency', label: '見積番号', value: PUBLIC_REFERENCE })
    doc.tasks.push({ title: PUBLIC_TASK, organizationId: 'agency' })
  })
}

function caseWithPrivateRecords(dir: string): string {
  const file = path.join(dir, 'case.kiroku')
  const imported = kiroku(['import-json', file, privateStory(dir)], { env })
  expect(imported.status, imported.stderr).toBe(0)
  return file
}

function expectNothingPrivate(text: string, what: string) {
  const flat = squeeze(text)
  for (const secret of SECRETS) expect(flat, `${what} shows "${secret}"`).not.toContain(squeeze(secret))
}

function run(args: string[]) {
  const result = kiroku(args, { env })
  expect(result.status, result.stderr).toBe(0)
  return result
}

function withCase<T>(file: string, passphrase: string, read: (caseFile: CaseFile) => T): T {
  const caseFile = openCaseFile(file, passphrase)
  try {
    return read(caseFile)
  } finally {
    caseFile.close()
  }
}

describe('a private organisation and a private loss', () => {
  it('stay out of every dossier, with what points at them kept and unnamed', () => {
    const dir = tempDir()
    const file = caseWithPrivateRecords(dir)
    for (const [name, args] of [
      ['police-ja', []],
      ['police-en', ['--lang', 'en']],
      ['police-redacted', ['--redact']],
    ] as const) {
      const out = path.join(dir, `${name}.pdf`)
      run(['dossier', file, out, ...args])
      const text = pdfText(out)
      expectNothingPrivate(text, name)
      const flat = squeeze(text)
      for (const kept of [PUBLIC_EVENT, PUBLIC_LOSS, PUBLIC_REFERENCE, PUBLIC_TASK, '440']) expect(flat, name).toContain(squeeze(kept))
      renderPages(out, `private-records-${name}`)
    }
    // Without it the dossier does show them: the case really holds them.
    const all = squeeze(pdfText(path.join(dir, 'police-ja.pdf')))
    expect(all).toContain('TP-20181017-0042')

    // A provider dossier cannot be for a private organisation; one for another provider leaves it out too.
    const refused = kiroku(['dossier', file, path.join(dir, 'agency.pdf'), '--audience', 'provider', '--organization', AGENCY], { env })
    expect(refused.status).toBe(3)
    expect(refused.stderr).toMatch(/marked private/)
    expect(fs.existsSync(path.join(dir, 'agency.pdf'))).toBe(false)
    run(['dossier', file, path.join(dir, 'tpoint.pdf'), '--audience', 'provider', '--organization', 'Tポイント・ジャパン カスタマーセンター'])
    const tpoint = pdfText(path.join(dir, 'tpoint.pdf'))
    expectNothingPrivate(tpoint, 'provider dossier')
    // Nor the private organisation's own records, which would look like no organisation's once it is unnamed.
    for (const its of ITS_RECORDS) expect(squeeze(tpoint), its).not.toContain(squeeze(its))
  })

  it('stay out of preparation sheets and of the bundle (its dossier and manifest)', () => {
    const dir = tempDir()
    const file = caseWithPrivateRecords(dir)
    for (const audience of ['police', 'provider'] as const) {
      const out = path.join(dir, `prep-${audience}.pdf`)
      run(['prep-sheet', file, out, '--for', audience])
      const text = pdfText(out)
      expectNothingPrivate(text, `prep sheet for the ${audience}`)
      renderPages(out, `private-records-prep-${audience}`)
    }
    // The sheet is of this case: its reference numbers are there.
    expect(squeeze(pdfText(path.join(dir, 'prep-police.pdf')))).toContain('TP-20181017-0042')
    expect(kiroku(['prep-sheet', file, path.join(dir, 'x.pdf'), '--for', 'provider', '--organization', AGENCY], { env }).status).toBe(3)
    const tpointSheet = path.join(dir, 'prep-tpoint.pdf')
    run(['prep-sheet', file, tpointSheet, '--for', 'provider', '--organization', 'Tポイント・ジャパン カスタマーセンター'])
    for (const its of ITS_RECORDS) expect(squeeze(pdfText(tpointSheet)), its).not.toContain(squeeze(its))

    const zip = path.join(dir, 'bundle.zip')
    run(['bundle', file, zip])
    const entries = readZip(zip)
    const pdf = path.join(dir, 'bundle-dossier.pdf')
    fs.writeFileSync(pdf, Buffer.from(entries.find((e) => e.name === 'dossier.pdf')!.base64!, 'base64'))
    expectNothingPrivate(pdfText(pdf), 'the bundle’s dossier')
    for (const entry of entries.filter((e) => e.name !== 'dossier.pdf')) {
      expectNothingPrivate(Buffer.from(entry.base64!, 'base64').toString('utf8'), entry.name)
    }
  })

  it('are left out of a shared copy, which opens again without a trace of them; --include-private keeps them, still private', () => {
    const dir = tempDir()
    const file = caseWithPrivateRecords(dir)
    const copy = path.join(dir, 'copy.kiroku')
    const shared = run(['share', file, copy, '--json'])
    expect(JSON.parse(shared.stdout)).toMatchObject({ leftOutEvents: 1, leftOutOrganizations: 1, leftOutLosses: 1 })
    expect(run(['share', file, path.join(dir, 'copy2.kiroku')]).stdout).toMatch(/1 organizations, 1 losses/)

    withCase(copy, env.KIROKU_SHARE_PASSPHRASE, (c) => {
      expect(c.verify().problems).toEqual([])
      expect(c.organizations.list().map((o) => o.name)).not.toContain(AGENCY)
      expect(c.losses.list().map((l) => l.description)).toEqual(['Tポイント不正利用（ファミリーマート）', 'Pontaポイント不正利用', PUBLIC_LOSS])
      for (const secret of [AGENCY, '5555', '内緒', '探偵事務所', '調査費用']) expect(c.search(secret), secret).toEqual([])
      // What pointed at it stays, without it.
      const kept = c.events.list().find((e) => e.title === PUBLIC_EVENT)!
      expect([kept.private, kept.organizationId]).toEqual([false, undefined])
      expect(c.references.list().find((r) => r.value === PUBLIC_REFERENCE)?.organizationId).toBeUndefined()
      expect(c.tasks.list().find((t) => t.title === PUBLIC_TASK)?.organizationId).toBeUndefined()
      expect(c.losses.list().find((l) => l.description === PUBLIC_LOSS)?.organizationId).toBeUndefined()
      // Not even in the copy's own log.
      expect(c.audit().map((e) => e.payload).join('\n')).not.toMatch(/みどり|内緒|55000/)
    })
    // What the recipient prints from it has nothing of them either.
    const recipient = kiroku(['dossier', copy, path.join(dir, 'copy.pdf'), '--json'], { env: { KIROKU_PASSPHRASE: env.KIROKU_SHARE_PASSPHRASE } })
    expect(recipient.status, recipient.stderr).toBe(0)
    expectNothingPrivate(pdfText(path.join(dir, 'copy.pdf')), 'a dossier of the copy')

    const everything = path.join(dir, 'everything.kiroku')
    run(['share', file, everything, '--include-private'])
    withCase(everything, env.KIROKU_SHARE_PASSPHRASE, (c) => {
      expect(c.organizations.list().find((o) => o.name === AGENCY)).toMatchObject({ private: true, phone: AGENCY_PHONE })
      expect(c.losses.list().find((l) => l.description === PRIVATE_LOSS)).toMatchObject({ private: true, amount: 55000 })
    })
  })
})

/** Exports `file` with the real CLI and returns the document. */
function exported(file: string, out: string): any {
  run(['export-json', file, out])
  return JSON.parse(fs.readFileSync(out, 'utf8'))
}

const flags = (c: CaseFile) => ({
  organizations: c.organizations.list().map((o) => [o.name, o.private]),
  losses: c.losses.list().map((l) => [l.description, l.private]),
})

describe('the private flag in the interchange format (version 3)', () => {
  it('export → import → export keeps it, written only where set, as version 3', () => {
    const dir = tempDir()
    const file = caseWithPrivateRecords(dir)
    const doc = exported(file, path.join(dir, 'out.json'))
    expect(doc.version).toBe(3)
    expect(doc.organizations.filter((o: any) => 'private' in o)).toEqual([expect.objectContaining({ name: AGENCY, private: true })])
    expect(doc.losses.filter((l: any) => 'private' in l)).toEqual([expect.objectContaining({ description: PRIVATE_LOSS, private: true })])

    const again = path.join(dir, 'again.kiroku')
    run(['import-json', again, path.join(dir, 'out.json')])
    const before = withCase(file, PASSPHRASE, flags)
    expect(withCase(again, PASSPHRASE, flags)).toEqual(before)
    expect(before.organizations).toContainEqual([AGENCY, true])
    expect(before.losses).toContainEqual([PRIVATE_LOSS, true])
    expect(before.losses).toContainEqual([PUBLIC_LOSS, false])
    const second = exported(again, path.join(dir, 'second.json'))
    const withoutFiles = (d: any) => ({ ...d, evidence: d.evidence.map(({ file: _f, ...e }: any) => e) })
    expect(withoutFiles(second)).toEqual(withoutFiles(doc))
  })

  it('writes the lowest version that holds the data: nothing private and no plan is still version 1', () => {
    const dir = tempDir()
    const file = caseWithPrivateRecords(dir)
    withCase(file, PASSPHRASE, (c) => {
      for (const { id, ...o } of c.organizations.list().filter((o) => o.private)) c.organizations.update(id, { ...o, private: false })
      for (const { id, ...l } of c.losses.list().filter((l) => l.private)) c.losses.update(id, { ...l, private: false })
    })
    const doc = exported(file, path.join(dir, 'plain.json'))
    expect(doc.version).toBe(1)
    expect(JSON.stringify(doc.organizations) + JSON.stringify(doc.losses)).not.toContain('"private"')
  })

  it('refuses "private" on an organisation or a loss in a version-1 or version-2 document, at its path', async () => {
    for (const version of [1, 2]) {
      const json = writeStoryCopy(tempDir(), (doc) => {
        doc.version = version
        doc.organizations[1].private = true
        doc.losses[0].private = false // a reader of that version would refuse the key whatever its value
      })
      const imported = kiroku(['import-json', path.join(path.dirname(json), 'x.kiroku'), json], { env })
      expect(imported.status).toBe(3)
      expect(imported.stderr).toMatch(/\$\.organizations\[1\]\.private.*version 3/)
      expect(imported.stderr).toMatch(/\$\.losses\[0\]\.private.*version 3/)
      expect(fs.existsSync(path.join(path.dirname(json), 'x.kiroku'))).toBe(false)
    }
    // Version 3 reads a document with none of it, and one from a newer version is refused as such.
    const plain = writeStoryCopy(tempDir(), (doc) => (doc.version = 3))
    expect(DocumentSchema.parse(JSON.parse(fs.readFileSync(plain, 'utf8'))).version).toBe(3)
    await importJsonFile(path.join(path.dirname(plain), 'v3.kiroku'), PASSPHRASE, plain)
    const newer = writeStoryCopy(tempDir(), (doc) => (doc.version = 6))
    const refused = kiroku(['import-json', path.join(path.dirname(newer), 'x.kiroku'), newer], { env })
    expect(refused.status).toBe(3)
    expect(refused.stderr).toMatch(/version 6, written by a newer Kiroku; this version reads versions 1, 2, 3, 4 and 5/)
  })

  it('merge keeps the flag of what it adds', () => {
    const dir = tempDir()
    const theirs = caseWithPrivateRecords(dir)
    const mine = path.join(dir, 'mine.kiroku')
    run(['import-json', mine, writeStoryCopy(path.join(dir, 'story'))])
    const merged = kiroku(['merge', mine, theirs, '--json'], { env: { ...env, KIROKU_SHARE_PASSPHRASE: PASSPHRASE } })
    expect(merged.status, merged.stderr).toBe(0)
    const after = withCase(mine, PASSPHRASE, flags)
    expect(after.organizations).toContainEqual([AGENCY, true])
    expect(after.losses).toContainEqual([PRIVATE_LOSS, true])
    expect(after.losses).toContainEqual([PUBLIC_LOSS, false])
    // And so a dossier of the merged case leaves them out.
    run(['dossier', mine, path.join(dir, 'merged.pdf')])
    expectNothingPrivate(pdfText(path.join(dir, 'merged.pdf')), 'a dossier of the merged case')
  })
})

describe('schema 5', () => {
  it('migrates a schema-4 file: its organisations and losses are not private, and it still verifies', () => {
    const file = path.join(tempDir(), 'v4.kiroku')
    const db = new Database(file)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE))
    for (const migration of MIGRATIONS.slice(0, 4)) db.exec(migration)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 4')
    db.prepare(`INSERT INTO case_info (id, title, kind, status, updated_at) VALUES (1, 'v4', 'other', 'open', '2018-10-12T00:00:00Z')`).run()
    db.prepare(`INSERT INTO organizations (name, role) VALUES ('Tポイント', 'points_operator')`).run()
    db.prepare(`INSERT INTO losses (description, amount, unit, organization_id) VALUES ('不正利用', 87233, 'T-POINT', 1)`).run()
    db.close()

    withCase(file, PASSPHRASE, (c) => {
      expect(c.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      expect(flags(c)).toEqual({ organizations: [['Tポイント', false]], losses: [['不正利用', false]] })
      expect(c.verify().problems).toEqual([])
      c.organizations.update(1, { name: 'Tポイント', role: 'points_operator', private: true })
      expect(c.organizations.get(1).private).toBe(true)
      expect(c.verify().problems).toEqual([])
    })
  })
})
