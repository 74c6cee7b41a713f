// One running copy of the app for a test: the built renderer in Chromium,
// with window.kiroku bound to the same router and handlers Electron uses,
// over a real encrypted case folder. Only the native file dialogs are
// replaced: they answer whatever path the test sets in `dialogs`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Result } from '../../../shared/ipc/contract'
import { DEVICE_HISTORY_FILE, DeviceHistory } from '../../../electron/main/core'
import { CaseSession, createHandlers, type Platform } from '../../../electron/main/ipc/handlers'
import { RecentFiles } from '../../../electron/main/ipc/recent-files'
import { RememberedPassphrases, type Keyring } from '../../../electron/main/ipc/remembered-passphrases'
import { createRouter, type Sender } from '../../../electron/main/ipc/router'
import { launchChromium, type BrowserChoice } from './browser'
import { buildRenderer } from './build-renderer'
import { serveFolder, type StaticServer } from './static-server'

/** tmpfs where there is one: each write of a case file is fsync'ed, which tmpfs makes free. */
const TEMP_BASE = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()

/**
 * What the native dialogs answer. As in the app, the page may only open,
 * create or restore a case file whose path reached it through one of these
 * (or the recent list): electron/main/ipc/path-grants.ts.
 */
export interface DialogAnswers {
  /** A promise keeps the open dialog "open" until it settles. */
  open?: string | Promise<string | undefined>
  create?: string
  /** A promise keeps the save dialog "open" until it settles (to see the app while it waits). */
  dossier?: string | Promise<string | undefined>
  bundle?: string | Promise<string | undefined>
  share?: string | Promise<string | undefined>
  /** A file the OS asked the app to open (double-click), taken once. */
  fileToOpen?: string
}

export interface RunningApp {
  page: Page
  context: BrowserContext
  /** The case folder of this test (kept after close(), removed with the environment). */
  dir: string
  /** Where the automatic backups of the cases opened go (the app's userData/backups). */
  backupsDir: string
  dialogs: DialogAnswers
  /** Files the page asked the file manager to show (app:showInFolder). */
  shown: string[]
  /** The router, called as the page would (for seeding and checking). */
  call(channel: string, input?: unknown): Promise<Result<any>>
  /** Uncaught page errors and console errors (a CSP violation is one). */
  problems: string[]
  /** Browser dialogs (alert/confirm) that opened; the app should never open one. */
  browserDialogs: string[]
  /** The main process's case session (to wait for the background reading: `session.readingIdle()`). */
  session: CaseSession
  /** Closes the page and the case file. */
  close(): Promise<void>
}

export interface AppOptions {
  locale?: string
  /** Runs in the page before the app's own code (e.g. to fake the clock). */
  beforeLoad?: (context: BrowserContext) => Promise<void>
  /** The OS keyring for remembered passphrases (test/helpers/keyring.ts); without one, none can be remembered. */
  keyring?: Keyring
  /** Recognise the text in pictures, as the app does (a second of CPU each: only for tests about it). */
  recognise?: boolean
}

export interface E2eEnvironment {
  origin: string
  launch(options?: AppOptions): Promise<RunningApp>
  close(): Promise<void>
}

/**
 * `chromiumArgs`: extra command-line flags for the browser (e.g. V8 flags for heap snapshots);
 * `browser`: another browser than the one harness/browser.ts chooses.
 */
export async function startEnvironment(options: { chromiumArgs?: readonly string[]; browser?: BrowserChoice } = {}): Promise<E2eEnvironment> {
  const outDir = await buildRenderer()
  let server: StaticServer | undefined
  let browser: Browser | undefined
  try {
    server = await serveFolder(outDir)
    browser = await launchChromium(options.chromiumArgs, options.browser)
  } catch (error) {
    await server?.close()
    fs.rmSync(outDir, { recursive: true, force: true })
    throw error
  }
  const running = new Set<RunningApp>()
  const folders: string[] = []
  const { origin } = server
  const openBrowser = browser
  return {
    origin,
    launch: async (options) => {
      const app = await launchApp(openBrowser, origin, options)
      running.add(app)
      folders.push(app.dir)
      const close = app.close
      app.close = async () => {
        running.delete(app)
        await close()
      }
      return app
    },
    close: async () => {
      for (const app of [...running]) await app.close()
      for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true })
      await openBrowser.close()
      await server.close()
      fs.rmSync(outDir, { recursive: true, force: true })
    },
  }
}

async function launchApp(browser: Browser, origin: string, options: AppOptions = {}): Promise<RunningApp> {
  const dir = fs.mkdtempSync(path.join(TEMP_BASE, 'kiroku-e2e-'))
  const dialogs: DialogAnswers = {}
  const backupsDir = path.join(dir, 'settings', 'backups')
  const shown: string[] = []
  const platform: Platform = {
    appInfo: () => ({ name: 'Kiroku', version: 'e2e', locale: options.locale ?? 'en-US' }),
    showInFolder: (file) => shown.push(file),
    takeFileToOpen: () => {
      const file = dialogs.fileToOpen
      dialogs.fileToOpen = undefined
      return file
    },
    chooseCaseToOpen: async () => dialogs.open,
    chooseSavePath: async (kind) => (kind === 'case' ? dialogs.create : dialogs[kind]),
    recentFiles: new RecentFiles(path.join(dir, 'settings', 'recent.json')),
    // As the app: encrypted backups of every case opened, here in the test's settings folder.
    // …and its record of the newest state seen of each case (rollback detection).
    caseFileOptions: { backups: { dir: backupsDir }, deviceHistory: new DeviceHistory(path.join(dir, 'settings', DEVICE_HISTORY_FILE)) },
    rememberedPassphrases: options.keyring && new RememberedPassphrases(path.join(dir, 'settings', 'remembered-passphrases.json'), options.keyring),
  }
  const problems: string[] = []
  // Trusted: pages served from the test's own origin, as Electron trusts only its own files.
  const isTrusted = (sender: Sender) => {
    try {
      return new URL(sender.url).origin === origin
    } catch {
      return false
    }
  }
  const session = options.recognise ? new CaseSession() : new CaseSession(() => undefined)
  const dispatch = createRouter(createHandlers(platform, session), isTrusted, (message) => problems.push(`router: ${message}`))

  const context = await browser.newContext({ locale: options.locale ?? 'en-US', viewport: { width: 1280, height: 800 } })
  // Fail within seconds, not Playwright's 30 s: every step here is local and quick.
  context.setDefaultTimeout(10_000)
  await options.beforeLoad?.(context)
  await context.exposeBinding('__kirokuInvoke', (source, channel: unknown, input: unknown) =>
    dispatch(channel, input, { url: source.frame.url() }),
  )
  await context.addInitScript(() => {
    const invoke = (window as unknown as { __kirokuInvoke: (c: unknown, i: unknown) => Promise<unknown> }).__kirokuInvoke
    // The preload's shape: exactly one function, nothing else.
    Object.defineProperty(window, 'kiroku', {
      value: Object.freeze({ invoke: (channel: unknown, input?: unknown) => invoke(channel, input) }),
    })
  })

  const page = await context.newPage()
  const browserDialogs: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('dialog', (dialog) => {
    browserDialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  await page.goto(`${origin}/index.html`)

  return {
    page,
    context,
    dir,
    backupsDir,
    dialogs,
    shown,
    problems,
    browserDialogs,
    session,
    call: (channel, input) => dispatch(channel, input, { url: `${origin}/index.html` }),
    close: async () => {
      await context.close()
      // The case file stays for the test to check; the environment removes the folder.
      await dispatch('case:close', undefined, { url: `${origin}/index.html` })
    },
  }
}
