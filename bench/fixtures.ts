// Generates a large kiroku-case document plus its evidence PNGs on disk, the
// same shape `kiroku import-json` reads, so the import measured is the real one.
import fs from 'node:fs'
import path from 'node:path'
import type { CaseDocumentInput } from '../electron/main/core/exchange/format'
import { sha256Hex } from '../electron/main/core/domain/evidence'
import type { EventKind } from '../shared/domain'
import { BODY_EN, BODY_JA, CITIES, NOTES, ORGANIZATIONS, REPRESENTATIVES, STORES, type OrgSpec } from './content'
import { encodePng } from './png'
import { Random } from './random'

export interface FixtureOptions {
  events: number
  evidence: number
  seed?: number
  /** Makes evidence image number i (default: a noisy PNG of 50–200 KB). */
  png?: (rng: Random, i: number) => Buffer
}

export interface Fixture {
  jsonPath: string
  evidenceBytes: number
  /** A reception number that occurs in only a few records: a selective search. */
  rareTerm: string
}

type DocEvent = NonNullable<CaseDocumentInput['events']>[number]

const JST = 9 * 3600_000
const jst = (ms: number) => `${new Date(ms + JST).toISOString().slice(0, 19)}+09:00`
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`
const day = (ms: number) => new Date(ms + JST).toISOString().slice(0, 10)

/**
 * A screenshot-sized PNG of noisy pixels: 6 random bits per channel keep
 * deflate from shrinking it to nothing, so the stored size is ~`targetBytes`.
 */
function noisyPng(rng: Random, targetBytes: number): Buffer {
  const width = rng.int(360, 540)
  const height = Math.max(1, Math.round(targetBytes / (width * 3 * 0.78)))
  const rgb = new Uint8Array(width * height * 3)
  const tint = [rng.int(160, 192), rng.int(160, 192), rng.int(160, 192)]
  for (let i = 0; i < rgb.length; i += 4) {
    let bits = rng.u32()
    for (let j = i; j < i + 4 && j < rgb.length; j++, bits >>>= 8) rgb[j] = tint[j % 3] + (bits & 0x3f)
  }
  return encodePng(width, height, rgb)
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}

function makeEvent(rng: Random, at: number, org: OrgSpec, ref: string): DocEvent {
  const rep = rng.pick(REPRESENTATIVES)
  const n = String(rng.int(100, 90_000))
  const values = { org: org.short, ref, n, store: rng.pick(STORES), rep }
  const english = rng.chance(0.15)
  const body = Array.from({ length: rng.int(1, 4) }, () => fill(rng.pick(english ? BODY_EN : BODY_JA), values)).join(english ? ' ' : '')
  const roll = rng.next()
  const base = { occurredAt: english ? utc(at) : jst(at), organizationId: org.id, body, evidenceIds: [] as string[] }
  if (roll < 0.55) {
    const channel = rng.pick(['phone', 'phone', 'email', 'web'] as const)
    const title = english
      ? `Called ${org.short}, ticket ${ref}`
      : channel === 'phone'
        ? `${org.short}へ電話 受付番号 ${ref}`
        : channel === 'email'
          ? `${org.short}からメール「調査結果のご連絡」 問い合わせ番号 ${ref}`
          : `${org.short}の問い合わせフォームから連絡 受付番号 ${ref}`
    return { ...base, kind: 'contact', title, representative: rep, channel, durationMinutes: channel === 'phone' ? rng.int(3, 55) : undefined }
  }
  const other: Array<[EventKind, string]> = [
    ['unauthorized_use', `ポイント不正利用 ${n}pt (${values.store})`],
    ['unauthorized_access', english ? `Sign-in from unrecognised device (${rng.pick(CITIES)})` : `不正ログインの通知メール (IP 203.0.113.${rng.int(1, 254)})`],
    ['police_report', `新宿警察署で被害相談 相談番号 ${ref}`],
    ['refund', `${org.short}から返金 ${n}円`],
    ['note', `メモ: ${rng.pick(NOTES)}`],
    ['incident', 'Yahoo! JAPAN IDのパスワードが変更されていることに気づく'],
  ]
  const [kind, title] = rng.pick(other)
  return { ...base, kind, title }
}

/** Writes `case.json` and `evidence/*.png` into `dir`. */
export function writeFixture(dir: string, { events, evidence, seed = 20181012, png: makePng }: FixtureOptions): Fixture {
  const rng = new Random(seed)
  const evidenceDir = path.join(dir, 'evidence')
  fs.mkdirSync(evidenceDir, { recursive: true })

  const doc: CaseDocumentInput & { events: DocEvent[] } = {
    format: 'kiroku-case',
    version: 1,
    case: {
      title: 'Yahoo! JAPAN ID 不正ログインとポイント不正利用 (benchmark)',
      kind: 'points_theft',
      status: 'awaiting_refund',
      summary: 'Yahoo! JAPAN IDに不正ログインされ、Tポイントが不正に利用された。生成データ。',
      discoveredAt: '2018-10-12',
      victim: { name: '山田 花子', phone: '090-0000-0000' },
    },
    organizations: ORGANIZATIONS.map(({ short: _s, prefix: _p, ...o }) => o),
    events: [],
    references: [],
    losses: [],
    evidence: [],
    tasks: [],
  }

  let at = Date.UTC(2018, 9, 12, 12, 4)
  let rareTerm = ''
  for (let i = 0; i < events; i++) {
    at += rng.int(5, 150) * 60_000
    const org = rng.pick(ORGANIZATIONS)
    const ref = `${org.prefix}-${day(at).replaceAll('-', '')}-${rng.digits(4)}`
    const event = { ...makeEvent(rng, at, org, ref), id: `ev-${i + 1}` }
    doc.events.push(event)
    if (event.title.includes(ref) && rng.chance(0.1)) {
      doc.references!.push({ organizationId: org.id, label: '受付番号', value: ref, issuedAt: day(at), eventId: event.id })
      if (i >= events / 2 && !rareTerm) rareTerm = ref
    }
    if (i % 150 === 0) {
      const amount = rng.int(500, 90_000)
      doc.losses!.push({ description: `Tポイント不正利用 (${rng.pick(STORES)})`, amount, unit: 'T-POINT', occurredAt: day(at), organizationId: 'org-tpoint', recovered: rng.chance(0.5) ? amount : 0 })
    }
    if (i % 120 === 0) doc.tasks!.push({ title: `${org.short}に進捗を確認する`, dueAt: day(at + 7 * 86_400_000), done: rng.chance(0.7), organizationId: org.id, eventId: event.id })
  }

  let evidenceBytes = 0
  for (let i = 1; i <= evidence; i++) {
    const png = makePng ? makePng(rng, i) : noisyPng(rng, rng.int(50_000, 200_000))
    const name = `screenshot-${String(i).padStart(3, '0')}.png`
    fs.writeFileSync(path.join(evidenceDir, name), png)
    evidenceBytes += png.length
    // Each screenshot backs one event spread over the timeline, some a second one.
    const owner = doc.events[Math.floor(((i - 1) * events) / evidence)]
    owner.evidenceIds!.push(`evi-${i}`)
    if (rng.chance(0.3)) rng.pick(doc.events).evidenceIds!.push(`evi-${i}`)
    doc.evidence!.push({
      id: `evi-${i}`,
      file: `evidence/${name}`,
      sha256: sha256Hex(png),
      caption: `スクリーンショット: ${owner.title}`.slice(0, 2000),
      capturedAt: owner.occurredAt.slice(0, 10),
    })
  }

  const jsonPath = path.join(dir, 'case.json')
  fs.writeFileSync(jsonPath, JSON.stringify(doc))
  return { jsonPath, evidenceBytes, rareTerm }
}
