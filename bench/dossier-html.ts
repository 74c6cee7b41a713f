// The same dossier as an HTML page, for Chromium's page.pdf(): built from the
// very blocks Kiroku lays out (same text, same tables, same images as data
// URLs, same font), so the two PDFs carry the same content.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { PAGE_COUNT, type Block, type Cell, type Para } from '../electron/main/core/dossier/blocks'

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

function para(p: Para, tag = 'div'): string {
  const cls = [p.bold && 'b', p.muted && 'm', p.warn && 'w'].filter(Boolean).join(' ')
  const style = p.size ? ` style="font-size:${p.size}pt"` : ''
  const text = p.text === PAGE_COUNT ? '<span class="pages"></span>' : esc(p.text)
  return `<${tag} class="${cls}"${style}>${text}</${tag}>`
}

const cell = (c: Cell) => c.map((p) => para(p)).join('')

function block(b: Block, image: (id: number) => string): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${esc(b.text)}</h1><p class="sub">${esc(b.subtitle)}</p>`
    case 'heading':
      return `<h2${b.newPage ? ' class="np"' : ''}>${esc(b.text)}</h2>`
    case 'subheading':
      return `<h3>${esc(b.text)}</h3>`
    case 'paragraph':
      return para(b.para, 'p')
    case 'space':
      return `<div style="height:${b.height}pt"></div>`
    case 'table': {
      const cols = `<colgroup>${b.columns.map((c) => `<col style="width:${c.width * 100}%">`).join('')}</colgroup>`
      const head = b.header === false ? '' : `<thead><tr>${b.columns.map((c) => `<th>${esc(c.title)}</th>`).join('')}</tr></thead>`
      const rows = b.rows
        .map((r) => {
          const cells = r.cells.map((c, i) => `<td${b.columns[i].align === 'right' ? ' class="r"' : ''}>${cell(c)}</td>`).join('')
          const below = r.below ? `<div class="below">${cell(r.below)}</div>` : ''
          // The full-width line goes in the last cell's row as a second row, kept with it.
          return below
            ? `<tbody class="keep${r.total ? ' t' : ''}"><tr class="nb">${cells}</tr><tr><td colspan="${r.cells.length}">${below}</td></tr></tbody>`
            : `<tbody class="keep${r.total ? ' t' : ''}"><tr>${cells}</tr></tbody>`
        })
        .join('')
      return `<table>${cols}${head}${rows}</table>`
    }
    case 'image':
      return `<figure>${cell(b.caption)}<img src="${image(b.evidenceId)}"></figure>`
    case 'pdfPage':
      // The HTML comparison draws no PDF pages: the caption stands in for the page.
      return `<figure>${cell(b.caption)}</figure>`
    case 'signature':
      return `<div class="sig">${b.lines.map(([l, v]) => `<div><span class="m">${esc(l)}</span><span class="line">${esc(v)}</span></div>`).join('')}${b.seal ? `<div class="seal">${esc(b.seal)}</div>` : ''}</div>`
  }
}

export function dossierHtml(blocks: Block[], image: (id: number) => string): string {
  const require = createRequire(import.meta.url.split('?')[0])
  const font = (w: string) => pathToFileURL(require.resolve(`@expo-google-fonts/noto-sans-jp/${w}/NotoSansJP_${w}.ttf`)).href
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
@font-face { font-family: N; src: url("${font('400Regular')}"); font-weight: 400 }
@font-face { font-family: N; src: url("${font('700Bold')}"); font-weight: 700 }
body { font-family: N; font-size: 9pt; line-height: 1.45; color: #1a1a1a; margin: 0 }
h1 { font-size: 26pt; text-align: center; margin: 60pt 0 4pt } .sub { text-align: center; font-size: 13pt; color: #6b6b6b; margin-bottom: 30pt }
h2 { font-size: 13pt; border-bottom: 1pt solid #1f4073; margin: 14pt 0 8pt; break-after: avoid } h2.np { break-before: page }
h3 { font-size: 10.5pt; margin: 6pt 0 3pt; break-after: avoid } p { margin: 0 0 3pt }
.b { font-weight: 700 } .m { color: #6b6b6b } .w { color: #b81414 }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin-bottom: 6pt; table-layout: fixed }
th { background: #edeff2; text-align: left; padding: 3.5pt 5pt; border-bottom: .8pt solid #6b6b6b }
td { padding: 3.5pt 5pt; vertical-align: top; border-bottom: .5pt solid #b8b8b8; overflow-wrap: anywhere } td.r { text-align: right }
tr.nb td { border-bottom: none; padding-bottom: 0 } .keep { break-inside: avoid } .t { background: #edeff2 }
.below { font-size: 7.5pt } figure { margin: 10pt 0; break-inside: avoid }
img { display: block; margin: 6pt auto 0; max-width: 100%; max-height: 640pt; border: .5pt solid #b8b8b8 }
.sig div { display: flex; margin-top: 14pt } .sig .m { width: 90pt } .line { flex: 1; border-bottom: .6pt solid #6b6b6b; margin-right: 70pt }
.seal { width: 44pt; height: 44pt; border: .6pt solid #6b6b6b; border-radius: 50%; text-align: center; line-height: 44pt; float: right; margin-top: -40pt; color: #6b6b6b }
</style></head><body>${blocks.map((b) => block(b, image)).join('\n')}</body></html>`
}
