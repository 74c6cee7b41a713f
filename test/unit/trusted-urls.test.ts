// Which URLs the app shows and fetches: its own files as app://kiroku/ only, plus Vite's dev server while developing.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { APP_PAGE_URL } from '../../electron/main/app/app-protocol'
import { isAllowedRequest, isAppPage, type TrustedSources } from '../../electron/main/app/trusted-urls'
import { createRouter, type Handlers } from '../../electron/main/ipc/router'

vi.mock('electron', () => {
  throw new Error('trusted-urls must not import electron at run time')
})

const rendererDir = path.resolve('/opt/kiroku/out/renderer')
const built: TrustedSources = { rendererDir, devTools: false }
const dev: TrustedSources = { rendererDir, devServerUrl: 'http://localhost:5173', devTools: true }
const fileUrl = (...parts: string[]) => pathToFileURL(path.join(rendererDir, ...parts)).href

describe('isAppPage', () => {
  it('accepts the built page as app:// serves it', () => {
    expect(APP_PAGE_URL).toBe('app://kiroku/index.html')
    expect(isAppPage(APP_PAGE_URL, built)).toBe(true)
    expect(isAppPage(`${APP_PAGE_URL}#/case/1`, built)).toBe(true)
    expect(isAppPage(APP_PAGE_URL, dev)).toBe(true)
  })

  it('refuses file://, even the built page itself: nothing of the app is loaded from it', () => {
    expect(isAppPage(fileUrl('index.html'), built)).toBe(false)
    expect(isAppPage(fileUrl('index.html'), dev)).toBe(false)
    expect(isAppPage(pathToFileURL('/etc/passwd').href, built)).toBe(false)
  })

  it('refuses app:// URLs that are not a page of the build, or not plainly written', () => {
    for (const url of [
      'app://kiroku/assets/index-CC8XdxcY.js',
      'app://kiroku/../index.html.js',
      'app://kiroku/%2e%2e/index.html',
      'app://kiroku/..%2Findex.html',
      'app://kiroku/index.html?x',
      'app://evil/index.html',
      'app://KIROKU/index.html',
      'app://kiroku:1/index.html',
      'app://u@kiroku/index.html',
      'app:///index.html',
    ]) {
      expect(isAppPage(url, built), url).toBe(false)
    }
  })

  it('refuses the web and malformed URLs', () => {
    expect(isAppPage('https://example.com/', built)).toBe(false)
    expect(isAppPage('not a url', built)).toBe(false)
    expect(isAppPage('', built)).toBe(false)
  })

  it('accepts the dev server only while developing', () => {
    expect(isAppPage('http://localhost:5173/', dev)).toBe(true)
    expect(isAppPage('http://localhost:5173/', built)).toBe(false)
    expect(isAppPage('http://localhost:5174/', dev)).toBe(false)
    expect(isAppPage('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isAppPage('ws://localhost:5173/', dev)).toBe(false)
  })
})

describe('isAllowedRequest', () => {
  it('allows the app files and in-memory data', () => {
    expect(isAllowedRequest(APP_PAGE_URL, built)).toBe(true)
    expect(isAllowedRequest('app://kiroku/assets/index-abc.js', built)).toBe(true)
    expect(isAllowedRequest('app://kiroku/assets/index-abc.css', dev)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', built)).toBe(true)
    expect(isAllowedRequest('blob:app://kiroku/0b6c7b4e-6a8d-4d3a-9a51-0f0f0f0f0f0f', built)).toBe(true)
  })

  it('refuses app:// requests the protocol handler would refuse, and every file:// request', () => {
    for (const url of [
      'app://kiroku/../main/index.js',
      'app://kiroku/%2e%2e/main/index.js',
      'app://kiroku/..%5cmain%5cindex.js',
      'app://kiroku/index.html?x=1',
      'app://kiroku/assets/index.js.map',
      'app://other/index.html',
      fileUrl('index.html'),
      fileUrl('assets', 'index-abc.js'),
      pathToFileURL('/etc/passwd').href,
    ]) {
      expect(isAllowedRequest(url, built), url).toBe(false)
    }
  })

  it('refuses everything on the network in a build', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'ws://localhost:5173/',
      'ftp://example.com/file',
      'https://electronjs.org/headers',
      'chrome-extension://abc/page.html',
    ]) {
      expect(isAllowedRequest(url, built), url).toBe(false)
    }
  })

  it('allows the dev server and its HMR websocket while developing, nothing else', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(isAllowedRequest('wss://localhost:5173/', dev)).toBe(false)
    expect(isAllowedRequest('ws://localhost:9999/', dev)).toBe(false)
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false)
  })

  it('allows DevTools pages only when DevTools are enabled', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html'
    expect(isAllowedRequest(url, dev)).toBe(true)
    expect(isAllowedRequest(url, built)).toBe(false)
  })
})

describe('the IPC sender check, as ipc.ts wires it', () => {
  // No handler is reached: a trusted sender gets past the check to the channel
  // lookup ('unknown_channel'), an untrusted one is stopped before it ('forbidden').
  const dispatch = createRouter({} as Handlers, (sender) => isAppPage(sender.url, built), () => {})

  it('lets the app:// page through', async () => {
    for (const url of [APP_PAGE_URL, `${APP_PAGE_URL}#/case/1`]) {
      expect(await dispatch('no:such-channel', undefined, { url }), url).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    }
  })

  it('stops file:// pages, other origins and look-alikes before anything else', async () => {
    for (const url of [fileUrl('index.html'), 'app://kiroku/assets/index-abc.js', 'app://evil/index.html', 'http://localhost:5173/', 'https://evil.example/', '']) {
      expect(await dispatch('no:such-channel', undefined, { url }), url).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })
})
