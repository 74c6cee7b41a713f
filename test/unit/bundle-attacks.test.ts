// Attacks on a submission bundle, each done on a real ZIP: a bundle forged
// whole (files, manifest.json and manifest.sha256 rewritten together), a
// manifest that names one file 100,000 times, names that differ between
// readers (Info-ZIP Unicode Path fields, local headers), and names that are
// one file on macOS or Windows (NFC/NFD, case). Each must be caught.
import { execFileSync, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_BUNDLE_LIMITS,
  InvalidInputError,
  KirokuError,
  importJsonFile,
  makeDossier,
  openCaseFile,
  verifyBundle,
  verifyBundleAgainstCase,
  writeBundle,
} from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { STORY_JSON } from '../helpers/story'
import { PASSPHRASE, TINY_PNG, tempDir } from '../helpers/temp'
import { extractZip, makeZip, readZip, type ZipEntrySpec } from '../helpers/zip'

/** A PNG the case does not hold (the story's screenshot is TINY_PNG itself). */
const FORGED_PNG = Buffer.concat([TINY_PNG, Buffer.from('forged')])
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
const bytesOf = (entry: ZipEntrySpec) => (entry.base64 !== undefined ? Buffer.from(entry.base64, 'base64') : Buffer.from(entry.text ?? ''))

/** The story case and its bundle, with a data folder of the test's own. */
async function storyBundle(lang: 'ja' | 'en' = 'ja') {
  const dir = tempDir()
  const file = path.join(dir, 'story.kiroku')
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  const zip = path.join(dir, 'bundle.zip')
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    await writeBundle(caseFile, zip, await makeDossier(caseFile), lang)
  } finally {
    caseFile.close()
  }
  const env = { KIROKU_PASSPHRASE: PASSPHRASE, KIROKU_DATA_DIR: path.join(dir, 'data') }
  return { dir, file, zip, env, entries: readZip(zip) }
}

/**
 * What a forger does after changing files: manifest.json and manifest.sha256
 * rewritten to agree with them (every other entry listed, with its own size and hash).
 */
