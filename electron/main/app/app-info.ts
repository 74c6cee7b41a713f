// The one IPC handler of the skeleton. Like every handler to come, it answers
// only the app's own pages: a frame showing anything else gets an error.
import { app, ipcMain } from 'electron'
import { APP_INFO_CHANNEL, type AppInfo } from '../../../shared/window-api'
import { isAppPage, type TrustedSources } from './trusted-urls'

function appInfo(): AppInfo {
  return {
    name: app.getName(),
    version: app.getVersion(),
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  }
}

export function registerAppInfo(sources: TrustedSources): void {
  ipcMain.handle(APP_INFO_CHANNEL, (event) => {
    const senderUrl = event.senderFrame?.url ?? ''
    if (!isAppPage(senderUrl, sources)) throw new Error(`${APP_INFO_CHANNEL} refused for ${senderUrl || 'an unknown frame'}`)
    return appInfo()
  })
}
