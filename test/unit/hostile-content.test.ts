// Hostile content (issue 7 item 8) through real encrypted case files, real
// bundles read back with Python's zipfile and real dossiers read back with
// pdf.js: file names with folders in them, names and captions with
// direction controls and invisible characters, notes with HTML and script,
// pictures whose headers claim 50,000 × 50,000 pixels, a ZIP called .png.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  InvalidInputError,
  createCaseFile,
  exportJsonFile,
  importJsonFile,
  makeDossier,
  openCaseFile,
  sha256Hex,
  verifyBundle,
  writeBundle,
  type CaseFile,
  type DossierOptions,
} from '../../electron/main/core'
import { encodePng } from '../../bench/png'
import { appendAudit } from '../../electron/main/core/casefile/audit'
import { evidenceFileName } from '../../electron/main/core/domain/evidence'
import { kiroku } from '../helpers/cli'
import { testRouter } from '../helpers/ipc'
import { pdfImages, pdfText, renderPages, squeeze } from '../helpers/pdf'
import { apngWithFrame, gifWithFrame, jpegClaiming, pngClaiming, pngInflatingTo, pngWithSecondHeader, webpCanvasClaiming, webpLossyClaiming } from '../helpers/pictures'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'
import { extractZip, readZip } from '../helpers/zip'

const NOW = new Date('2018-11-20T10:00:00+09:00')
// What must never reach a PDF's text: direction controls, zero-width and other format characters.
const HIDDEN_IN_TEXT = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u2060\uFEFF\u061C\u00AD]/

async function newCase(dir: string, title = '不正ログイン'): Promise<{ file: string; caseFile: CaseFile }> {
  const file = path.join(dir, 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, { title, kind: 'account_takeover', status: 'open', summary: '', victim: { phone: '090-1234-5678' } })
  return { file, caseFile: openCaseFile(file, PASSPHRASE) }
}

/**
 * Puts evidence in as an older Kiroku (or someone with SQLCipher tools) could
 * have: no intake checks, but with its audit entry, so the file still verifies.
 */