function reseal(entries: ZipEntrySpec[]): ZipEntrySpec[] {
  const manifestEntry = entries.find((e) => e.name === 'manifest.json')!
  const manifest = JSON.parse(bytesOf(manifestEntry).toString())
  const listed = new Map(manifest.files.map((f: { path: string }) => [f.path, f]))
  manifest.files = entries
    .filter((e) => e.name !== 'manifest.json' && e.name !== 'manifest.sha256')
    .map((e) => ({ ...(listed.get(e.name) ?? {}), path: e.name, size: bytesOf(e).length, sha256: sha256(bytesOf(e)) }))
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`
  const lines = [...manifest.files, { path: 'manifest.json', sha256: sha256(Buffer.from(manifestText)) }]
  const checksums = lines.map((f: { path: string; sha256: string }) => `${f.sha256}  ${f.path}\n`).join('')
  return entries.map((e) => (e.name === 'manifest.json' ? { name: e.name, text: manifestText } : e.name === 'manifest.sha256' ? { name: e.name, text: checksums } : e))
}

const evidenceNames = (entries: ZipEntrySpec[]) => entries.map((e) => e.name).filter((n) => n.startsWith('evidence/'))

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(Error)
  return error as Error
}

/** An Info-ZIP Unicode Path extra field (0x7075) for an entry whose header name is `header`. */
function unicodePath(header: string, name: string, { crc = zlib.crc32(Buffer.from(header)) } = {}): string {
  const data = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from(name)])
  data.writeUInt32LE(crc >>> 0, 1)
  const field = Buffer.alloc(4)
  field.writeUInt16LE(0x7075, 0)
  field.writeUInt16LE(data.length, 2)
  return Buffer.concat([field, data]).toString('base64')
}

/** What `unzip` (Info-ZIP) makes of a ZIP: every file it writes, by path, with its bytes. */
function unzipped(zip: string): { files: Map<string, Buffer>; stderr: string } {
  const out = path.join(tempDir(), 'unzipped')
  const run = spawnSync('unzip', ['-o', zip, '-d', out], { encoding: 'utf8' })
  expect(run.error).toBeUndefined() // unzip is installed (.ci/run)
  const files = new Map<string, Buffer>()
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) walk(full)
      else files.set(path.relative(out, full).split(path.sep).join('/'), fs.readFileSync(full))
    }
  }
  walk(out)
  return { files, stderr: run.stderr }
}

describe('a bundle forged whole: only the case file can tell', () => {
  it('files, manifest.json and manifest.sha256 rewritten together pass sha256sum -c and verify-bundle, and fail --against naming the file', async () => {
    const { dir, file, zip, env, entries } = await storyBundle()
    const forgedName = evidenceNames(entries).find((n) => n.endsWith('.png'))!
    makeZip(zip, reseal(entries.map((e) => (e.name === forgedName ? { name: e.name, base64: FORGED_PNG.toString('base64') } : e))))

    // The attack works on everything inside the ZIP: the recipient's own check says OK.
    const unpacked = path.join(dir, 'unpacked')
    extractZip(zip, unpacked)
    execFileSync('sha256sum', ['--quiet', '-c', 'manifest.sha256'], { cwd: unpacked })
    const alone = kiroku(['verify-bundle', zip], { env })
    expect(alone.status).toBe(0)
    expect(alone.stdout).toMatch(/a bundle rewritten whole, manifest included, would pass too/)

    const against = kiroku(['verify-bundle', zip, '--against', file], { env })
    expect(against.status).toBe(4)
    expect(against.stdout).toContain(`not the case's evidence: ${forgedName} is not evidence #1 (login-history.png) of the case`)
    expect(against.stdout).toMatch(/Checked against the manifest only \(made from the case, not kept in it\): dossier\.pdf, README\.txt/)
    expect(against.stderr).toMatch(/does not match .*story\.kiroku/)
  })

  it('the genuine bundle passes --against; a wrong passphrase exits 2; --json gives both reports', async () => {
    const { file, zip, env } = await storyBundle()
    const ok = kiroku(['verify-bundle', zip, '--against', file], { env })
    expect(ok.status).toBe(0)
    expect(ok.stdout).toContain('OK: all 5 files match the manifest')
    expect(ok.stdout).toContain('OK: the 3 evidence files are the evidence of story.kiroku, byte for byte, and the case file passes verify')
    expect(ok.stdout).toContain('That hash is in the audit log of story.kiroku.')
    const json = JSON.parse(kiroku(['verify-bundle', zip, '--against', file, '--json'], { env }).stdout)
    expect(json).toMatchObject({ ok: true, bundle: { ok: true, checked: 5 }, against: { ok: true, matched: 3, differ: [], missing: [], caseProblems: [] } })
    const wrong = kiroku(['verify-bundle', zip, '--against', file], { env: { ...env, KIROKU_PASSPHRASE: 'not the passphrase' } })
    expect(wrong.status).toBe(2)
  })

  it('evidence swapped between two names, both resealed: --against says whose bytes each holds', async () => {
    const { file, zip, entries } = await storyBundle()
    const [first, , third] = evidenceNames(entries)
    const bytes = new Map(entries.map((e) => [e.name, e.base64]))
    makeZip(zip, reseal(entries.map((e) => (e.name === first ? { ...e, base64: bytes.get(third) } : e.name === third ? { ...e, base64: bytes.get(first) } : e))))
    expect((await verifyBundle(zip)).ok).toBe(true)
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const { ok, against } = await verifyBundleAgainstCase(zip, caseFile)
      expect(ok).toBe(false)
      expect(against.differ.map((d) => d.path)).toEqual([first, third])
      expect(against.differ[0].problem).toMatch(/^holds the bytes of evidence #3 \(.*\), not evidence #1 \(login-history\.png\)$/)
      expect(against.missing).toEqual([])
    } finally {
      caseFile.close()
    }
  })

  it('evidence the manifest lists but the ZIP lacks is missing; private or unlisted evidence is not', async () => {
    const { dir, file, zip, entries } = await storyBundle()
    const second = evidenceNames(entries)[1]
    makeZip(zip, entries.filter((e) => e.name !== second))
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const { bundle, against } = await verifyBundleAgainstCase(zip, caseFile)
      expect(bundle.missing).toEqual([second])
      expect(against.missing).toEqual([{ id: 2, fileName: 'point-history.txt' }])

      // Dropped and unlisted (a forger's resealed copy, or a bundle for one provider): the manifest no longer claims it.
      makeZip(zip, reseal(entries.filter((e) => e.name !== second)))
      expect((await verifyBundleAgainstCase(zip, caseFile)).ok).toBe(true)

      // Private evidence never goes into a bundle, and a bundle without it matches the case.
      caseFile.evidence.update(2, { private: true })
      const privateZip = path.join(dir, 'without-private.zip')
      await writeBundle(caseFile, privateZip, await makeDossier(caseFile), 'en')
      expect(evidenceNames(readZip(privateZip))).toHaveLength(2)
      const result = await verifyBundleAgainstCase(privateZip, caseFile)
      expect(result).toMatchObject({ ok: true, against: { matched: 2, missing: [] } })
    } finally {
      caseFile.close()
    }
  })

  it('a case file changed outside Kiroku fails --against with what verify finds', async () => {
    const { file, zip, env } = await storyBundle()
    const db = new Database(file, { fileMustExist: true })
    db.pragma(`cipher = 'sqlcipher'`)
    db.pragma('legacy = 4')
    db.key(Buffer.from(PASSPHRASE, 'utf8'))
    const id = db.prepare('SELECT id FROM events ORDER BY id LIMIT 1').pluck().get() as number
    db.prepare('UPDATE events SET title = ? WHERE id = ?').run('何も起きなかった', id)
    db.close()
    const result = kiroku(['verify-bundle', zip, '--against', file], { env })
    expect(result.status).toBe(4)
    expect(result.stdout).toContain(`case file: event ${id} “何も起きなかった” differs from what Kiroku wrote`)
  })

  it('the README says what the manifest shows and what it cannot, in both languages', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const { entries } = await storyBundle(lang)
      const readme = bytesOf(entries.find((e) => e.name === 'README.txt')!).toString()
      expect(readme).not.toMatch(/unchanged since|作成時から変わっていません/)
      expect(readme).toContain('--against')
      if (lang === 'en') {
        expect(readme).toContain('by accident or by someone who did not also rewrite manifest.json and manifest.sha256')
        expect(readme).toContain('What it cannot show: a bundle rewritten as a whole, manifest included.')
        expect(readme).toContain('The stronger proof is the case file itself, or a check against it')
      } else {
        expect(readme).toContain('分かること：作成後にファイルが変わったこと（偶発的な破損、または manifest.json と manifest.sha256 はそのままでの書き換え）。')
        expect(readme).toContain('分からないこと：manifest.json と manifest.sha256 も含めて、一式すべてを作り直された場合。')
        expect(readme).toContain('より確かなのは、元の記録ファイルそのもの、または記録ファイルとの照合です。')
        expect(readme).not.toMatch(/監査チェーンの先頭/) // 最新のハッシュ値 (japanese-terms.md)
      }
    }
  })
})

