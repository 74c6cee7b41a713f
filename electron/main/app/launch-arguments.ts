// Which case file a launcher asks Kiroku to open. Windows and Linux put it on
// the command line (a double-click, "Open with", a second launch while Kiroku
// runs); macOS sends it in the open-file event. Some launchers pass a file:
// URL instead of a path (Linux desktop entries with %u, xdg-open, several file
// managers): it is taken as the path it names. Any other scheme (http:,
// smb:, a custom one) is refused, and so is a file: URL naming another host,
// which on Windows would become a UNC path to that machine.
// Pure: no 'electron' import; index.ts and ipc.ts pass in argv and events.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const CASE_FILE_EXTENSION = '.kiroku'

/** A URL scheme of two letters or more: `C:\…` and `C:/…` are Windows paths, not URLs. */
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]+:/

/**
 * The absolute path of the case file one launch argument names, or undefined
 * when it names none: a switch (`--flag`), a URL other than a local file: URL,
 * or a file that is not a `.kiroku` file. A relative path is taken from `cwd`
 * (the folder the launch was made from).
 */
export function launchPath(argument: string, cwd: string, platform: string = process.platform): string | undefined {
  if (!argument || argument.startsWith('-')) return undefined
  let file = argument
  if (URL_SCHEME.test(argument)) {
    let url: URL
    try {
      url = new URL(argument)
    } catch {
      return undefined
    }
    if (url.protocol !== 'file:') return undefined
    if (url.hostname !== '' && url.hostname !== 'localhost') return undefined
    try {
      file = fileURLToPath(url, { windows: platform === 'win32' })
    } catch {
      return undefined // e.g. an encoded '/' in a Windows path
    }
  }
  const paths = platform === 'win32' ? path.win32 : path.posix
  if (!file.toLowerCase().endsWith(CASE_FILE_EXTENSION)) return undefined
  return paths.resolve(cwd, file)
}

/**
 * The first case file among command-line arguments (argv[0] is the program;
 * in development argv[1] is the app's folder, which is not a case file).
 */
export function caseFileArgument(argv: readonly string[], cwd: string, platform: string = process.platform): string | undefined {
  for (const argument of argv.slice(1)) {
    const file = launchPath(argument, cwd, platform)
    if (file) return file
  }
  return undefined
}
