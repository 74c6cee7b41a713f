// What the app does when the OS or the user opens a file, launches it again,
// clicks its Dock icon or closes its window. index.ts forwards Electron's
// events here; this decides.
//
// - The case lives as long as its window. Closing the window closes the case
//   (the decrypted session, its hourly backup timer, and the paths the page
//   was allowed to use). On macOS the app itself stays in the Dock, as Mac
//   apps do, but holds nothing of the case; Windows and Linux quit.
// - A file to open always ends with a window showing it: macOS sends files
//   from Finder in the open-file event, also when no window is open (after the
//   last one was closed) and before the app is ready (a double-click that
//   launches Kiroku); a second launch (Windows, Linux) brings its file in argv.
// Pure: no 'electron' import; the actions are Electron calls made by index.ts.
import { caseFileArgument, launchPath } from './launch-arguments'

export interface LifecycleActions {
  /** Creates the window when there is none, else restores and focuses it. */
  showWindow(): void
  /** Keeps a file for the page to take (app:takeFileToOpen). */
  requestOpen(file: string): void
  /** Closes the open case: the session, its backup timer and the path grants. */
  closeCase(): void
  quit(): void
}

export class AppLifecycle {
  private actions: LifecycleActions | undefined
  /** A file named before the app was ready (macOS sends it that early). */
  private pendingFile: string | undefined

  constructor(
    private readonly platform: string,
    private readonly cwd: () => string = () => process.cwd(),
  ) {}

  /** Electron is ready and the IPC is wired: take what arrived before, and show the window. */
  ready(actions: LifecycleActions): void {
    this.actions = actions
    if (this.pendingFile) actions.requestOpen(this.pendingFile)
    this.pendingFile = undefined
    actions.showWindow()
  }

  /** macOS open-file (Finder, the Dock, `open`): a path, or a file: URL from some launchers. */
  openFile(file: string): void {
    const path = launchPath(file, this.cwd(), this.platform)
    if (!path) return
    if (!this.actions) {
      this.pendingFile = path
      return
    }
    this.actions.requestOpen(path)
    this.actions.showWindow()
  }

  /** Another launch while Kiroku runs (double-click, "Open with"): its file if any, and the window to the front. */
  secondInstance(argv: readonly string[], workingDirectory: string): void {
    const file = caseFileArgument(argv, workingDirectory, this.platform)
    if (!this.actions) {
      // Electron emits it after 'ready', which can still be before the IPC is wired.
      if (file) this.pendingFile = file
      return
    }
    if (file) this.actions.requestOpen(file)
    this.actions.showWindow()
  }

  /** macOS: the Dock icon clicked (also at launch); a window when there is none. */
  activate(): void {
    this.actions?.showWindow()
  }

  /** The window is gone: the case goes with it. */
  windowClosed(): void {
    this.actions?.closeCase()
  }

  /** No window left: quit, except on macOS, where the app stays in the Dock with no case open. */
  allWindowsClosed(): void {
    if (this.platform !== 'darwin') this.actions?.quit()
  }
}

/**
 * Closing the window's case: the session (the decrypted connection and its
 * backup timer; CaseFile.close writes the on-close backup) and the path
 * grants go together, the grants even if closing the file throws.
 */
export function closeWindowCase(session: { close(): void }, grants: { clear(): void }): void {
  try {
    session.close()
  } finally {
    grants.clear()
  }
}
