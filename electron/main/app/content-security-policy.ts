// The renderer's Content-Security-Policy, written once so that the header the
// main process sends, the <meta> tag in renderer/index.html (checked by a
// test) and the dev server's copy of that tag cannot drift apart.
// Pure: no 'electron' import, so tests and electron.vite.config.ts can use it.

type Directive = readonly [name: string, sources: readonly string[]]

/** The policy of a built app: only its own files; no network at all. */
const STRICT_POLICY: readonly Directive[] = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['connect-src', ["'none'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
]

/** Chromium ignores these in a <meta> tag and logs a warning for each. */
const HEADER_ONLY = new Set(['frame-ancestors'])

export interface PolicyOptions {
  /** Vite's dev server (e.g. http://localhost:5173); only set while developing. */
  devServerUrl?: string
  /** 'meta' leaves out what a <meta> tag cannot carry. */
  delivery?: 'header' | 'meta'
}

/**
 * Development only, because Vite's tooling needs three things a build does not:
 * its HMR websocket, the React Refresh preamble (an inline module script), and
 * imported CSS, which it injects as <style> elements.
 */
function relaxForDevServer(directive: Directive, devServerUrl: string): Directive {
  const [name, sources] = directive
  const server = new URL(devServerUrl)
  const websocket = `${server.protocol === 'https:' ? 'wss:' : 'ws:'}//${server.host}`
  switch (name) {
    case 'connect-src':
      return [name, ["'self'", websocket]]
    case 'script-src':
    case 'style-src':
      return [name, [...sources, "'unsafe-inline'"]]
    default:
      return directive
  }
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const { devServerUrl, delivery = 'header' } = options
  return STRICT_POLICY.filter(([name]) => delivery === 'header' || !HEADER_ONLY.has(name))
    .map((directive) => (devServerUrl ? relaxForDevServer(directive, devServerUrl) : directive))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}
