// The bridge the preload exposes (electron/preload/index.ts): one typed
// `invoke` per the IPC contract, and nothing else.
import type { KirokuClient } from '../../shared/ipc/contract'

declare global {
  interface Window {
    kiroku: KirokuClient
  }
}
