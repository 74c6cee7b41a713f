// Full-text search over the FTS5 trigram index that triggers keep in step
// with events, references, organisations, losses, evidence captions and the
// text read out of evidence (mails, PDFs). Trigrams match any substring of
// three or more characters, which is what Japanese needs (no spaces between
// words); shorter queries (二文字 such as 警察) fall back to a LIKE scan of
// the same index.
import type { SearchEntity, SearchHit } from '../../../../shared/domain'
import type { Connection } from '../casefile/connection'
import { normaliseText } from '../reading/normalise'

/** Characters shown either side of a match in a long evidence text. */
const SNIPPET_CONTEXT = 40

interface IndexRow {
  entity: SearchEntity | 'evidence_text'
  id: number | bigint
  text: string
}

function indexRows(db: Connection, q: string, limit: number): IndexRow[] {
  const select = 'SELECT entity, entity_id AS id, text FROM search_index'
  return (
    [...q].length >= 3
      ? db.prepare(`${select} WHERE search_index MATCH ? ORDER BY rank LIMIT ?`).all(`"${q.replaceAll('"', '""')}"`, limit)
      : db.prepare(`${select} WHERE text LIKE ? ESCAPE '\\' LIMIT ?`).all(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit)
  ) as IndexRow[]
}

/** The part of a long text around the first match, on one line. */
export function snippet(text: string, query: string): string {
  const flat = text.replace(/\s+/g, ' ')
  const at = flat.toLowerCase().indexOf(query.toLowerCase())
  if (at < 0) return flat.slice(0, SNIPPET_CONTEXT * 2)
  const start = Math.max(0, at - SNIPPET_CONTEXT)
  const end = Math.min(flat.length, at + query.length + SNIPPET_CONTEXT)
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
}

/**
 * Numbers that may be amounts: 4–12 digits, not starting with 0, not part of a date, a time, an address
 * or a longer number; longer runs are ids, written as they are.
 */
const GROUPABLE = /(?<![\d,./:-])[1-9]\d{3,11}(?![\d,./:年-])/g
const GROUPED = /(?<![\d,./:-])[1-9]\d{0,2}(?:,\d{3})+(?![\d,./:-])/g
const group = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',')

/**
 * The query with one amount written the other way, for each amount in it: `28828円` and `28,828円`
 * find each other, and in `2026/08/10 28828円` only the amount changes.
 */
export function amountSpellings(q: string): string[] {
  const spellings = new Set<string>()
  const respell = (pattern: RegExp, change: (amount: string) => string) => {
    for (const match of q.matchAll(pattern)) spellings.add(q.slice(0, match.index) + change(match[0]) + q.slice(match.index + match[0].length))
  }
  respell(GROUPABLE, group)
  respell(GROUPED, (amount) => amount.replaceAll(',', ''))
  spellings.delete(q)
  // A query is a few words: past a handful of numbers, the first ones are enough.
  return [...spellings].slice(0, 8)
}

export function search(db: Connection, query: string, limit = 200): SearchHit[] {
  const q = query.trim()
  if (!q) return []
  // Text read from evidence is stored normalised (１０，０００ as 10,000), and amounts are written with
  // or without commas: the query is tried every way.
  const normal = normaliseText(q)
  const queries = [...new Set([q, normal, ...amountSpellings(normal)].filter(Boolean))]
  const hits = new Map<string, SearchHit>()
  for (const each of queries) {
    for (const row of indexRows(db, each, limit)) {
      // A hit in a piece's text is a hit on that piece: shown as evidence, with the words around the match.
      const entity = row.entity === 'evidence_text' ? 'evidence' : row.entity
      const fromText = row.entity === 'evidence_text'
      const hit: SearchHit = { entity, id: Number(row.id), text: fromText ? snippet(row.text, each) : row.text }
      const key = `${hit.entity}:${hit.id}`
      // The caption's row and the text's row name the same piece; the text's snippet says more.
      if (!hits.has(key) || fromText) hits.set(key, hit)
    }
  }
  return [...hits.values()].slice(0, limit)
}
