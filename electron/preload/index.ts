// The renderer's only way into the main process. Sandboxed preloads can
// require nothing but 'electron', so electron-vite bundles this into one
// CommonJS file. Keep logic out of here: it just forwards calls.
import { contextBridge, ipcRenderer } from 'electron'
import { APP_INFO_CHANNEL, type KirokuApi } from '../../shared/window-api'

const api = {
  appInfo: () => ipcRenderer.invoke(APP_INFO_CHANNEL),
} satisfies KirokuApi

contextBridge.exposeInMainWorld('kiroku', api)
