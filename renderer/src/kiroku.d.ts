// The bridge the preload exposes (electron/preload/index.ts), typed by the IPC contract.
import type { KirokuClient } from '../../shared/ipc/contract'

declare global {
  interface Window {
    kiroku: KirokuClient
  }
}