describe('a manifest that makes verify-bundle hash one file over and over', () => {
  // 8,000 listings keep manifest.json under 1 MB, below the bomb check; before the fix they meant 8 GB of hashing
  // (and a 200:1 entry of 200 MB listed so would mean hours).
  it('a 1 MB file listed 8,000 times is refused (exit 4) with a clear message', async () => {
    const { zip, env, entries } = await storyBundle()
    const noise = crypto.randomBytes(1024 * 1024) // incompressible: no bomb check stops it
    const listed = { path: 'evidence/9-noise.bin', size: noise.length, sha256: sha256(noise) }
    const sealed = reseal([...entries, { name: 'evidence/9-noise.bin', base64: noise.toString('base64') }])
    const manifest = JSON.parse(bytesOf(sealed.find((e) => e.name === 'manifest.json')!).toString())
    manifest.files = [...manifest.files, ...Array(7_999).fill(listed)]
    expect(JSON.stringify(manifest).length).toBeLessThan(1024 * 1024)
    makeZip(zip, sealed.map((e) => (e.name === 'manifest.json' ? { name: e.name, text: JSON.stringify(manifest) } : e)))
    expect(fs.statSync(zip).size).toBeLessThan(1.5 * 1024 * 1024)

    const error = await failure(verifyBundle(zip))
    expect(error).toBeInstanceOf(KirokuError)
    expect((error as KirokuError).code).toBe('verification_failed')
    const cli = kiroku(['verify-bundle', zip], { env })
    expect(cli.status).toBe(4)
    expect(cli.stderr).toContain('manifest.json lists "evidence/9-noise.bin" more than once: Kiroku never writes such a manifest')
  })

  it('hashes each entry once: the bytes hashed are the sum of the entries, and a lower cap refuses the archive', async () => {
    const { zip, entries } = await storyBundle()
    const total = entries.reduce((sum, e) => sum + bytesOf(e).length, 0)
    expect((await verifyBundle(zip)).hashedBytes).toBe(total)
    const error = await failure(verifyBundle(zip, { ...DEFAULT_BUNDLE_LIMITS, maxTotalBytes: total - 1 }))
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.message).toMatch(/unpacks to more than a bundle ever holds/)
  })

  it('manifest.sha256 must list what manifest.json lists: a line left out is reported', async () => {
    const { zip, entries } = await storyBundle()
    const dossierLine = /^[0-9a-f]{64} {2}dossier\.pdf\n/m
    makeZip(zip, entries.map((e) => (e.name === 'manifest.sha256' ? { name: e.name, text: bytesOf(e).toString().replace(dossierLine, '') } : e)))
    expect(await verifyBundle(zip)).toMatchObject({ ok: false, differ: ['manifest.sha256'], missing: [], unexpected: [] })
  })
})

