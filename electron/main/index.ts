// Entry of Electron's main process: one instance, one locked-down window.
// App logic lives in ./core (pure Node); ./app is only the Electron glue.
import path from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { caseFileArgument, registerIpc, type IpcWiring } from './app/ipc'
import { keepPendingWritesIn } from './core'
import { installApplicationMenu } from './app/menu'
import { createMainWindow } from './app/main-window'
import { registerAppScheme, serveAppFiles } from './app/protocol'
import { applySessionRules, lockAllWebContents } from './app/security'
import type { TrustedSources } from './app/trusted-urls'

// out/main/index.js sits beside out/preload and out/renderer.
const outDir = path.join(import.meta.dirname, '..')

const sources: TrustedSources = {
  rendererDir: path.join(outDir, 'renderer'),
  // electron-vite dev sets this; a packaged app must never follow it.
  devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  devTools: !app.isPackaged,
}

let mainWindow: BrowserWindow | undefined
let ipc: IpcWiring | undefined
/** macOS may name the file to open before the app is ready. */
let fileBeforeReady: string | undefined

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(sources, path.join(outDir, 'preload', 'index.js'))
    return
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

// A second launch (e.g. double-clicking a .kiroku file) must not open the same
// case files twice; the first instance takes over and the second one quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.enableSandbox()
  registerAppScheme()
  lockAllWebContents()
  // macOS hands over double-clicked files with an event, not in argv.
  app.on('open-file', (event, file) => {
    event.preventDefault()
    if (ipc) ipc.requestOpen(file)
    else fileBeforeReady = file
  })
  // Close the case cleanly (WAL folded back in) whatever ends the app.
  app.on('will-quit', () => ipc?.session.close())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(() => {
    // Before anything writes: removes what a crash left half-written (an unencrypted partial bundle, say).
    keepPendingWritesIn(path.join(app.getPath('userData'), 'pending-writes'))
    applySessionRules(session.defaultSession, sources)
    serveAppFiles(session.defaultSession, sources)
    installApplicationMenu(sources.devTools)
    ipc = registerIpc(sources, () => mainWindow)
    if (fileBeforeReady) ipc.requestOpen(fileBeforeReady)
    showMainWindow()
    // Registered once ready: a window cannot be created before that.
    app.on('second-instance', (_event, argv) => {
      const file = caseFileArgument(argv)
      if (file) ipc?.requestOpen(file)
      showMainWindow()
    })
    app.on('activate', () => showMainWindow())
  })
}
