// The real router and handlers over a real case folder, as Electron wires them
// (only the native dialogs are replaced: they answer with preset paths).
import path from 'node:path'
import type { Result } from '../../shared/ipc/contract'
import { createHandlers, type Platform } from '../../electron/main/ipc/handlers'
import { RecentFiles } from '../../electron/main/ipc/recent-files'
import { createRouter, type Sender } from '../../electron/main/ipc/router'

export const APP_PAGE: Sender = { url: 'file:///app/out/renderer/index.html' }

export function testRouter(dir: string, answers: { open?: string; create?: string; dossier?: string; bundle?: string; share?: string } = {}) {
  const platform: Platform = {
    appInfo: () => ({ name: 'Kiroku', version: 'test', locale: 'ja' }),
    takeFileToOpen: () => undefined,
    chooseCaseToOpen: async () => answers.open,
    chooseSavePath: async (kind) => (kind === 'case' ? answers.create : answers[kind]),
    recentFiles: new RecentFiles(path.join(dir, 'settings', 'recent.json')),
    caseFileOptions: {},
  }
  const logged: string[] = []
  const dispatch = createRouter(createHandlers(platform), (s) => s.url === APP_PAGE.url, (m) => logged.push(m))
    // Results are loosely typed here: the tests assert their shape themselves.
  const call = (channel: string, input?: unknown) => dispatch(channel, input, APP_PAGE) as Promise<Result<any>>
  return { dispatch, logged, call }
}
