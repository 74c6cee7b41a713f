// The PDF dossier read back as a recipient would (pdf.js, test/helpers/pdf.ts):
// every event title, reference number, amount and SHA-256 is in the text;
// fonts are embedded subsets; pictures are where they should be. Pages are
// rendered to test-results/dossier/ for a person to look at.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseFile, importJsonFile, makeDossier, openCaseFile, type DossierOptions } from '../../electron/main/core'
import { encodePng } from '../../bench/png'
import { kiroku } from '../helpers/cli'
import { testRouter } from '../helpers/ipc'
import { pdfFonts, pdfImages, pdfPageTexts, pdfPages, pdfText, renderPage, renderPages, squeeze } from '../helpers/pdf'
import { STORY_JSON, readStory, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE } from '../helpers/temp'

const NOW = new Date('2018-11-20T10:00:00+09:00')
let dir: string
let storyFile: string
const story = readStory()

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-dossier-'))
  storyFile = path.join(dir, 'story.kiroku')
  await importJsonFile(storyFile, PASSPHRASE, STORY_JSON)
})
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Makes a dossier of `file` and writes it to dir/NAME.pdf. */
async function dossier(name: string, options: DossierOptions = {}, file = storyFile): Promise<string> {
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    const { pdf, pages } = await makeDossier(caseFile, { now: NOW, ...options })
    const out = path.join(dir, `${name}.pdf`)
    fs.writeFileSync(out, pdf)
    expect(pdfPages(out)).toBe(pages)
    return out
  } finally {
    caseFile.close()
  }
}

function storyHashes(): string[] {
  const caseFile = openCaseFile(storyFile, PASSPHRASE)
  try {
    return caseFile.evidence.list().map((e) => e.sha256)
  } finally {
    caseFile.close()
  }
}

const amount = (n: number) => new Intl.NumberFormat('en-US').format(n)

