// Japanese screenshots with known text, for the OCR benchmark and its unit
// test: the pages a fraud victim photographs (login histories, point and
// payment histories, card statements), light and dark, desktop (1280×720)
// and phone (390×844), rendered by the Chromium the browser tests drive with
// the Noto Sans JP the app ships, so no system font decides the result.
// The known text is the page's own innerText after layout, not a copy kept
// beside it, so what is compared is exactly what was drawn.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../test/e2e/harness/browser'
import { Random } from './random'

export type Theme = 'light' | 'dark'
export type ScreenKind = 'login' | 'points' | 'payments' | 'card'

export interface ScreenSpec {
  name: string
  kind: ScreenKind
  theme: Theme
  width: number
  height: number
  /** Title, column heads and rows of cells, as drawn. */
  title: string
  head: string[]
  rows: string[][]
  /** The money and point amounts on the page, exactly as printed (`12,000円`, `3,500ポイント`). */
  amounts: string[]
}

export interface RenderedScreen extends ScreenSpec {
  png: Buffer
  /** What the page shows, read back from the rendered page (innerText). */
  text: string
}

export const DESKTOP = { width: 1280, height: 720 }
export const PHONE = { width: 390, height: 844 }

const requireHere = createRequire(__filename)
const FONT_FILE = requireHere.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf')
/** A made-up origin the page and its font are served from by page.route: nothing touches the network or the disk. */
const ORIGIN = 'https://screens.kiroku.invalid'

const pad = (n: number) => String(n).padStart(2, '0')
const grouped = (n: number) => n.toLocaleString('en-US')

function when(rng: Random, withSeconds: boolean): string {
  const date = `2026/${pad(rng.int(1, 12))}/${pad(rng.int(1, 28))}`
  const time = `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}`
  return withSeconds ? `${date} ${time}:${pad(rng.int(0, 59))}` : date
}

const pick = <T>(rng: Random, items: readonly T[]): T => items[rng.int(0, items.length - 1)]

/** Documentation address ranges (RFC 5737) and a few real-looking ones. */
function ip(rng: Random): string {
  const first = pick(rng, [203, 198, 192, 133, 126, 61])
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
}

const DEVICES = ['Windows / Chrome', 'iPhone / Safari', 'Android / Chrome', 'Mac / Safari', 'Windows / Edge']
const PLACES = ['東京都', '大阪府', '福岡県', '北海道', '海外（不明）', '神奈川県']
const RESULTS = ['成功', '失敗', '成功', '成功']
const SHOPS = ['ファミリーマート新宿店', 'ローソン渋谷駅前店', 'セブンイレブン梅田店', 'ヤフーショッピング', 'ドラッグストア池袋店', 'ガソリンスタンド']
const POINT_WHAT = ['ポイント利用', 'ポイント付与', 'ポイント交換', '期間限定ポイント利用']
const PAY_METHODS = ['クレジットカード', 'PayPay残高', 'コンビニ払い', '銀行振込']

/** Amounts shaped like real ones: mostly round, sometimes not, some five digits. */
function yen(rng: Random): number {
  return rng.chance(0.6) ? rng.int(1, 60) * 500 : rng.int(120, 98_000)
}

function loginScreen(rng: Random, rows: number): Pick<ScreenSpec, 'title' | 'head' | 'rows' | 'amounts'> {
  return {
    title: 'ログイン履歴',
    head: ['日時', 'IPアドレス', '端末', '地域', '結果'],
    rows: Array.from({ length: rows }, () => [when(rng, true), ip(rng), pick(rng, DEVICES), pick(rng, PLACES), pick(rng, RESULTS)]),
    amounts: [],
  }
}

function pointsScreen(rng: Random, rows: number): Pick<ScreenSpec, 'title' | 'head' | 'rows' | 'amounts'> {
  const table = Array.from({ length: rows }, () => [when(rng, false), pick(rng, POINT_WHAT), pick(rng, SHOPS), `${grouped(yen(rng))}ポイント`])
  return { title: 'ポイント利用履歴', head: ['日付', '内容', 'ご利用先', 'ポイント'], rows: table, amounts: table.map((row) => row[3]) }
}

function paymentsScreen(rng: Random, rows: number): Pick<ScreenSpec, 'title' | 'head' | 'rows' | 'amounts'> {
  const table = Array.from({ length: rows }, () => [when(rng, true), pick(rng, SHOPS), pick(rng, PAY_METHODS), `${grouped(yen(rng))}円`])
  return { title: 'お支払い履歴', head: ['日時', 'ご利用先', 'お支払い方法', '金額'], rows: table, amounts: table.map((row) => row[3]) }
}

function cardScreen(rng: Random, rows: number): Pick<ScreenSpec, 'title' | 'head' | 'rows' | 'amounts'> {
  const spent = Array.from({ length: rows - 1 }, () => yen(rng))
  const table = spent.map((amount) => [when(rng, false), pick(rng, SHOPS), '1回払い', `${grouped(amount)}円`])
  const total = `${grouped(spent.reduce((a, b) => a + b, 0))}円`
  table.push(['', 'ご利用金額合計', '', total])
  return { title: `カードご利用明細 2026年${rng.int(1, 12)}月分`, head: ['ご利用日', 'ご利用店名', '支払区分', 'ご利用金額'], rows: table, amounts: table.map((row) => row[3]) }
}

