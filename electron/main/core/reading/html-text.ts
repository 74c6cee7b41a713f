// The text of an HTML mail body, for a reader who must not be exposed to it:
// no script, style or picture survives, and a link keeps its target written
// out beside its words ("here (https://…)"), because where a phishing link
// really goes is the evidence. The caller defangs the addresses.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === '#') {
      const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all
    }
    return ENTITIES[name.toLowerCase()] ?? all
  })
}

const attribute = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)

export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_all, tag: string, words: string) => {
        const match = attribute(tag, 'href')
        const href = match ? decodeEntities(match[1] ?? match[2] ?? match[3]).trim() : ''
        const shown = words.replace(/<[^>]*>/g, '').trim()
        return href && href !== shown && !href.startsWith('#') ? `${shown} (${href})` : shown
      })
      .replace(/\s*\n\s*/g, ' ')
      .replace(/<br\b[^>]*>/gi, '\n')
      .replace(/<\/?(p|div|tr|table|h[1-6]|ul|ol|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '\n・')
      .replace(/<\/t[dh]\s*>/gi, '\t')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
