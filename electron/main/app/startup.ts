// What happens when starting the app fails after Electron is ready (the data
// folder cannot be written, the app:// handler cannot be registered, a
// window cannot be made...). An unhandled rejection would leave a process
// with no window that still holds the single-instance lock, so every later
// double-click on a case file would only wake that invisible process. Instead
// the error is shown in a box and the app quits.
// Pure: no 'electron' import; index.ts passes app.whenReady() and the box.

export interface StartupFailure {
  title: string
  content: string
}

/** The error box's words: what failed, and that Kiroku is quitting. */
export function startupFailure(error: unknown): StartupFailure {
  const reason = error instanceof Error ? error.message || error.name : String(error)
  return {
    title: 'Kiroku could not start',
    content: `${reason}\n\nKiroku will now quit. No case was open yet; start Kiroku again, and if this message comes back, report it as it is written here.`,
  }
}

/**
 * Runs `start` once `ready` resolves; if either fails, `fail` gets the
 * words for the error box (it shows them and quits, even if the box cannot
 * be shown). Resolves to whether the app started.
 */
export async function startWhenReady(
  ready: Promise<unknown>,
  start: () => void | Promise<void>,
  fail: (failure: StartupFailure, error: unknown) => void,
): Promise<boolean> {
  try {
    await ready
    await start()
    return true
  } catch (error) {
    fail(startupFailure(error), error)
    return false
  }
}
