// The page's only way into the main process: `window.kiroku.invoke(channel,
// input)`, typed by the IPC contract. Sandboxed preloads can require nothing
// but 'electron', so electron-vite bundles this into one CommonJS file. No
// logic here: the main process validates every call.
import { contextBridge, ipcRenderer } from 'electron'
import type { KirokuClient } from '../../shared/ipc/contract'
import { IPC_CHANNEL } from '../../shared/ipc/transport'

const client: KirokuClient = {
  invoke: (channel, ...input) => ipcRenderer.invoke(IPC_CHANNEL, channel, input[0]),
}

contextBridge.exposeInMainWorld('kiroku', client)
