// Reading and writing ZIPs in tests with Python's zipfile: an independent
// implementation, so the bundle is checked by something other than itself.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export interface ZipEntrySpec {
  name: string
  text?: string
  base64?: string
  zeros?: number
  symlink?: boolean
  /** Raw extra fields (base64), written to both headers. */
  extra?: string
}

export function makeZip(out: string, entries: ZipEntrySpec[]): void {
  const spec = `${out}.spec.json`
  fs.writeFileSync(spec, JSON.stringify(entries))
  execFileSync('python3', [path.join(__dirname, 'zip.py'), out, spec])
  fs.rmSync(spec)
}

/** Every entry of a ZIP as base64, in order. */
export function readZip(file: string): ZipEntrySpec[] {
  const script = 'import base64,json,sys,zipfile\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([{"name":i.filename,"base64":base64.b64encode(z.read(i)).decode()} for i in z.infolist()]))'
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }))
}

export function extractZip(file: string, dir: string): void {
  execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', file, dir])
}
