// `npm run bench:integrity`: what the integrity checks cost. Each write now
// seals the rows it touched; verify replays those seals over the whole case;
// opening derives the backups' own key in the background; passwd re-encrypts
// the backups. Measured on the generated 10,000-event case (bench/fixtures).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DeviceHistory, importJsonFile, openCaseFile, writeBackup } from '../electron/main/core'
import { sealAllRows } from '../electron/main/core/casefile/seals'
import { writeFixture } from './fixtures'
import { median, timeOnce } from './measure'

const EVENTS = 10_000
const EVIDENCE = 200
const WRITES = 200
const RUNS = 5
const PASSPHRASE = 'bench-パスフレーズ-2018'

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-bench-integrity-'))
  try {
    await run(dir)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function run(dir: string): Promise<void> {
  const fixture = writeFixture(path.join(dir, 'doc'), { events: EVENTS, evidence: EVIDENCE })
  const file = path.join(dir, 'case.kiroku')
  await importJsonFile(file, PASSPHRASE, fixture.jsonPath)
  {
    const rows: Array<[string, string]> = []
    const history = new DeviceHistory(path.join(dir, 'seen-cases.json'))
    const caseFile = openCaseFile(file, PASSPHRASE, { deviceHistory: history, backups: { dir: path.join(dir, 'backups') } })

    // One write: an event created, sealed with its audit entry, in one transaction.
    const writes: number[] = []
    for (let i = 0; i < WRITES; i++) {
      writes.push(timeOnce(() => caseFile.events.create({ occurredAt: '2018-11-01T10:00:00+09:00', kind: 'note', title: `bench ${i}` })).ms)
    }
    rows.push(['one event created (sealed, audited, fsync)', `${median(writes).toFixed(2)} ms median of ${WRITES}`])
    rows.push(['sealing every row of the case (a migration)', `${median(Array.from({ length: RUNS }, () => timeOnce(() => sealAllRows(caseFile.db)).ms)).toFixed(0)} ms`])

    const verifies = Array.from({ length: RUNS }, () => timeOnce(() => caseFile.verify()))
    const report = verifies[0].result
    if (!report.ok) throw new Error(`the bench case does not verify: ${report.problems.join('; ')}`)
    rows.push([`verify (${report.auditEntries} entries, ${report.evidenceChecked} evidence)`, `${median(verifies.map((v) => v.ms)).toFixed(0)} ms median of ${RUNS}`])

    const backup = timeOnce(() => writeBackup(caseFile, { dir: path.join(dir, 'backups') }, { onlyIfChanged: false }))
    rows.push([`backup with its own salt (${(fs.statSync(backup.result!.path).size / 1024 / 1024).toFixed(1)} MB)`, `${backup.ms.toFixed(0)} ms`])
    caseFile.close()

    const opens = Array.from({ length: RUNS }, () => timeOnce(() => openCaseFile(file, PASSPHRASE, { deviceHistory: history }).close()).ms)
    rows.push(['open + close with the device record', `${median(opens).toFixed(0)} ms median of ${RUNS}`])

    const width = Math.max(...rows.map(([label]) => label.length))
    console.log(`Integrity costs on a case of ${EVENTS.toLocaleString()} events and ${EVIDENCE} evidence files`)
    for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`)
  }
}

void main()
