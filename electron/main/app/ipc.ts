// Electron glue for the IPC router: the platform services only Electron has
// (native dialogs, settings folder, locale), and the one ipcMain handler that
// hands every call to the router with the URL of the frame that sent it.
import path from 'node:path'
import { app, dialog, ipcMain, shell, type BrowserWindow } from 'electron'
import { IPC_CHANNEL } from '../../../shared/ipc/transport'
import { CASE_FILE_EXTENSION, DEVICE_HISTORY_FILE, DeviceHistory } from '../core'
import { CaseSession, createHandlers, type Platform, type SaveKind } from '../ipc/handlers'
import { PathGrants } from '../ipc/path-grants'
import { RecentFiles } from '../ipc/recent-files'
import { RememberedPassphrases } from '../ipc/remembered-passphrases'
import { createRouter } from '../ipc/router'
import { closeWindowCase } from './app-lifecycle'
import { caseFileArgument } from './launch-arguments'
import { electronNativeBinding } from './native-binding'
import { osKeyring } from './os-keyring'
import { proposedFileName } from './save-file-name'
import { isAppPage, type TrustedSources } from './trusted-urls'

const CASE_FILTER = { name: 'Kiroku case', extensions: [CASE_FILE_EXTENSION.slice(1)] }
const SAVE_KINDS: Record<SaveKind, { extension: string; filter: { name: string; extensions: string[] } }> = {
  case: { extension: CASE_FILE_EXTENSION, filter: CASE_FILTER },
  share: { extension: CASE_FILE_EXTENSION, filter: CASE_FILTER },
  dossier: { extension: '.pdf', filter: { name: 'PDF', extensions: ['pdf'] } },
  bundle: { extension: '.zip', filter: { name: 'ZIP', extensions: ['zip'] } },
}

export interface IpcWiring {
  session: CaseSession
  /** Remember a file the OS asked us to open, for the page to take. */
  requestOpen(file: string): void
  /** Closes the open case and forgets the page's path grants (the window is gone). */
  closeCase(): void
}

export function registerIpc(sources: TrustedSources, window: () => BrowserWindow | undefined): IpcWiring {
  // A double-click or "Open with" that launched Kiroku (a path or a file: URL).
  let fileToOpen = caseFileArgument(process.argv, process.cwd())
  const session = new CaseSession()
  const grants = new PathGrants()
  const platform: Platform = {
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), locale: app.getLocale() }),
    // A local file the main process wrote (see app:showInFolder); not shell.openExternal, nothing is opened or run.
    showInFolder: (file) => shell.showItemInFolder(file),
    takeFileToOpen: () => {
      const file = fileToOpen
      fileToOpen = undefined
      return file
    },
    chooseCaseToOpen: async () => {
      const owner = window()
      const options = { properties: ['openFile' as const], filters: [CASE_FILTER] }
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      return result.canceled ? undefined : result.filePaths[0]
    },
    chooseSavePath: async (kind, suggestedName) => {
      const { extension, filter } = SAVE_KINDS[kind]
      const owner = window()
      const options = {
        // The case title made into a name every file system takes (save-file-name.ts).
        defaultPath: path.join(app.getPath('documents'), proposedFileName(suggestedName, extension, kind)),
        filters: [filter],
      }
      // The save dialog itself asks before replacing an existing file.
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return undefined
      return result.filePath.toLowerCase().endsWith(extension) ? result.filePath : `${result.filePath}${extension}`
    },
    recentFiles: new RecentFiles(path.join(app.getPath('userData'), 'recent-files.json')),
    // Sealed by the OS keyring; offered only where keyring-policy.ts trusts it.
    rememberedPassphrases: new RememberedPassphrases(path.join(app.getPath('userData'), 'remembered-passphrases.json'), osKeyring()),
    caseFileOptions: {
      nativeBinding: electronNativeBinding(app),
      // Encrypted backups beside the app's data: on every close, hourly while open, the last 10 per case.
      backups: { dir: path.join(app.getPath('userData'), 'backups') },
      // The newest state of each case seen here: an older or different copy is reported.
      deviceHistory: new DeviceHistory(path.join(app.getPath('userData'), DEVICE_HISTORY_FILE)),
    },
    // Shipped beside out/ (electron-builder.yml: files), inside app.asar when packaged.
    plansDir: path.join(app.getAppPath(), 'resources', 'plans'),
    directoryDir: path.join(app.getAppPath(), 'resources', 'directory'),
  }
  const dispatch = createRouter(createHandlers(platform, session, grants), (sender) => isAppPage(sender.url, sources))
  ipcMain.handle(IPC_CHANNEL, (event, channel: unknown, input: unknown) =>
    dispatch(channel, input, { url: event.senderFrame?.url ?? '' }),
  )
  return {
    session,
    requestOpen: (file) => (fileToOpen = file),
    closeCase: () => closeWindowCase(session, grants),
  }
}