describe('dossier of the reference story', () => {
  for (const lang of ['ja', 'en'] as const) {
    for (const audience of ['police', 'provider'] as const) {
      it(`${lang}, for the ${audience}: every title, reference, amount and hash; embedded subset fonts`, async () => {
        const pdf = await dossier(`story-${lang}-${audience}`, { lang, audience })
        const text = pdfText(pdf)
        const flat = squeeze(text)
        for (const e of story.events) expect(flat).toContain(squeeze(e.title))
        for (const r of story.references) expect(flat).toContain(squeeze(r.value))
        for (const l of story.losses) expect(flat).toContain(amount(l.amount))
        expect(flat).toContain(amount(87233 + 0)) // the T-POINT total
        // Hashes must come out whole, not only after squeezing: a recipient copies them from the text.
        for (const hash of storyHashes()) expect(text).toContain(hash)
        expect(flat).toContain(lang === 'ja' ? '被害状況報告書' : 'Incidentreport')
        expect(flat.includes(lang === 'ja' ? '上記のとおり、事実に相違ありません。' : 'Ideclarethattheaboveistrue')).toBe(audience === 'police')
        // Units by name, Japan time said once (not on each time), 5W1H "where" is the service, not the support centres called.
        expect(flat).toContain(lang === 'ja' ? '87,233Vポイント（旧Tポイント）' : '87,233VPoint(formerlyT-Point)')
        expect(flat).not.toContain('T-POINT')
        expect(text).not.toMatch(/\d{2}:\d{2}\s*[（(]UTC\+09:00[)）]/)
        expect(flat).toContain(lang === 'ja' ? '時刻は、特に記載のない限り日本時間です。' : 'TimesareJapantime(JST,UTC+09:00)')
        expect(flat).toContain(lang === 'ja' ? '日時（日本時間）' : 'Dateandtime(JST)')
        expect(flat).toContain(lang === 'ja' ? 'どこでYahoo!JAPAN誰が' : 'WhereYahoo!JAPANWho')
        expect(flat).toContain(lang === 'ja' ? 'なぜ不明' : 'WhyNotknown')
        if (lang === 'ja') for (const word of ['調査中', '加害者', '組織', '撮影日', '提出用', 'プラットフォーム']) expect(flat).not.toContain(word)

        const fonts = pdfFonts(pdf)
        expect(fonts.length).toBeGreaterThan(0)
        for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true })
        expect(fonts.every((f) => /^[A-Z]{6}\+NotoSansJP-/.test(f.name))).toBe(true)

        const pages = pdfPages(pdf)
        expect(pages).toBeGreaterThanOrEqual(4)
        expect(pages).toBeLessThanOrEqual(8)
        expect(renderPages(pdf, `story-${lang}-${audience}`)).toHaveLength(pages)
        // The one screenshot in the story is drawn, the e-mail is shown after it in an appendix of its own
        // (the last page), the text file is only listed.
        expect(pdfImages(pdf)).toHaveLength(1)
        expect(pdfImages(pdf)[0].page).toBe(pages - 1)
        expect(squeeze(pdfPageTexts(pdf)[pages - 1])).toContain(lang === 'ja' ? '付録:証拠メール' : 'Appendix:evidencee-mails')
        // The mail's body keeps its line breaks as line breaks.
        expect(squeeze(pdfPageTexts(pdf)[pages - 1])).toContain('ログインがありました。日時:2018年10月26日08:11')
        expect(text).not.toContain('U+000A')
      })
    }
  }

  it('writes Japanese-era dates when asked', async () => {
    expect(squeeze(pdfText(await dossier('era-ja', { era: 'japanese' })))).toContain('平成30年10月12日')
    expect(pdfText(await dossier('era-en', { era: 'japanese', lang: 'en' }))).toMatch(/October 12, 30 Heisei \(2018\)/)
  })

  it('a provider dossier for one organisation keeps only its records plus the incident events', async () => {
    const byName = pdfText(await dossier('tpoint', { audience: 'provider', organization: 'Tポイント・ジャパン カスタマーセンター' }))
    const byId = pdfText(await dossier('tpoint-id', { audience: 'provider', organization: '2' }))
    for (const text of [byName, byId]) {
      const flat = squeeze(text)
      for (const kept of ['e1', 'e2', 'e3', 'e5']) expect(flat).toContain(squeeze(story.events.find((e: any) => e.id === kept).title))
      for (const left of ['e4', 'e6']) expect(flat).not.toContain(squeeze(story.events.find((e: any) => e.id === left).title))
      expect(flat).toContain('TP-20181017-0042')
      expect(flat).not.toContain('PT-88231')
      expect(flat).not.toContain('丸の内-第1018-77号')
      expect(flat).toContain('87,233')
      // Ponta's loss is left out; the victim's own summary (which mentions it) is kept as written.
      expect(flat).not.toContain('Pontaポイント不正利用')
      expect(flat.split('18,739').length - 1).toBe(1)
      expect(flat).not.toContain('Pontaカードを再発行する')
    }
    const caseFile = openCaseFile(storyFile, PASSPHRASE)
    try {
      await expect(makeDossier(caseFile, { audience: 'police', organization: '2' })).rejects.toThrow(/provider/)
      await expect(makeDossier(caseFile, { audience: 'provider', organization: 'nobody' })).rejects.toThrow(/No organization "nobody"/)
    } finally {
      caseFile.close()
    }
  })

  it('--redact leaves no phone number, e-mail, account number or address unmasked; reference numbers stay', async () => {
    const copyDir = path.join(dir, 'redact')
    const json = writeStoryCopy(copyDir, (doc) => {
      doc.events[2].body += ' 折り返しは 090-1234-5678 か hanako@example.jp まで。振込先 口座番号 1234567、カード 4111 1111 1111 1111。'
      doc.organizations[0].email = 'support@yahoo.example.jp'
    })
    const file = path.join(dir, 'redact.kiroku')
    await importJsonFile(file, PASSPHRASE, json)
    const text = pdfText(await dossier('redacted', { redact: true }, file))
    const flat = squeeze(text)
    for (const secret of ['090-1234-5678', '1234-5678', 'hanako@example.jp', 'hanako@', '東京都千代田区丸の内1-1-1', '東京都', '0570-000-000', '1234567', '4111111111111111', 'support@yahoo']) {
      expect(flat).not.toContain(squeeze(secret))
    }
    expect(flat).toContain('*********5678')
    expect(flat).toContain('*************e.jp')
    for (const r of story.references) expect(flat).toContain(squeeze(r.value))
    expect(flat).toContain('山田花子') // names are not masked
    renderPages(path.join(dir, 'redacted.pdf'), 'redacted')
  })
})

