// `npm run bench:renderer`: the renderer's JavaScript size (raw and gzip) and
// the time to first render of a 10,000-event timeline, in Debian's Chromium
// with window.kiroku bound to the real router over a real encrypted file
// (the browser-test harness), median of 3.
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { EVENT_KINDS } from '../shared/domain'
import { createCaseFile, openCaseFile } from '../electron/main/core'
import { startEnvironment } from '../test/e2e/harness/app'
import { buildRenderer } from '../test/e2e/harness/build-renderer'
import { median } from './measure'

const PASSPHRASE = 'bench-パスフレーズ-2018'
const EVENTS = 10_000
const RUNS = 3

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

function javascriptSize(dir: string): { raw: number; gzip: number } {
  let raw = 0
  let gzip = 0
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const bytes = fs.readFileSync(path.join(entry.parentPath, entry.name))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { raw, gzip }
}

/** Written straight through the core in one transaction: seeding is not what is measured. */
async function seed(file: string): Promise<void> {
  await createCaseFile(file, PASSPHRASE, { title: '大量の記録', kind: 'points_theft', status: 'open', summary: '', victim: {} })
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    caseFile.transaction(() => {
      const org = caseFile.organizations.create({ name: 'Tポイント事務局', role: 'points_operator' })
      for (let i = 0; i < EVENTS; i++) {
        const minute = i * 2
        const day = String(1 + Math.floor(minute / 1440)).padStart(2, '0')
        const time = `${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
        caseFile.events.create({ occurredAt: `2018-10-${day}T${time}:00+09:00`, kind: EVENT_KINDS[i % EVENT_KINDS.length], title: `記録 ${i}`, organizationId: org.id })
      }
    })
  } finally {
    caseFile.close()
  }
}

async function main(): Promise<void> {
  const built = await buildRenderer()
  const size = javascriptSize(built)
  fs.rmSync(built, { recursive: true, force: true })

  const env = await startEnvironment()
  const unlockToOverview: number[] = []
  const tabToFirstRow: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      // tsx compiles this script with esbuild's keepNames, whose __name helper the
      // harness's in-page functions then refer to; vitest does not, so tests need no shim.
      const app = await env.launch({
        beforeLoad: async (context) => {
          await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
        },
      })
      const file = path.join(app.dir, 'large.kiroku')
      await seed(file)
      app.dialogs.open = file
      const { page } = app
      await page.getByRole('button', { name: 'Open case file…' }).click()
      await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
      await page.keyboard.type(PASSPHRASE)
      let start = performance.now()
      await page.keyboard.press('Enter')
      await page.getByRole('heading', { level: 1, name: '大量の記録' }).waitFor()
      unlockToOverview.push(performance.now() - start)
      start = performance.now()
      await page.getByRole('tab', { name: 'Timeline' }).click()
      await page.getByRole('list', { name: 'Timeline' }).getByRole('article', { name: '記録 0', exact: true }).waitFor()
      tabToFirstRow.push(performance.now() - start)
      await app.close()
    }
  } finally {
    await env.close()
  }
  console.log(`renderer JavaScript: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip`)
  console.log(`10,000 events: unlock → overview ${median(unlockToOverview).toFixed(0)} ms (includes key derivation), Timeline tab → first row ${median(tabToFirstRow).toFixed(0)} ms (median of ${RUNS})`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
