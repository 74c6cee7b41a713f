// The real router and handlers over a real case folder, as Electron wires them
// (only the native dialogs are replaced: they answer with preset paths).
import path from 'node:path'
import type { Result } from '../../shared/ipc/contract'
import type { CaseFileOptions } from '../../electron/main/core'
import { APP_PAGE_URL } from '../../electron/main/app/app-protocol'
import { isAppPage } from '../../electron/main/app/trusted-urls'
import { CaseSession, createHandlers, type Platform } from '../../electron/main/ipc/handlers'
import { RecentFiles } from '../../electron/main/ipc/recent-files'
import { createRouter, type Sender } from '../../electron/main/ipc/router'

/** The app's page as the real window loads it (file:// is refused). */
export const APP_PAGE: Sender = { url: APP_PAGE_URL }

export interface DialogAnswers {
  open?: string
  create?: string
  dossier?: string
  bundle?: string
  share?: string
  /** A file the OS asked the app to open (double-click), taken once. */
  fileToOpen?: string
}

/**
 * `extra`: platform services a test supplies itself (e.g. `rememberedPassphrases` over a test keyring).
 * Pictures are read (text recognition) only when the test passes a session that recognises,
 * `new CaseSession()`: a second of CPU per picture is not what the other tests are about.
 */
export function testRouter(
  dir: string,
  answers: DialogAnswers = {},
  caseFileOptions: CaseFileOptions = {},
  extra: Partial<Platform> = {},
  session = new CaseSession(() => undefined),
) {
  /** Files the page had the file manager show. */
  const shown: string[] = []
  const platform: Platform = {
    appInfo: () => ({ name: 'Kiroku', version: 'test', locale: 'ja' }),
    showInFolder: (file) => shown.push(file),
    takeFileToOpen: () => {
      const file = answers.fileToOpen
      answers.fileToOpen = undefined
      return file
    },
    chooseCaseToOpen: async () => answers.open,
    chooseSavePath: async (kind) => (kind === 'case' ? answers.create : answers[kind]),
    recentFiles: new RecentFiles(path.join(dir, 'settings', 'recent.json')),
    caseFileOptions,
    ...extra,
  }
  const logged: string[] = []
  // Callers are checked as app/ipc.ts checks them (no dev server here).
  const trusted = { rendererDir: path.join(dir, 'renderer'), devTools: false }
  const dispatch = createRouter(createHandlers(platform, session), (s) => isAppPage(s.url, trusted), (m) => logged.push(m))
  // Results are loosely typed here: the tests assert their shape themselves.
  const call = (channel: string, input?: unknown) => dispatch(channel, input, APP_PAGE) as Promise<Result<any>>
  /**
   * The user picks `file` in the native open dialog ('open') or save dialog
   * ('create'), asked for by the page as the UI does: the only ways (with the
   * recent list) the main process lets the page use a case file's path.
   */
  const choose = async (kind: 'open' | 'create', file: string) => {
    const before = answers[kind]
    answers[kind] = file
    try {
      const chosen = await call(kind === 'open' ? 'dialog:chooseCaseToOpen' : 'dialog:chooseNewCasePath', kind === 'open' ? undefined : { suggestedName: 'case.kiroku' })
      if (!chosen.ok || chosen.value !== file) throw new Error(`the ${kind} dialog did not answer ${file}`)
    } finally {
      answers[kind] = before
    }
  }
  return { dispatch, logged, call, choose, shown, session }
}
