// Packaging (issue 12, item 4): electron-builder, pinned in devDependencies,
// packs a Linux app with Kiroku's electron-builder.yml and its afterPack hook,
// offline. What this adds to fuses.test.ts: the context electron-builder really
// hands the hook (its Linux executable name, the folder it packed into) leads it
// to the binary, and the binary electron-builder leaves carries Kiroku's fuses.
//
// The Electron packed is a stand-in, given to electron-builder as `electronDist`:
// Electron's runtime cannot be downloaded where these tests run. It is a file
// with Electron's fuse wire laid out as fuses.test.ts describes. The app is a
// stand-in too (one main file), so nothing needs `electron-vite build` first.
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { FuseState, getCurrentFuseWire } from '@electron/fuses'
import { Arch, Platform, build, type Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron's own fuse defaults (see fuses.test.ts). */
const ELECTRON_DEFAULT_WIRE = '101100011'
const { KIROKU_FUSES } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'fuses.mjs')).href)) as {
  KIROKU_FUSES: Record<string, boolean>
}
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))

/** A folder electron-builder takes for an unpacked Electron for Linux. */
function standInElectron(dir: string): string {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true })
  const binary = Buffer.concat([
    Buffer.alloc(300_000, 0x90),
    Buffer.from(SENTINEL),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1'),
    Buffer.alloc(200_000, 0x90),
  ])
  fs.writeFileSync(path.join(dir, 'electron'), binary, { mode: 0o755 })
  return dir
}

/** An app folder with its own package.json and a main file (electron-builder refuses an empty one). */
function standInApp(dir: string): string {
  fs.mkdirSync(path.join(dir, 'out', 'main'), { recursive: true })
  const { name, version, description, license, homepage } = packageJson
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version, description, license, homepage, main: 'out/main/index.js' }))
  fs.writeFileSync(path.join(dir, 'out', 'main', 'index.js'), '// stand-in for the main process bundle\n')
  return dir
}

describe('electron-builder with electron-builder.yml', () => {
  it('packs a Linux app whose binary carries Kiroku’s fuses, flipped by the afterPack hook', { timeout: 180_000 }, async () => {
    const work = tempDir()
    const output = path.join(work, 'dist')
    let config: Configuration | undefined
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        extends: path.join(ROOT, 'electron-builder.yml'),
        directories: { app: standInApp(path.join(work, 'app')), output },
        electronDist: standInElectron(path.join(work, 'electron')),
        // The real build rebuilds the SQLite module for Electron, which needs Electron's headers.
        npmRebuild: false,
        // Runs before afterPack: records the configuration electron-builder resolved.
        afterExtract: async (context) => {
          config = context.packager.config
        },
      },
    })

    const unpacked = path.join(output, 'linux-unpacked')
    expect(fs.existsSync(path.join(unpacked, 'resources', 'app.asar'))).toBe(true)
    const { version, ...wire } = await getCurrentFuseWire(path.join(unpacked, 'kiroku'))
    expect(version).toBe('1')
    expect(wire).toEqual(Object.fromEntries(Object.entries(KIROKU_FUSES).map(([index, on]) => [index, on ? FuseState.ENABLE : FuseState.DISABLE])))

    // What electron-builder read from electron-builder.yml.
    expect(config?.afterPack).toBe('./scripts/after-pack.mjs')
    expect(config?.asar).toBe(true)
    // Every macOS build is signed, ad hoc without a Developer ID (notifications need a signed app).
    expect(config?.mac?.identity).toBe('-')
    expect(config?.linux?.target).toContain('deb')
  })
})

describe('package.json for packaging', () => {
  it('pins electron-builder exactly, runs it from `npm run dist` and names a homepage (the deb needs one)', () => {
    expect(packageJson.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
    expect(packageJson.scripts.dist).toMatch(/\belectron-builder\b/)
    expect(packageJson.homepage).toMatch(/^https:\/\/[^/]+\//)
  })

  it('names in engines the Node line .ci/run tests besides this machine’s', () => {
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8')
    const lts = /^NODE_LTS_VERSION=(\d+)\.\d+\.\d+$/m.exec(ci)?.[1]
    expect(lts).toBeDefined()
    expect(packageJson.engines.node.split('||').map((range: string) => range.trim())).toContain(`^${lts}.0.0`)
  })
})
