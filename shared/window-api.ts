// What the preload exposes to the renderer as `window.kiroku`. A placeholder
// until the typed IPC contract (shared/ipc) replaces it; the preload checks its
// object against this type with `satisfies`, and the renderer reads it.

export interface AppInfo {
  name: string
  version: string
  electron: string
  chrome: string
  node: string
}

export interface KirokuApi {
  appInfo(): Promise<AppInfo>
}

/** The one IPC channel so far. */
export const APP_INFO_CHANNEL = 'app:info'
