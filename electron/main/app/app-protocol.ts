// The app:// protocol: the built renderer (out/renderer) is served as
// app://kiroku/…, a standard, secure origin of its own, instead of file://
// (which would give the page the whole disk as its origin).
// Chromium passes the handler whatever URL the page asked for, so a hostile
// page could put anything in it: only plain file names under the renderer
// folder, with a known type, are ever read. Everything else is refused here.
// Pure: no 'electron' import; protocol.ts hands requests to serveAppRequest.
import fs from 'node:fs/promises'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'kiroku'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`

/**
 * Every kind of file the renderer build can contain. Anything else is refused
 * rather than sent as application/octet-stream: the build never makes such a
 * file, so a request for one is a mistake or a probe, and a file we cannot
 * name the type of is not one the page should get.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/**
 * One path segment, after percent-decoding once: letters, digits, '_', '-'
 * and inner dots, as Vite names its output (index-CC8XdxcY.js). This alone
 * refuses '.', '..', hidden files, '/', '\', NUL, ':' (drive letters, NTFS
 * streams), '%' (double encoding), '?', '~' (8.3 short names) and spaces.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9_-](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/
/** Windows opens these devices whatever the folder or extension (NUL.js, con). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9]|lpt[0-9])(?:\..*)?$/i
const MAX_SEGMENT = 255

export type Refusal = { ok: false; status: 400 | 403 | 404 | 405; reason: string }
export type AppResource = { ok: true; relativePath: string; contentType: string }
export type AppFile = { ok: true; file: string; contentType: string }

const refuse = (status: Refusal['status'], reason: string): Refusal => ({ ok: false, status, reason })

/**
 * Which file of the renderer folder an app:// URL names, read from the URL
 * text itself (no file system). Chromium hands standard-scheme URLs over
 * already canonical (lower-case host, dot segments resolved, '\' turned into
 * '/'), so anything that is not plainly `app://kiroku/name/name.ext` is refused
 * rather than repaired. The fragment is ignored (it is never sent); a query is
 * refused, because the build never uses one.
 */
export function resolveAppUrl(url: string): AppResource | Refusal {
  const prefix = `${APP_ORIGIN}/`
  if (!url.startsWith(prefix)) return refuse(403, 'not an app://kiroku/ URL')
  const hash = url.indexOf('#')
  const rawPath = url.slice(prefix.length, hash < 0 ? undefined : hash)
  if (rawPath.includes('?')) return refuse(403, 'query strings are not served')
  const segments = rawPath === '' ? ['index.html'] : rawPath.split('/')
  const names: string[] = []
  for (const segment of segments) {
    let name: string
    try {
      name = decodeURIComponent(segment)
    } catch {
      return refuse(400, 'malformed percent-encoding')
    }
    if (name.length > MAX_SEGMENT || !SAFE_SEGMENT.test(name) || WINDOWS_DEVICE.test(name)) {
      return refuse(403, `refused path segment ${JSON.stringify(segment.slice(0, 80))}`)
    }
    names.push(name)
  }
  const contentType = CONTENT_TYPES[path.extname(names[names.length - 1]).toLowerCase()]
  if (!contentType) return refuse(404, 'not a type of file the app serves')
  return { ok: true, relativePath: names.join('/'), contentType }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative)
}

/**
 * The file on disk for an app:// URL: the name must resolve (resolveAppUrl),
 * exist as a regular file, and still be inside the renderer folder once
 * symbolic links are followed. The path returned is the real one, so what is
 * read is what was checked. (In a packaged app the folder is inside app.asar,
 * whose fs functions Electron provides, and which nobody can add links to.)
 */
export async function locateAppFile(url: string, rendererDir: string): Promise<AppFile | Refusal> {
  const resource = resolveAppUrl(url)
  if (!resource.ok) return resource
  let root: string
  let file: string
  try {
    root = await fs.realpath(rendererDir)
    file = await fs.realpath(path.join(root, ...resource.relativePath.split('/')))
  } catch {
    return refuse(404, 'no such file')
  }
  if (!isInside(root, file)) return refuse(403, 'the file leads out of the renderer folder')
  const stats = await fs.stat(file).catch(() => undefined)
  if (!stats?.isFile()) return refuse(404, 'not a file')
  return { ok: true, file, contentType: resource.contentType }
}

export interface AppRequest {
  url: string
  method: string
}

/**
 * The protocol handler's answer: the file with its type, and the page's CSP as
 * a header (a header also covers what a <meta> tag cannot, frame-ancestors).
 * Only GET and HEAD: the page has no reason to send anything to its own files.
 * Who asks is not checked here: no other origin can exist in this session
 * (trusted-urls.ts cancels every other request and navigation), and an
 * origin check whose input Electron may fill differently is a way to ship a
 * blank window.
 */
export async function serveAppRequest(request: AppRequest, rendererDir: string, contentSecurityPolicy: string): Promise<Response> {
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } })
  }
  const found = await locateAppFile(request.url, rendererDir)
  if (!found.ok) return new Response(null, { status: found.status, headers })
  const body = request.method === 'HEAD' ? null : await fs.readFile(found.file)
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': found.contentType } })
}
