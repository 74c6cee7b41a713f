// Letters (electron/main/core/letters): the draft of a damage report in the
// order of the police form, a claim to one provider with its rule and
// deadline, and notes for a consumer centre; each in ja and en, read back as
// text, with what is missing listed, and never a private record.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile, providerDirectory, type CaseFile } from '../../electron/main/core'
import { letterMissing, makeLetter, writeLetterFile, type LetterOptions } from '../../electron/main/core/letters'
import { letterCommand } from '../../electron/cli/letter-command'
import { UsageError } from '../../electron/cli/context'
import { main } from '../../electron/cli/main'
import { FORBIDDEN_JA } from '../../shared/terms'
import { pdfText, renderPages, squeeze } from '../helpers/pdf'
import { readStory, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const directory = providerDirectory()
const PAYPAY = 'PayPay'
const TPOINT = 'Tポイント・ジャパン カスタマーセンター'
const RECEIPT = '第2018-1030号'
const PRIVATE_CALL = '探偵事務所に調査を依頼'
const PRIVATE_LOSS = '調査費用（探偵事務所）'
const PRIVATE_ORG = 'みどり探偵事務所'
const PRIVATE_USE = '家族カードでの買い物（内緒）'
/** Not private itself, but at a private organisation: it must not pass for a use "of none" in another provider's claim. */
const USE_AT_PRIVATE_ORG = '探偵事務所の口座からの引き落とし'

/** The story (format version 4) with a PayPay loss, a police report with its 受理番号, and private records. */
function storyDocument(dir: string, alter: (doc: any) => void = () => {}): string {
  return writeStoryCopy(path.join(dir, 'doc'), (doc) => {
    doc.version = 4
    doc.organizations.find((o: any) => o.id === 'tpoint').directoryId = 'v-point'
    doc.organizations.push(
      { id: 'paypay', name: PAYPAY, role: 'platform', directoryId: 'paypay' },
      { id: 'agency', name: PRIVATE_ORG, role: 'other', private: true },
    )
    doc.events.push(
      {
        id: 'e7',
        occurredAt: '2018-10-20T13:05:00+09:00',
        kind: 'unauthorized_use',
        title: 'PayPay残高で不正な支払い',
        body: '不正ログイン元 IP 203.0.113.7、送金先 fraud@example.com',
        organizationId: 'paypay',
        evidenceIds: ['s3'],
      },
      { id: 'p1', occurredAt: '2018-10-21T10:00:00+09:00', kind: 'contact', title: PRIVATE_CALL, organizationId: 'agency', private: true },
      { id: 'p2', occurredAt: '2018-10-22T10:00:00+09:00', kind: 'unauthorized_use', title: PRIVATE_USE, organizationId: 'paypay', private: true },
      { id: 'p3', occurredAt: '2018-10-23T10:00:00+09:00', kind: 'unauthorized_use', title: USE_AT_PRIVATE_ORG, organizationId: 'agency' },
    )
    doc.references.push({ organizationId: 'paypay', label: '問い合わせ番号', value: 'PP-555-1020', issuedAt: '2018-10-21' })
    doc.losses.push(
      { description: 'PayPay残高の不正利用', amount: 30000, unit: 'JPY', occurredAt: '2018-10-20', organizationId: 'paypay' },
      // Private and earlier: must neither show nor move the deadline.
      { description: PRIVATE_LOSS, amount: 55000, unit: 'JPY', occurredAt: '2018-09-01', organizationId: 'paypay', private: true },
    )
    doc.policeRecords = [
      { kind: 'report', occurredAt: '2018-10-30', station: '丸の内警察署', section: '生活安全課', officer: '田中', receiptNumber: RECEIPT, organizationId: 'police' },
    ]
    alter(doc)
  })
}

async function storyCase(dir: string, alter?: (doc: any) => void): Promise<string> {
  const file = path.join(dir, 'case.kiroku')
  await importJsonFile(file, PASSPHRASE, storyDocument(dir, alter))
  return file
}

const orgId = (caseFile: CaseFile, name: string) => caseFile.organizations.list().find((o) => o.name === name)!.id

function expectInOrder(text: string, parts: string[]) {
  const flat = squeeze(text)
  let at = -1
  for (const part of parts) {
    const next = flat.indexOf(squeeze(part), at + 1)
    expect(next, `"${part}" after position ${at}`).toBeGreaterThan(at)
    at = next
  }
}

function expectNothingPrivate(text: string) {
  const flat = squeeze(text)
  for (const secret of [PRIVATE_CALL, PRIVATE_LOSS, PRIVATE_ORG, PRIVATE_USE, '55,000']) expect(flat).not.toContain(squeeze(secret))
}

/** The letter's own words use the word list (shared/terms.ts); the case's own text (Tポイント…) is the victim's. */
function expectPlainTerms(text: string) {
  const story = readStory()
  const theirs = [
    story.case.summary,
    ...story.events.flatMap((e: any) => [e.title, e.body]),
    ...story.losses.map((l: any) => l.description),
    ...story.tasks.map((t: any) => t.title),
    ...story.evidence.map((e: any) => e.caption),
    ...story.organizations.map((o: any) => o.name),
  ].filter(Boolean)
  let ours = squeeze(text)
  for (const t of theirs) ours = ours.split(squeeze(t)).join('')
  for (const { word } of FORBIDDEN_JA) expect(ours, String(word)).not.toMatch(word)
}

describe('letters from the story case', () => {
  let dir: string
  let caseFile: CaseFile
  const out = (name: string) => path.join(dir, `${name}.pdf`)
  const write = async (name: string, options: LetterOptions) => {
    const written = await writeLetterFile(caseFile, out(name), options, directory)
    renderPages(out(name), `letters-${name}`, 70)
    return { ...written, text: pdfText(out(name)) }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-letters-'))
    caseFile = openCaseFile(await storyCase(dir), PASSPHRASE)
  })
  afterAll(() => {
    caseFile?.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('police report (ja): the form headings in order, the facts, the draft mark on every page', async () => {
    const { text, pages, missing } = await write('police-ja', { type: 'police-report', lang: 'ja', era: 'japanese', redact: false })
    expect(missing).toEqual([])
    expectInOrder(text, [
      '被害者の住居・職業・氏名・年齢',
      '山田 花子',
      '被害の年月日時',
      '平成30年10月12日 21:04頃',
      '被害の場所',
      'Yahoo! JAPAN',
      '被害の模様',
      'Tポイントがファミリーマートで不正利用される',
      'ログイン履歴に中国からの不正ログインを発見',
      'PayPay残高で不正な支払い',
      '被害金品',
      '87,233 Vポイント（旧Tポイント）',
      '30,000円',
      '犯人の住居・氏名・人相・着衣・特徴等',
      '不明',
      'fraud@example.com',
      '203.0.113.7',
      '遺留品その他参考事項',
      'SHA-256',
      'TP-20181017-0042',
      RECEIPT,
    ])
    // Not a support centre as the place of the damage.
    const place = squeeze(text).split(squeeze('被害の場所'))[1].split(squeeze('被害の模様'))[0]
    expect(place).not.toContain(squeeze(TPOINT))
    const pageTexts = text.split('\f').filter((p) => p.trim())
    expect(pageTexts.length).toBe(pages)
    for (const page of pageTexts) expect(squeeze(page)).toContain(squeeze('下書き（警察官が被害届を作成する際の参考用です。届出済みの被害届ではありません）'))
    expectNothingPrivate(text)
    expectPlainTerms(text)
  })

  it('police report (en): the same headings in English, western dates', async () => {
    const { text } = await write('police-en', { type: 'police-report', lang: 'en', era: 'western', redact: false })
    expectInOrder(text, [
      "The victim's residence, occupation, name and age",
      'Date and time of the damage',
      'about 12 Oct 2018 21:04',
      'Place of the damage',
      'What happened',
      'Money and goods lost',
      '87,233 V Point (formerly T-Point)',
      '¥30,000',
      "The offender's residence, name, appearance, clothing and features",
      'Items left behind and other information',
    ])
    for (const page of text.split('\f').filter((p) => p.trim())) expect(page).toContain('Draft — for the officer writing the report; not a filed report')
    expectNothingPrivate(text)
  })

  it('claim to PayPay (ja, en): its numbers, the police receipt number, its loss, evidence, rule and deadline', async () => {
    const options = { type: 'claim', organizationId: orgId(caseFile, PAYPAY), era: 'western', redact: false, today: '2018-11-01' } as const
    const ja = await write('claim-paypay-ja', { ...options, lang: 'ja' })
    expect(ja.missing).toEqual([])
    expectInOrder(ja.text, [
      '補償のお願い',
      'PayPay 御中',
      '経緯',
      'PayPay残高で不正な支払い',
      'PP-555-1020',
      RECEIPT,
      '30,000円',
      '同封する証拠',
      'suspicious-login.eml',
      '不正利用被害の補償',
      '損害が発生した日から60日以内',
      // 60 days from the loss of 2018-10-20; the private loss of 2018-09-01 does not count.
      '2018年12月19日（あと48日）',
      'https://paypay.ne.jp/help/c0117/',
      '2026年12月6日時点の情報です。最新の条件は事業者に確認してください。',
    ])
    // Only PayPay's: not the other providers' numbers or losses.
    for (const other of ['TP-20181017-0042', 'PT-88231', '87,233', '18,739', USE_AT_PRIVATE_ORG]) expect(squeeze(ja.text)).not.toContain(squeeze(other))
    expectNothingPrivate(ja.text)
    expectPlainTerms(ja.text)

    const en = await write('claim-paypay-en', { ...options, lang: 'en' })
    expectInOrder(en.text, ['Request for compensation', 'To: PayPay', 'PP-555-1020', RECEIPT, '¥30,000', 'Compensation for unauthorised use', '19 Dec 2018 (48 days left)', 'As of 6 Dec 2026 — confirm the current conditions with the provider.'])
    expectNothingPrivate(en.text)
  })

  it('claim to the points operator: 補填, and no rule in the directory is said to be missing', async () => {
    const { text, missing } = await write('claim-tpoint-ja', { type: 'claim', organizationId: orgId(caseFile, TPOINT), lang: 'ja', era: 'western', redact: false, today: '2018-11-01' })
    expect(missing.map((m) => m.field)).toEqual(['claimRule'])
    expectInOrder(text, ['補填のお願い', `${TPOINT} 御中`, '未記入の項目', '申請の根拠となる規約と期限', 'TP-20181017-0042', RECEIPT, '87,233 Vポイント（旧Tポイント）'])
  })

  it('a rule checked more than a year before the letter is flagged as possibly out of date', async () => {
    const { text } = await write('claim-stale', { type: 'claim', organizationId: orgId(caseFile, PAYPAY), lang: 'ja', era: 'western', redact: false, today: '2028-01-10' })
    expect(squeeze(text)).toContain(squeeze('1年以上前に確認した情報のため、変わっている可能性があります。'))
  })

  it('consumer-centre notes (ja, en): what happened, who said what, losses, what to ask', async () => {
    const ja = await write('consumer-ja', { type: 'consumer-center', lang: 'ja', era: 'western', redact: false, today: '2018-11-01' })
    expectInOrder(ja.text, ['消費生活センターへの相談メモ', '何があったか', '連絡した先', '1週間から10日ほど調査する', '翌月15日頃に全額補償', '被害額', '相談したいこと', 'PayPayへの申請期限（2018年12月19日）'])
    expectNothingPrivate(ja.text)
    expectPlainTerms(ja.text)
    const en = await write('consumer-en', { type: 'consumer-center', lang: 'en', era: 'western', redact: false, today: '2018-11-01' })
    expectInOrder(en.text, ['Notes for a consumer centre consultation', 'What happened', 'Who was contacted', 'Losses', 'What to ask'])
    expectNothingPrivate(en.text)
  })

  it('redaction masks the victim’s phone, e-mail and address but keeps the receipt and reference numbers', async () => {
    const { text } = await write('claim-redacted', { type: 'claim', organizationId: orgId(caseFile, PAYPAY), lang: 'ja', era: 'western', redact: true, today: '2018-11-01' })
    const flat = squeeze(text)
    for (const secret of ['090-1234-5678', 'hanako@example.jp', '東京都千代田区丸の内1-1-1']) expect(flat).not.toContain(squeeze(secret))
    expect(flat).toContain('5678')
    expect(flat).toContain('PP-555-1020')
    expect(flat).toContain(RECEIPT)
  })

  it('a claim needs one organisation that is not private; the others take none', async () => {
    await expect(makeLetter(caseFile, { type: 'claim', lang: 'ja', era: 'western', redact: false }, directory)).rejects.toThrow(/one organization/)
    await expect(makeLetter(caseFile, { type: 'claim', organizationId: orgId(caseFile, PRIVATE_ORG), lang: 'ja', era: 'western', redact: false }, directory)).rejects.toThrow(/private/)
    await expect(makeLetter(caseFile, { type: 'police-report', organizationId: 1, lang: 'ja', era: 'western', redact: false }, directory)).rejects.toThrow(/claim/)
  })
})

describe('what is missing', () => {
  it('an empty victim, no police number and an unlinked provider give 未記入 items; filling them removes them', async () => {
    const dir = tempDir()
    const file = await storyCase(dir, (doc) => {
      doc.case.victim = {}
      delete doc.policeRecords
      doc.references = doc.references.filter((r: any) => r.organizationId !== 'police' && r.organizationId !== 'paypay')
      delete doc.organizations.find((o: any) => o.id === 'paypay').directoryId
    })
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const claim: LetterOptions = { type: 'claim', organizationId: orgId(caseFile, PAYPAY), lang: 'ja', era: 'western', redact: false, today: '2018-11-01' }
      const missing = letterMissing(caseFile, claim, directory)
      expect(missing.map((m) => m.field)).toEqual(['victimName', 'victimAddress', 'victimPhone', 'providerReference', 'policeReceipt', 'claimRule'])
      expect(missing[0].text).toBe('被害者の氏名')
      expect(letterMissing(caseFile, { ...claim, lang: 'en' }, directory)[0].text).toBe("the victim's name")
      expect(letterMissing(caseFile, { type: 'police-report', lang: 'ja', era: 'western', redact: false }, directory).map((m) => m.field)).toEqual([
        'victimName',
        'victimAddress',
        'victimPhone',
      ])

      // The letter shows them in its box and 未記入 where the value would be.
      const out = path.join(dir, 'claim-missing.pdf')
      const written = await writeLetterFile(caseFile, out, claim, directory)
      expect(written.missing).toEqual(missing)
      renderPages(out, 'letters-claim-missing', 70)
      const text = pdfText(out)
      expectInOrder(text, ['未記入の項目', '被害者の氏名', '被害者の住所', '被害者の電話番号', 'PayPayの受付番号', '警察の受理番号', '申請の根拠となる規約と期限'])
      expect(squeeze(text)).toContain('差出人未記入')
      // Written private to the user, as the dossier.
      if (process.platform !== 'win32') expect(fs.statSync(out).mode & 0o077).toBe(0)

      // Filled in: they leave the list.
      const { updatedAt: _updated, ...record } = caseFile.case.get()
      caseFile.case.set({ ...record, victim: { name: '山田 花子', address: '東京都千代田区丸の内1-1-1', phone: '090-1234-5678' } })
      caseFile.policeRecords.create({ kind: 'consultation', occurredAt: '2018-10-18', station: '丸の内警察署', receiptNumber: '相談-77' })
      const paypay = caseFile.organizations.list().find((o) => o.name === PAYPAY)!
      const { id, ...rest } = paypay
      caseFile.organizations.update(id, { ...rest, directoryId: 'paypay' })
      caseFile.references.create({ organizationId: id, label: '問い合わせ番号', value: 'PP-1' })
      expect(letterMissing(caseFile, claim, directory)).toEqual([])
      const again = await makeLetter(caseFile, claim, directory)
      fs.writeFileSync(out.replace('.pdf', '-filled.pdf'), again.bytes)
      const filled = squeeze(pdfText(out.replace('.pdf', '-filled.pdf')))
      expect(filled).not.toContain('未記入')
      // A consultation's number stands in when no damage report has been accepted.
      expect(filled).toContain(squeeze('警察の相談受理番号相談-77'))
    } finally {
      caseFile.close()
    }
  })

  it('a case with no events and no losses says so in the police report', async () => {
    const dir = tempDir()
    const file = await storyCase(dir, (doc) => {
      doc.events = []
      doc.losses = []
      doc.references = []
      doc.tasks = []
      doc.evidence = []
      doc.policeRecords = []
      doc.organizations = doc.organizations.filter((o: any) => o.id !== 'yahoo')
    })
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const options: LetterOptions = { type: 'police-report', lang: 'ja', era: 'western', redact: false }
      expect(letterMissing(caseFile, options, directory).map((m) => m.field)).toEqual(['damageDate', 'damagePlace', 'damageDetails', 'losses', 'evidence'])
      const out = path.join(dir, 'empty.pdf')
      await writeLetterFile(caseFile, out, options, directory)
      renderPages(out, 'letters-police-empty', 70)
      expectInOrder(pdfText(out), ['未記入の項目', '被害の年月日時', '被害額', '2.被害の年月日時', '未記入', '3.被害の場所', '未記入', '5.被害金品', '未記入'])
    } finally {
      caseFile.close()
    }
  })
})

