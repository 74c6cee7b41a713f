// What `npm start`'s prestart (scripts/electron-native.mjs) decides: which
// Electron architecture to build for, prebuilt before compiling, what a
// failure says, and that a failed cleanup never fails a good build. Then the
// script itself, with Electron's download pointed at a closed port: the
// offline ending, one sentence. No network, no Electron.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp'

const ROOT = path.resolve(import.meta.dirname, '../..')
const plan = await import(pathToFileURL(path.join(ROOT, 'scripts', 'electron-native-plan.mjs')).href)

const never = () => {
  throw new Error('sysctl must not be asked')
}

describe('electronArch (as node_modules/electron/install.js picks the runtime)', () => {
  it("takes this Node's architecture by default", () => {
    expect(plan.electronArch({ platform: 'linux', arch: 'x64', env: {}, rosettaTranslated: never })).toBe('x64')
    expect(plan.electronArch({ platform: 'win32', arch: 'arm64', env: {}, rosettaTranslated: never })).toBe('arm64')
    expect(plan.electronArch({ platform: 'darwin', arch: 'arm64', env: {}, rosettaTranslated: never })).toBe('arm64')
  })

  it('follows ELECTRON_INSTALL_ARCH, then npm_config_arch', () => {
    expect(plan.electronArch({ platform: 'win32', arch: 'x64', env: { npm_config_arch: 'ia32' }, rosettaTranslated: never })).toBe('ia32')
    const both = { ELECTRON_INSTALL_ARCH: 'arm64', npm_config_arch: 'ia32' }
    expect(plan.electronArch({ platform: 'win32', arch: 'x64', env: both, rosettaTranslated: never })).toBe('arm64')
  })

  it('gives an x64 Node under Rosetta the arm64 Electron, as the installer does', () => {
    expect(plan.electronArch({ platform: 'darwin', arch: 'x64', env: {}, rosettaTranslated: () => '1\n' })).toBe('arm64')
    expect(plan.electronArch({ platform: 'darwin', arch: 'x64', env: {}, rosettaTranslated: () => '0\n' })).toBe('x64')
    // An Intel Mac has no such sysctl: the command fails.
    expect(plan.electronArch({ platform: 'darwin', arch: 'x64', env: {}, rosettaTranslated: () => undefined })).toBe('x64')
  })

  it('keeps x64 under Rosetta when npm_config_arch asks for it, and asks sysctl only on macOS', () => {
    expect(plan.electronArch({ platform: 'darwin', arch: 'x64', env: { npm_config_arch: 'x64' }, rosettaTranslated: never })).toBe('x64')
    expect(plan.electronArch({ platform: 'linux', arch: 'x64', env: {}, rosettaTranslated: never })).toBe('x64')
    // ELECTRON_INSTALL_ARCH=x64 alone does not stop the installer's Rosetta check.
    const onlyElectronVar = { ELECTRON_INSTALL_ARCH: 'x64' }
    expect(plan.electronArch({ platform: 'darwin', arch: 'x64', env: onlyElectronVar, rosettaTranslated: () => '1' })).toBe('arm64')
  })
})

describe('how the module is obtained', () => {
  it("asks prebuild-install for the module's Electron release binary", () => {
    expect(plan.prebuildInstallArgs({ version: '42.11.18', arch: 'arm64', platform: 'darwin' })).toEqual([
      '--runtime',
      'electron',
      '--target',
      '42.11.18',
      '--arch',
      'arm64',
      '--platform',
      'darwin',
      '--verbose',
    ])
  })

  it("compiles against Electron's headers for the same architecture", () => {
    const args = plan.nodeGypArgs({ version: '42.11.18', arch: 'arm64', devdir: '/home/u/.electron-gyp' })
    expect(args).toContain('--target=42.11.18')
    expect(args).toContain('--arch=arm64')
    expect(args).toContain('--dist-url=https://electronjs.org/headers')
    expect(args).toContain('--devdir=/home/u/.electron-gyp')
  })

  it('skips the prebuilt binary only when npm is told to build from source', () => {
    expect(plan.wantsPrebuilt({})).toBe(true)
    expect(plan.wantsPrebuilt({ npm_config_build_from_source: 'false' })).toBe(true)
    expect(plan.wantsPrebuilt({ npm_config_build_from_source: 'true' })).toBe(false)
    expect(plan.wantsPrebuilt({ npm_config_build_from_source: 'better-sqlite3-multiple-ciphers' })).toBe(false)
    expect(plan.wantsPrebuilt({ npm_config_build_from_source: 'sqlite3' })).toBe(true)
  })

  it('keeps one build per Electron version and architecture', () => {
    const root = path.resolve('/p')
    expect(plan.nativeDir(root, '42.11.18', 'x64')).toBe(path.join(root, '.native', 'electron-42.11.18-x64'))
    expect(plan.nativeDir(root, '42.11.18', 'x64')).not.toBe(plan.nativeDir(root, '42.11.18', 'arm64'))
  })
})

