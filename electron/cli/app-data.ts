// The CLI shares the desktop app's data folder (its backups, its journal of
// pending writes), found where Electron's app.getPath('userData') puts it for
// the app named "Kiroku"; $KIROKU_DATA_DIR moves it (tests, portable use).
import os from 'node:os'
import path from 'node:path'

export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KIROKU_DATA_DIR) return env.KIROKU_DATA_DIR
  const home = os.homedir()
  const base =
    platform === 'win32'
      ? env.APPDATA ?? path.join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME ?? path.join(home, '.config')
  return path.join(base, 'Kiroku')
}

export function defaultBackupsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(appDataDir(env, platform), 'backups')
}

/** The backups folder: --backups-dir, else $KIROKU_BACKUPS_DIR, else the app's own. */
export function backupsDir(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return given ?? env.KIROKU_BACKUPS_DIR ?? defaultBackupsDir(env)
}
