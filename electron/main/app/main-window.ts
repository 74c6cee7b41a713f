// Creates the one window and loads the app page into it.
import path from 'node:path'
import { BrowserWindow } from 'electron'
import { mainWindowOptions } from './window-options'
import type { TrustedSources } from './trusted-urls'

export function createMainWindow(sources: TrustedSources, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions({ preloadPath, devTools: sources.devTools }))
  window.once('ready-to-show', () => window.show())
  if (sources.devServerUrl) void window.loadURL(sources.devServerUrl)
  else void window.loadFile(path.join(sources.rendererDir, 'index.html'))
  return window
}
