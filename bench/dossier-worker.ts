// One dossier in a process of its own, so its peak memory (maxRSS) is the
// dossier's and nothing else's. Prints one JSON line; run by bench/dossier.ts.
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import { makeDossier, openCaseFile } from '../electron/main/core'

async function main(): Promise<void> {
  const [file, passphrase, out, lang] = process.argv.slice(2)
  const caseFile = openCaseFile(file, passphrase)
  try {
    const baseRss = process.memoryUsage().rss
    const start = performance.now()
    const { pdf, pages } = await makeDossier(caseFile, { lang: lang === 'en' ? 'en' : 'ja' })
    const ms = performance.now() - start
    fs.writeFileSync(out, pdf)
    const kb = process.resourceUsage().maxRSS
    console.log(JSON.stringify({ ms, pages, bytes: pdf.byteLength, peakRss: kb * 1024, baseRss }))
  } finally {
    caseFile.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
