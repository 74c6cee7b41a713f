// Which URLs the app shows and fetches: its own files only, plus Vite's dev server while developing.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { isAllowedRequest, isAppPage, type TrustedSources } from '../../electron/main/app/trusted-urls'

vi.mock('electron', () => {
  throw new Error('trusted-urls must not import electron at run time')
})

const rendererDir = path.resolve('/opt/kiroku/out/renderer')
const built: TrustedSources = { rendererDir, devTools: false }
const dev: TrustedSources = { rendererDir, devServerUrl: 'http://localhost:5173', devTools: true }
const fileUrl = (...parts: string[]) => pathToFileURL(path.join(rendererDir, ...parts)).href

describe('isAppPage', () => {
  it('accepts the built pages', () => {
    expect(isAppPage(fileUrl('index.html'), built)).toBe(true)
    expect(isAppPage(`${fileUrl('index.html')}#/case/1`, built)).toBe(true)
  })

  it('refuses other local files, including ones reached by climbing out', () => {
    expect(isAppPage(pathToFileURL('/etc/passwd').href, built)).toBe(false)
    expect(isAppPage(pathToFileURL(path.join(rendererDir, '..', 'main', 'index.js')).href, built)).toBe(false)
    expect(isAppPage(`${pathToFileURL(rendererDir).href}/../main/index.js`, built)).toBe(false)
    expect(isAppPage(`${pathToFileURL(rendererDir).href}/..%2Fmain%2Findex.js`, built)).toBe(false)
    // A sibling folder whose name merely starts the same.
    expect(isAppPage(pathToFileURL(`${rendererDir}-evil/index.html`).href, built)).toBe(false)
    expect(isAppPage(pathToFileURL(rendererDir).href, built)).toBe(false)
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
    expect(isAllowedRequest(fileUrl('assets', 'index-abc.js'), built)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', built)).toBe(true)
    expect(isAllowedRequest('blob:file:///0b6c7b4e-6a8d-4d3a-9a51-0f0f0f0f0f0f', built)).toBe(true)
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
