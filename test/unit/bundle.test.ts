// Submission bundles: checked by the real `sha256sum -c`, tampering caught by
// verify-bundle, and hostile archives refused before anything is read.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { InvalidInputError, importJsonFile, makeDossier, openCaseFile, verifyBundle, writeBundle, type DossierOptions } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { pdfText } from '../helpers/pdf'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'
import { extractZip, makeZip, readZip, type ZipEntrySpec } from '../helpers/zip'

async function storyBundle(dir = tempDir(), options: DossierOptions = {}): Promise<string> {
  const file = path.join(dir, 'story.kiroku')
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  const caseFile = openCaseFile(file, PASSPHRASE)
  const out = path.join(dir, 'bundle.zip')
  try {
    await writeBundle(caseFile, out, await makeDossier(caseFile, options), 'ja')
  } finally {
    caseFile.close()
  }
  return out
}

async function refused(entries: ZipEntrySpec[], pattern: RegExp) {
  const zip = path.join(tempDir(), 'hostile.zip')
  makeZip(zip, entries)
  const error = await verifyBundle(zip).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InvalidInputError)
  expect((error as Error).message).toMatch(pattern)
}

describe('submission bundle', () => {
  it('passes sha256sum -c, and verify-bundle agrees', async () => {
    const dir = tempDir()
    const zip = await storyBundle(dir)
    const unpacked = path.join(dir, 'unpacked')
    extractZip(zip, unpacked)
    const check = execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: unpacked, encoding: 'utf8' })
    expect(check.trim().split('\n')).toHaveLength(6) // dossier, 3 evidence, README, manifest.json
    expect(check).not.toMatch(/FAILED/)
    const manifest = JSON.parse(fs.readFileSync(path.join(unpacked, 'manifest.json'), 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain('evidence/1-login-history.png')
    expect(manifest.files.find((f: { caption?: string }) => f.caption?.startsWith('Tポイント'))).toBeTruthy()
    const original = fs.readFileSync(path.join(path.dirname(STORY_JSON), 'evidence', 'login-history.png'))
    expect(fs.readFileSync(path.join(unpacked, 'evidence', '1-login-history.png')).equals(original)).toBe(true)
    // The README opens in Notepad on a Japanese Windows (UTF-8 with a BOM, CRLF) and says how to check there.
    const readme = fs.readFileSync(path.join(unpacked, 'README.txt'))
    expect([...readme.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const readmeText = readme.subarray(3).toString('utf8')
    expect(readmeText).toMatch(/sha256sum -c manifest\.sha256/)
    expect(readmeText).toContain('Get-FileHash -Algorithm SHA256')
    expect(readmeText).toContain('\r\n')
    expect(readmeText.replaceAll('\r\n', '')).not.toContain('\n')
    const report = await verifyBundle(zip)
    expect(report).toMatchObject({ ok: true, checked: 5, differ: [], missing: [], unexpected: [] })
    expect(report.auditHead?.hash).toBe(manifest.auditHead.hash)
  })

  it('carries exactly what the dossier shows: one provider\'s evidence, redacted names and captions', async () => {
    const zip = await storyBundle(tempDir(), { audience: 'provider', organization: 'Pontaサポートセンター', redact: true })
    const names = readZip(zip).map((e) => e.name)
    // Ponta's own call links no evidence; the incident event (every provider sees it) links the login screenshot.
    // T-Point's point history and its e-mail stay out.
    expect(names.filter((n) => n.startsWith('evidence/'))).toEqual(['evidence/1-login-history.png'])
    const manifest = JSON.parse(Buffer.from(readZip(zip).find((e) => e.name === 'manifest.json')!.base64!, 'base64').toString())
    expect(JSON.stringify(manifest)).not.toMatch(/point-history|suspicious-login/)
    expect((await verifyBundle(zip)).ok).toBe(true)
  })

  it('catches a changed, a missing and an added file', async () => {
    const zip = await storyBundle()
    const entries = readZip(zip)
    const tampered = entries
      .filter((e) => e.name !== 'evidence/2-point-history.txt')
      .map((e) => (e.name === 'evidence/1-login-history.png' ? { ...e, base64: Buffer.from('forged').toString('base64') } : e))
    tampered.push({ name: 'evidence/extra.png', text: 'x' })
    makeZip(zip, tampered)
    const report = await verifyBundle(zip)
    expect(report).toMatchObject({
      ok: false,
      differ: ['evidence/1-login-history.png'],
      missing: ['evidence/2-point-history.txt'],
      unexpected: ['evidence/extra.png'],
    })
  })

  it('catches a manifest rewritten without its checksum file', async () => {
    const zip = await storyBundle()
    const entries = readZip(zip).map((e) => {
      if (e.name !== 'manifest.json') return e
      const manifest = JSON.parse(Buffer.from(e.base64!, 'base64').toString())
      manifest.auditHead.hash = 'f'.repeat(64)
      return { name: e.name, text: JSON.stringify(manifest) }
    })
    makeZip(zip, entries)
    expect((await verifyBundle(zip)).differ).toEqual(['manifest.json'])
  })

  it('refuses hostile archives with a clear reason', async () => {
    await refused([{ name: '../../etc/cron.d/x', text: 'x' }], /climbs out/)
    await refused([{ name: '/etc/passwd', text: 'x' }], /absolute path/)
    await refused([{ name: 'C:/Windows/x', text: 'x' }], /absolute path/)
    await refused([{ name: 'evidence\\..\\x', text: 'x' }], /backslash/)
    await refused([{ name: 'evidence/link', text: '/etc/shadow', symlink: true }], /symbolic link/)
    await refused([{ name: 'a.txt', text: '1' }, { name: 'A.TXT', text: '2' }], /one file on macOS or Windows/)
    await refused([{ name: 'a.txt', text: '1' }, { name: 'a.txt', text: '2' }], /twice/)
    await refused([{ name: 'bomb.bin', zeros: 20 * 1024 * 1024 }], /ZIP bomb/)
    await refused([{ name: 'hello.txt', text: 'not a bundle' }], /no manifest\.json/)
    await refused([{ name: 'manifest.json', text: '{ nope' }], /not valid JSON/)
  })

  it('refuses a file that is not a ZIP, or a truncated one', async () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'x.zip'), 'just text')
    await expect(verifyBundle(path.join(dir, 'x.zip'))).rejects.toThrow(/not a readable ZIP/)
    const zip = await storyBundle(dir)
    const bytes = fs.readFileSync(zip)
    fs.writeFileSync(zip, bytes.subarray(0, Math.floor(bytes.length / 2)))
    await expect(verifyBundle(zip)).rejects.toBeInstanceOf(InvalidInputError)
  })

  it('leaves nothing behind when it cannot be written', async () => {
    const dir = tempDir()
    const zip = await storyBundle(dir)
    const caseFile = openCaseFile(path.join(dir, 'story.kiroku'), PASSPHRASE)
    await expect(writeBundle(caseFile, zip, await makeDossier(caseFile), 'en')).rejects.toThrow(/already exists/)
    caseFile.close()
    expect(fs.readdirSync(dir).sort()).toEqual(['bundle.zip', 'story.kiroku'])
  })

  it('kiroku bundle → sha256sum -c passes with the real dossier; verify-bundle exits 0, 4 when tampered, 3 when unsafe', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'story.kiroku')
    await importJsonFile(file, PASSPHRASE, STORY_JSON)
    const zip = path.join(dir, 'for-police.zip')
    const made = kiroku(['bundle', file, zip, '--lang', 'en'], { env: { KIROKU_PASSPHRASE: PASSPHRASE } })
    expect(made.status).toBe(0)
    expect(made.stdout).toMatch(/NOT encrypted/)
    const unpacked = path.join(dir, 'unpacked')
    extractZip(zip, unpacked)
    execFileSync('sha256sum', ['--quiet', '-c', 'manifest.sha256'], { cwd: unpacked })
    const text = pdfText(path.join(unpacked, 'dossier.pdf'))
    expect(text).toContain('TP-20181017-0042')
    expect(kiroku(['verify-bundle', zip]).status).toBe(0)

    makeZip(zip, readZip(zip).map((e) => (e.name === 'dossier.pdf' ? { name: e.name, text: '%PDF-forged' } : e)))
    const tampered = kiroku(['verify-bundle', zip])
    expect(tampered.status).toBe(4)
    expect(tampered.stdout).toMatch(/changed: dossier\.pdf/)
    makeZip(zip, [{ name: '../evil.sh', text: 'rm -rf ~' }])
    const hostile = kiroku(['verify-bundle', zip])
    expect(hostile.status).toBe(3)
    expect(hostile.stderr).toMatch(/climbs out/)
  })
})
