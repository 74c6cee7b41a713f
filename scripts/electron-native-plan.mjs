// The decisions of scripts/electron-native.mjs (`npm start`'s prestart), kept
// apart from what it runs so they can be tested under plain Node with no
// network and no Electron (test/unit/electron-native-plan.test.ts). Pure: no
// file is read, no process started; whatever the answer depends on is passed in.
import path from 'node:path'

export const MODULE = 'better-sqlite3-multiple-ciphers'
export const BINARY = 'better_sqlite3.node'
export const HEADERS_URL = 'https://electronjs.org/headers'

/** The last words of every failure: what still works without Electron. */
const CLI_STILL_WORKS = 'the `kiroku` command works without it (try `npx kiroku --help`)'

/**
 * Where the Electron build of the module lives. The architecture is part of
 * the name: a build for one does not load in the other, and npm_config_arch
 * or Rosetta can change which Electron is installed.
 * Keep in step with electronNativeBindingPath() in electron/main/app/native-binding.ts.
 */
export function nativeDir(root, version, arch) {
  return path.join(root, '.native', `electron-${version}-${arch}`)
}

/** Folders a build left in .native/ when its cleanup failed (say, EBUSY on Windows): removed on the next run. */
export function staleWorkDirs(names) {
  return names.filter((name) => /^build-/.test(name))
}

/**
 * The architecture of the Electron runtime that node_modules/electron/install.js
 * downloads, decided as it decides: ELECTRON_INSTALL_ARCH, else npm_config_arch,
 * else this Node's arch; and an x64 Node on macOS that runs under Rosetta
 * (sysctl.proc_translated is 1) gets the arm64 Electron, unless npm_config_arch
 * says otherwise. The module must be built for that Electron, not for this Node.
 * `rosettaTranslated` runs `sysctl -in sysctl.proc_translated` (only when needed)
 * and returns its output, or undefined when it fails.
 */
export function electronArch({ platform, arch, env, rosettaTranslated }) {
  const chosen = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch
  if (platform === 'darwin' && chosen === 'x64' && env.npm_config_arch === undefined) {
    if (String(rosettaTranslated() ?? '').trim() === '1') return 'arm64'
  }
  return chosen
}

/** npm's build-from-source setting (`--build-from-source`, for all packages or this one) skips the prebuilt binary. */
export function wantsPrebuilt(env) {
  const fromSource = env.npm_config_build_from_source
  return !(fromSource === 'true' || fromSource === MODULE)
}

/**
 * prebuild-install's arguments: the module's own release binary for this
 * Electron (electron-v<ABI>-<platform>-<arch>), unpacked into build/Release
 * of the folder it runs in, which holds the module's package.json.
 */
export function prebuildInstallArgs({ version, arch, platform }) {
  return ['--runtime', 'electron', '--target', version, '--arch', arch, '--platform', platform, '--verbose']
}

/** node-gyp's arguments for compiling the module against Electron's headers. */
export function nodeGypArgs({ version, arch, devdir }) {
  return [
    'rebuild',
    '--release',
    `--target=${version}`,
    `--dist-url=${HEADERS_URL}`,
    `--arch=${arch}`,
    // Electron's headers are cached apart from Node's, where @electron/rebuild keeps them.
    `--devdir=${devdir}`,
  ]
}

/**
 * Whether a failed download's output says the network could not be reached
 * (no connection, no DNS, a proxy that refused), rather than something else
 * (a checksum mismatch, a full disk, a compiler error). Electron's installer
 * prints only undici's "fetch failed" for all of these.
 */
export function looksOffline(output) {
  return /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ECONNABORTED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_SOCKET)\b|getaddrinfo|fetch failed|socket hang up|network timeout|tunneling socket|request timed out/i.test(
    String(output),
  )
}

/** The last non-empty line of a tool's output, for a failure that is not a network one. */
function lastLine(output) {
  const lines = String(output)
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
  return lines[lines.length - 1]
}

/**
 * What to say when Electron's runtime is missing and its installer failed:
 * `detail` (a line of the installer's own output, only when it is not simply
 * offline) and `sentence`, always the last thing printed.
 */
export function runtimeFailure({ version, output }) {
  if (looksOffline(output) || !lastLine(output)) {
    return {
      detail: undefined,
      sentence: `Electron ${version}'s runtime could not be downloaded (it needs an internet connection once), so the desktop app cannot start yet; ${CLI_STILL_WORKS}.`,
    }
  }
  return {
    detail: `node_modules/electron/install.js: ${lastLine(output)}`,
    sentence: `Electron ${version}'s runtime could not be installed, so the desktop app cannot start yet; ${CLI_STILL_WORKS}.`,
  }
}

/**
 * What to say when neither a prebuilt binary nor a compile gave the module for
 * Electron. Offline (Electron's headers could not be fetched): one sentence.
 * Otherwise the end of node-gyp's log (compiler errors are at its end) and the
 * sentence naming the whole log.
 */
export function nativeFailure({ version, arch, output, logFile }) {
  if (looksOffline(output)) {
    return {
      detail: undefined,
      sentence: `${MODULE} for Electron ${version} (${arch}) could not be downloaded or built (it needs an internet connection once), so the desktop app cannot start yet; ${CLI_STILL_WORKS}.`,
    }
  }
  const tail = String(output).split(/\r?\n/).filter(Boolean).slice(-25).join('\n')
  return {
    detail: tail || undefined,
    sentence:
      `${MODULE} has no prebuilt binary for Electron ${version} (${arch}) and node-gyp could not compile it ` +
      `(a C++ toolchain is needed: python3, make and g++, Xcode, or Visual Studio Build Tools; full log: ${logFile}), ` +
      `so the desktop app cannot start yet; ${CLI_STILL_WORKS}.`,
  }
}

/**
 * A work folder that could not be removed after the binary was already in
 * place (Windows keeps files busy while an antivirus or indexer reads them:
 * EBUSY, EPERM) is only worth a warning: the build is good, and the next run
 * removes the folder (staleWorkDirs).
 */
export function cleanupWarning(dir, error) {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined
  return `could not remove ${dir} (${code ?? String(error)}); the build is fine, and the next npm start removes it`
}

/** Errors worth retrying when renaming the finished binary into place on Windows. */
export function isTransientFileError(error) {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined
  return code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
}
