// The bridge the preload exposes (electron/preload/index.ts).
import type { KirokuApi } from '../../shared/window-api'

declare global {
  interface Window {
    kiroku: KirokuApi
  }
}
