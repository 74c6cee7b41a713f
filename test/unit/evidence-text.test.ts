// Evidence that reads itself, stored: a mail or PDF taken into a real
// encrypted case file is read in the same step, its text sealed and
// searchable, a mail's attachments kept as evidence of their own and linked
// to it, the originals byte for byte; verify stays green.
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, MIGRATIONS, SEARCH_SOURCES } from '../../electron/main/core/casefile/migrations'
import { addEvidence, addEvidenceFiles, createCaseFile, createTextRecogniser, makeDossier, openCaseFile, readPendingEvidence, shareCaseFile, writeBundle, type CaseFile } from '../../electron/main/core'
import { sha256Hex } from '../../electron/main/core/domain/evidence'
import { PAGE_BREAK } from '../../electron/main/core/reading/read-evidence'
import { INNER_BODY, scamMail, twoPagePdf } from '../helpers/japanese-mail'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'
import { readZip } from '../helpers/zip'

const CASE = { title: 'フィッシング', kind: 'phishing', status: 'open', summary: '', victim: {} } as const

async function withNewCase<T>(work: (caseFile: CaseFile, file: string) => Promise<T>): Promise<T> {
  const file = path.join(tempDir(), 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, CASE)
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    return await work(caseFile, file)
  } finally {
    caseFile.close()
  }
}

const ids = (caseFile: CaseFile, query: string) => caseFile.search(query).map((hit) => `${hit.entity}#${hit.id}`)

