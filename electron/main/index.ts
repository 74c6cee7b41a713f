// Entry of Electron's main process: one instance, one locked-down window.
// App logic lives in ./core (pure Node); ./app is only the Electron glue.
import path from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { registerAppInfo } from './app/app-info'
import { createMainWindow } from './app/main-window'
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
  lockAllWebContents()
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(() => {
    applySessionRules(session.defaultSession, sources)
    registerAppInfo(sources)
    showMainWindow()
    // Registered once ready: a window cannot be created before that.
    app.on('second-instance', () => showMainWindow())
    app.on('activate', () => showMainWindow())
  })
}