function plant(caseFile: CaseFile, fileName: string, bytes: Buffer, mimeType: string, caption?: string): number {
  const record = { fileName, mimeType, size: bytes.length, sha256: sha256Hex(bytes), addedAt: '2018-10-20T10:00:00.000Z', caption }
  const id = Number(
    caseFile.db
      .prepare('INSERT INTO evidence (sha256, mime_type, file_name, size, caption, added_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(record.sha256, mimeType, fileName, bytes.length, caption ?? null, record.addedAt, bytes).lastInsertRowid,
  )
  appendAudit(caseFile.db, 'evidence', id, 'create', record)
  return id
}

async function dossierFile(caseFile: CaseFile, out: string, options: DossierOptions = {}): Promise<string> {
  const { pdf } = await makeDossier(caseFile, { now: NOW, ...options })
  fs.writeFileSync(out, pdf)
  return out
}

/** A different tiny PNG each time (the same bytes twice are one piece of evidence). */
const png = (seed: number) => Buffer.concat([TINY_PNG, Buffer.from(`seed ${seed}`)])

describe('file names with folders in them', () => {
  it('intake keeps only the last part of the name, whichever slash, whichever system', async () => {
    expect(evidenceFileName('../../etc/passwd.png')).toBe('passwd.png')
    expect(evidenceFileName('..\\..\\Windows\\System32\\evil.png')).toBe('evil.png')
    expect(evidenceFileName('C:\\Users\\hanako\\Desktop\\login.png')).toBe('login.png')
    expect(evidenceFileName('/etc/')).toBe('etc')
    for (const empty of ['..', '.', '../..', '', '///', '  ']) expect(evidenceFileName(empty)).toBe('evidence')
    expect(evidenceFileName('invoice\u202Efdp.png')).toBe('invoice\u202Efdp.png') // the name is evidence: kept as given
    expect(evidenceFileName('写'.repeat(300))).toBe('写'.repeat(255))
    expect(evidenceFileName('😀'.repeat(300))).toBe('😀'.repeat(255)) // cut between characters, never inside one

    const dir = tempDir()
    const { file, caseFile } = await newCase(dir)
    caseFile.evidence.add({ bytes: png(1), fileName: '../../etc/passwd.png' })
    caseFile.close()
    const { call, choose } = testRouter(dir)
    await choose('open', file)
    expect(await call('case:open', { path: file, passphrase: PASSPHRASE })).toMatchObject({ ok: true })
    for (const [i, fileName] of ['..\\..\\boot.png', 'C:\\Users\\hanako\\Desktop\\login.png', '/etc/shadow.png', '..'].entries()) {
      expect(await call('evidence:add', { fileName, base64: png(i + 2).toString('base64') })).toMatchObject({ ok: true })
    }
    await call('case:close')
    const reopened = openCaseFile(file, PASSPHRASE)
    expect(reopened.evidence.list().map((e) => e.fileName)).toEqual(['passwd.png', 'boot.png', 'login.png', 'shadow.png', 'evidence'])
    reopened.close()
  })

  it('a name that still holds ../, \\ or an absolute path (an older or crafted file) is never used as a path, and is printed as it is', async () => {
    const dir = tempDir()
    const { caseFile } = await newCase(dir)
    const names = ['../../etc/passwd.png', '..\\..\\Windows\\win.ini.png', '/etc/shadow.png', 'C:\\Users\\hanako\\x.png', '..', 'invoice\u202Egnp.exe']
    names.forEach((name, i) => plant(caseFile, name, png(i), 'image/png'))
    try {
      expect(caseFile.verify().ok).toBe(true)

      // The submission bundle: every evidence entry is one plain name inside evidence/.
      const bundle = path.join(dir, 'bundle.zip')
      const dossier = await makeDossier(caseFile, { now: NOW, lang: 'en' })
      await writeBundle(caseFile, bundle, dossier, 'en')
      const entries = readZip(bundle).map((e) => e.name)
      const evidenceEntries = entries.filter((n) => n.startsWith('evidence/'))
      expect(evidenceEntries).toHaveLength(names.length)
      for (const name of entries) {
        expect(name).not.toMatch(/\.\.|\\|^\/|^[A-Za-z]:|[\u202A-\u202E]/)
        expect(name.split('/').length).toBeLessThanOrEqual(2)
      }
      expect(evidenceEntries).toContain('evidence/1-etc_passwd.png')
      expect((await verifyBundle(bundle)).ok).toBe(true)
      const unpacked = path.join(dir, 'unpacked')
      extractZip(bundle, unpacked)
      expect(fs.readdirSync(unpacked).sort()).toEqual(['README.txt', 'dossier.pdf', 'evidence', 'manifest.json', 'manifest.sha256'])
      expect(fs.readdirSync(path.join(unpacked, 'evidence'))).toHaveLength(names.length)
      expect(fs.readdirSync(dir).filter((f) => !['bundle.zip', 'unpacked'].includes(f) && !f.startsWith('case.kiroku'))).toEqual([])

      // export-json: the same, into OUT-evidence/.
      const exported = path.join(dir, 'export', 'out.json')
      fs.mkdirSync(path.dirname(exported))
      await exportJsonFile(caseFile, exported)
      expect(fs.readdirSync(path.dirname(exported)).sort()).toEqual(['out-evidence', 'out.json'])
      expect(fs.readdirSync(path.join(dir, 'export', 'out-evidence'))).toHaveLength(names.length)
      // The document keeps each original name, as data.
      const doc = JSON.parse(fs.readFileSync(exported, 'utf8'))
      expect(doc.evidence.map((e: { fileName: string }) => e.fileName)).toEqual(names)

      // The dossier prints each name as it is, direction controls written out.
      const text = squeeze(pdfText(await dossierFile(caseFile, path.join(dir, 'names.pdf'), { lang: 'en' })))
      for (const name of ['../../etc/passwd.png', '..\\..\\Windows\\win.ini.png', '/etc/shadow.png', 'C:\\Users\\hanako\\x.png', 'invoice〔U+202E〕gnp.exe']) {
        expect(text).toContain(name)
      }
    } finally {
      caseFile.close()
    }
  })
})

describe('names, captions and notes with direction controls, invisible characters and markup', () => {
  it('the dossier writes hidden characters of names and captions out, prints markup literally, and never prints a control', async () => {
    const dir = tempDir()
    const { caseFile } = await newCase(dir, '被害\u202Eの記録')
    try {
      const { evidence } = caseFile.evidence.add({ bytes: png(1), fileName: 'report\u202Efdp.png', caption: 'ログイン履歴\u200B\u202Egnp.exe' })
      caseFile.evidence.add({ bytes: png(2), fileName: 'in\u2066voice\u2069.png', caption: 'a\uFEFFb\u00ADc\u061Cd\u2060e\u200Ef' })
      caseFile.events.create({
        occurredAt: '2018-10-13T10:00+09:00',
        kind: 'note',
        title: 'title \u202Ecba\u202C end',
        body: 'note <script>alert(1)</script><img src=x onerror=alert(1)> zw\u200B\u200C\u200D\u2060x \u202Egnp.exe',
        evidenceIds: [evidence.id],
      })
      for (const lang of ['ja', 'en'] as const) {
        const pdf = await dossierFile(caseFile, path.join(dir, `hostile-${lang}.pdf`), { lang })
        const raw = pdfText(pdf)
        const text = squeeze(raw)
        // Labels: every hidden character written out, in the index and in the appendix.
        expect(text.split('report〔U+202E〕fdp.png').length - 1).toBeGreaterThanOrEqual(2)
        expect(text).toContain('ログイン履歴〔U+200B〕〔U+202E〕gnp.exe')
        expect(text).toContain('in〔U+2066〕voice〔U+2069〕.png')
        expect(text).toContain('a〔U+FEFF〕b〔U+00AD〕c〔U+061C〕d〔U+2060〕e〔U+200E〕f')
        // Notes: markup is text; direction controls and zero-width characters are left out
        // (pdf-lib draws in stored order, so they had nothing to act on), never a 〓.
        expect(text).toContain('note<script>alert(1)</script><imgsrc=xonerror=alert(1)>zwxgnp.exe')
        expect(text).toContain('titlecbaend')
        expect(text).toContain('被害の記録')
        expect(raw).not.toMatch(HIDDEN_IN_TEXT)
        expect(raw).not.toContain('〓')
        if (lang === 'ja') renderPages(pdf, 'hostile-content', 80)
      }
    } finally {
      caseFile.close()
    }
  })

  it('a zero-width space inside a phone number does not get it past --redact', async () => {
    const dir = tempDir()
    const { caseFile } = await newCase(dir)
    try {
      caseFile.events.create({ occurredAt: '2018-10-13T10:00+09:00', kind: 'note', title: '連絡先', body: '犯人の番号 080\u200B-9876-5432、私の番号 090-1234\u200B-5678' })
      caseFile.evidence.add({ bytes: png(1), fileName: '090\u200B-1234-5678.png' })
      const text = squeeze(pdfText(await dossierFile(caseFile, path.join(dir, 'redacted.pdf'), { redact: true })))
      expect(text).not.toMatch(/080-?9876|090-?1234/)
      expect(text).toContain('*****5432')
      expect(text).toContain('5678')
      expect(text).not.toContain('U+200B')
    } finally {
      caseFile.close()
    }
  })
})

describe('pictures whose header claims 50,000 × 50,000 pixels', () => {
  const huge = [
    ['huge.png', pngClaiming(50_000, 50_000), '50,000 × 50,000'],
    ['huge.jpg', jpegClaiming(50_000, 50_000), '50,000 × 50,000'],
    ['huge.gif', gifWithFrame({ width: 16, height: 16 }, { left: 0, top: 0, width: 50_000, height: 50_000 }), '50,000 × 50,000'],
    ['huge.webp', webpCanvasClaiming(50_000, 50_000), '50,000 × 50,000'],
    ['lossy.webp', webpLossyClaiming(16_383, 16_383), '16,383 × 16,383'],
  ] as const

  it('are refused at intake with their size and the limit in plain words; nothing is written', async () => {
    const dir = tempDir()
    const { caseFile } = await newCase(dir)
    try {
      const head = caseFile.auditHead()
      for (const [fileName, bytes, size] of huge) {
        expect(bytes.length).toBeLessThan(200)
        const error = (() => {
          try {
            caseFile.evidence.add({ bytes, fileName })
          } catch (e) {
            return e
          }
        })()
        expect(error).toBeInstanceOf(InvalidInputError)
        expect((error as InvalidInputError).issues[0].message).toBe(
          `${fileName} is a picture of ${size} pixels. Kiroku takes pictures of up to 50 million pixels (an 8K screen is 33 million), ` +
            'because opening a larger one could need more memory than this computer has. If it is a real picture, save a smaller copy and add that.',
        )
      }
      // A real screenshot's size is fine, from any format.
      expect(caseFile.evidence.add({ bytes: pngClaiming(1_170, 20_000), fileName: 'long-scroll.png' }).duplicate).toBe(false)
      expect(caseFile.evidence.add({ bytes: jpegClaiming(7_680, 4_320), fileName: '8k.jpg' }).duplicate).toBe(false)
      expect(caseFile.evidence.list().map((e) => e.fileName)).toEqual(['long-scroll.png', '8k.jpg'])
      expect(caseFile.auditHead().seq).toBe(head.seq + 2)
    } finally {
      caseFile.close()
    }
  })

  it('are refused through the IPC channel, the CLI and JSON import alike', async () => {
    const dir = tempDir()
    const { file, caseFile } = await newCase(dir)
    caseFile.close()
    const { call, choose } = testRouter(dir)
    await choose('open', file)
    expect(await call('case:open', { path: file, passphrase: PASSPHRASE })).toMatchObject({ ok: true })
    const viaIpc = await call('evidence:add', { fileName: 'screenshot.png', base64: pngClaiming(50_000, 50_000).toString('base64') })
    expect(viaIpc).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: expect.stringMatching(/^screenshot\.png is a picture of 50,000 × 50,000 pixels\. Kiroku takes pictures of up to 50 million/) }] } })
    // A ZIP called .png: refused with its reason too.
    const zip = await call('evidence:add', { fileName: 'photo.png', base64: Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000').toString('base64') })
    expect(zip).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ message: expect.stringMatching(/^photo\.png is not a supported evidence type/) }] } })
    // A name with a direction control is written out in the message, never shown reversed.
    const named = await call('evidence:add', { fileName: 'a\u202Egnp.exe', base64: Buffer.from('PK\u0003\u0004').toString('base64') })
    expect(named).toMatchObject({ ok: false, error: { issues: [{ message: expect.stringMatching(/^a〔U\+202E〕gnp\.exe is not/) }] } })
    expect(await call('evidence:list')).toEqual({ ok: true, value: [] })
    await call('case:close')

    const env = { KIROKU_PASSPHRASE: PASSPHRASE }
    fs.writeFileSync(path.join(dir, 'ok.png'), TINY_PNG)
    fs.writeFileSync(path.join(dir, 'bomb.png'), pngClaiming(50_000, 50_000))
    const attached = kiroku(['attach', file, path.join(dir, 'ok.png'), path.join(dir, 'bomb.png')], { env })
    expect(attached.status).toBe(3)
    expect(attached.stderr).toContain('bomb.png is a picture of 50,000 × 50,000 pixels')
    const after = openCaseFile(file, PASSPHRASE)
    expect(after.evidence.list()).toEqual([]) // all or nothing
    after.close()

    const json = path.join(dir, 'doc', 'case.json')
    fs.mkdirSync(path.dirname(json))
    fs.writeFileSync(path.join(dir, 'doc', 'bomb.webp'), webpCanvasClaiming(50_000, 50_000))
    fs.writeFileSync(json, JSON.stringify({ format: 'kiroku-case', version: 1, case: { title: 'x' }, evidence: [{ id: 'e1', file: 'bomb.webp' }] }))
    const imported = path.join(dir, 'imported.kiroku')
    await expect(importJsonFile(imported, PASSPHRASE, json)).rejects.toMatchObject({
      issues: [{ path: '$.evidence[0].file', message: expect.stringContaining('bomb.webp is a picture of 50,000 × 50,000 pixels') }],
    })
    expect(fs.existsSync(imported)).toBe(false)
  })

  it('already in a file (an older Kiroku took them in), are listed by the dossier, never decoded', async () => {
    const dir = tempDir()
    const { caseFile } = await newCase(dir)
    try {
      plant(caseFile, 'bomb.png', pngClaiming(50_000, 50_000), 'image/png', 'PNG bomb')
      plant(caseFile, 'bomb.jpg', jpegClaiming(50_000, 50_000), 'image/jpeg', 'JPEG bomb')
      plant(caseFile, 'nosize.png', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('no header')]), 'image/png', 'PNG without a header')
      caseFile.evidence.add({ bytes: encodePng(64, 32, new Uint8Array(64 * 32 * 3).fill(200)), fileName: 'fine.png', caption: 'fine' })
      const rss = process.memoryUsage().rss
      const pdf = await dossierFile(caseFile, path.join(dir, 'bombs.pdf'), { lang: 'en' })
      // Decoding either would take 10 GB; nothing near that was asked for.
      expect(process.memoryUsage().rss - rss).toBeLessThan(300 * 1024 * 1024)
      const text = squeeze(pdfText(pdf))
      expect(text.split(squeeze('image too large to print')).length - 1).toBe(2)
      expect(text).toContain(squeeze('image could not be read'))
      expect(pdfImages(pdf).map((i) => `${i.width}x${i.height}`)).toEqual(['64x32'])
    } finally {
      caseFile.close()
    }
  })
})

