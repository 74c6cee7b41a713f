// The submission bundle: a ZIP for a police station or a provider that wants
// files, not an app. It holds the dossier PDF, every original evidence file
// under a safe name, manifest.json (sizes, hashes, captions, the case's audit
// chain head), manifest.sha256 for `sha256sum -c`, and a short README.
// Unencrypted by design; the app says so and offers an encrypted copy.
import crypto from 'node:crypto'
import fs from 'node:fs'
import yazl from 'yazl'
import type { CaseFile } from '../casefile/case-file'
import type { Dossier } from '../dossier'
import { writeAtomically, type AtomicOptions } from '../fs/atomic'
import { safeFileName } from './export-json'

export const BUNDLE_FORMAT = 'kiroku-bundle'
export const BUNDLE_VERSION = 1
export const MANIFEST = 'manifest.json'
export const CHECKSUMS = 'manifest.sha256'
const README_FILE = 'README.txt'

export interface ManifestFile {
  path: string
  size: number
  sha256: string
  caption?: string
  capturedAt?: string
}

export interface Manifest {
  format: typeof BUNDLE_FORMAT
  version: typeof BUNDLE_VERSION
  title: string
  createdAt: string
  auditHead: { seq: number; hash: string }
  files: ManifestFile[]
}

const README = {
  ja: (m: Manifest) => `被害状況報告書 一式（${m.title}）

このZIPには次のものが入っています。
- dossier.pdf: 報告書
- evidence/: 証拠の原本（受け取ったときのままのファイル）
- manifest.json: 各ファイルの大きさ・SHA-256・説明・取得日時と、記録の監査チェーンの先頭
- manifest.sha256: 改ざんの確認用

確認のしかた（Linux / macOS）: このフォルダで sha256sum -c manifest.sha256
すべて「OK」と表示されれば、ファイルは作成時から変わっていません。
Kiroku をお持ちの場合: kiroku verify-bundle このファイル.zip

作成日時: ${m.createdAt}
監査チェーンの先頭: #${m.auditHead.seq} ${m.auditHead.hash}
`,
  en: (m: Manifest) => `Incident report bundle (${m.title})

This ZIP holds:
- dossier.pdf: the report
- evidence/: the original evidence files, exactly as they were taken in
- manifest.json: each file's size, SHA-256, caption and capture date, and the head of the case's audit chain
- manifest.sha256: for checking that nothing was changed

To check (Linux / macOS): in this folder, run  sha256sum -c manifest.sha256
Every line saying "OK" means the file is unchanged since the bundle was made.
With Kiroku: kiroku verify-bundle THIS.zip

Made: ${m.createdAt}
Audit chain head: #${m.auditHead.seq} ${m.auditHead.hash}
`,
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

/**
 * Writes the bundle of a dossier made with makeDossier: the ZIP carries exactly
 * the evidence the dossier shows (no private items, only the chosen provider's,
 * captions and names redacted when the dossier is), never more.
 */
export async function writeBundle(
  caseFile: CaseFile,
  target: string,
  dossier: Pick<Dossier, 'pdf' | 'data'>,
  lang: 'ja' | 'en',
  atomic: AtomicOptions = {},
): Promise<Manifest> {
  return writeAtomically(target, async (tmp) => {
    const zip = new yazl.ZipFile()
    const done = new Promise<void>((resolve, reject) => {
      const out = fs.createWriteStream(tmp)
      out.on('close', resolve)
      out.on('error', reject)
      zip.outputStream.on('error', reject).pipe(out)
    })
    const files: ManifestFile[] = []
    const add = (path: string, bytes: Buffer, meta: Omit<ManifestFile, 'path' | 'size' | 'sha256'> = {}) => {
      zip.addBuffer(bytes, path, { mtime: new Date(), mode: 0o100644 })
      files.push({ path, size: bytes.byteLength, sha256: sha256(bytes), ...meta })
    }
    add('dossier.pdf', Buffer.from(dossier.pdf))
    for (const e of dossier.data.evidence) {
      add(`evidence/${e.id}-${safeFileName(e.fileName)}`, caseFile.evidence.bytes(e.id), {
        caption: e.caption,
        capturedAt: e.capturedAt,
      })
    }
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      title: dossier.data.caseInfo.title,
      createdAt: new Date().toISOString(),
      auditHead: caseFile.auditHead(),
      files,
    }
    add(README_FILE, Buffer.from(README[lang](manifest)))
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
    zip.addBuffer(manifestBytes, MANIFEST, { mtime: new Date(), mode: 0o100644 })
    const checksums = [...files, { path: MANIFEST, sha256: sha256(manifestBytes) }]
      .map((f) => `${f.sha256}  ${f.path}\n`)
      .join('')
    zip.addBuffer(Buffer.from(checksums), CHECKSUMS, { mtime: new Date(), mode: 0o100644 })
    zip.end()
    await done
    return manifest
  }, atomic)
}
