#!/usr/bin/env node
// Run by `npm start` (prestart). Gets what Electron needs that the tests must not:
//
// 1. Electron's runtime. Electron downloads it lazily, and `electron-vite dev`
//    only reads where it is (node_modules/electron/path.txt), so on a fresh
//    install it would stop with "Electron uninstall". Checked first: without
//    it nothing else matters, and its failing download is how "offline" shows.
// 2. better-sqlite3-multiple-ciphers for Electron's ABI and architecture, in
//    .native/electron-<version>-<arch>/better_sqlite3.node: the module's own
//    prebuilt binary for that Electron (prebuild-install, as the module's
//    install script does for Node), and a compile with node-gyp only when
//    there is none. node_modules keeps the Node build that `npm test` and the
//    CLI load, so `npm start` and `npm test` work in either order. The main
//    process finds it through electron/main/app/native-binding.ts.
//
// Both need the internet once; after that this script does nothing. Every
// failure ends with one sentence saying what still works. The decisions live
// in electron-native-plan.mjs (unit-tested); this file only runs them.
import { execSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  BINARY,
  MODULE,
  cleanupWarning,
  electronArch,
  isTransientFileError,
  nativeDir,
  nativeFailure,
  nodeGypArgs,
  prebuildInstallArgs,
  runtimeFailure,
  staleWorkDirs,
  wantsPrebuilt,
} from './electron-native-plan.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rel = (file) => path.relative(root, file)
const log = (message) => console.log(`[electron-native] ${message}`)
const warn = (message) => console.warn(`[electron-native] warning: ${message}`)

/** Stops the script; `detail` (optional) is printed before the final sentence. */
class StepFailed extends Error {
  constructor(sentence, detail) {
    super(sentence)
    this.detail = detail
  }
}

function electronVersion() {
  const file = path.join(root, 'node_modules', 'electron', 'package.json')
  if (!fs.existsSync(file)) throw new StepFailed(`${rel(file)} is missing: run npm install first.`)
  return JSON.parse(fs.readFileSync(file, 'utf8')).version
}

/** Runs a tool with its output captured (not shown unless it matters); the output is returned whole. */
function capture(command, args, options) {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`
  return { ok: !result.error && result.status === 0, output }
}

function ensureElectronRuntime(version) {
  // Electron's own installer: it exits at once when the runtime is already there.
  log(`checking Electron ${version}'s runtime (downloaded once, about 100 MB)`)
  const installer = path.join(root, 'node_modules', 'electron', 'install.js')
  const { ok, output } = capture(process.execPath, [installer], { cwd: root })
  if (!ok) {
    const { detail, sentence } = runtimeFailure({ version, output })
    throw new StepFailed(sentence, detail)
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** Moves the finished binary into place; on Windows a file just written can be busy for a moment. */
function installBinary(built, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true })
  // Copied under a temporary name, then renamed: a half-written binary must never look present.
  fs.copyFileSync(built, `${target}.partial`)
  for (let attempt = 1; ; attempt++) {
    try {
      fs.renameSync(`${target}.partial`, target)
      return
    } catch (error) {
      if (attempt >= 10 || !isTransientFileError(error)) throw error
      sleep(250 * attempt)
    }
  }
}

function removeQuietly(dir) {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })
    return true
  } catch (error) {
    warn(cleanupWarning(rel(dir), error))
    return false
  }
}

function removeStaleWorkDirs(nativeRoot) {
  if (!fs.existsSync(nativeRoot)) return
  for (const name of staleWorkDirs(fs.readdirSync(nativeRoot))) removeQuietly(path.join(nativeRoot, name))
}

function rosettaTranslated() {
  try {
    return execSync('sysctl -in sysctl.proc_translated', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
  } catch {
    return undefined
  }
}

/** The module's own release binary for this Electron, if it has one. */
function tryPrebuilt(moduleDir, workDir, version, arch) {
  if (!wantsPrebuilt(process.env)) {
    log('npm_config_build_from_source is set: not looking for a prebuilt binary')
    return undefined
  }
  // prebuild-install is the module's own dependency; it reads name, version and repository from package.json.
  const prebuildInstall = createRequire(path.join(moduleDir, 'package.json')).resolve('prebuild-install/bin.js')
  fs.copyFileSync(path.join(moduleDir, 'package.json'), path.join(workDir, 'package.json'))
  log(`looking for a prebuilt ${MODULE} for Electron ${version} (${arch})`)
  const { ok } = capture(process.execPath, [prebuildInstall, ...prebuildInstallArgs({ version, arch, platform: process.platform })], {
    cwd: workDir,
  })
  const built = path.join(workDir, 'build', 'Release', BINARY)
  if (ok && fs.existsSync(built)) return built
  log('no prebuilt binary could be fetched; compiling instead')
  return undefined
}

function compile(moduleDir, workDir, version, arch, logFile) {
  // The real folder: node_modules may hold a link to it (npm link, pnpm).
  const source = fs.realpathSync(moduleDir)
  // build/ holds the Node build (and node-gyp would reuse its config); the
  // package's own node_modules is not needed to compile.
  const skipped = new Set([path.join(source, 'build'), path.join(source, 'node_modules')])
  fs.rmSync(path.join(workDir, 'build'), { recursive: true, force: true }) // whatever a failed prebuilt download left
  fs.cpSync(source, workDir, { recursive: true, filter: (file) => !skipped.has(file) })
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  const args = nodeGypArgs({ version, arch, devdir: path.join(os.homedir(), '.electron-gyp') })
  log(`compiling ${MODULE} for Electron ${version} (${arch}); this takes a few minutes (log: ${rel(logFile)})`)
  const { ok, output } = capture(process.execPath, [nodeGyp, ...args], { cwd: workDir })
  fs.writeFileSync(logFile, output)
  const built = path.join(workDir, 'build', 'Release', BINARY)
  if (ok && fs.existsSync(built)) return built
  const { detail, sentence } = nativeFailure({ version, arch, output, logFile: rel(logFile) })
  throw new StepFailed(sentence, detail)
}

function ensureNativeModule(version) {
  const arch = electronArch({ platform: process.platform, arch: process.arch, env: process.env, rosettaTranslated })
  const targetDir = nativeDir(root, version, arch)
  const target = path.join(targetDir, BINARY)
  const nativeRoot = path.join(root, '.native')
  removeStaleWorkDirs(nativeRoot)
  if (fs.existsSync(target)) {
    log(`${rel(target)} is present`)
    return
  }
  const moduleDir = path.join(root, 'node_modules', MODULE)
  if (!fs.existsSync(path.join(moduleDir, 'binding.gyp'))) {
    throw new StepFailed(`${rel(moduleDir)} is missing or incomplete: run npm install first.`)
  }
  fs.mkdirSync(nativeRoot, { recursive: true })
  const workDir = fs.mkdtempSync(path.join(nativeRoot, 'build-'))
  try {
    const built =
      tryPrebuilt(moduleDir, workDir, version, arch) ??
      compile(moduleDir, workDir, version, arch, path.join(nativeRoot, `electron-${version}-${arch}.build.log`))
    installBinary(built, target)
    log(`${rel(target)} is ready`)
  } finally {
    // A good build stays good even if this fails (Windows: EBUSY); the next run retries.
    removeQuietly(workDir)
  }
}

try {
  const version = electronVersion()
  ensureElectronRuntime(version)
  ensureNativeModule(version)
} catch (error) {
  if (!(error instanceof StepFailed)) throw error
  if (error.detail) console.error(error.detail)
  console.error(error.message)
  process.exit(1)
}