describe('evidence intake with text', () => {
  it('reads a mail at intake, takes its attachments in as linked evidence, and finds words in them', async () => {
    const pdf = await twoPagePdf('Point statement', 'Zebracorn refund')
    const mailBytes = await scamMail(pdf)
    await withNewCase(async (caseFile, file) => {
      const stored = await addEvidence(caseFile, { bytes: mailBytes, fileName: 'phish.eml', capturedAt: '2018-10-15' })
      const mail = stored.evidence
      expect(mail.mimeType).toBe('message/rfc822')
      expect(stored.parts.map((p) => [p.evidence.fileName, p.evidence.mimeType])).toEqual([
        ['invoice.pdf', 'application/pdf'],
        ['forwarded.eml', 'message/rfc822'],
      ])
      const [pdfPart, innerPart] = stored.parts.map((p) => p.evidence)
      expect(pdfPart.sha256).toBe(sha256Hex(pdf))
      expect(pdfPart.capturedAt).toBe('2018-10-15')
      expect(caseFile.evidence.texts.parts(mail.id)).toEqual([pdfPart.id, innerPart.id])
      expect(caseFile.evidence.texts.containers(pdfPart.id)).toEqual([mail.id])

      // The originals are kept exactly; the text is derived beside them.
      expect(caseFile.evidence.bytes(mail.id).equals(mailBytes)).toBe(true)
      expect(caseFile.evidence.bytes(pdfPart.id).equals(Buffer.from(pdf))).toBe(true)
      expect(caseFile.evidence.texts.get(mail.id)).toMatchObject({ source: 'mail', engine: 'postal-mime', originalSha256: mail.sha256 })
      expect(caseFile.evidence.texts.get(pdfPart.id)?.text).toBe(`Point statement${PAGE_BREAK}Zebracorn refund`)
      expect(caseFile.evidence.texts.get(innerPart.id)?.text).toContain(INNER_BODY)

      // A word only in the mail's body, one only on the PDF's page 2, one in the attached message.
      expect(ids(caseFile, 'お客様番号')).toEqual([`evidence#${mail.id}`])
      expect(ids(caseFile, 'Zebracorn')).toEqual([`evidence#${pdfPart.id}`])
      expect(ids(caseFile, '払い戻し')).toEqual([`evidence#${innerPart.id}`])
      expect(caseFile.search('Zebracorn')[0].text).toContain('Zebracorn refund')
      // Full-width digits in the query find the normalised text.
      expect(ids(caseFile, '１２３４５')).toEqual([`evidence#${mail.id}`])

      const report = caseFile.verify()
      expect(report.problems).toEqual([])
      expect(report.ok).toBe(true)
      // Every row written was sealed by an audit entry.
      const entities = caseFile.audit().map((e) => e.entity)
      expect(entities.filter((e) => e === 'evidence_text')).toHaveLength(3)
      expect(entities.filter((e) => e === 'evidence_part')).toHaveLength(2)
      caseFile.close()
      const again = openCaseFile(file, PASSPHRASE)
      try {
        expect(again.verify().ok).toBe(true)
        expect(ids(again, 'Zebracorn')).toEqual([`evidence#${pdfPart.id}`])
      } finally {
        again.close()
      }
    })
  })

  it('keeps a PDF it cannot read, with no text and a note, and never fails the intake for it', async () => {
    await withNewCase(async (caseFile) => {
      const damaged = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog')
      const [stored, picture] = await addEvidenceFiles(caseFile, [
        { bytes: damaged, fileName: 'broken.pdf' },
        { bytes: TINY_PNG, fileName: 'screen.png' },
      ])
      expect(caseFile.evidence.bytes(stored.evidence.id).equals(damaged)).toBe(true)
      expect(caseFile.evidence.texts.get(stored.evidence.id)).toMatchObject({ text: '', note: 'the PDF is damaged or not a PDF, so its text cannot be read' })
      expect(caseFile.evidence.texts.get(picture.evidence.id)).toBeUndefined() // pictures: OCR's job
      expect(caseFile.verify().ok).toBe(true)
    })
  })

  it('writes nothing when one file of several is refused', async () => {
    await withNewCase(async (caseFile) => {
      const before = caseFile.auditHead()
      await expect(
        addEvidenceFiles(caseFile, [
          { bytes: await scamMail(), fileName: 'phish.eml' },
          { bytes: Buffer.from([0, 1, 2, 3]), fileName: 'x.bin' },
        ]),
      ).rejects.toThrow(/not a supported evidence type/)
      expect(caseFile.evidence.list()).toEqual([])
      expect(caseFile.auditHead()).toEqual(before)
    })
  })

  it('reads the mails and PDFs of an older case once, then has nothing pending', async () => {
    await withNewCase(async (caseFile) => {
      // As evidence arrived before Kiroku read it (or by import): the bytes only.
      const mail = caseFile.evidence.add({ bytes: await scamMail(), fileName: 'old.eml' }).evidence
      const pdf = caseFile.evidence.add({ bytes: Buffer.from(await twoPagePdf('Alpha', 'Quokka')), fileName: 'old.pdf' }).evidence
      expect(ids(caseFile, 'Quokka')).toEqual([])
      expect(await readPendingEvidence(caseFile)).toEqual({ read: 2, attachments: 2 })
      expect(ids(caseFile, 'Quokka')).toEqual([`evidence#${pdf.id}`])
      expect(caseFile.evidence.texts.parts(mail.id)).toHaveLength(2)
      expect(await readPendingEvidence(caseFile)).toEqual({ read: 0, attachments: 0 })
      expect(caseFile.verify().ok).toBe(true)
    })
  })

  it('gives a mail read later the privacy it has when its files are stored, not when its reading began', async () => {
    await withNewCase(async (caseFile) => {
      const mail = caseFile.evidence.add({ bytes: await scamMail(), fileName: 'old.eml' }).evidence
      let asked = 0
      // Asked again once the mail is read, before its files are stored: the user marks it private meanwhile.
      const stopped = () => {
        if (++asked === 2) caseFile.evidence.update(mail.id, { private: true })
        return false
      }
      expect(await readPendingEvidence(caseFile, {}, { stopped })).toEqual({ read: 1, attachments: 2 })
      expect(asked).toBeGreaterThan(2)
      expect(caseFile.evidence.texts.parts(mail.id).map((id) => caseFile.evidence.get(id).private)).toEqual([true, true])
    })
  })

  it('tries a piece once: one whose reading fails is told and passed over, and the pieces behind it are read', async () => {
    await withNewCase(async (caseFile) => {
      const first = caseFile.evidence.add({ bytes: TINY_PNG, fileName: 'first.png' }).evidence
      const second = caseFile.evidence.add({ bytes: Buffer.concat([TINY_PNG, Buffer.from('second')]), fileName: 'second.png' }).evidence
      const failing = {
        recognise: async (bytes: Uint8Array) => {
          if (Buffer.from(bytes).equals(TINY_PNG)) throw new Error('the engine fell over')
          return { source: 'ocr' as const, engine: 'tesseract.js' as const, engineVersion: '0-test', languages: 'jpn+eng' as const, text: 'ニ番目の画像' }
        },
      }
      const failures: number[] = []
      const tried = new Set<number>()
      const report = await readPendingEvidence(caseFile, { recogniser: failing }, { tried, onError: (id) => failures.push(id) })
      expect(report).toEqual({ read: 1, attachments: 0 })
      expect(failures).toEqual([first.id])
      expect(ids(caseFile, 'ニ番目')).toEqual([`evidence#${second.id}`])
      // Tried this time: not again with the same set, and without `onError` a failure is thrown.
      expect(await readPendingEvidence(caseFile, { recogniser: failing }, { tried })).toEqual({ read: 0, attachments: 0 })
      await expect(readPendingEvidence(caseFile, { recogniser: failing })).rejects.toThrow('the engine fell over')
    })
  })

  it('drops the text and the links with the evidence, and verify notices text changed behind its back', async () => {
    await withNewCase(async (caseFile) => {
      const stored = await addEvidence(caseFile, { bytes: await scamMail(), fileName: 'phish.eml' })
      caseFile.evidence.delete(stored.evidence.id)
      expect(caseFile.evidence.texts.get(stored.evidence.id)).toBeUndefined()
      expect(caseFile.evidence.texts.containers(stored.parts[0].evidence.id)).toEqual([])
      expect(ids(caseFile, 'お客様番号')).toEqual([])
      expect(caseFile.verify().ok).toBe(true)

      const pdf = stored.parts[0].evidence.id
      caseFile.db.prepare(`UPDATE evidence_text SET text = 'nothing suspicious' WHERE evidence_id = ?`).run(pdf)
      caseFile.db.exec('DELETE FROM temp.changed_rows') // as if written by another program
      const report = caseFile.verify()
      expect(report.ok).toBe(false)
      expect(report.findings).toContainEqual(expect.objectContaining({ kind: 'record_changed', record: expect.objectContaining({ table: 'evidence_text', key: String(pdf) }) }))
    })
  })
})

