// One word per idea (shared/notes/japanese-terms.md): the words the list says
// not to use appear nowhere a victim reads them in Japanese (the dossier's
// labels, the preparation sheet, the UI, the plans, the bundle README); the
// UI and the PDFs take the shared terms from one place; amounts print units
// as a reader knows them.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FORBIDDEN_JA, TERMS } from '../../shared/terms'
import { formatAmount, isKnownUnit, unitName } from '../../shared/amounts'
import { labelsFor } from '../../electron/main/core/dossier/labels'
import { PREP_SHEET_WORDS } from '../../electron/main/core/plans/prep-sheet'
import { README, readmeBytes, type Manifest } from '../../electron/main/core/exchange/bundle'
import { ja } from '../../renderer/src/i18n/ja'
import { en } from '../../renderer/src/i18n/en'

/** Every string an object holds or its functions return, with where it came from. */
function texts(value: unknown, where = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[where, value]]
  if (typeof value === 'function') {
    // Try numbers, then words, then a "count of each kind" object: every one of these functions takes one of those.
    const counts = new Proxy({}, { get: () => 2 })
    for (const arg of [2, '〇〇', counts]) {
      try {
        const out = value(...Array.from({ length: Math.max(1, value.length) }, () => arg))
        if (typeof out === 'string') return [[`${where}()`, out]]
      } catch {
        // the next kind of argument
      }
    }
    return []
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${where}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, where ? `${where}.${k}` : k))
  return []
}

function misuses(source: Array<[string, string]>): string[] {
  return source.flatMap(([where, text]) => FORBIDDEN_JA.filter((f) => f.word.test(text)).map((f) => `${where}: “${text}” (use ${f.use})`))
}

const manifest: Manifest = {
  format: 'kiroku-bundle',
  version: 1,
  title: 'Yahoo! JAPAN ID 不正ログイン',
  createdAt: '2018-11-20T01:00:00.000Z',
  auditHead: { seq: 42, hash: 'a'.repeat(64) },
  files: [],
}

const PLANS_JA = fs.readFileSync(path.join(__dirname, '../../resources/plans/ja.json'), 'utf8')

describe('the word list', () => {
  it('catches each forbidden word, and Tポイント only without 旧 before it', () => {
    const caught = (text: string) => misuses([['t', text]]).length > 0
    for (const bad of ['このケース', '時系列', '組織', 'フォローアップ', '撮影日', '加害者', '真正性の確認', '連鎖の先頭', '提出用', '21:04 (UTC+09:00)', 'Tポイント', 'T ポイント', 'Kiroku の資料', 'プラットフォーム', '経過']) {
      expect(caught(bad), bad).toBe(true)
    }
    for (const good of ['Vポイント（旧Tポイント）', '事件', '経緯', '連絡先', '対応予定', '取得日', '犯人', '改ざんの有無の確認', '最新のハッシュ値', '本人用', '日本時間']) {
      expect(caught(good), good).toBe(false)
    }
  })

  it('the dossier labels (Japanese) use none of the words the list forbids', () => {
    const found = texts(labelsFor('ja'))
    expect(found.length).toBeGreaterThan(100)
    expect(misuses(found)).toEqual([])
  })

  it('the preparation sheet (Japanese) uses none of them', () => {
    expect(misuses(texts(PREP_SHEET_WORDS.ja))).toEqual([])
  })

  it('the Japanese UI messages use none of them', () => {
    const found = texts(ja)
    expect(found.length).toBeGreaterThan(300)
    expect(misuses(found)).toEqual([])
  })

  it('the Japanese plans (resources/plans/ja.json) use none of them', () => {
    expect(misuses(texts(JSON.parse(PLANS_JA)))).toEqual([])
    // ワンタイムパスワード alone is not two-step verification.
    expect(PLANS_JA).not.toContain('ワンタイムパスワード')
  })

  it('the bundle README uses none of them, in Japanese', () => {
    expect(misuses([['README.ja', README.ja(manifest)]])).toEqual([])
  })
})

describe('one source for the shared terms', () => {
  it('the dossier and the UI take the same words from shared/terms.ts', () => {
    for (const lang of ['ja', 'en'] as const) {
      const L = labelsFor(lang)
      const M = lang === 'ja' ? ja : en
      const T = TERMS[lang]
      expect(L.kinds).toEqual(M.caseKinds)
      expect(L.statuses).toEqual(M.caseStatuses)
      expect(L.roles).toEqual(M.roles)
      expect(L.eventKinds).toEqual(M.eventKinds)
      expect(L.channels).toEqual(M.channels)
      expect(L.chronology).toBe(M.timeline)
      expect(L.chronology).toBe(T.chronology)
      expect(L.captured).toBe(M.capturedAt)
      expect(L.evidence).toBe(M.evidence)
      expect(L.task).toBe(M.plan.followUp)
      expect(L.integrity).toBe(T.hashCheck)
      expect(L.auditHead).toBe(T.latestHash)
      expect(L.reportTitle).toBe(T.policeDossier)
      expect(L.ownCopy).toBe(T.ownCopy)
    }
    expect(TERMS.ja).toMatchObject({ case: '事件', chronology: '経緯', organization: '連絡先', organizationColumn: '機関・会社名', followUp: '対応予定', acquiredOn: '取得日', offender: '犯人' })
    expect(TERMS.ja.roles.platform).toBe('サービス事業者')
    expect(labelsFor('ja').organization).toBe('機関・会社名')
    expect(ja.organization).toBe('連絡先')
  })

  it('both languages name the same terms', () => {
    expect(Object.keys(TERMS.en).sort()).toEqual(Object.keys(TERMS.ja).sort())
  })
})