describe('one entry, two names: the Info-ZIP Unicode Path field and the local header', () => {
  it('two evidence files swapped by their Unicode Path fields: unzip extracts them swapped, verify-bundle refuses (exit 3)', async () => {
    const { zip, env, entries } = await storyBundle()
    const [first, , third] = evidenceNames(entries)
    const swapped = { [first]: third, [third]: first }
    makeZip(zip, entries.map((e) => (swapped[e.name] ? { ...e, extra: unicodePath(e.name, swapped[e.name]) } : e)))

    // The attack is real: Info-ZIP unzip names each file by its field, so the PNG's name now holds the e-mail.
    const { files } = unzipped(zip)
    expect(files.get(first)!.equals(bytesOf(entries.find((e) => e.name === third)!))).toBe(true)

    const result = kiroku(['verify-bundle', zip], { env })
    expect(result.status).toBe(3)
    expect(result.stderr).toContain(`two names: Info-ZIP unzip extracts it as "${third}", other tools as "${first}"`)
  })

  it('a Unicode Path field whose CRC does not match: unzip keeps the header name, verify-bundle refuses since other tools take the field', async () => {
    const { zip, entries } = await storyBundle()
    const [first, second] = evidenceNames(entries)
    makeZip(zip, entries.map((e) => (e.name === first ? { ...e, extra: unicodePath(e.name, second, { crc: 1234 }) } : e)))
    const { files, stderr } = unzipped(zip)
    expect(stderr).toMatch(/Unicode Path checksum invalid/)
    expect(files.has(first)).toBe(true)
    const error = await failure(verifyBundle(zip))
    expect(error).toBeInstanceOf(InvalidInputError)
    expect(error.message).toContain(`two names: Info-ZIP unzip extracts it as "${first}", other tools as "${second}"`)
  })

  it('Unicode Path fields that agree with their names are accepted', async () => {
    const { zip, entries } = await storyBundle()
    makeZip(zip, entries.map((e) => ({ ...e, extra: unicodePath(e.name, e.name) })))
    expect((await verifyBundle(zip)).ok).toBe(true)
  })

  it('a field that cannot be read, two fields, or a non-ASCII name without the UTF-8 flag are refused', async () => {
    const { zip, entries } = await storyBundle()
    const [first] = evidenceNames(entries)
    const broken = Buffer.from(unicodePath(first, first), 'base64')
    broken[4] = 2 // version 2: unzip refuses to read it, yauzl ignores it
    makeZip(zip, entries.map((e) => (e.name === first ? { ...e, extra: broken.toString('base64') } : e)))
    expect((await failure(verifyBundle(zip))).message).toMatch(/Unicode Path field .* that cannot be read/)
    const twice = Buffer.concat([Buffer.from(unicodePath(first, first), 'base64'), Buffer.from(unicodePath(first, first), 'base64')])
    makeZip(zip, entries.map((e) => (e.name === first ? { ...e, extra: twice.toString('base64') } : e)))
    expect((await failure(verifyBundle(zip))).message).toMatch(/two Unicode Path fields/)

    // Python sets the UTF-8 flag for any non-ASCII name; clear it in both headers, as an old Windows tool would write it.
    makeZip(zip, [...entries, { name: 'evidence/4-ログイン.png', base64: TINY_PNG.toString('base64') }])
    const raw = fs.readFileSync(zip)
    const name = Buffer.from('evidence/4-ログイン.png')
    const local = raw.indexOf(name) - 30
    const central = raw.lastIndexOf(name) - 46
    expect([raw.readUInt32LE(local), raw.readUInt32LE(central)]).toEqual([0x04034b50, 0x02014b50])
    raw.writeUInt16LE(raw.readUInt16LE(local + 6) & ~0x800, local + 6)
    raw.writeUInt16LE(raw.readUInt16LE(central + 8) & ~0x800, central + 8)
    fs.writeFileSync(zip, raw)
    expect((await failure(verifyBundle(zip))).message).toMatch(/without the UTF-8 flag/)
  })

  it('a local header that names the entry otherwise is refused (streaming readers use it)', async () => {
    const { zip, entries } = await storyBundle()
    const [first] = evidenceNames(entries)
    makeZip(zip, entries)
    const raw = fs.readFileSync(zip)
    const at = raw.indexOf(Buffer.from(first)) // the local header comes first
    expect(raw.readUInt32LE(at - 30)).toBe(0x04034b50)
    raw.write(first.replace('evidence/1', 'evidence/2'), at)
    fs.writeFileSync(zip, raw)
    const error = await failure(verifyBundle(zip))
    expect(error.message).toContain(`"${first}" has another name in its local header ("${first.replace('evidence/1', 'evidence/2')}")`)
  })
})

