// `npm run bench:renderer`: the renderer's JavaScript size (raw and gzip) and
// the time to first render of a 10,000-event timeline, and of an Evidence
// tab of 200 full-HD screenshots (and how many it fetched), in the Chromium
// the browser tests drive (test/e2e/harness/browser.ts) with window.kiroku
// bound to the real router over a real encrypted file (the browser-test
// harness), median of 3.
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { EVENT_KINDS } from '../shared/domain'
import { createCaseFile, openCaseFile } from '../electron/main/core'
import { startEnvironment } from '../test/e2e/harness/app'
import { buildRenderer } from '../test/e2e/harness/build-renderer'
import { median } from './measure'
import { Random } from './random'
import { screenshotPng } from './screenshot'

const PASSPHRASE = 'bench-パスフレーズ-2018'
const EVENTS = 10_000
const RUNS = 3
const SCREENSHOTS = 200

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`

/** The built files whose names end with `extension`, raw and gzipped. */
function builtSize(dir: string, extension: string): { raw: number; gzip: number } {
  let raw = 0
  let gzip = 0
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(extension)) continue
    const bytes = fs.readFileSync(path.join(entry.parentPath, entry.name))
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
  }
  return { raw, gzip }
}

/** Written straight through the core in one transaction: seeding is not what is measured. */
async function seed(file: string, screenshots: Buffer[]): Promise<void> {
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
      screenshots.forEach((bytes, i) => caseFile.evidence.add({ bytes, fileName: `screenshot-${i}.png` }))
    })
  } finally {
    caseFile.close()
  }
}

async function main(): Promise<void> {
  const built = await buildRenderer()
  const size = builtSize(built, '.js')
  // The Japanese web font: read only where no system font has a character (see renderer/src/styles/base.css).
  const font = builtSize(built, '.ttf')
  fs.rmSync(built, { recursive: true, force: true })

  const rng = new Random(20181012)
  const screenshots = Array.from({ length: SCREENSHOTS }, () => screenshotPng(rng))
  const env = await startEnvironment()
  const unlockToOverview: number[] = []
  const tabToFirstRow: number[] = []
  const tabToFirstThumbnail: number[] = []
  const thumbnailsFetched: number[] = []
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
      await seed(file, screenshots)
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
      start = performance.now()
      await page.getByRole('tab', { name: 'Evidence' }).click()
      const grid = page.getByRole('list', { name: 'Evidence' })
      await grid.locator('img').first().waitFor()
      tabToFirstThumbnail.push(performance.now() - start)
      await page.waitForTimeout(1000)
      thumbnailsFetched.push(await grid.locator('img').count())
      await app.close()
    }
  } finally {
    await env.close()
  }
  console.log(`renderer JavaScript: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip`)
  console.log(`renderer Japanese web font (Noto Sans JP Regular): ${kb(font.raw)} raw, ${kb(font.gzip)} gzip`)
  const mb = (screenshots.reduce((sum, b) => sum + b.length, 0) / SCREENSHOTS / 1024 / 1024).toFixed(2)
  console.log(
    `${SCREENSHOTS} screenshots (1920×1080, ${mb} MB each): Evidence tab → first thumbnail ${median(tabToFirstThumbnail).toFixed(0)} ms; ` +
      `pictures fetched 1 s later: ${median(thumbnailsFetched)} of ${SCREENSHOTS} (the rest wait until scrolled near)`,
  )
  console.log(`10,000 events: unlock → overview ${median(unlockToOverview).toFixed(0)} ms (includes key derivation), Timeline tab → first row ${median(tabToFirstRow).toFixed(0)} ms (median of ${RUNS})`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