describe('letterCommand (before it is wired into the CLI)', () => {
  it('writes the letter and prints pages, size and each missing item; a claim without --organization is a usage error', async () => {
    const dir = tempDir()
    const file = await storyCase(dir, (doc) => {
      doc.case.victim.phone = undefined
    })
    const saved = process.env.KIROKU_PASSPHRASE
    process.env.KIROKU_PASSPHRASE = PASSPHRASE
    try {
      const lines: string[] = []
      const ctx = (values: Record<string, string | boolean>, out = 'claim.pdf') => ({ positionals: [file, path.join(dir, out)], values, out: (l: string) => lines.push(l) })
      await letterCommand(ctx({ type: 'claim', organization: PAYPAY, lang: 'en' }))
      expect(lines[0]).toMatch(/^Wrote .*claim\.pdf: \d+ pages?, \d+ KB$/)
      expect(lines).toContain("Not recorded: the victim's phone number")
      expect(squeeze(pdfText(path.join(dir, 'claim.pdf')))).toContain('PP-555-1020')
      await expect(letterCommand(ctx({ type: 'claim' }, 'x.pdf'))).rejects.toThrow(UsageError)
      await expect(letterCommand(ctx({ type: 'police-report', organization: PAYPAY }, 'x.pdf'))).rejects.toThrow(UsageError)
      await expect(letterCommand(ctx({ type: 'complaint' }, 'x.pdf'))).rejects.toThrow(UsageError)
      await expect(letterCommand(ctx({ type: 'claim', organization: PRIVATE_ORG }, 'x.pdf'))).rejects.toThrow(/private/)
      expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
    } finally {
      if (saved === undefined) delete process.env.KIROKU_PASSPHRASE
      else process.env.KIROKU_PASSPHRASE = saved
    }
  })
})