describe('two names, one file on macOS or Windows', () => {
  it('NFC and NFD spellings of one name, each listed with its own hash: refused (exit 3)', async () => {
    const { zip, env, entries } = await storyBundle()
    const nfc = 'evidence/4-ログイン画面.png'.normalize('NFC')
    const nfd = nfc.normalize('NFD')
    expect(Buffer.from(nfc)).not.toEqual(Buffer.from(nfd))
    const other = Buffer.concat([TINY_PNG, Buffer.from('forged')])
    makeZip(zip, reseal([...entries, { name: nfc, base64: TINY_PNG.toString('base64') }, { name: nfd, base64: other.toString('base64') }]))
    const result = kiroku(['verify-bundle', zip], { env })
    expect(result.status).toBe(3)
    expect(result.stderr).toContain('which are one file on macOS or Windows')
  })

  it('names that differ only in case: refused', async () => {
    const { zip, entries } = await storyBundle()
    const [first] = evidenceNames(entries)
    makeZip(zip, [...entries, { name: first.toUpperCase().replace('EVIDENCE/', 'evidence/'), base64: TINY_PNG.toString('base64') }])
    expect((await failure(verifyBundle(zip))).message).toMatch(/which are one file on macOS or Windows/)
  })

  it('a manifest listing two spellings of one path: refused (exit 4)', async () => {
    const { zip, env, entries } = await storyBundle()
    const [first] = evidenceNames(entries)
    const sealed = reseal(entries)
    const manifest = JSON.parse(bytesOf(sealed.find((e) => e.name === 'manifest.json')!).toString())
    const listed = manifest.files.find((f: { path: string }) => f.path === first)
    manifest.files.push({ ...listed, path: first.toUpperCase().replace('EVIDENCE/', 'evidence/') })
    makeZip(zip, sealed.map((e) => (e.name === 'manifest.json' ? { name: e.name, text: JSON.stringify(manifest) } : e)))
    const result = kiroku(['verify-bundle', zip], { env })
    expect(result.status).toBe(4)
    expect(result.stderr).toMatch(/manifest\.json lists ".*" and ".*", which are one file on macOS or Windows/)
  })

  it('a file and a folder of one name: refused', async () => {
    const { zip, entries } = await storyBundle()
    makeZip(zip, [...entries, { name: 'Evidence', text: 'x' }])
    expect((await failure(verifyBundle(zip))).message).toMatch(/"Evidence" both as a file and as a folder/)
  })
})
