// Builds the three parts of the app into out/: main, preload and renderer.
// Entries sit outside electron-vite's default src/ layout, so each is named here.
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './electron/main/app/content-security-policy'

const META_CSP = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/

/**
 * The dev server serves renderer/index.html too; there its strict CSP tag
 * would block Vite's HMR, so it gets the dev policy (with the server's own
 * origin). Builds keep the strict tag untouched.
 */
function devServerCsp(): Plugin {
  return {
    name: 'kiroku:dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html, context) {
      const devServerUrl = context.server?.resolvedUrls?.local[0]
      if (!devServerUrl) return html
      if (!META_CSP.test(html)) throw new Error('renderer/index.html has lost its CSP <meta> tag')
      const policy = contentSecurityPolicy({ devServerUrl, delivery: 'meta' })
      return html.replace(META_CSP, `$1${policy}$2`)
    },
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(import.meta.dirname, 'out/main'),
      // package.json "dependencies" are shipped in node_modules, so they stay
      // external (electron-vite's default, spelled out).
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') },
        // A native module cannot be bundled; named here too so it stays external
        // even if it ever moves out of "dependencies".
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(import.meta.dirname, 'out/preload'),
      // A sandboxed preload can only require 'electron': bundle everything
      // else into the one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves code unminified; the page loads faster minified.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'renderer/index.html') },
      },
    },
  },
})