describe('the evidence-text migration', () => {
  it('brings a file of the schema before it up to date; its mails are read afterwards and verify stays green', async () => {
    const evidenceText = MIGRATIONS.findIndex((sql) => sql.includes('CREATE TABLE evidence_text'))
    expect(evidenceText).toBeGreaterThan(0)
    expect(SEARCH_SOURCES.map((s) => s.table)).toContain('evidence_text')
    const file = path.join(tempDir(), 'older.kiroku')
    const db = new Database(file)
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE))
    for (const sql of MIGRATIONS.slice(0, evidenceText)) db.exec(sql)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma(`user_version = ${evidenceText}`)
    db.prepare(`INSERT INTO case_info (id, title, kind, status, updated_at) VALUES (1, 'older', 'phishing', 'open', '2018-10-12T00:00:00Z')`).run()
    const mail = await scamMail()
    db.prepare(`INSERT INTO evidence (sha256, mime_type, file_name, size, added_at, data) VALUES (?, 'message/rfc822', 'old.eml', ?, '2018-10-15T00:00:00Z', ?)`).run(sha256Hex(mail), mail.length, mail)
    db.close()

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.verify().ok).toBe(true)
      expect(ids(caseFile, 'お客様番号')).toEqual([])
      expect(await readPendingEvidence(caseFile)).toEqual({ read: 1, attachments: 2 })
      expect(ids(caseFile, 'お客様番号')).toEqual(['evidence#1'])
      expect(caseFile.evidence.bytes(1).equals(mail)).toBe(true)
      expect(caseFile.verify().problems).toEqual([])
    } finally {
      caseFile.close()
    }
  })
})

