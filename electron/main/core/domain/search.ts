// Full-text search over the FTS5 trigram index that triggers keep in step
// with events, references, organisations, losses and evidence captions.
// Trigrams match any substring of three or more characters, which is what
// Japanese needs (no spaces between words); shorter queries (二文字 such as
// 警察) fall back to a LIKE scan of the same index.
import type { SearchEntity, SearchHit } from '../../../../shared/domain'
import type { Connection } from '../casefile/connection'

export function search(db: Connection, query: string, limit = 200): SearchHit[] {
  const q = query.trim()
  if (!q) return []
  const select = 'SELECT entity, entity_id AS id, text FROM search_index'
  const rows =
    [...q].length >= 3
      ? db
          .prepare(`${select} WHERE search_index MATCH ? ORDER BY rank LIMIT ?`)
          .all(`"${q.replaceAll('"', '""')}"`, limit)
      : db
          .prepare(`${select} WHERE text LIKE ? ESCAPE '\\' LIMIT ?`)
          .all(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit)
  return (rows as Array<{ entity: SearchEntity; id: number | bigint; text: string }>).map((r) => ({
    entity: r.entity,
    id: Number(r.id),
    text: r.text,
  }))
}
