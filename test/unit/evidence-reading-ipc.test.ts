// Evidence read through the app's router (#14): a screenshot, a multipart
// ISO-2022-JP mail with a PDF attached, and a two-page PDF added as the page
// adds them. Mails and PDFs are read in the same request; the picture comes
// back at once and is recognised in the background, after which a number that
// exists only in the picture, a word only in the mail's body and one only on
// the PDF's second page are found by `search`, and `evidence:text` shows what
// was read (machine-read, with its engine) and which piece came in which. The
// originals come back byte for byte. Closing the case while a picture is read
// writes nothing; the picture is read when the case is opened again.
import crypto from 'node:crypto'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCaseFile, openCaseFile } from '../../electron/main/core'
import { CaseSession } from '../../electron/main/ipc/handlers'
import { testRouter } from '../helpers/ipc'
import { INNER_BODY, scamMail, twoPagePdf } from '../helpers/japanese-mail'
import { screenshot } from '../helpers/screenshot'
import { PASSPHRASE, tempDir } from '../helpers/temp'

/** A points history page holding a number made up for this run. */
const pointsHistory = (number: string) => screenshot(['ポイント利用履歴', `2026/11/03 コンビニ 利用番号 ${number}`])

async function openNewCase(session: CaseSession) {
  const dir = tempDir()
  const file = path.join(dir, 'case.kiroku')
  await createCaseFile(file, PASSPHRASE, { title: 'ポイント不正利用', kind: 'points_theft', status: 'open', summary: '', victim: {} })
  const router = testRouter(dir, {}, {}, {}, session)
  await router.choose('open', file)
  expect(await router.call('case:open', { path: file, passphrase: PASSPHRASE })).toMatchObject({ ok: true })
  /** The value of a call that must succeed. */
  const ask = async (channel: string, input?: unknown): Promise<any> => {
    const result = await router.call(channel, input)
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
    return result.value
  }
  return { ...router, ask, file }
}

type Ask = (channel: string, input?: unknown) => Promise<any>

const add = (ask: Ask, bytes: Uint8Array, fileName: string) =>
  ask('evidence:add', { fileName, base64: Buffer.from(bytes).toString('base64'), capturedAt: '2026-11-03' })

const hits = async (ask: Ask, query: string) =>
  ((await ask('search', { query })) as Array<{ entity: string; id: number }>).filter((h) => h.entity === 'evidence').map((h) => h.id)

describe('evidence read through the router', () => {
  it('reads mails and PDFs at once, pictures in the background, and finds a word only in each', async () => {
    const session = new CaseSession()
    const { ask } = await openNewCase(session)
    try {
      const number = String(crypto.randomInt(10_000_000, 99_999_999))
      const picture = pointsHistory(number)
      const statement = await twoPagePdf('Point statement', 'Okapi adjustment')
      const mailBytes = await scamMail(await twoPagePdf('Invoice', 'Zebracorn refund'))

      const shot = await add(ask, picture, 'history.png')
      expect(shot).toMatchObject({ duplicate: false })
      // Returned before the picture is read: it waits, and the reading is under way.
      expect((await ask('evidence:reading'))).toMatchObject({ waiting: 1, reading: true })
      const mail = await add(ask, mailBytes, 'phish.eml')
      const pdf = await add(ask, statement, 'statement.pdf')
      await session.readingIdle()
      expect((await ask('evidence:reading'))).toEqual({ waiting: 0, read: 1, reading: false })

      const pictureId = shot.evidence.id
      expect(await hits(ask, number)).toEqual([pictureId])
      expect(await hits(ask, INNER_BODY.slice(0, 6))).toHaveLength(1) // in the attached message's body
      expect(await hits(ask, 'Okapi')).toEqual([pdf.evidence.id])

      const pictureText = (await ask('evidence:text', { id: pictureId }))
      expect(pictureText.reading).toMatchObject({ source: 'ocr', engine: 'tesseract.js', languages: ['jpn', 'eng'], originalSha256: shot.evidence.sha256 })
      expect(pictureText.pages.join('').replace(/\s+/g, '')).toContain(number)

      const mailText = (await ask('evidence:text', { id: mail.evidence.id }))
      expect(mailText.mail).toMatchObject({ subject: expect.stringContaining('アカウント確認') })
      expect(mailText.mail).not.toHaveProperty('attachments')
      expect(mailText.parts.map((p: { fileName: string }) => p.fileName)).toEqual(['invoice.pdf', 'forwarded.eml'])
      const attachment = (await ask('evidence:text', { id: mailText.parts[0].id }))
      expect(attachment.containers.map((c: { id: number }) => c.id)).toEqual([mail.evidence.id])

      const pdfText = (await ask('evidence:text', { id: pdf.evidence.id }))
      expect(pdfText.pages).toHaveLength(2)
      expect(pdfText.pages[1]).toContain('Okapi adjustment')

      for (const [piece, bytes] of [[shot, picture], [mail, mailBytes], [pdf, statement]] as const) {
        const content = (await ask('evidence:content', { id: piece.evidence.id }))
        expect(Buffer.from(content.base64, 'base64').equals(Buffer.from(bytes))).toBe(true)
      }
    } finally {
      await ask('case:close')
    }
  })

  it('writes nothing once the case closes under a picture being read, and reads it when the case opens again', async () => {
    const session = new CaseSession()
    const { ask, file, logged } = await openNewCase(session)
    const number = String(crypto.randomInt(10_000_000, 99_999_999))
    const shot = await add(ask, pointsHistory(number), 'history.png')
    expect((await ask('evidence:reading'))).toMatchObject({ waiting: 1, reading: true })
    expect(await ask('case:close')).toBeUndefined()
    await session.readingIdle()

    await ask('case:open', { path: file, passphrase: PASSPHRASE })
    // Nothing was stored for it by the reading that was cut short: it waits again, and is read now.
    expect((await ask('evidence:text', { id: shot.evidence.id })).reading).toBeUndefined()
    await session.readingIdle()
    expect(await hits(ask, number)).toEqual([shot.evidence.id])
    expect(logged).toEqual([])
    await ask('case:close')
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      expect(caseFile.verify()).toMatchObject({ ok: true })
    } finally {
      caseFile.close()
    }
  })
})
