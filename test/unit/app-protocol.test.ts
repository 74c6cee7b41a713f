// app://kiroku/ serves the built renderer and nothing else: every way a URL
// could name a file outside it (or a file the build never makes) is refused.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  APP_ORIGIN,
  APP_PAGE_URL,
  locateAppFile,
  resolveAppUrl,
  serveAppRequest,
} from '../../electron/main/app/app-protocol'
import { contentSecurityPolicy } from '../../electron/main/app/content-security-policy'
import { buildRenderer } from '../e2e/harness/build-renderer'
import { tempDir } from '../helpers/temp'

vi.mock('electron', () => {
  throw new Error('app-protocol must not import electron at run time')
})

const POLICY = contentSecurityPolicy()

/** A renderer folder with a secret beside it, the way out/main sits beside out/renderer. */
function rendererFolder() {
  const base = tempDir()
  const root = path.join(base, 'out', 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kiroku</title>')
  fs.writeFileSync(path.join(root, 'assets', 'index-CC8XdxcY.js'), 'console.log(1)')
  fs.writeFileSync(path.join(root, 'assets', 'index-C-thiQxt.css'), 'body{}')
  fs.writeFileSync(path.join(root, 'assets', 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  fs.writeFileSync(path.join(root, 'assets', 'notes.unknownext'), 'x')
  fs.mkdirSync(path.join(base, 'out', 'main'))
  fs.writeFileSync(path.join(base, 'out', 'main', 'index.js'), 'SECRET main process code')
  fs.writeFileSync(path.join(base, 'secret.js'), 'SECRET')
  return { base, root }
}

describe('resolveAppUrl', () => {
  it('maps plain names to files of the build, with their types', () => {
    expect(resolveAppUrl(APP_PAGE_URL)).toEqual({ ok: true, relativePath: 'index.html', contentType: 'text/html; charset=utf-8' })
    expect(resolveAppUrl(`${APP_ORIGIN}/`)).toMatchObject({ ok: true, relativePath: 'index.html' })
    expect(resolveAppUrl(`${APP_ORIGIN}/index.html#/case/1`)).toMatchObject({ ok: true, relativePath: 'index.html' })
    const types: Record<string, string> = {
      'assets/index-CC8XdxcY.js': 'text/javascript; charset=utf-8',
      'assets/index-C-thiQxt.css': 'text/css; charset=utf-8',
      'assets/logo.svg': 'image/svg+xml',
      'assets/shot.PNG': 'image/png',
      'assets/noto_sans-jp.woff2': 'font/woff2',
      'plans/points_theft.json': 'application/json; charset=utf-8',
    }
    for (const [name, type] of Object.entries(types)) {
      expect(resolveAppUrl(`${APP_ORIGIN}/${name}`), name).toEqual({ ok: true, relativePath: name, contentType: type })
    }
    // Percent-encoding of ordinary characters is decoded once.
    expect(resolveAppUrl(`${APP_ORIGIN}/assets/%69ndex-CC8XdxcY.js`)).toMatchObject({ ok: true, relativePath: 'assets/index-CC8XdxcY.js' })
  })

  it('refuses other schemes, hosts, ports, credentials and spellings of the origin', () => {
    for (const url of [
      'file:///etc/passwd',
      'https://kiroku/index.html',
      'app://evil/index.html',
      'app://kiroku.evil/index.html',
      'app://kiroku./index.html',
      'app://KIROKU/index.html',
      'APP://kiroku/index.html',
      'app://kiroku:80/index.html',
      'app://user:pass@kiroku/index.html',
      'app://kiroku@evil/index.html',
      'app:///etc/passwd',
      'app:kiroku/index.html',
      'app://kiroku',
      'app://127.0.0.1/index.html',
      '',
      'not a url',
    ]) {
      expect(resolveAppUrl(url), url).toMatchObject({ ok: false, status: 403 })
    }
  })

  it('refuses every form of climbing out of the folder', () => {
    for (const rest of [
      '../main/index.js',
      'assets/../../main/index.js',
      './index.html',
      '%2e%2e/main/index.js',
      '%2E%2E/main/index.js',
      '.%2e/main/index.js',
      'assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      '..%2fmain%2findex.js',
      '..%5cmain%5cindex.js',
      '..\\main\\index.js',
      'assets\\..\\..\\secret.js',
      '%252e%252e/main/index.js',
      '/etc/passwd.js',
      '//etc/passwd.js',
      'assets//index-CC8XdxcY.js',
      'C:/Windows/win.ini.txt',
      'C%3A%5CWindows%5Cwin.ini.txt',
      '%5C%5Cserver%5Cshare%5Cx.js',
      'index.html%00.png',
      'index%00.html',
      'index.html::$DATA',
      '.env.json',
      'assets/.hidden.js',
      'INDEX~1.HTM',
      'index.html.',
      'index.html ',
      '%20index.html',
      'NUL.js',
      'assets/con.css',
      'COM1.json',
      'ｉｎｄｅｘ.html',
      `${'a'.repeat(300)}.js`,
    ]) {
      expect(resolveAppUrl(`${APP_ORIGIN}/${rest}`), rest).toMatchObject({ ok: false, status: 403 })
    }
  })

  it('refuses query strings, however they are written', () => {
    for (const rest of ['index.html?x=1', 'index.html?../../main/index.js', 'index.html?', 'index.html%3F../x.js', 'a.js?#']) {
      expect(resolveAppUrl(`${APP_ORIGIN}/${rest}`), rest).toMatchObject({ ok: false, status: 403 })
    }
  })

  it('refuses broken percent-encoding', () => {
    for (const rest of ['%E0%A4%A.js', '%.js', 'index%2.html', '%C0%AE%C0%AE/x.js']) {
      expect(resolveAppUrl(`${APP_ORIGIN}/${rest}`), rest).toMatchObject({ ok: false })
    }
    expect(resolveAppUrl(`${APP_ORIGIN}/%E0%A4%A.js`)).toMatchObject({ status: 400 })
  })

  it('refuses names without a type it serves, and folders', () => {
    for (const rest of ['assets/notes.unknownext', 'assets/index.js.map', 'Makefile', 'assets', 'assets/', 'app.asar', 'x.exe', 'x.node']) {
      expect(resolveAppUrl(`${APP_ORIGIN}/${rest}`), rest).toMatchObject({ ok: false })
    }
  })
})

describe('locateAppFile', () => {
  it('finds real files of the folder and gives their real path', async () => {
    const { root } = rendererFolder()
    const found = await locateAppFile(`${APP_ORIGIN}/assets/index-CC8XdxcY.js`, root)
    expect(found).toEqual({ ok: true, file: fs.realpathSync(path.join(root, 'assets', 'index-CC8XdxcY.js')), contentType: 'text/javascript; charset=utf-8' })
  })

  it('answers 404 for names that do not exist or are folders', async () => {
    const { root } = rendererFolder()
    fs.mkdirSync(path.join(root, 'folder.js'))
    expect(await locateAppFile(`${APP_ORIGIN}/missing.js`, root)).toMatchObject({ ok: false, status: 404 })
    expect(await locateAppFile(`${APP_ORIGIN}/folder.js`, root)).toMatchObject({ ok: false, status: 404 })
    expect(await locateAppFile(APP_PAGE_URL, path.join(root, 'no-such-folder'))).toMatchObject({ ok: false, status: 404 })
  })

  it('refuses symbolic links that lead out of the folder, and follows ones that stay in', async () => {
    const { base, root } = rendererFolder()
    fs.symlinkSync(path.join(base, 'secret.js'), path.join(root, 'assets', 'leak.js'))
    fs.symlinkSync(path.join(base, 'out', 'main'), path.join(root, 'main'))
    fs.symlinkSync(path.join(root, 'assets', 'index-CC8XdxcY.js'), path.join(root, 'alias.js'))
    expect(await locateAppFile(`${APP_ORIGIN}/assets/leak.js`, root)).toMatchObject({ ok: false, status: 403 })
    expect(await locateAppFile(`${APP_ORIGIN}/main/index.js`, root)).toMatchObject({ ok: false, status: 403 })
    expect(await locateAppFile(`${APP_ORIGIN}/alias.js`, root)).toMatchObject({
      ok: true,
      file: fs.realpathSync(path.join(root, 'assets', 'index-CC8XdxcY.js')),
    })
  })

  it('works when the renderer folder itself is reached through a link', async () => {
    const { base, root } = rendererFolder()
    const linked = path.join(base, 'linked-renderer')
    fs.symlinkSync(root, linked)
    expect(await locateAppFile(APP_PAGE_URL, linked)).toMatchObject({ ok: true, file: fs.realpathSync(path.join(root, 'index.html')) })
  })
})

describe('serveAppRequest', () => {
  it('sends the file with its type, the CSP and nosniff', async () => {
    const { root } = rendererFolder()
    const response = await serveAppRequest({ url: APP_PAGE_URL, method: 'GET' }, root, POLICY)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toBe('<!doctype html><title>Kiroku</title>')

    const script = await serveAppRequest({ url: `${APP_ORIGIN}/assets/index-CC8XdxcY.js`, method: 'GET'}, root, POLICY)
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const { root } = rendererFolder()
    const head = await serveAppRequest({ url: APP_PAGE_URL, method: 'HEAD' }, root, POLICY)
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await head.text()).toBe('')
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'get']) {
      const response = await serveAppRequest({ url: APP_PAGE_URL, method }, root, POLICY)
      expect(response.status, method).toBe(405)
      expect(await response.text()).toBe('')
    }
  })

  it('never sends a byte of a file outside the folder', async () => {
    const { base, root } = rendererFolder()
    fs.symlinkSync(path.join(base, 'secret.js'), path.join(root, 'leak.js'))
    for (const rest of ['../main/index.js', '%2e%2e/main/index.js', '..%2fmain%2findex.js', '..%5c..%5csecret.js', 'leak.js', '../secret.js']) {
      const response = await serveAppRequest({ url: `${APP_ORIGIN}/${rest}`, method: 'GET' }, root, POLICY)
      expect(response.status, rest).toBeGreaterThanOrEqual(400)
      expect(response.headers.get('content-type')).toBeNull()
      expect(await response.text()).not.toContain('SECRET')
    }
  })
})

