#!/usr/bin/env node
// Run by `npm start` (prestart). Gets what Electron needs that the tests must not:
//
// 1. better-sqlite3-multiple-ciphers built for Electron's ABI, in
//    .native/electron-<version>/better_sqlite3.node. It is built from a copy of
//    the package, so node_modules keeps the Node build that `npm test` and the
//    CLI load; `npm start` and `npm test` then work in either order. The main
//    process finds it through electron/main/app/native-binding.ts.
// 2. Electron's runtime. Electron downloads it lazily, and `electron-vite dev`
//    only reads where it is (node_modules/electron/path.txt), so on a fresh
//    install it would stop with "Electron uninstall".
//
// Both need the internet once; after that this script does nothing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const MODULE = 'better-sqlite3-multiple-ciphers'
const BINARY = 'better_sqlite3.node'
const HEADERS_URL = 'https://electronjs.org/headers'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const log = (message) => console.log(`[electron-native] ${message}`)

class StepFailed extends Error {}

function electronVersion() {
  const file = path.join(root, 'node_modules', 'electron', 'package.json')
  if (!fs.existsSync(file)) throw new StepFailed(`${file} is missing: run npm install first.`)
  return JSON.parse(fs.readFileSync(file, 'utf8')).version
}

/** Keep in step with electronNativeBindingPath() in electron/main/app/native-binding.ts. */
function nativeDir(version) {
  return path.join(root, '.native', `electron-${version}`)
}

function copyModuleSources(workDir) {
  const source = path.join(root, 'node_modules', MODULE)
  if (!fs.existsSync(path.join(source, 'binding.gyp'))) {
    throw new StepFailed(`${source} has no binding.gyp: run npm install first.`)
  }
  // build/ holds the Node build (and node-gyp would reuse its config); the
  // package's own node_modules is not needed to compile.
  const skipped = new Set([path.join(source, 'build'), path.join(source, 'node_modules')])
  log(`copying ${path.relative(root, source)} (without build/) to ${path.relative(root, workDir)}`)
  fs.cpSync(source, workDir, { recursive: true, filter: (file) => !skipped.has(file) })
}

function nodeGypCommand(version) {
  const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  return [
    process.execPath,
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${version}`,
    `--dist-url=${HEADERS_URL}`,
    `--arch=${process.arch}`,
    // Electron's headers are cached apart from Node's, where @electron/rebuild keeps them.
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
  ]
}

function buildNativeModule(version) {
  const targetDir = nativeDir(version)
  const target = path.join(targetDir, BINARY)
  if (fs.existsSync(target)) {
    log(`${path.relative(root, target)} is present`)
    return
  }
  log(`building ${MODULE} for Electron ${version} (${process.arch}); this takes a few minutes`)
  fs.mkdirSync(path.join(root, '.native'), { recursive: true })
  const workDir = fs.mkdtempSync(path.join(root, '.native', 'build-'))
  try {
    copyModuleSources(workDir)
    const [command, ...args] = nodeGypCommand(version)
    log(`running in ${path.relative(root, workDir)}: node ${args.join(' ')}`)
    const result = spawnSync(command, args, { cwd: workDir, stdio: 'inherit' })
    if (result.error || result.status !== 0) {
      throw new StepFailed(
        `node-gyp could not build ${MODULE} for Electron ${version} ` +
          `(${result.error?.message ?? `exit code ${result.status}`}).\n` +
          `It needs internet access once, to download Electron's headers from ${HEADERS_URL}, ` +
          `and a C++ toolchain (python3, make, g++ / Xcode / Visual Studio Build Tools).\n` +
          `Tests do not need this build: npm test uses the Node build in node_modules.`,
      )
    }
    const built = path.join(workDir, 'build', 'Release', BINARY)
    if (!fs.existsSync(built)) throw new StepFailed(`node-gyp finished but ${built} is missing.`)
    // Copied under a temporary name, then renamed: a half-written binary must never look present.
    fs.mkdirSync(targetDir, { recursive: true })
    fs.copyFileSync(built, `${target}.partial`)
    fs.renameSync(`${target}.partial`, target)
    log(`built ${path.relative(root, target)}`)
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
    log(`removed ${path.relative(root, workDir)}`)
  }
}

function ensureElectronRuntime(version) {
  // Electron's own installer: it exits at once when the runtime is already there.
  const installer = path.join(root, 'node_modules', 'electron', 'install.js')
  log(`checking Electron ${version}'s runtime (node_modules/electron/install.js)`)
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'inherit' })
  if (result.error || result.status !== 0) {
    throw new StepFailed(
      `Electron ${version}'s runtime is not installed and could not be downloaded ` +
        `(${result.error?.message ?? `exit code ${result.status}`}). It needs internet access once.`,
    )
  }
}

try {
  const version = electronVersion()
  buildNativeModule(version)
  ensureElectronRuntime(version)
} catch (error) {
  if (!(error instanceof StepFailed)) throw error
  console.error(`[electron-native] ${error.message}`)
  process.exit(1)
}