const BUILDERS: Record<ScreenKind, typeof loginScreen> = { login: loginScreen, points: pointsScreen, payments: paymentsScreen, card: cardScreen }

/**
 * `perKindThemeSize` screens for each kind × theme × size: 2 gives 32.
 * The same seed gives the same screens.
 */
export function ocrScreenSpecs(perKindThemeSize = 2, seed = 14): ScreenSpec[] {
  const rng = new Random(seed)
  const specs: ScreenSpec[] = []
  for (const kind of ['login', 'points', 'payments', 'card'] as const)
    for (const theme of ['light', 'dark'] as const)
      for (const [sizeName, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const)
        for (let i = 0; i < perKindThemeSize; i++) {
          // As many rows as fit: a phone shows fewer, taller rows (cells wrap there).
          const rows = sizeName === 'desktop' ? rng.int(7, 10) : rng.int(5, 7)
          specs.push({ name: `${kind}-${theme}-${sizeName}-${i + 1}`, kind, theme, ...size, ...BUILDERS[kind](rng, rows) })
        }
  return specs
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

export function screenHtml(spec: ScreenSpec): string {
  const dark = spec.theme === 'dark'
  const phone = spec.width < 600
  const colours = dark
    ? { page: '#16181d', text: '#e6e8eb', muted: '#9aa3ad', bar: '#23262d', line: '#30343c', accent: '#7fb0ff' }
    : { page: '#ffffff', text: '#1f2328', muted: '#5d6670', bar: '#f2f4f7', line: '#dde1e6', accent: '#0b57d0' }
  const cell = (tag: string, text: string) => `<${tag}>${escapeHtml(text)}</${tag}>`
  const body = phone
    ? // Phones show a list of cards, one per row, rather than a wide table.
      spec.rows.map((row) => `<div class="card">${row.filter(Boolean).map((text, i) => `<div class="${i === 0 ? 'muted' : ''}">${escapeHtml(text)}</div>`).join('')}</div>`).join('')
    : `<table><thead><tr>${spec.head.map((h) => cell('th', h)).join('')}</tr></thead><tbody>${spec.rows.map((row) => `<tr>${row.map((c) => cell('td', c)).join('')}</tr>`).join('')}</tbody></table>`
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@font-face { font-family: 'Kiroku Noto Sans JP'; src: url('${ORIGIN}/NotoSansJP.ttf') format('truetype'); }
* { box-sizing: border-box; }
html, body { margin: 0; background: ${colours.page}; color: ${colours.text}; font-family: 'Kiroku Noto Sans JP', sans-serif; font-size: ${phone ? 15 : 14}px; }
header { background: ${colours.bar}; padding: ${phone ? '14px 16px' : '12px 24px'}; border-bottom: 1px solid ${colours.line}; }
header .site { color: ${colours.accent}; font-size: 13px; }
h1 { font-size: ${phone ? 19 : 20}px; margin: 4px 0 0; font-weight: normal; }
main { padding: ${phone ? '8px 12px' : '16px 24px'}; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; color: ${colours.muted}; font-weight: normal; border-bottom: 2px solid ${colours.line}; padding: 8px 10px; }
td { border-bottom: 1px solid ${colours.line}; padding: 9px 10px; white-space: nowrap; }
.card { border-bottom: 1px solid ${colours.line}; padding: 8px 4px; line-height: 1.5; }
.muted { color: ${colours.muted}; font-size: 13px; }
</style></head><body><header><div class="site">マイページ</div><h1>${escapeHtml(spec.title)}</h1></header><main>${body}</main></body></html>`
}

/** Renders each spec to a PNG in one browser; `browser` is launched (and closed) here unless given. */
export async function renderScreens(specs: ScreenSpec[], browser?: Browser): Promise<RenderedScreen[]> {
  const own = browser ?? (await launchChromium())
  const font = fs.readFileSync(FONT_FILE)
  try {
    const context = await own.newContext()
    await context.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url())
      if (url.pathname === '/NotoSansJP.ttf') return route.fulfill({ body: font, contentType: 'font/ttf' })
      const spec = specs[Number(url.searchParams.get('i'))]
      return route.fulfill({ body: screenHtml(spec), contentType: 'text/html; charset=utf-8' })
    })
    const page = await context.newPage()
    const rendered: RenderedScreen[] = []
    for (const [i, spec] of specs.entries()) {
      await page.setViewportSize({ width: spec.width, height: spec.height })
      await page.goto(`${ORIGIN}/screen?i=${i}`)
      await page.evaluate(() => document.fonts.ready)
      const usesFont = await page.evaluate(() => document.fonts.check("16px 'Kiroku Noto Sans JP'", 'ログ'))
      if (!usesFont) throw new Error('Noto Sans JP did not load; the screenshot would depend on system fonts')
      // Only what is inside the viewport: a phone list longer than the screen is cut, as a screenshot is.
      const text = await page.evaluate(() => {
        const shown: string[] = []
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const box = node.parentElement!.getBoundingClientRect()
          if (node.textContent!.trim() && box.bottom <= window.innerHeight) shown.push(node.textContent!.trim())
        }
        return shown.join('\n')
      })
      const png = await page.screenshot({ type: 'png' })
      rendered.push({ ...spec, png, text, amounts: spec.amounts.filter((amount) => text.includes(amount)) })
    }
    await context.close()
    return rendered
  } finally {
    if (!browser) await own.close()
  }
}
