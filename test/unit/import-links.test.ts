// An interchange document that someone else prepared (a folder unpacked
// from an archive) tries to pull the user's own files into the case, from
// where they would travel on in an unencrypted bundle: by a symbolic link in
// its evidence folder, by a linked evidence folder, or by changing a file
// between the check and the write. Run through the real `kiroku` command
// (and the core, for the race).
import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCaseFile, parseDocumentText, validateDocument, writeImportedDocument } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }
const SECRET = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA the user own key\n'
const sha256 = (bytes: string | Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')

/** The story exported as DOC.json + DOC-evidence/, and a secret of the user's outside that folder. */
function exportedStory(): { dir: string; json: string; evidenceDir: string; secret: string; doc: any } {
  const dir = tempDir()
  const file = path.join(dir, 'story.kiroku')
  expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
  const json = path.join(dir, 'DOC.json')
  expect(kiroku(['export-json', file, json], { env }).status).toBe(0)
  const secret = path.join(dir, 'id_ed25519')
  fs.writeFileSync(secret, SECRET)
  return { dir, json, evidenceDir: path.join(dir, 'DOC-evidence'), secret, doc: JSON.parse(fs.readFileSync(json, 'utf8')) }
}

/** Imports and expects a refusal (exit 3) naming `jsonPath`, with nothing written beside the document. */
function expectRefused(dir: string, json: string, jsonPath: string, message: RegExp): void {
  const before = fs.readdirSync(dir).sort()
  const target = path.join(dir, 'imported.kiroku')
  const result = kiroku(['import-json', target, json], { env })
  expect(result.status).toBe(3)
  expect(result.stderr).toContain(`${jsonPath}: `)
  expect(result.stderr).toMatch(message)
  expect(fs.existsSync(target)).toBe(false)
  expect(fs.readdirSync(dir).sort()).toEqual(before)
}

describe('import-json and links in the evidence folder', () => {
  it('refuses an evidence file that is a symbolic link to a file elsewhere, even with the matching sha256', () => {
    const { dir, json, evidenceDir, secret, doc } = exportedStory()
    const item = doc.evidence.findIndex((e: any) => e.fileName === 'point-history.txt')
    const linked = path.join(dir, doc.evidence[item].file)
    fs.rmSync(linked)
    fs.symlinkSync(secret, linked)
    doc.evidence[item].sha256 = sha256(SECRET) // the attacker knows what they point at
    fs.writeFileSync(json, JSON.stringify(doc))
    expect(fs.readdirSync(evidenceDir)).toContain(path.basename(linked))
    expectRefused(dir, json, `$.evidence[${item}].file`, /is a symbolic link/)
  })

  it('refuses a link by a relative path that stays inside the folder, and a link to a folder on the way', () => {
    const { dir, json, evidenceDir, doc } = exportedStory()
    // Even a link to a sibling inside the folder: what it points at can be changed after the check.
    const item = doc.evidence.findIndex((e: any) => e.fileName === 'point-history.txt')
    const linked = path.join(dir, doc.evidence[item].file)
    fs.renameSync(linked, `${linked}.real`)
    fs.symlinkSync(path.basename(`${linked}.real`), linked)
    fs.writeFileSync(json, JSON.stringify(doc))
    expectRefused(dir, json, `$.evidence[${item}].file`, /is a symbolic link/)

    // The evidence folder itself a link to a folder of the user's holding files of the same names.
    const elsewhere = path.join(tempDir(), 'Documents')
    fs.cpSync(evidenceDir, elsewhere, { recursive: true, dereference: true })
    fs.rmSync(evidenceDir, { recursive: true })
    fs.symlinkSync(elsewhere, evidenceDir)
    expectRefused(dir, json, '$.evidence[0].file', /DOC-evidence is a symbolic link/)
  })

  it('refuses a FIFO named like a screenshot without waiting on it', () => {
    const { dir, json, doc } = exportedStory()
    const item = doc.evidence.findIndex((e: any) => e.fileName === 'login-history.png')
    const file = path.join(dir, doc.evidence[item].file)
    fs.rmSync(file)
    execFileSync('mkfifo', [file])
    expectRefused(dir, json, `$.evidence[${item}].file`, /is not a regular file/)
  })

  it('a file replaced between the check and the write does not get in: the import stops, nothing written', async () => {
    const { dir, json, doc } = exportedStory()
    const item = doc.evidence.findIndex((e: any) => e.fileName === 'point-history.txt')
    const file = path.join(dir, doc.evidence[item].file)
    const validated = validateDocument(parseDocumentText(fs.readFileSync(json, 'utf8')), dir)
    // Between the check and the write, the file becomes the secret.
    fs.rmSync(file)
    fs.writeFileSync(file, SECRET)
    const target = path.join(dir, 'raced.kiroku')
    const write = createCaseFile(target, PASSPHRASE, validated.doc.case, { fill: (caseFile) => writeImportedDocument(caseFile, validated, 'DOC.json') })
    await expect(write).rejects.toThrow(/changed while it was being imported/)
    expect(fs.existsSync(target)).toBe(false)
    expect(fs.readdirSync(dir).filter((name) => name.includes('raced'))).toEqual([])
  })

  it('still imports a plain export, and a document reached through a linked folder', () => {
    const { dir, json } = exportedStory()
    expect(kiroku(['import-json', path.join(dir, 'again.kiroku'), json], { env }).status).toBe(0)
    // The link is above the document's folder (like /tmp on macOS): its own evidence is still inside.
    const alias = path.join(tempDir(), 'alias')
    fs.symlinkSync(dir, alias)
    const result = kiroku(['import-json', path.join(dir, 'via-alias.kiroku'), path.join(alias, 'DOC.json')], { env })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