const FETCH_FAILED = `TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13
    at async FetchDownloader.download (file:///p/node_modules/@electron/get/dist/FetchDownloader.js:46:30)`

const COMPILER_ERROR = `gyp info spawn make
../src/util/macros.cpp:31:31: error: too few arguments to function call, expected 3, have 2
make: *** [better_sqlite3.target.mk:123: Release/obj.target/better_sqlite3/src/better_sqlite3.o] Error 1
gyp ERR! build error`

describe('what a failure says', () => {
  it('offline: exactly one sentence, saying the runtime could not be downloaded and that kiroku still works', () => {
    for (const output of [FETCH_FAILED, 'RequestError: getaddrinfo ENOTFOUND github.com', 'Error: connect ECONNREFUSED 127.0.0.1:9', '']) {
      const { detail, sentence } = plan.runtimeFailure({ version: '42.11.18', output })
      expect(detail).toBeUndefined()
      expect(sentence).toMatch(/^Electron 42\.11\.18's runtime could not be downloaded .*; the `kiroku` command works without it/)
      expect(sentence.split(/[.?!]\s+[A-Z]/)).toHaveLength(1)
      expect(sentence).not.toMatch(/\n/)
    }
  })

  it("another installer failure names the installer's last line before the sentence", () => {
    const { detail, sentence } = plan.runtimeFailure({ version: '42.11.18', output: 'Error: Generated checksum for "electron.zip" did not match expected checksum.' })
    expect(detail).toMatch(/checksum/)
    expect(sentence).toMatch(/could not be installed.*`kiroku` command works without it/)
  })

  it("offline while building the module (Electron's headers unreachable): one sentence, no compiler log", () => {
    const output = 'gyp http GET https://electronjs.org/headers/v42.11.18/node-v42.11.18-headers.tar.gz\ngyp ERR! stack FetchError: request failed, reason: getaddrinfo EAI_AGAIN electronjs.org'
    const { detail, sentence } = plan.nativeFailure({ version: '42.11.18', arch: 'x64', output, logFile: '.native/x.log' })
    expect(detail).toBeUndefined()
    expect(sentence).toMatch(/could not be downloaded or built .*`kiroku` command works without it/)
  })

  it('a real compile error shows the end of the log, then the sentence naming the toolchain and the log', () => {
    const { detail, sentence } = plan.nativeFailure({ version: '42.11.18', arch: 'x64', output: COMPILER_ERROR, logFile: '.native/x.log' })
    expect(detail).toContain('too few arguments')
    expect(sentence).toMatch(/C\+\+ toolchain.*\.native\/x\.log.*`kiroku` command works without it/)
    expect(plan.looksOffline(COMPILER_ERROR)).toBe(false)
  })
})

describe('cleanup never fails a good build', () => {
  it('a busy work folder (Windows EBUSY) is a warning, and the next run finds it', () => {
    const busy = Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' })
    expect(plan.cleanupWarning('.native/build-abc', busy)).toMatch(/could not remove \.native\/build-abc \(EBUSY\).*build is fine/)
    expect(plan.staleWorkDirs(['electron-42.11.18-x64', 'build-abc', 'build-def', 'electron-42.11.18-x64.build.log'])).toEqual([
      'build-abc',
      'build-def',
    ])
  })

  it('retries a rename only for errors Windows gives while a file is busy', () => {
    for (const code of ['EBUSY', 'EPERM', 'EACCES']) expect(plan.isTransientFileError({ code })).toBe(true)
    for (const code of ['ENOENT', 'EXDEV', undefined]) expect(plan.isTransientFileError({ code })).toBe(false)
  })
})

describe('scripts/electron-native.mjs offline', () => {
  it("ends with the one sentence when Electron's runtime cannot be downloaded", () => {
    const dir = tempDir()
    const refused = 'http://127.0.0.1:9/' // the discard port: nothing listens, the connection is refused
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // Whatever is installed or cached here, the runtime counts as missing and its download fails.
      ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'no-electron'),
      electron_config_cache: path.join(dir, 'cache'),
      ELECTRON_MIRROR: refused,
      npm_config_electron_mirror: refused,
    }
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'electron-native.mjs')], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 })
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^Electron [\d.]+'s runtime could not be downloaded \(it needs an internet connection once\), so the desktop app cannot start yet; the `kiroku` command works without it \(try `npx kiroku --help`\)\.$/)
    expect(result.stdout).not.toMatch(/gyp|error:/i)
  })
})