describe('the real renderer build under app://kiroku/', () => {
  let outDir: string
  beforeAll(async () => {
    outDir = await buildRenderer()
  })
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

  it('serves every file the build makes, with a known type', async () => {
    const files = fs.readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    expect(files.length).toBeGreaterThanOrEqual(3)
    for (const entry of files) {
      const relative = path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
      const response = await serveAppRequest({ url: `${APP_ORIGIN}/${relative}`, method: 'GET' }, outDir, POLICY)
      expect(response.status, relative).toBe(200)
      expect(Buffer.from(await response.arrayBuffer()).equals(fs.readFileSync(path.join(outDir, relative))), relative).toBe(true)
    }
  })

  it('resolves every URL in the built index.html to a file it serves, as the page asks for it', async () => {
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
    const references = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1])
    // At least the module script and the stylesheet.
    expect(references.some((ref) => ref.endsWith('.js'))).toBe(true)
    expect(references.some((ref) => ref.endsWith('.css'))).toBe(true)
    for (const reference of references) {
      // What Chromium requests: the reference resolved against the page's URL
      // (relative, since the build's base is './'; an absolute '/x' would also stay on app://kiroku).
      const url = new URL(reference, APP_PAGE_URL).href
      expect(url.startsWith(`${APP_ORIGIN}/`), `${reference} -> ${url}`).toBe(true)
      const response = await serveAppRequest({ url, method: 'GET'}, outDir, POLICY)
      expect(response.status, url).toBe(200)
      const expected = reference.endsWith('.js') ? 'text/javascript; charset=utf-8' : reference.endsWith('.css') ? 'text/css; charset=utf-8' : undefined
      if (expected) expect(response.headers.get('content-type'), url).toBe(expected)
    }
  })
})
