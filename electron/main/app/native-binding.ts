// Which better_sqlite3.node the main process loads. A native module built for
// Node does not load in Electron (and the reverse), so during development the
// Electron build lives apart, in .native/ (made by scripts/electron-native.mjs),
// and node_modules keeps the Node build that the tests and the CLI use.
// Pure: takes the app object as a parameter instead of importing 'electron'.
import path from 'node:path'

/** The parts of Electron's `app` this needs. */
export interface AppLike {
  isPackaged: boolean
  getAppPath(): string
}

/**
 * Keep in step with nativeDir() in scripts/electron-native-plan.mjs. The
 * architecture is Electron's own (process.arch in the main process), which is
 * the one the script built for.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string, arch: string): string {
  return path.join(appRoot, '.native', `electron-${electronVersion}-${arch}`, 'better_sqlite3.node')
}

/**
 * The `nativeBinding` option for the core's case-file functions: the .native/
 * build in development; undefined when packaged, because electron-builder has
 * rebuilt the module in place for Electron (npmRebuild) and the default lookup finds it.
 */
export function electronNativeBinding(
  app: AppLike,
  electronVersion: string = process.versions.electron ?? '',
  arch: string = process.arch,
): string | undefined {
  if (app.isPackaged) return undefined
  if (!electronVersion) throw new Error('electronNativeBinding() must run in the Electron main process.')
  return electronNativeBindingPath(app.getAppPath(), electronVersion, arch)
}
