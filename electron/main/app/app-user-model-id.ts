// Windows shows a notification only for an app it can name: the Application
// User Model ID (AUMID) of the running process must match the one on the Start
// menu shortcut. electron-builder's NSIS installer puts the appId of
// electron-builder.yml on that shortcut, so a packaged Kiroku must claim the
// same ID, or its follow-up reminders (useFollowUpNotifications) are dropped
// without a word. Pure: index.ts calls app.setAppUserModelId with the answer.

/** electron-builder.yml's appId (test/unit/app-user-model-id.test.ts reads it back). */
export const APP_ID = 'jp.kiroku.app'

export interface ProcessFacts {
  platform: string
  /** app.isPackaged */
  isPackaged: boolean
  /** process.execPath */
  execPath: string
}

/**
 * The AUMID to set, or undefined where there is none to set (not Windows).
 * In development no installer made a shortcut; Electron's documentation has
 * the process claim its own executable's path then, which Windows accepts
 * for an unpackaged electron.exe.
 */
export function appUserModelId({ platform, isPackaged, execPath }: ProcessFacts): string | undefined {
  if (platform !== 'win32') return undefined
  return isPackaged ? APP_ID : execPath
}
