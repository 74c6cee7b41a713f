// What verify found, as data, so that each reader gets it in their own
// language: the CLI and error messages in English, the dossier in the
// language it is written in (a police officer reads the Japanese one).
export interface RecordRef {
  /** The table, as the schema names it (events, evidence …). */
  table: string
  /** Its key: an id, or "event-evidence" for a link. */
  key: string
  /** What the user calls it, when the row is there to ask: a title, a description, a file name. */
  label?: string
}

export type Finding =
  | { kind: 'sqlite'; detail: string }
  | { kind: 'dangling_references'; count: number }
  | { kind: 'chain_missing'; seq: number; found: number }
  | { kind: 'chain_broken'; seq: number }
  | { kind: 'chain_altered'; seq: number }
  | { kind: 'seal_unreadable'; seq: number }
  | { kind: 'record_added'; record: RecordRef }
  | { kind: 'record_changed'; record: RecordRef; seq: number }
  | { kind: 'record_deleted'; record: RecordRef; seq: number }
  | { kind: 'more_records'; count: number }
  | { kind: 'evidence_bytes'; id: number; fileName?: string }
  | { kind: 'search_table'; table: string; count: number }
  | { kind: 'search_inconsistent' }
  | { kind: 'search_stray'; count: number }
  | { kind: 'history_older'; seenSeq: number; seenOn: string; fileSeq: number }
  | { kind: 'history_diverged'; seenSeq: number; seenOn: string }
  | { kind: 'schema_added'; type: string; name: string }
  | { kind: 'schema_changed'; type: string; name: string }
  | { kind: 'schema_missing'; type: string; name: string }
  /** Found, and kept in the log, when an upgrade sealed the file anew (it would otherwise be sealed as sound). */
  | { kind: 'found_at_upgrade'; seq: number; finding: Finding }

export type FindingLang = 'en' | 'ja'

const RECORD_WORDS: Record<FindingLang, Record<string, string>> = {
  en: {
    case_info: 'the case details',
    organizations: 'organisation',
    events: 'event',
    evidence: 'evidence',
    event_evidence: 'the link event-evidence',
    refs: 'reference',
    losses: 'loss',
    tasks: 'follow-up',
    case_plan: 'the recovery plan',
    plan_steps: 'plan step',
  },
  ja: {
    case_info: '事件の概要',
    organizations: '連絡先',
    events: '経緯の記録',
    evidence: '証拠',
    event_evidence: '経緯と証拠のつながり',
    refs: '受付番号',
    losses: '被害額',
    tasks: '対応予定',
    case_plan: '手順',
    plan_steps: '手順の項目',
  },
}

/** "event 12 “Call to the police”", 「経緯の記録12「警察に相談」」. */
export function describeRecord({ table, key, label }: RecordRef, lang: FindingLang): string {
  const word = RECORD_WORDS[lang][table] ?? table
  const single = table === 'case_info' || table === 'case_plan'
  const named = single ? word : lang === 'ja' ? `${word}${key}` : `${word} ${key}`
  if (!label) return named
  return lang === 'ja' ? `${named}「${label}」` : `${named} “${label}”`
}

const EN = {
  sqlite: (f: Extract<Finding, { kind: 'sqlite' }>) => `SQLite: ${f.detail}`,
  dangling_references: (f: Extract<Finding, { kind: 'dangling_references' }>) => `${f.count} records point at records that do not exist`,
  chain_missing: (f: Extract<Finding, { kind: 'chain_missing' }>) => `audit entry ${f.seq} is missing (found ${f.found})`,
  chain_broken: (f: Extract<Finding, { kind: 'chain_broken' }>) => `audit entry ${f.seq} does not follow the entry before it`,
  chain_altered: (f: Extract<Finding, { kind: 'chain_altered' }>) => `audit entry ${f.seq} was altered after it was written`,
  seal_unreadable: (f: Extract<Finding, { kind: 'seal_unreadable' }>) =>
    `audit entry ${f.seq} holds an unreadable record of what it wrote: it was altered after it was written`,
  record_added: (f: Extract<Finding, { kind: 'record_added' }>) => `${describeRecord(f.record, 'en')} is not in the audit log: it was added outside Kiroku`,
  record_changed: (f: Extract<Finding, { kind: 'record_changed' }>) =>
    `${describeRecord(f.record, 'en')} differs from what Kiroku wrote (audit entry ${f.seq}): it was changed outside Kiroku`,
  record_deleted: (f: Extract<Finding, { kind: 'record_deleted' }>) =>
    `${describeRecord(f.record, 'en')} is missing (last written by audit entry ${f.seq}): it was deleted outside Kiroku`,
  more_records: (f: Extract<Finding, { kind: 'more_records' }>) => `and ${f.count} more records differ`,
  evidence_bytes: (f: Extract<Finding, { kind: 'evidence_bytes' }>) =>
    `evidence ${f.id}${f.fileName ? ` (${f.fileName})` : ''} no longer matches the SHA-256 taken at intake`,
  search_table: (f: Extract<Finding, { kind: 'search_table' }>) =>
    `the search index does not match the ${f.table} table (${f.count} entries differ): it was changed outside Kiroku`,
  search_inconsistent: () => 'the search index is inconsistent with itself: it was changed outside Kiroku or damaged',
  search_stray: (f: Extract<Finding, { kind: 'search_stray' }>) => `the search index holds ${f.count} entries of no kind of record Kiroku keeps: they were added outside Kiroku`,
  history_older: (f: Extract<Finding, { kind: 'history_older' }>) =>
    `this file is an older state of the case: it ends at audit entry ${f.fileSeq}, but on ${f.seenOn} this device saw entry ${f.seenSeq} (a rollback, or an old copy put back)`,
  history_diverged: (f: Extract<Finding, { kind: 'history_diverged' }>) =>
    `this file's history differs from the one this device saw on ${f.seenOn}: audit entry ${f.seenSeq} is not the same (another copy of the case, or entries rewritten)`,
  schema_added: (f: Extract<Finding, { kind: 'schema_added' }>) => `the ${f.type} "${f.name}" is not Kiroku's: it was added outside Kiroku`,
  schema_changed: (f: Extract<Finding, { kind: 'schema_changed' }>) => `the ${f.type} "${f.name}" differs from Kiroku's: it was changed outside Kiroku`,
  schema_missing: (f: Extract<Finding, { kind: 'schema_missing' }>) => `the ${f.type} "${f.name}" is missing: it was removed outside Kiroku`,
  found_at_upgrade: (f: Extract<Finding, { kind: 'found_at_upgrade' }>) =>
    `found when this file was upgraded (audit entry ${f.seq}): ${findingText(f.finding, 'en')}`,
}

