// --redact masks phone numbers and e-mail addresses in every text a dossier
// prints, not only the fields that hold them: a case with one planted in each
// free-text field goes through the real `kiroku dossier`, and pdf.js must
// find none of them whole (only the last 4 characters), while the dossier
// without --redact still shows every one (so each field is really printed).
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { redactText } from '../../electron/main/core'
import { redactReference } from '../../electron/main/core/dossier/redact'
import { kiroku } from '../helpers/cli'
import { pdfText, renderPages, squeeze } from '../helpers/pdf'
import { writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }

/** A phone number and an e-mail address of their own for each field, so a leak names its field. */
const FIELDS = [
  'case.title',
  'case.summary',
  'victim.name',
  'victim.address',
  'victim.phone',
  'victim.email',
  'organization.name',
  'organization.phone',
  'organization.email',
  'organization.url',
  'organization.notes',
  'event.title',
  'event.body',
  'event.representative',
  'reference.label',
  'reference.value',
  'loss.description',
  'loss.unit',
  'task.title',
  'evidence.caption',
  'evidence.fileName',
] as const
type Field = (typeof FIELDS)[number]

const phone = (field: Field) => `090-7${String(FIELDS.indexOf(field)).padStart(3, '0')}-${4100 + FIELDS.indexOf(field)}`
const email = (field: Field) => `m${FIELDS.indexOf(field)}@ex.jp`
const both = (field: Field) => `${phone(field)} ${email(field)}`

/** The reference story with a phone number and an e-mail address in every free-text field a dossier prints. */
function plantedCase(dir: string): string {
  const json = writeStoryCopy(path.join(dir, 'doc'), (doc) => {
    doc.case.title = `乗っ取り ${both('case.title')}`
    doc.case.summary = `犯人から ${both('case.summary')} に連絡があった。`
    doc.case.victim = {
      name: `山田花子 ${both('victim.name')}`,
      address: `東京都千代田区 ${both('victim.address')}`,
      phone: phone('victim.phone'),
      email: email('victim.email'),
    }
    doc.organizations.push({
      id: 'planted',
      name: `窓口 ${both('organization.name')}`,
      role: 'other',
      phone: phone('organization.phone'),
      email: email('organization.email'),
      url: `tel:${phone('organization.url')} mailto:${email('organization.url')}`,
      notes: `折り返し ${both('organization.notes')}`,
    })
    doc.events.push({
      id: 'planted-call',
      occurredAt: '2018-10-29T10:00:00+09:00',
      kind: 'contact',
      title: `電話 ${both('event.title')}`,
      body: `担当から ${both('event.body')} に連絡するよう言われた。`,
      representative: `田中 ${both('event.representative')}`,
      organizationId: 'planted',
      channel: 'phone',
    })
    doc.references.push({ organizationId: 'planted', label: `窓口 ${both('reference.label')}`, value: `${both('reference.value')}`, eventId: 'planted-call' })
    doc.losses.push({ description: `振込 ${both('loss.description')}`, amount: 30000, unit: `円 ${both('loss.unit')}`, organizationId: 'planted' })
    doc.tasks.push({ title: `折り返す ${both('task.title')}`, organizationId: 'planted', eventId: 'planted-call' })
    doc.evidence[0].caption = `画面 ${both('evidence.caption')}`
    doc.evidence[0].fileName = `${phone('evidence.fileName')}_${email('evidence.fileName')}.png`
  })
  const file = path.join(dir, 'planted.kiroku')
  const imported = kiroku(['import-json', file, json], { env })
  expect(imported.status, imported.stderr).toBe(0)
  return file
}

function dossierText(file: string, out: string, args: string[]): string {
  const made = kiroku(['dossier', file, out, ...args], { env })
  expect(made.status, made.stderr).toBe(0)
  return squeeze(pdfText(out))
}

describe('kiroku dossier --redact', () => {
  it('masks the phone number and e-mail address in every free-text field; without --redact each is printed whole', () => {
    const dir = tempDir()
    const file = plantedCase(dir)
    for (const [name, args] of [
      ['police', []],
      ['provider', ['--audience', 'provider', '--organization', `窓口 ${both('organization.name')}`]],
      ['police-en', ['--lang', 'en']],
    ] as const) {
      const plain = dossierText(file, path.join(dir, `${name}.pdf`), [...args])
      const redacted = dossierText(file, path.join(dir, `${name}-redacted.pdf`), [...args, '--redact'])
      for (const field of FIELDS) {
        // The provider dossier leaves out the story's other providers, not the planted one or the case.
        const values = field === 'victim.phone' ? [phone(field)] : field === 'victim.email' || field === 'organization.email' ? [email(field)] : field === 'organization.phone' ? [phone(field)] : [phone(field), email(field)]
        for (const value of values) {
          expect(plain, `${name}: ${field} is printed`).toContain(squeeze(value))
          expect(redacted, `${name}: ${field} is masked`).not.toContain(squeeze(value))
          // What a recipient can still tell apart: the last 4 characters (the address and the
          // file name, where the e-mail runs on into ".png", are masked as a whole).
          if (field !== 'victim.address' && field !== 'evidence.fileName') expect(redacted, `${name}: ${field} keeps its last 4 characters`).toContain(`*${value.slice(-4)}`)
        }
      }
      // Reference numbers that are not phone numbers stay whole: they are how the recipient finds the case.
      if (name !== 'provider') expect(redacted).toContain('TP-20181017-0042')
      renderPages(path.join(dir, `${name}-redacted.pdf`), `redact-all-fields-${name}`)
    }
  })
})

describe('redactText finds numbers as people type them', () => {
  const masked = (text: string) => redactText(text)
  it('full-width digits and @, and long vowel marks typed as dashes', () => {
    expect(masked('０９０－１２３４－５６７８ に電話')).toBe('*********５６７８ に電話')
    expect(masked('ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('*************ｅ．ｊｐ')
    expect(masked('090ー1234ー5678')).toBe('*********5678')
    // A katakana word before a number is not a dash.
    expect(masked('センター0120-123-456')).toBe('センター********-456')
  })

  it('after "Tel." and "_", and two numbers in a row', () => {
    expect(masked('Tel.03-1234-5678')).toBe('Tel.********5678')
    expect(masked('screenshot_09012345678.png')).toBe('screenshot_*******5678.png')
    expect(masked('03-1234-5678 090-8765-4321')).toBe('********5678 *********4321')
    expect(masked('+81 3 1234 5678 03-1111-2222')).toBe('*** * **** 5678 ********2222')
  })

  it('a short reference number cannot split a phone number in two and let it through', () => {
    expect(redactText('電話 090-1234-5678 の 1234', [], ['1234'])).toBe('電話 *********5678 の 1234')
    // A reference number in the text is not taken for an account number.
    expect(redactText('受付番号 20181017004 です', [], ['20181017004'])).toBe('受付番号 20181017004 です')
    expect(redactText('口座 20181017004 です')).toBe('口座 *******7004 です')
  })

  it('a reference value keeps its number and loses only a phone number or an e-mail address', () => {
    expect(redactReference('20181017004')).toBe('20181017004')
    expect(redactReference('TP-20181017-0042')).toBe('TP-20181017-0042')
    expect(redactReference('0120-123-456')).toBe('********-456')
    expect(redactReference('hanako@example.jp')).toBe('*************e.jp')
  })
})