describe('a mail added again, and pictures not read to the end', () => {
  it('gives a mail’s files the privacy of the mail in the case, and does not bring back an attachment deleted since', async () => {
    const mailBytes = await scamMail(await twoPagePdf())
    await withNewCase(async (caseFile) => {
      const first = await addEvidence(caseFile, { bytes: mailBytes, fileName: 'phish.eml', private: true })
      expect(first.parts.length).toBeGreaterThan(0)
      for (const part of first.parts) expect(part.evidence.private, part.evidence.fileName).toBe(true)
      const pdf = first.parts.find((p) => p.evidence.mimeType === 'application/pdf')!.evidence
      caseFile.evidence.delete(pdf.id)
      const before = caseFile.evidence.list().map((e) => e.id)
      // The same mail dropped again, this time without "private": the case keeps what it had.
      const again = await addEvidence(caseFile, { bytes: mailBytes, fileName: 'phish.eml', private: false })
      expect(again).toMatchObject({ duplicate: true, parts: [] })
      expect(caseFile.evidence.list().map((e) => e.id)).toEqual(before)
      expect(caseFile.verify().ok).toBe(true)
    })
  })

  it('stores nothing for a picture whose recognition did not finish, so the next reading takes it up', async () => {
    await withNewCase(async (caseFile) => {
      const { evidence } = await addEvidence(caseFile, { bytes: TINY_PNG, fileName: 'shot.png' })
      const recogniser = createTextRecogniser()
      const reading = readPendingEvidence(caseFile, { recogniser })
      await recogniser.close() // closed while the picture waits: not read, not stored
      expect(await reading).toEqual({ read: 0, attachments: 0 })
      expect(caseFile.evidence.texts.get(evidence.id)).toBeUndefined()
      const again = createTextRecogniser()
      try {
        expect(await readPendingEvidence(caseFile, { recogniser: again })).toEqual({ read: 1, attachments: 0 })
      } finally {
        await again.close()
      }
      expect(caseFile.evidence.texts.get(evidence.id)).toMatchObject({ source: 'ocr', text: '' })
      expect(caseFile.verify().ok).toBe(true)
    })
  })
})

describe('a private file inside a mail', () => {
  it('keeps the mail that carries it out of shared copies, dossiers and bundles, since the mail holds its bytes', async () => {
    const mailBytes = await scamMail(await twoPagePdf('Point statement', 'Zebracorn refund'))
    await withNewCase(async (caseFile, file) => {
      const mail = await addEvidence(caseFile, { bytes: mailBytes, fileName: 'phish.eml' })
      const [invoice, forwarded] = mail.parts.map((p) => p.evidence)
      caseFile.evidence.update(invoice.id, { private: true })
      const dir = path.dirname(file)

      const copyFile = path.join(dir, 'copy.kiroku')
      const summary = await shareCaseFile(caseFile, PASSPHRASE, copyFile, 'another passphrase 共有')
      expect(summary.leftOutEvidence).toBe(2)
      const copy = openCaseFile(copyFile, 'another passphrase 共有')
      try {
        // The forwarded message came in the same mail but holds nothing private: it goes.
        expect(copy.evidence.list().map((e) => e.sha256)).toEqual([forwarded.sha256])
        expect(copy.search('Zebracorn')).toEqual([])
      } finally {
        copy.close()
      }

      const dossier = await makeDossier(caseFile, { lang: 'en' })
      const bundle = path.join(dir, 'bundle.zip')
      await writeBundle(caseFile, bundle, dossier, 'en')
      const names = readZip(bundle).map((entry) => entry.name)
      expect(names.some((name) => name.includes('forwarded'))).toBe(true)
      expect(names.filter((name) => /phish|invoice/.test(name))).toEqual([])

      // Left out of a shared copy by hand, the same: the mail that holds it stays out too.
      caseFile.evidence.update(invoice.id, { private: false })
      const byHand = path.join(dir, 'by-hand.kiroku')
      expect((await shareCaseFile(caseFile, PASSPHRASE, byHand, 'another passphrase 共有', { excludeEvidenceIds: [invoice.id] })).leftOutEvidence).toBe(2)
      const handCopy = openCaseFile(byHand, 'another passphrase 共有')
      try {
        expect(handCopy.evidence.list().map((e) => e.sha256)).toEqual([forwarded.sha256])
      } finally {
        handCopy.close()
      }

      // Made public again, the mail goes with it.
      const again = await writeBundle(caseFile, path.join(dir, 'bundle-2.zip'), await makeDossier(caseFile, { lang: 'en' }), 'en')
      expect(again.files.map((f) => f.path).filter((name) => /phish|invoice/.test(name))).toHaveLength(2)
    })
  })
})
