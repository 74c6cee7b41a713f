// Child process for crash.test.ts: writes to a case file in a loop until it
// is killed. Run as `node --import tsx crash-writer.ts FILE PASSPHRASE RUN`.
//
// Each transaction adds two events ("<marker> a" and "<marker> b") and, now
// and then, a piece of evidence linked to the second one, so the parent can
// tell a half-applied transaction from a whole one. "committed <n>" is
// printed only after the commit returned; on Linux a write to a pipe is
// synchronous, so a line the parent read was really committed before.
import crypto from 'node:crypto'
import { openCaseFile } from '../../electron/main/core'

const [file, passphrase, run] = process.argv.slice(2)
const caseFile = openCaseFile(file, passphrase)
process.stdout.write('ready\n')

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Random bytes that pass as a PNG (by magic) or as a text file; random, so never a duplicate. */
function randomEvidence(): { bytes: Buffer; fileName: string } {
  const size = crypto.randomInt(1, 32 * 1024)
  if (crypto.randomInt(2) === 0) {
    return { bytes: Buffer.concat([PNG_MAGIC, crypto.randomBytes(size)]), fileName: 'screenshot.png' }
  }
  return { bytes: Buffer.from(`メモ ${crypto.randomBytes(size).toString('hex')}\n`), fileName: 'note.txt' }
}

for (let n = 1; ; n++) {
  const marker = `crash r${run} #${n}`
  caseFile.transaction(() => {
    const occurredAt = '2018-10-12T09:30:00+09:00'
    caseFile.events.create({ occurredAt, kind: 'note', title: `${marker} a` })
    const evidenceIds = crypto.randomInt(3) === 0 ? [caseFile.evidence.add(randomEvidence()).evidence.id] : []
    caseFile.events.create({ occurredAt, kind: 'contact', title: `${marker} b`, body: 'x'.repeat(crypto.randomInt(2000)), evidenceIds })
  })
  process.stdout.write(`committed ${n}\n`)
}