describe('PNGs whose first header is small but whose other chunks say more', () => {
  it('a second header, an animation frame or image data that inflates past the size are listed by the dossier, never decoded', async () => {
    const dir = tempDir()
    const { caseFile } = await newCase(dir)
    try {
      // Each passes the header check (1 × 1, or 64 × 64): what comes after is where the size hides.
      plant(caseFile, 'second-header.png', pngWithSecondHeader(10_000, 10_000), 'image/png', 'second header')
      plant(caseFile, 'animated.png', apngWithFrame(10_000, 10_000), 'image/png', 'animated')
      plant(caseFile, 'inflates.png', pngInflatingTo(64, 64, 64 * 1024 * 1024), 'image/png', 'inflates')
      caseFile.evidence.add({ bytes: encodePng(48, 24, new Uint8Array(48 * 24 * 3).fill(90)), fileName: 'fine.png', caption: 'fine' })
      const rss = process.memoryUsage().rss
      const pdf = await dossierFile(caseFile, path.join(dir, 'chunks.pdf'), { lang: 'en' })
      // Decoding the first two would take about 400 MB each.
      expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024)
      const text = squeeze(pdfText(pdf))
      expect(text.split(squeeze('image could not be read')).length - 1).toBe(3)
      expect(text).not.toContain(squeeze('image too large to print'))
      expect(pdfImages(pdf).map((i) => `${i.width}x${i.height}`)).toEqual(['48x24'])
    } finally {
      caseFile.close()
    }
  })
})