const JA: typeof EN = {
  sqlite: (f) => `SQLite の検査結果：${f.detail}`,
  dangling_references: (f) => `${f.count}件の記録が、存在しない記録を参照しています。`,
  chain_missing: (f) => `監査ログの${f.seq}件目がありません（${f.found}件目が続いています）。`,
  chain_broken: (f) => `監査ログの${f.seq}件目が、その前の記録とつながっていません。`,
  chain_altered: (f) => `監査ログの${f.seq}件目が、記録された後に書き換えられています。`,
  seal_unreadable: (f) => `監査ログの${f.seq}件目に残した内容のハッシュ値が読めません。記録された後に書き換えられています。`,
  record_added: (f) => `${describeRecord(f.record, 'ja')}は監査ログにありません。Kiroku 以外で追加されています。`,
  record_changed: (f) => `${describeRecord(f.record, 'ja')}は、Kiroku が書いた内容（監査ログ${f.seq}件目）と異なります。Kiroku 以外で変更されています。`,
  record_deleted: (f) => `${describeRecord(f.record, 'ja')}がありません（最後の記録は監査ログ${f.seq}件目）。Kiroku 以外で削除されています。`,
  more_records: (f) => `ほかに${f.count}件の記録が異なります。`,
  evidence_bytes: (f) => `証拠${f.id}${f.fileName ? `（${f.fileName}）` : ''}は、取り込み時の SHA-256 ハッシュ値と一致しません。`,
  search_table: (f) => `検索用の索引が ${f.table} の内容と一致しません（${f.count}件）。Kiroku 以外で変更されています。`,
  search_inconsistent: () => '検索用の索引が壊れているか、Kiroku 以外で変更されています。',
  search_stray: (f) => `検索用の索引に、Kiroku が扱わない種類の項目が${f.count}件あります。Kiroku 以外で追加されています。`,
  history_older: (f) =>
    `この記録ファイルは古い状態です。監査ログは${f.fileSeq}件目で終わっていますが、この端末は${f.seenOn}に${f.seenSeq}件目まで確認しています（差し戻し、または古いコピーによる置き換え）。`,
  history_diverged: (f) =>
    `この記録ファイルの履歴は、この端末が${f.seenOn}に確認したものと異なります（監査ログ${f.seenSeq}件目が一致しません。別のコピー、または書き換え）。`,
  schema_added: (f) => `データベースの定義「${f.name}」（${f.type}）は Kiroku のものではありません。Kiroku 以外で追加されています。`,
  schema_changed: (f) => `データベースの定義「${f.name}」（${f.type}）が Kiroku のものと異なります。Kiroku 以外で変更されています。`,
  schema_missing: (f) => `データベースの定義「${f.name}」（${f.type}）がありません。Kiroku 以外で削除されています。`,
  found_at_upgrade: (f) => `ファイルの更新時（監査ログ${f.seq}件目）に見つかった問題：${findingText(f.finding, 'ja')}`,
}

/**
 * The finding without what records say (titles, file names): for a document
 * handed to others, where a private record must not surface by its title and
 * a redacted dossier must not print an unmasked one.
 */
export function withoutNames(finding: Finding): Finding {
  if (finding.kind === 'found_at_upgrade') return { ...finding, finding: withoutNames(finding.finding) }
  if ('record' in finding) return { ...finding, record: { table: finding.record.table, key: finding.record.key } }
  if (finding.kind === 'evidence_bytes') return { kind: finding.kind, id: finding.id }
  return finding
}

export function findingText(finding: Finding, lang: FindingLang = 'en'): string {
  const texts = lang === 'ja' ? JA : EN
  return (texts[finding.kind] as (f: Finding) => string)(finding)
}
