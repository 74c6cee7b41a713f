// Which Chromium the browser tests and benchmarks drive with playwright-core
// (Playwright's own browser downloads cannot work offline), chosen in one
// place:
//   1. KIROKU_TEST_BROWSER, when set: `bundled` (the npm one below),
//      `installed` (an installed one or nothing), or the path of a browser;
//   2. an installed Chrome, Chromium or Edge: on Linux the usual programs
//      (Debian's /usr/bin/chromium, google-chrome, microsoft-edge), on macOS
//      and Windows Playwright's `chrome` and `msedge` channels;
//   3. else, on Linux x64, the Chromium that ships inside the npm package
//      @sparticuz/chromium (a devDependency), unpacked once into
//      node_modules/.cache/kiroku/, so a machine with nothing but Node can run
//      the tests.
// The flags keep it quiet on a closed network.
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import zlib from 'node:zlib'
import { pipeline } from 'node:stream/promises'
import { chromium, type Browser, type LaunchOptions } from 'playwright-core'

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * What the npm Chromium adds to ARGS, taken from @sparticuz/chromium's own
 * `args`: those that keep a headless shell lean. Left out: its flags that
 * weaken the web's security model (--disable-web-security, site isolation
 * off, insecure content allowed), since the tests check the app's CSP and
 * origin rules, and --single-process, which only AWS Lambda's sandbox needs.
 */
const BUNDLED_ARGS = ['--no-zygote', '--disable-webgl', '--disable-domain-reliability', '--no-pings', '--font-render-hinting=none']

/** Installed browsers on Linux, in order of preference. */
const LINUX_BROWSERS = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
  '/opt/google/chrome/chrome',
  '/opt/microsoft/msedge/msedge',
]

export interface BrowserChoice {
  /** Said in error messages and by the benchmarks. */
  description: string
  launch: Pick<LaunchOptions, 'executablePath' | 'channel' | 'args'>
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

function onPath(name: string): string | undefined {
  if (path.isAbsolute(name)) return executable(name) ? name : undefined
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name)
  }
  return undefined
}

/** Playwright knows where Chrome and Edge are installed on macOS and Windows; it says so only by launching. */
async function channelThatLaunches(): Promise<string | undefined> {
  for (const channel of ['chrome', 'msedge']) {
    try {
      await (await chromium.launch({ channel, args: ARGS, headless: true })).close()
      return channel
    } catch {
      // not installed
    }
  }
  return undefined
}

async function installed(): Promise<BrowserChoice | undefined> {
  if (process.platform === 'linux') {
    for (const name of LINUX_BROWSERS) {
      const found = onPath(name)
      if (found) return { description: `installed browser ${found}`, launch: { executablePath: found, args: ARGS } }
    }
    return undefined
  }
  const channel = await channelThatLaunches()
  return channel ? { description: `installed browser (Playwright channel ${channel})`, launch: { channel, args: ARGS } } : undefined
}

const requireHere = createRequire(__filename)

/**
 * The npm Chromium, unpacked (brotli) into node_modules/.cache/kiroku/ on
 * first use. Unpacked under a temporary name and renamed into place, so test
 * workers that start together never run a half-written file.
 */
export async function bundledChromium(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The npm package @sparticuz/chromium has a Chromium for Linux x64 only; on ${process.platform} ${process.arch} install Chrome, Chromium or Edge.`)
  }
  const packageDir = path.resolve(path.dirname(requireHere.resolve('@sparticuz/chromium')), '..') // its build/index.js
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }
  const cacheDir = path.join(packageDir, '..', '..', '.cache', 'kiroku', `sparticuz-chromium-${version}`)
  const binary = path.join(cacheDir, 'chromium')
  if (executable(binary)) return binary
  fs.mkdirSync(cacheDir, { recursive: true })
  const partial = `${binary}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.partial`
  try {
    await pipeline(fs.createReadStream(path.join(packageDir, 'bin', 'chromium.br')), zlib.createBrotliDecompress(), fs.createWriteStream(partial, { mode: 0o755 }))
    fs.renameSync(partial, binary)
  } finally {
    fs.rmSync(partial, { force: true })
  }
  return binary
}

/** The npm Chromium with its flags, whatever else is installed. */
export async function bundledBrowser(): Promise<BrowserChoice> {
  const binary = await bundledChromium()
  return { description: `Chromium from @sparticuz/chromium (${binary})`, launch: { executablePath: binary, args: [...ARGS, ...BUNDLED_ARGS] } }
}

let chosen: Promise<BrowserChoice> | undefined

/** The browser to drive, chosen once per process (see the top of this file). */
export function chooseBrowser(): Promise<BrowserChoice> {
  chosen ??= (async () => {
    const wanted = process.env.KIROKU_TEST_BROWSER?.trim() || undefined
    if (wanted === 'bundled') return bundledBrowser()
    if (wanted === 'installed') {
      const found = await installed()
      if (!found) throw new Error('KIROKU_TEST_BROWSER=installed, but no Chrome, Chromium or Edge is installed.')
      return found
    }
    if (wanted) {
      if (!executable(wanted)) throw new Error(`KIROKU_TEST_BROWSER=${wanted}: no such program (use a path, "installed" or "bundled").`)
      return { description: `browser ${wanted} (KIROKU_TEST_BROWSER)`, launch: { executablePath: wanted, args: ARGS } }
    }
    return (await installed()) ?? bundledBrowser()
  })()
  return chosen
}

/** Options for chromium.launch or launchServer; `extraArgs`: flags a caller needs on top; `choice`: a browser other than the chosen one. */
export async function browserLaunchOptions(extraArgs: readonly string[] = [], choice?: BrowserChoice): Promise<LaunchOptions> {
  const { launch } = choice ?? (await chooseBrowser())
  return { ...launch, args: [...(launch.args ?? []), ...extraArgs], headless: true }
}

/** Each launch gets a fresh temporary profile (Playwright's default). `extraArgs`: flags a test needs on top. */
export async function launchChromium(extraArgs: readonly string[] = [], choice?: BrowserChoice): Promise<Browser> {
  return chromium.launch(await browserLaunchOptions(extraArgs, choice))
}
