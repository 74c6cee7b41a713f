// Entry of Electron's main process: one instance, one locked-down window.
// App logic lives in ./core (pure Node); ./app is only the Electron glue.
import path from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { AppLifecycle } from './app/app-lifecycle'
import { appUserModelId } from './app/app-user-model-id'
import { registerIpc, type IpcWiring } from './app/ipc'
import { keepPendingWritesIn } from './core'
import { installApplicationMenu } from './app/menu'
import { createMainWindow } from './app/main-window'
import { registerAppScheme, serveAppFiles } from './app/protocol'
import { applySessionRules, lockAllWebContents } from './app/security'
import { startWhenReady } from './app/startup'
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
/** Opened files, second launches, the Dock and closed windows: app/app-lifecycle.ts decides. */
const lifecycle = new AppLifecycle(process.platform)

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    const window = createMainWindow(sources, path.join(outDir, 'preload', 'index.js'))
    // The case does not outlive its window (on macOS the app does).
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined
      lifecycle.windowClosed()
    })
    mainWindow = window
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
  // Windows shows notifications (follow-up reminders) only for the ID on the installer's shortcut.
  const aumid = appUserModelId({ platform: process.platform, isPackaged: app.isPackaged, execPath: process.execPath })
  if (aumid) app.setAppUserModelId(aumid)
  app.enableSandbox()
  registerAppScheme()
  lockAllWebContents()
  // macOS hands over double-clicked files with an event, not in argv, also before ready.
  app.on('open-file', (event, file) => {
    event.preventDefault()
    lifecycle.openFile(file)
  })
  app.on('second-instance', (_event, argv, workingDirectory) => lifecycle.secondInstance(argv, workingDirectory))
  app.on('activate', () => lifecycle.activate())
  // Close the case cleanly (WAL folded back in) whatever ends the app.
  app.on('will-quit', () => ipc?.session.close())
  app.on('window-all-closed', () => lifecycle.allWindowsClosed())
  void startWhenReady(
    app.whenReady(),
    () => {
      // Before anything writes: removes what a crash left half-written (an unencrypted partial bundle, say).
      keepPendingWritesIn(path.join(app.getPath('userData'), 'pending-writes'))
      applySessionRules(session.defaultSession, sources)
      serveAppFiles(session.defaultSession, sources)
      installApplicationMenu(sources.devTools)
      const wiring = registerIpc(sources, () => mainWindow)
      ipc = wiring
      lifecycle.ready({
        showWindow: showMainWindow,
        requestOpen: (file) => wiring.requestOpen(file),
        closeCase: () => wiring.closeCase(),
        quit: () => app.quit(),
      })
    },
    // Never a windowless process holding the single-instance lock: say why, and go.
    ({ title, content }) => {
      try {
        dialog.showErrorBox(title, content)
      } catch {
        // Nothing more can be said; quitting matters more.
      }
      try {
        ipc?.session.close()
      } finally {
        app.exit(1)
      }
    },
  )
}
