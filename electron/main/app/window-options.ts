// How the main window is built. Kept apart from the code that creates it so
// a unit test can check the security settings without Electron's runtime:
// this file only imports Electron's *types*, which compile away.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron'

export interface WindowSettings {
  /** Absolute path of the built preload script (out/preload/index.js). */
  preloadPath: string
  /** Off in packaged builds: a user's case data is not a debugging surface. */
  devTools: boolean
}

export function secureWebPreferences({ preloadPath, devTools }: WindowSettings): WebPreferences {
  return {
    preload: preloadPath,
    // The renderer reaches the main process only through the preload's bridge.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // Dropping a file on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google's servers.
    spellcheck: false,
    safeDialogs: true,
    devTools,
  }
}

export function mainWindowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: 'Kiroku',
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: secureWebPreferences(settings),
  }
}
