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
export const DOSSIER_FILE = 'dossier.pdf'
export const README_FILE = 'README.txt'

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

// What the manifest shows, and what it cannot, said plainly: a recipient may
// take "sha256sum says OK" for more than it is. Only the case file, or a
// check against it, shows that a bundle rewritten whole is not the original.
// Most recipients (a police station, a company) open it on Windows: it says
// how to check there with PowerShell, and readmeBytes writes it so Notepad
// shows it (see there).
const WINDOWS_CHECK_ALL =
  "Get-Content -Encoding UTF8 manifest.sha256 | ForEach-Object { $h, $f = $_ -split '  ', 2; if ((Get-FileHash -Algorithm SHA256 -LiteralPath $f).Hash -eq $h) { \"OK  $f\" } else { \"NG  $f\" } }"

export const README = {
  ja: (m: Manifest) => `被害状況報告書 一式（${m.title}）

このZIPには次のものが入っています。
- dossier.pdf：被害状況報告書
- evidence/：証拠の原本（Kiroku（記録）に取り込んだときのままのファイル）
- manifest.json：各ファイルの大きさ・SHA-256・説明・取得日と、作成時点の最新のハッシュ値
- manifest.sha256：改ざんの有無の確認用

確認のしかた（Windows）：ZIP を展開したフォルダで PowerShell を開き、ファイルごとに次を実行します。
  Get-FileHash -Algorithm SHA256 ファイル名
表示された Hash の値が manifest.sha256 のそのファイルの値と同じなら、そのファイルは manifest.json に書かれたとおりです（英字の大文字・小文字の違いは無視してください）。
まとめて確かめるには、同じフォルダで次の 1 行を実行します。
  ${WINDOWS_CHECK_ALL}
確認のしかた（macOS / Linux）：このフォルダで sha256sum -c manifest.sha256（macOS では shasum -a 256 -c manifest.sha256）
Kiroku をお持ちの場合：kiroku verify-bundle このファイル.zip
すべて「OK」と表示されれば、各ファイルは manifest.json に書かれたとおりです。

分かること：作成後にファイルが変わったこと（偶発的な破損、または manifest.json と manifest.sha256 はそのままでの書き換え）。
分からないこと：manifest.json と manifest.sha256 も含めて、一式すべてを作り直された場合。このZIPの中だけでは、作り直されたものと元のものを見分けられません。
より確かなのは、元の記録ファイルそのもの、または記録ファイルとの照合です。記録ファイルには、各証拠を取り込んだ時点の SHA-256 が残っています。
照合のしかた：kiroku verify-bundle このファイル.zip --against 記録ファイル.kiroku

作成日時：${m.createdAt}
作成時点の最新のハッシュ値：#${m.auditHead.seq} ${m.auditHead.hash}
`,
  en: (m: Manifest) => `Incident report bundle (${m.title})

This ZIP holds:
- dossier.pdf: the incident report
- evidence/: the original evidence files, exactly as they were taken into Kiroku
- manifest.json: each file's size, SHA-256, caption and capture date, and the case file's newest hash when the bundle was made
- manifest.sha256: for checking the files against manifest.json

To check on Windows: open PowerShell in the folder the ZIP was extracted to and run, for each file,
  Get-FileHash -Algorithm SHA256 FILE
If the Hash shown is the value manifest.sha256 gives for that file (ignore upper and lower case), the file is as manifest.json describes it.
To check every file at once, run this one line in the same folder:
  ${WINDOWS_CHECK_ALL}
To check on macOS or Linux: in this folder, run  sha256sum -c manifest.sha256  (on macOS: shasum -a 256 -c manifest.sha256)
With Kiroku: kiroku verify-bundle THIS.zip
Every line saying "OK" means that file is as manifest.json describes it.

What this shows: a file changed after the bundle was made, by accident or by someone who did not also rewrite manifest.json and manifest.sha256.
What it cannot show: a bundle rewritten as a whole, manifest included. Nothing inside this ZIP tells such a copy from the original.
The stronger proof is the case file itself, or a check against it: it keeps the SHA-256 of each piece of evidence as it was taken in.
To check against it: kiroku verify-bundle THIS.zip --against CASE.kiroku

Made: ${m.createdAt}
Newest hash of the case file when made: #${m.auditHead.seq} ${m.auditHead.hash}
`,
}

/**
 * The README as written into the bundle: UTF-8 with a byte order mark and CRLF
 * line ends. Notepad before Windows 10 (1903), still common in offices, reads a
 * file without a BOM as Shift_JIS (the Japanese would be garbled) and shows LF
 * alone as one long line.
 */
export const readmeBytes = (lang: 'ja' | 'en', manifest: Manifest): Buffer =>
  Buffer.from(`\uFEFF${README[lang](manifest).replace(/\r?\n/g, '\r\n')}`, 'utf8')

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex')

/** manifest.sha256 for `sha256sum -c`: every file of the manifest, then the manifest itself. */
export const checksumsText = (files: ReadonlyArray<{ path: string; sha256: string }>, manifestSha256: string): string =>
  [...files, { path: MANIFEST, sha256: manifestSha256 }].map((f) => `${f.sha256}  ${f.path}\n`).join('')

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
    add(DOSSIER_FILE, Buffer.from(dossier.pdf))
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
    add(README_FILE, readmeBytes(lang, manifest))
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
    zip.addBuffer(manifestBytes, MANIFEST, { mtime: new Date(), mode: 0o100644 })
    zip.addBuffer(Buffer.from(checksumsText(files, sha256(manifestBytes))), CHECKSUMS, { mtime: new Date(), mode: 0o100644 })
    zip.end()
    await done
    return manifest
  }, atomic)
}
