// Electron glue for app://: the scheme's privileges and the handler. What a
// request may read is decided in app-protocol.ts, tested without Electron.
import { protocol, type Session } from 'electron'
import { APP_SCHEME, serveAppRequest } from './app-protocol'
import { contentSecurityPolicy } from './content-security-policy'
import type { TrustedSources } from './trusted-urls'

/**
 * Must run before 'ready', and only once (a second call replaces the first).
 * standard: a real origin, so relative URLs, CSP 'self' and localStorage (the
 * settings) work; secure: a secure context, as notifications need.
 * supportFetchAPI: Chromium loads module scripts through Fetch; the page's
 * own fetch() stays blocked by the CSP (connect-src 'none').
 * Not bypassCSP, not corsEnabled: nothing else may read these files.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

/** Serves out/renderer as app://kiroku/ on the window's session, always with the strict CSP. */
export function serveAppFiles(session: Session, sources: TrustedSources): void {
  const policy = contentSecurityPolicy()
  session.protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, sources.rendererDir, policy))
}
