// The text of an HTML mail body, for a reader who must not be exposed to it:
// no script, style or picture survives, and a link keeps its target written
// out beside its words ("here (https://…)"), because where a phishing link
// really goes is the evidence. The caller defangs the addresses.
//
// One pass over the markup with indexOf, no backtracking regular expression
// over the whole body: a phishing mail is hostile input, and patterns such
// as /<a\b…>…<\/a>/ take quadratic time on thousands of unclosed tags (a
// 400 KB body took 12 s), on the main process.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,8}|#\d{1,8}|[a-z]{1,10});/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    }
    return ENTITIES[name.toLowerCase()] ?? all
  })
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)

/** Elements whose content is never text for the reader. */
const SKIPPED = new Set(['script', 'style', 'head', 'title'])
/** Elements that start a new line. */
const BLOCKS = new Set(['p', 'div', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote'])

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v'

/** Source text as a browser flows it: a run of white space holding a line break becomes one space. */
function flowed(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    if (!isSpace(text[i])) {
      out += text[i++]
      continue
    }
    let j = i
    let lineBreak = false
    for (; j < text.length && isSpace(text[j]); j++) if (text[j] === '\n') lineBreak = true
    out += lineBreak ? ' ' : text.slice(i, j)
    i = j
  }
  return out
}

/** Spaces and tabs off both ends of each line; at most one empty line in a row. */
function tidyLines(text: string): string {
  const lines = text.split('\n').map((line) => {
    let start = 0
    let end = line.length
    while (start < end && (line[start] === ' ' || line[start] === '\t')) start++
    while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--
    return line.slice(start, end)
  })
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()
}

function linkText(words: string, href: string): string {
  const shown = words.trim()
  return href && href !== shown && !href.startsWith('#') ? `${shown} (${href})` : shown
}

export function htmlToText(html: string): string {
  const lower = html.toLowerCase()
  const out: string[] = []
  /** An open <a>: its target and where its words start in `out`. */
  let link: { href: string; from: number } | undefined
  let i = 0
  while (i < html.length) {
    const open = html.indexOf('<', i)
    if (open < 0) {
      out.push(decodeEntities(flowed(html.slice(i))))
      break
    }
    if (open > i) out.push(decodeEntities(flowed(html.slice(i, open))))
    if (lower.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4)
      i = end < 0 ? html.length : end + 3
      continue
    }
    const close = html.indexOf('>', open)
    // A "<" that no ">" follows is not a tag, and neither is anything after it.
    if (close < 0) {
      out.push(decodeEntities(flowed(html.slice(open))))
      break
    }
    const tag = html.slice(open + 1, close)
    i = close + 1
    const name = /^\/?([a-z][a-z0-9]*)/i.exec(tag)?.[1]?.toLowerCase()
    const ending = tag.startsWith('/')
    if (!name) continue
    if (!ending && SKIPPED.has(name)) {
      const end = lower.indexOf(`</${name}`, i)
      const after = end < 0 ? -1 : html.indexOf('>', end)
      i = after < 0 ? html.length : after + 1
      continue
    }
    if (name === 'a') {
      if (!ending) {
        const match = attribute(tag, 'href')
        link = { href: match ? decodeEntities(match[1] ?? match[2] ?? match[3]).trim() : '', from: out.length }
      } else if (link) {
        out.push(linkText(out.splice(link.from).join(''), link.href))
        link = undefined
      }
      continue
    }
    // Inside a link only its words count; elsewhere the layout becomes lines and tabs.
    if (link) continue
    if (name === 'br' || BLOCKS.has(name)) out.push('\n')
    else if (name === 'li' && !ending) out.push('\n・')
    else if ((name === 'td' || name === 'th') && ending) out.push('\t')
  }
  if (link) out.push(linkText(out.splice(link.from).join(''), link.href))
  return tidyLines(out.join(''))
}
