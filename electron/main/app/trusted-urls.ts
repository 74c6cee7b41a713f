// Which URLs the app may show and fetch. Kiroku never goes online, so the only
// trusted places are its own built pages, served as app://kiroku/ (and Vite's
// dev server while developing); everything else is refused by the main
// process, file:// included: nothing of the app is loaded from it.
// Pure: no 'electron' import, so it is unit-tested under plain Node.
import { resolveAppUrl } from './app-protocol'

export interface TrustedSources {
  /** Absolute path of out/renderer, where the built pages live (served as app://kiroku/). */
  rendererDir: string
  /** Vite's dev server (e.g. http://localhost:5173); set only while developing. */
  devServerUrl?: string
  /** DevTools load their own devtools:// pages through the same session. */
  devTools: boolean
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

function isDevServer(url: URL, devServerUrl: string | undefined): boolean {
  if (!devServerUrl) return false
  const server = parse(devServerUrl)
  if (!server) return false
  if (url.origin === server.origin) return true
  // Vite's HMR websocket: same host and port, ws(s) instead of http(s).
  const websocketScheme = server.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.protocol === websocketScheme && url.host === server.host
}

/** An HTML page of the build as app:// serves it; the same rules as the protocol handler's. */
function isBuiltPage(url: string): boolean {
  const resource = resolveAppUrl(url)
  return resource.ok && resource.contentType.startsWith('text/html')
}

/** A page the window may display (and whose IPC calls the main process answers). */
export function isAppPage(url: string, sources: TrustedSources): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === 'app:') return isBuiltPage(url)
  return (
    sources.devServerUrl !== undefined &&
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    isDevServer(parsed, sources.devServerUrl)
  )
}

/** A request the session may make: the app's own files, or data the page already holds. */
export function isAllowedRequest(url: string, sources: TrustedSources): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  switch (parsed.protocol) {
    case 'data:':
    case 'blob:':
      return true // built in memory by the page itself; nothing leaves the machine
    case 'devtools:':
      return sources.devTools
    case 'app:':
      // Only names the protocol handler would serve; it checks the disk itself.
      return resolveAppUrl(url).ok
    default:
      return isDevServer(parsed, sources.devServerUrl)
  }
}