describe('dossier of unusual cases', () => {
  it('an empty case gives a short dossier that says what is missing', async () => {
    const file = path.join(dir, 'empty.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: '空のケース', kind: 'other', status: 'open', summary: '', victim: {} })
    const pdf = await dossier('empty', {}, file)
    const flat = squeeze(pdfText(pdf))
    expect(flat).toContain('記録されていない項目')
    expect(flat).toContain('経緯（出来事）、被害額、受付番号・問い合わせ番号、証拠、被害者の連絡先')
    expect(pdfPages(pdf)).toBeLessThanOrEqual(3)
    const en = squeeze(pdfText(await dossier('empty-en', { lang: 'en', audience: 'provider' }, file)))
    expect(en).toContain('Notyetrecorded')
    renderPages(pdf, 'empty')
  })

  it('draws PNG and JPEG evidence, lists the rest, and notes pictures it cannot draw', async () => {
    const file = path.join(dir, 'evidence.kiroku')
    const files = path.join(dir, 'evidence-files')
    fs.mkdirSync(files)
    const rgb = new Uint8Array(640 * 360 * 3).map((_, i) => (i % 3 === 2 ? 200 : (i >> 8) & 255))
    fs.writeFileSync(path.join(files, 'rgb.png'), encodePng(640, 360, rgb))
    fs.writeFileSync(path.join(files, 'broken.png'), Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('not really a picture')]))
    fs.writeFileSync(path.join(files, 'anim.gif'), Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))
    fs.writeFileSync(path.join(files, 'big.png'), encodePng(800, 600, crypto.randomBytes(800 * 600 * 3)))
    // A real JPEG (Skia's encoder): the story's dossier, its first page drawn by pdf.js.
    fs.writeFileSync(path.join(files, 'page.jpg'), renderPage(path.join(dir, 'story-ja-police.pdf'), 1, { resolution: 20, format: 'jpeg' }))
    await createCaseFile(file, PASSPHRASE, { title: '証拠のテスト', kind: 'other', status: 'open', summary: '', victim: {} }, {
      fill: (c) => {
        for (const name of ['rgb.png', 'broken.png', 'anim.gif', 'big.png', 'page.jpg']) c.evidence.addFile(path.join(files, name), { caption: name })
        c.evidence.addFile(STORY_JSON, { caption: 'private note', private: true })
      },
    })
    const pdf = await dossier('evidence', { maxImageBytes: 1_000_000 }, file)
    const flat = squeeze(pdfText(pdf))
    expect(flat).toContain('画像を読み込めないため掲載なし') // broken.png
    expect(flat).toContain('画像が大きすぎるため掲載なし') // big.png, over maxImageBytes
    expect(flat).toContain('画像ではないため掲載なし') // anim.gif
    expect(flat).not.toContain('privatenote')
    const images = pdfImages(pdf)
    expect(images.map((i) => `${i.width}x${i.height} ${i.encoding}`).sort()).toEqual(['640x360 image', `${images.find((i) => i.encoding === 'jpeg')!.width}x${images.find((i) => i.encoding === 'jpeg')!.height} jpeg`].sort())
    renderPages(pdf, 'evidence')
  })

  it('leaves out private events, with the reference numbers and promises of a private call', async () => {
    const json = writeStoryCopy(path.join(dir, 'private'), (doc) => {
      doc.events.push({ id: 'p1', occurredAt: '2018-10-29T09:00:00+09:00', kind: 'contact', title: '家族にだけ話したこと', private: true })
      doc.references.push({ label: '受付番号', value: 'HIDDEN-4242', eventId: 'p1' })
      doc.tasks.push({ title: '内緒の折り返し', eventId: 'p1' })
    })
    const file = path.join(dir, 'private.kiroku')
    await importJsonFile(file, PASSPHRASE, json)
    const text = squeeze(pdfText(await dossier('private', {}, file)))
    expect(text).not.toContain('家族にだけ話したこと')
    expect(text).not.toContain('HIDDEN-4242')
    expect(text).not.toContain('内緒の折り返し')
    expect(text).toContain('TP-20181017-0042')
  })
})

describe('kiroku dossier', () => {
  const env = { KIROKU_PASSPHRASE: PASSPHRASE }

  it('writes the PDF, refuses to overwrite it, and checks its options', () => {
    const out = path.join(dir, 'cli.pdf')
    const made = kiroku(['dossier', storyFile, out, '--audience', 'provider', '--organization', 'Pontaサポートセンター', '--lang', 'en', '--era', 'japanese', '--redact', '--json'], { env })
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    expect(JSON.parse(made.stdout)).toMatchObject({ path: out, pages: pdfPages(out) })
    expect(squeeze(pdfText(out))).toContain('PT-88231')
    expect(kiroku(['dossier', storyFile, out], { env }).status).toBe(1) // exists: never overwritten
    expect(kiroku(['dossier', storyFile, path.join(dir, 'x.pdf'), '--lang', 'fr'], { env }).status).toBe(1)
    expect(kiroku(['dossier', storyFile, path.join(dir, 'x.pdf'), '--organization', '2'], { env }).status).toBe(1)
    expect(kiroku(['dossier', storyFile, path.join(dir, 'x.pdf'), '--audience', 'provider', '--organization', 'nobody'], { env }).status).toBe(3)
    expect(fs.existsSync(path.join(dir, 'x.pdf'))).toBe(false)
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([])
  })
})

describe('dossier over IPC', () => {
  it('dossier:create asks the save dialog for the path, and writes nothing when it is cancelled', async () => {
    const chosen = path.join(dir, 'ipc-chosen.pdf')
    const { call, choose } = testRouter(dir, { dossier: chosen })
    await choose('open', storyFile)
    expect((await call('case:open', { path: storyFile, passphrase: PASSPHRASE })).ok).toBe(true)
    fs.writeFileSync(chosen, 'an older dossier') // the dialog asked before replacing it
    const made = await call('dossier:create', { audience: 'provider', organizationId: 3, lang: 'en' })
    expect(made).toMatchObject({ ok: true, value: { path: chosen, pages: pdfPages(chosen) } })
    expect(squeeze(pdfText(chosen))).toContain('PT-88231')
    // The page cannot name a path: there is no such field.
    expect(await call('dossier:create', { path: path.join(dir, 'elsewhere.pdf') })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call('dossier:create', { organizationId: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const cancelled = testRouter(dir)
    await cancelled.choose('open', storyFile)
    expect((await cancelled.call('case:open', { path: storyFile, passphrase: PASSPHRASE })).ok).toBe(true)
    expect(await cancelled.call('dossier:create', {})).toEqual({ ok: true, value: undefined })
    await cancelled.call('case:close')
    await call('case:close')
  })
})
