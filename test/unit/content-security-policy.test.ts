// The renderer's CSP: strict in a build, relaxed only for Vite's dev server,
// and the same in the main process's header and in renderer/index.html.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../electron/main/app/content-security-policy'

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/)
      return [name ?? '', sources.join(' ')]
    }),
  )
}

describe('contentSecurityPolicy', () => {
  it('is the strict policy in a build', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('leaves out frame-ancestors in a meta tag, where Chromium ignores it', () => {
    const meta = directives(contentSecurityPolicy({ delivery: 'meta' }))
    expect(meta.has('frame-ancestors')).toBe(false)
    expect(meta.get('connect-src')).toBe("'none'")
  })

  it('opens only the dev server websocket while developing', () => {
    const policy = directives(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }))
    expect(policy.get('connect-src')).toBe("'self' ws://localhost:5173")
    expect(policy.get('script-src')).toBe("'self' 'unsafe-inline'")
    expect(policy.get('object-src')).toBe("'none'")
    expect(policy.get('frame-ancestors')).toBe("'none'")
  })

  it('matches the meta tag in renderer/index.html', () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '../../renderer/index.html'), 'utf8')
    const tag = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)
    expect(tag?.[1]).toBe(contentSecurityPolicy({ delivery: 'meta' }))
  })
})
