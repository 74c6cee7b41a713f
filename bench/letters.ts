// `npx tsx bench/letters.ts`: the time of each letter (police-report, claim,
// consumer-center) in ja and en for the reference story case, with a police
// report's 受理番号 and the points operator linked to the provider directory.
// Median of RUNS after one untimed warm-up (the first font subset pays for
// loading the wasm subsetter).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importJsonFile, openCaseFile, providerDirectory } from '../electron/main/core'
import { makeLetter, type LetterOptions } from '../electron/main/core/letters'
import { median, timeAsync } from './measure'

const STORY = path.resolve(__dirname, '../test/fixtures/story/case.json')
const PASSPHRASE = 'bench-パスフレーズ-2018'
const RUNS = 5

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-bench-letters-'))
  try {
    fs.cpSync(path.dirname(STORY), path.join(dir, 'doc'), { recursive: true })
    const doc = JSON.parse(fs.readFileSync(STORY, 'utf8'))
    doc.version = 4
    doc.organizations.find((o: { id: string }) => o.id === 'tpoint').directoryId = 'v-point'
    doc.policeRecords = [{ kind: 'report', occurredAt: '2018-10-30', station: '丸の内警察署', receiptNumber: '第2018-1030号', organizationId: 'police' }]
    const json = path.join(dir, 'doc', 'case.json')
    fs.writeFileSync(json, JSON.stringify(doc))
    const file = path.join(dir, 'case.kiroku')
    await importJsonFile(file, PASSPHRASE, json)
    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const directory = providerDirectory()
      const tpoint = caseFile.organizations.list().find((o) => o.directoryId === 'v-point')!.id
      const rows: Array<[string, string]> = []
      for (const lang of ['ja', 'en'] as const) {
        const letters: Array<[string, LetterOptions]> = [
          ['police-report', { type: 'police-report', lang, era: 'western', redact: false }],
          ['claim', { type: 'claim', organizationId: tpoint, lang, era: 'western', redact: false, today: '2018-11-01' }],
          ['consumer-center', { type: 'consumer-center', lang, era: 'western', redact: false, today: '2018-11-01' }],
        ]
        for (const [name, options] of letters) {
          let pages = 0
          let bytes = 0
          const work = async () => {
            const letter = await makeLetter(caseFile, options, directory)
            pages = letter.pages
            bytes = letter.bytes.byteLength
          }
          await work()
          const times: number[] = []
          for (let i = 0; i < RUNS; i++) times.push(await timeAsync(work))
          rows.push([`${name} (${lang})`, `${median(times).toFixed(0)} ms median of ${RUNS}, ${pages} page${pages === 1 ? '' : 's'}, ${(bytes / 1024).toFixed(0)} KB`])
        }
      }
      const width = Math.max(...rows.map(([k]) => k.length))
      console.log('Letters for the story case')
      for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
    } finally {
      caseFile.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
