// Electron glue for the security rules: the decisions themselves live in the
// pure modules (trusted-urls, content-security-policy), tested without Electron.
import { app, type Session, type WebContents } from 'electron'
import { contentSecurityPolicy } from './content-security-policy'
import { isAllowedPermission } from './permissions'
import { isAllowedRequest, isAppPage, type TrustedSources } from './trusted-urls'

/** The app's page may show notifications (follow-up reminders); every other permission is refused. */
function grantOnlyNotifications(session: Session, sources: TrustedSources): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isAllowedPermission(permission, details.requestingUrl, sources)),
  )
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    isAllowedPermission(permission, details.requestingUrl, sources),
  )
  session.setDevicePermissionHandler(() => false)
}

/** Kiroku never goes online: any request that is not for the app's own files is cancelled. */
function refuseForeignRequests(session: Session, sources: TrustedSources): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, sources)
    if (!allowed) console.warn(`Kiroku refused a request to ${details.url}`)
    callback({ cancel: !allowed })
  })
}

/**
 * Sends the CSP as a header too, over whatever the server sent. app:// pages
 * already get it from the protocol handler (app-protocol.ts); this covers the
 * dev server. The <meta> tag in index.html carries the same policy.
 */
function sendContentSecurityPolicy(session: Session, sources: TrustedSources): void {
  const policy = contentSecurityPolicy({ devServerUrl: sources.devServerUrl })
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppPage(details.url, sources)) return callback({})
    const headers = { ...details.responseHeaders }
    // Drop any policy the server sent in another letter case, so ours is the only one.
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } })
  })
}

/** The window shows the one app page; links, redirects and pop-ups never replace it. */
function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

export function applySessionRules(session: Session, sources: TrustedSources): void {
  grantOnlyNotifications(session, sources)
  refuseForeignRequests(session, sources)
  sendContentSecurityPolicy(session, sources)
}

/** Call before 'ready': every web contents created later gets the locks. */
export function lockAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents))
}