describe('formatAmount', () => {
  it('yen as a reader writes it', () => {
    expect(formatAmount(12000, 'JPY', 'ja')).toBe('12,000円')
    expect(formatAmount(12000, 'JPY', 'en')).toBe('¥12,000')
    expect(formatAmount(12000, '円', 'en')).toBe('¥12,000')
    expect(formatAmount(-500, 'jpy', 'ja')).toBe('-500円')
  })

  it('points under their brand’s name; T-Point is Vポイント（旧Tポイント）', () => {
    expect(formatAmount(87233, 'T-POINT', 'ja')).toBe('87,233 Vポイント（旧Tポイント）')
    expect(formatAmount(87233, 'T-POINT', 'en')).toBe('87,233 V Point (formerly T-Point)')
    expect(unitName('Tポイント', 'ja')).toBe('Vポイント（旧Tポイント）')
    expect(unitName('Ponta', 'ja')).toBe('Pontaポイント')
    expect(unitName('d POINT', 'ja')).toBe('dポイント')
    expect(unitName('楽天ポイント', 'en')).toBe('Rakuten points')
    expect(unitName('PayPay', 'ja')).toBe('PayPayポイント')
    expect(unitName('JPY', 'ja')).toBe('円')
  })

  it('a unit it does not know stays as written', () => {
    expect(formatAmount(5, 'マイル', 'ja')).toBe('5 マイル')
    expect(unitName('ANA Mileage', 'en')).toBe('ANA Mileage')
    expect(isKnownUnit('ANA Mileage')).toBe(false)
    expect(isKnownUnit('T-POINT')).toBe(true)
  })
})

describe('the bundle README', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`${lang}: says how to check on Windows, and is written so Notepad shows it (UTF-8 with BOM, CRLF)`, () => {
      const text = README[lang](manifest)
      expect(text).toContain('Get-FileHash -Algorithm SHA256')
      expect(text).toContain('sha256sum -c manifest.sha256')
      const bytes = readmeBytes(lang, manifest)
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const decoded = bytes.subarray(3).toString('utf8')
      expect(decoded.replace(/\r\n/g, '')).not.toContain('\n')
      expect(decoded).toContain('\r\n')
      expect(decoded.replace(/\r\n/g, '\n')).toBe(text)
    })
  }
})

describe('the plans say what a native speaker checked', () => {
  const plans = {
    ja: JSON.parse(PLANS_JA),
    en: JSON.parse(fs.readFileSync(path.join(__dirname, '../../resources/plans/en.json'), 'utf8')),
  }
  const words = {
    ja: { desk: 'サイバー犯罪相談窓口', phoneFirst: '先に警察署へ電話', notReport: '被害届にはなりません', memo: '連絡メモ', keep: '削除しないで', ip: 'IPアドレス', region: '国や地域' },
    en: { desk: 'cyber crime desk', phoneFirst: 'phone the police station first', notReport: 'is not a damage report', memo: 'A memo of your calls', keep: 'Do not delete the account', ip: 'IP address', region: 'countries or regions' },
  }
  for (const lang of ['ja', 'en'] as const) {
    const plan = plans[lang]
    const w = words[lang]
    const step = (kind: string, id: string) => plan.kinds[kind].steps.find((s: { id: string }) => s.id === id)
    it(`${lang}: the police step names the prefecture's cyber crime desk, says to phone first and bring a memo of the calls; the online form is not a 被害届`, () => {
      for (const kind of Object.keys(plan.kinds)) {
        const police = step(kind, 'consult-police')
        expect(police.why, kind).toContain(w.desk)
        expect(police.why, kind).toContain(w.notReport)
        expect(JSON.stringify(police.prepare), kind).toContain(w.memo)
      }
      expect(step('account_takeover', 'consult-police').why).toContain(w.phoneFirst)
      expect(JSON.stringify(plan.prep.police.bring)).toContain(w.memo)
    })
    it(`${lang}: a shopping scam paid by transfer goes to the receiving bank first, before the seller`, () => {
      const ids = plan.kinds.shopping_scam.steps.map((s: { id: string }) => s.id)
      expect(ids[0]).toBe('contact-payment')
      expect(ids.indexOf('contact-payment')).toBeLessThan(ids.indexOf('contact-seller'))
    })
    it(`${lang}: a hijacked account is not deleted, and its login history is saved with IP address and region`, () => {
      for (const kind of ['account_takeover', 'points_theft']) {
        expect(step(kind, 'secure-account').why, kind).toContain(w.keep)
        const history = JSON.stringify(step(kind, 'save-login-history'))
        expect(history, kind).toContain(w.ip)
        expect(history, kind).toContain(w.region)
      }
    })
  }
})