// ---------------------------------------------------------------------------
// CLI: `kiroku letter`. Needs `letter` wired into electron/cli/commands.ts and
// main.ts (letterCommand / letterUsage from electron/cli/letter-command.ts).
// ---------------------------------------------------------------------------
describe('kiroku letter (CLI)', () => {
  const env = { KIROKU_PASSPHRASE: PASSPHRASE }
  async function run(args: string[]) {
    const lines: string[] = []
    const errors: string[] = []
    const saved = process.env.KIROKU_PASSPHRASE
    process.env.KIROKU_PASSPHRASE = env.KIROKU_PASSPHRASE
    try {
      const status = await main(args, (l) => lines.push(l), (l) => errors.push(l))
      return { status, stdout: lines.join('\n'), stderr: errors.join('\n') }
    } finally {
      if (saved === undefined) delete process.env.KIROKU_PASSPHRASE
      else process.env.KIROKU_PASSPHRASE = saved
    }
  }

  it('writes each letter, prints pages, size and what is missing; a claim needs --organization', async () => {
    const dir = tempDir()
    const file = await storyCase(dir, (doc) => {
      doc.case.victim.phone = undefined
    })
    const police = await run(['letter', file, path.join(dir, 'police.pdf'), '--type', 'police-report', '--era', 'japanese'])
    expect(police.status, police.stderr).toBe(0)
    expect(police.stdout).toMatch(/Wrote .*police\.pdf: \d+ pages?, \d+ KB/)
    expect(police.stdout).toContain('Not recorded: 被害者の電話番号')
    expect(squeeze(pdfText(path.join(dir, 'police.pdf')))).toContain('被害届の下書き')

    const claim = await run(['letter', file, path.join(dir, 'claim.pdf'), '--type', 'claim', '--organization', PAYPAY, '--lang', 'en', '--redact'])
    expect(claim.status, claim.stderr).toBe(0)
    expect(claim.stdout).toContain("Not recorded: the victim's phone number")
    expect(squeeze(pdfText(path.join(dir, 'claim.pdf')))).toContain('PP-555-1020')

    const consumer = await run(['letter', file, path.join(dir, 'consumer.pdf'), '--type', 'consumer-center'])
    expect(consumer.status, consumer.stderr).toBe(0)

    const noOrganization = await run(['letter', file, path.join(dir, 'x.pdf'), '--type', 'claim'])
    expect(noOrganization.status).toBe(1)
    expect(noOrganization.stderr).toMatch(/--organization/)
    const badType = await run(['letter', file, path.join(dir, 'x.pdf'), '--type', 'complaint'])
    expect(badType.status).toBe(1)
    const privateOrganization = await run(['letter', file, path.join(dir, 'x.pdf'), '--type', 'claim', '--organization', PRIVATE_ORG])
    expect(privateOrganization.status).toBe(3)
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
  })
})
