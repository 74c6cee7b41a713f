// Which URLs the app may show and fetch. Kiroku never goes online, so the only
// trusted places are its own built pages (and Vite's dev server while
// developing); everything else is refused by the main process.
// Pure: no 'electron' import, so it is unit-tested under plain Node.
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface TrustedSources {
  /** Absolute path of out/renderer, where the built pages live. */
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

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file))
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function isRendererFile(url: URL, rendererDir: string): boolean {
  if (url.protocol !== 'file:') return false
  try {
    // fileURLToPath decodes %xx and rejects encoded separators and foreign hosts.
    return isInside(rendererDir, fileURLToPath(url))
  } catch {
    return false
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

/** A page the window may display (and whose IPC calls the main process answers). */
export function isAppPage(url: string, sources: TrustedSources): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (isRendererFile(parsed, sources.rendererDir)) return true
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
    case 'file:':
      return isRendererFile(parsed, sources.rendererDir)
    default:
      return isDevServer(parsed, sources.devServerUrl)
  }
}
