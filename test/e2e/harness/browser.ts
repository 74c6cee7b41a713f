// Debian's Chromium driven by playwright-core (Playwright's own browser
// downloads cannot work offline). The flags keep it quiet on a closed network.
import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

export const CHROMIUM = process.env.KIROKU_CHROMIUM ?? '/usr/bin/chromium'

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

/** Each launch gets a fresh temporary profile (Playwright's default). `extraArgs`: flags a test needs on top. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install chromium fonts-noto-cjk).`)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extraArgs], headless: true })
}
