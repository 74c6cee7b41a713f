// Pictures taken in through the app's own router (handlers + case session, as
// Electron wires them) over a real encrypted case: N screenshots added at once
// as the page adds dropped files, then read by the background reading while
// the "page" keeps asking what a user's clicks ask (the timeline, a search,
// the reading status) every 200 ms. Reports how long each answer took while
// recognition ran, the time until every picture was read, and the process's
// peak RSS (the recognition worker is a thread of this process, as it is of
// Electron's main process).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCaseFile } from '../electron/main/core'
import { APP_PAGE_URL } from '../electron/main/app/app-protocol'
import { CaseSession, createHandlers, type Platform } from '../electron/main/ipc/handlers'
import { RecentFiles } from '../electron/main/ipc/recent-files'
import { createRouter } from '../electron/main/ipc/router'
import { median } from './measure'
import { pngChunk } from './png'
import type { RenderedScreen } from './ocr-screens'

const PASSPHRASE = 'bench passphrase 記録 ocr'

/** The same picture made a different file (a text chunk before IEND): the case keeps one copy of equal bytes. */
function distinct(png: Buffer, n: number): Buffer {
  const iend = png.length - 12
  return Buffer.concat([png.subarray(0, iend), pngChunk('tEXt', Buffer.from(`Comment\0copy ${n}`)), png.subarray(iend)])
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]

export async function intakeThroughApp(screens: RenderedScreen[], count: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiroku-ocr-app-'))
  try {
    const file = path.join(dir, 'case.kiroku')
    await createCaseFile(file, PASSPHRASE, { title: 'ベンチ', kind: 'points_theft', status: 'open', summary: '', victim: {} })
    let chosen: string | undefined = file
    const platform: Platform = {
      appInfo: () => ({ name: 'Kiroku', version: 'bench', locale: 'ja' }),
      showInFolder: () => undefined,
      takeFileToOpen: () => undefined,
      chooseCaseToOpen: async () => chosen,
      chooseSavePath: async () => undefined,
      recentFiles: new RecentFiles(path.join(dir, 'recent.json')),
      caseFileOptions: {},
    }
    const session = new CaseSession()
    const dispatch = createRouter(createHandlers(platform, session), () => true)
    const call = async (channel: string, input?: unknown) => {
      const result = await dispatch(channel, input, { url: APP_PAGE_URL })
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
      return result.value
    }
    await call('dialog:chooseCaseToOpen')
    chosen = undefined
    await call('case:open', { path: file, passphrase: PASSPHRASE })

    let peakRss = process.memoryUsage.rss()
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100)
    const begin = performance.now()
    const adds: number[] = []
    for (let i = 0; i < count; i++) {
      const png = distinct(screens[i % screens.length].png, i)
      const start = performance.now()
      await call('evidence:add', { fileName: `screen-${i}.png`, base64: png.toString('base64') })
      adds.push(performance.now() - start)
    }
    const answers: number[] = []
    let done = false
    const idle = session.readingIdle().then(() => (done = true))
    const interactions = ['events:list', 'evidence:reading', 'search'] as const
    for (let i = 0; !done; i++) {
      const channel = interactions[i % interactions.length]
      const start = performance.now()
      await call(channel, channel === 'search' ? { query: 'ポイント' } : undefined)
      answers.push(performance.now() - start)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    await idle
    const ms = performance.now() - begin
    clearInterval(sampler)
    const status = (await call('evidence:reading')) as { waiting: number; read: number }
    await call('case:close')
    return {
      ms,
      read: status.read,
      waiting: status.waiting,
      addMedianMs: median(adds),
      answers: answers.length,
      answerMedianMs: median(answers),
      answerP99Ms: percentile(answers, 99),
      answerMaxMs: Math.max(...answers),
      over100: answers.filter((a) => a > 100).length,
      peakRss,
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
