// Creates the one window and loads the app page into it.
import { BrowserWindow } from 'electron'
import { APP_PAGE_URL } from './app-protocol'
import { mainWindowOptions } from './window-options'
import type { TrustedSources } from './trusted-urls'

export function createMainWindow(sources: TrustedSources, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, devTools: sources.devTools }))
  window.once('ready-to-show', () => window.show())
  // The built page comes from app:// (protocol.ts), never from file://.
  void window.loadURL(sources.devServerUrl ?? APP_PAGE_URL)
  return window
}
