// axe-core in the page under test: WCAG 2.2 AA and axe's best practices,
// every violation returned as what to fix and where.
//
// Injected with page.evaluate of axe-core's own file (read from
// node_modules, no network), not page.addScriptTag and not
// @axe-core/playwright: addScriptTag adds an inline <script>, which the app's
// CSP (script-src 'self') refuses, and that refusal is a console error the
// tests count as a problem; an evaluated script is not subject to the page's
// CSP. @axe-core/playwright injects the same way, but would add a package
// (and its own copy of axe-core) for what is a few lines here.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type * as Axe from 'axe-core'

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] as const

const requireHere = createRequire(__filename)
let axeSource: string | undefined

export interface AxeNode {
  /** The CSS selector axe gives for the element (one per frame). */
  target: string
  /** What is wrong with this element, as axe says it (e.g. the contrast ratio found). */
  summary: string
  /** The start of the element's HTML, to find it in the components. */
  html: string
}

export interface AxeViolation {
  rule: string
  impact: string | null
  /** What the rule asks for, in one line. */
  help: string
  helpUrl: string
  nodes: AxeNode[]
}

/** A node left out of the check on purpose: the selector and the follow-up that will fix it. */
export interface AxeExclusion {
  selector: string
  reason: string
}

export interface AxeOptions {
  /** Only this part of the page (a CSS selector); the whole document by default. */
  include?: string
  /** Nodes not checked, each with the reason (name the follow-up); never a whole rule. */
  exclude?: readonly AxeExclusion[]
}

async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return
  axeSource ??= fs.readFileSync(requireHere.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(axeSource)
}

/** Runs axe on the page as it is now and returns its violations (none: an empty list). */
export async function axeViolations(page: Page, options: AxeOptions = {}): Promise<AxeViolation[]> {
  await injectAxe(page)
  const exclude = (options.exclude ?? []).map((e) => e.selector)
  const results = await page.evaluate(
    async ({ include, exclude, tags }) => {
      const axe = (window as unknown as { axe: typeof Axe }).axe
      const context: Axe.ElementContext = { include: include ? [[include]] : [['html']], exclude: exclude.map((s) => [s]) }
      const run = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      return run.violations
    },
    { include: options.include, exclude, tags: [...AXE_TAGS] },
  )
  return results.map((v) => ({
    rule: v.id,
    impact: v.impact ?? null,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' >>> '),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      html: n.html.length > 160 ? `${n.html.slice(0, 160)}…` : n.html,
    })),
  }))
}

/** One line per element: "rule (impact) target: summary", for a failing assertion to read. */
export function describeViolations(violations: readonly AxeViolation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.rule} (${v.impact}) ${n.target}: ${n.summary} [${n.html}]`))
}
