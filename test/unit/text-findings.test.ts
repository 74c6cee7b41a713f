// findInText: the dates, IP addresses and amounts a victim would retype from
// evidence text, each with where it stands; draftsFromFindings: the events and
// losses they suggest, which the case must accept as they are (#14).
import net from 'node:net'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isKnownUnit } from '../../shared/amounts'
import { EventInputSchema, LossInputSchema } from '../../shared/domain'
import { draftsFromFindings, draftsFromText, findInText, ipv6, MAX_FINDINGS, type TextFinding } from '../../shared/text-findings'

const brief = (f: TextFinding) => {
  if (f.kind === 'moment') return ['moment', f.day, f.time, f.offset].filter(Boolean).join(' ')
  if (f.kind === 'ip') return `ip${f.version} ${f.address}`
  return `${f.value} ${f.unit}`
}
const found = (text: string, options?: Parameters<typeof findInText>[1]) => findInText(text, options).map(brief)

describe('findInText: what is found', () => {
  it('reads a login history as it is recognised from a screenshot', () => {
    const text = [
      'ログイン履歴',
      '2026/11/03(火) 03:12 ログイン 198.51.100.7 東京都',
      '2026-11-03 03:15:45 ログイン 2001:DB8:0:0:0:0:0:1 (不明)',
      '2026年11月3日 04:02 ログイン失敗 IP:203.0.113.250',
    ].join('\n')
    expect(found(text)).toEqual([
      'moment 2026-11-03 03:12',
      'ip4 198.51.100.7',
      'moment 2026-11-03 03:15',
      'ip6 2001:db8::1',
      'moment 2026-11-03 04:02',
      'ip4 203.0.113.250',
    ])
    const [first] = findInText(text)
    expect(first).toMatchObject({ text: '2026/11/03(火) 03:12', index: 7, line: 1, context: '2026/11/03(火) 03:12 ログイン 198.51.100.7 東京都' })
  })

  it('reads point usage rows, card statement lines and a mail body', () => {
    expect(found('2026/11/03 03:20 ポイント利用 ファミリーマート -1,742ポイント\n2026/11/03 03:21 ポイント利用 -500pt')).toEqual([
      'moment 2026-11-03 03:20',
      '1742 points',
      'moment 2026-11-03 03:21',
      '500 points',
    ])
    expect(found('11/05 AMAZON.CO.JP 28,828 円\n11/06 ﾌｧﾐﾘｰﾏｰﾄ ¥12,000'.normalize('NFKC'), { defaultYear: 2026 })).toEqual([
      'moment 2026-11-05',
      '28828 yen',
      'moment 2026-11-06',
      '12000 yen',
    ])
    const mail = 'いつもご利用ありがとうございます。\n令和8年11月4日 午後3時12分に、ご登録の楽天ペイで約3万円のお支払いがありました。\n請求額: JPY 1,500 (2026-11-04T15:12:09+09:00)'
    expect(found(mail)).toEqual(['moment 2026-11-04 15:12', '30000 yen', '1500 yen', 'moment 2026-11-04 15:12 +09:00'])
  })

  it('takes every date form, an era year, a weekday and a zone', () => {
    expect(found('2026.11.03 2026-1-2 2026年1月2日3時 平成31年4月30日 令和元年5月1日')).toEqual([
      'moment 2026-11-03',
      'moment 2026-01-02',
      'moment 2026-01-02 03:00',
      'moment 2019-04-30',
      'moment 2019-05-01',
    ])
    expect(found('2026/11/03 03:12:45 JST / 2026/11/03 18:00 (UTC) / 2026-11-03T03:12Z / 2026/11/03 03:12 -0500')).toEqual([
      'moment 2026-11-03 03:12 +09:00',
      'moment 2026-11-03 18:00 +00:00',
      'moment 2026-11-03 03:12 +00:00',
      'moment 2026-11-03 03:12 -05:00',
    ])
    // A year-less date needs a year from the caller.
    expect(found('11月3日 03:12 ログイン')).toEqual([])
    expect(found('11月3日 03:12 ログイン', { defaultYear: 2026 })).toEqual(['moment 2026-11-03 03:12'])
    expect(found('11/03 03:12', { defaultYear: 2026 })).toEqual(['moment 2026-11-03 03:12'])
  })

  it('keeps the first of identical findings unless asked for repeats', () => {
    const text = '03:12 198.51.100.7\n03:15 198.51.100.7\n¥1,000 1,000円'
    expect(found(text)).toEqual(['ip4 198.51.100.7', '1000 yen'])
    expect(found(text, { keepRepeats: true })).toEqual(['ip4 198.51.100.7', 'ip4 198.51.100.7', '1000 yen', '1000 yen'])
    // ¥12,000円 is one amount, not two.
    expect(findInText('¥12,000円', { keepRepeats: true })).toMatchObject([{ text: '¥12,000', value: 12000 }])
  })

  it('gives the line as context, cut around the finding when the line is long', () => {
    const long = `${'あ'.repeat(100)} 198.51.100.7 ${'い'.repeat(100)}`
    const [ip] = findInText(`先頭\n${long}`)
    expect(ip.context.startsWith('…') && ip.context.endsWith('…')).toBe(true)
    expect(ip.context).toContain('198.51.100.7')
    expect(ip.context.length).toBeLessThanOrEqual(84)
  })
})

describe('findInText: what is refused', () => {
  it.each([
    ['an impossible day', '2026/02/30 03:12'],
    ['month 13', '2026/13/01'],
    ['a mixed separator', '2026/11-03'],
    ['a year out of the case range', '1899/12/31 2101-01-01'],
    ['a version with a date in it', '2026.11.03.1'],
    ['an octet over 255', '256.1.1.1 1.1.1.256'],
    ['a leading zero', '010.1.1.1'],
    ['a longer dotted number', '1.2.3.4.5 v1.2.3.4 version 10.0.0.1 Chrome/120.0.6099.109'],
    ['a phone number', 'TEL 03-1234-5678 0120-12-3456 090-1234-5678'],
    ['a postal code', '〒100-0001 東京都千代田区'],
    ['a bad grouping', '1,23,456円 12,3456円 ¥1,2345'],
    ['a decimal', '12.5円 ¥1,000.50'],
    ['a bare P', '12P 3ページ'],
    ['a time, a ratio, a MAC address', '03:12:45 1:2:3 00:1A:2B:3C:4D:5E ::: 12::34 ::1 fe80::'],
    ['IPv6 with too many groups', '1:2:3:4:5:6:7:8:9 1::2::3 12345::1'],
    ['a fraction', '全体の1/2と3/4'],
  ])('%s', (_, text) => {
    expect(found(text, { defaultYear: 2026 })).toEqual([])
  })

  it('drops an impossible time but keeps the day', () => {
    expect(found('2026/11/03 25:00 2026/11/04 03:60 2026/11/05 午後13時')).toEqual(['moment 2026-11-03', 'moment 2026-11-04', 'moment 2026-11-05'])
    expect(found('2026/11/03 12時間')).toEqual(['moment 2026-11-03'])
  })

  it('does not read the next column as an offset', () => {
    expect(found('2026/11/03 03:12 -1000円')).toEqual(['moment 2026-11-03 03:12', '1000 yen'])
  })
})

describe('draftsFromFindings', () => {
  const history = [
    '2026/11/03(火) 03:12 ログイン 198.51.100.7 東京都',
    '2026/11/03(火) 03:15 ログイン 198.51.100.7 東京都',
    '2026/11/03 03:20 アクセス元 2001:db8::7',
    '2026/11/03 楽天ポイント利用 -1,742ポイント 残高 3,000ポイント',
    '11/05 AMAZON.CO.JP 28,828円',
  ].join('\n')

  it('offers an event per dated row with an IP and a loss per amount taken, each valid for the case', () => {
    const drafts = draftsFromText(history, { defaultYear: 2026 })
    expect(drafts.map((d) => (d.kind === 'event' ? d.event : d.loss))).toEqual([
      { occurredAt: '2026-11-03T03:12:00+09:00', kind: 'unauthorized_access', title: 'ログイン 198.51.100.7', body: '2026/11/03(火) 03:12 ログイン 198.51.100.7 東京都' },
      { occurredAt: '2026-11-03T03:15:00+09:00', kind: 'unauthorized_access', title: 'ログイン 198.51.100.7', body: '2026/11/03(火) 03:15 ログイン 198.51.100.7 東京都' },
      { occurredAt: '2026-11-03T03:20:00+09:00', kind: 'note', title: '2026/11/03 03:20 アクセス元 2001:db8::7' },
      { description: '2026/11/03 楽天ポイント利用 -1,742ポイント 残高 3,000ポイント', amount: 1742, unit: '楽天ポイント', occurredAt: '2026-11-03' },
      { description: '11/05 AMAZON.CO.JP 28,828円', amount: 28828, unit: 'JPY', occurredAt: '2026-11-05' },
    ])
    for (const d of drafts) {
      if (d.kind === 'event') expect(EventInputSchema.safeParse(d.event).success).toBe(true)
      else {
        expect(LossInputSchema.safeParse(d.loss).success).toBe(true)
        expect(isKnownUnit(d.loss.unit)).toBe(true)
      }
    }
    // The findings it came from, for the page to show.
    expect(drafts[0].from.map((f) => f.text)).toEqual(['2026/11/03(火) 03:12', '198.51.100.7'])
  })

  it('takes the offset the text gives, and makes no event from a day without a time', () => {
    const [event] = draftsFromFindings(findInText('2026-11-03T03:12:45-05:00 login from 198.51.100.7'))
    expect(event).toMatchObject({ kind: 'event', event: { occurredAt: '2026-11-03T03:12:00-05:00', title: 'ログイン 198.51.100.7' } })
    expect(draftsFromFindings(findInText('2026/11/03 ログイン 198.51.100.7'))).toEqual([])
  })

  it('names the point brand of the row and keeps an unknown one as ポイント', () => {
    const units = draftsFromText('Vポイント(旧Tポイント) 100ポイント\nPonta 200pt\ndポイント 300ポイント\nどこかの 400ポイント').map((d) => d.kind === 'loss' && d.loss.unit)
    expect(units).toEqual(['Vポイント', 'Ponta', 'd POINT', 'ポイント'])
  })
})

// Text around a finding that cannot join it: Japanese, spaces, punctuation that ends a sentence.
const around = fc.array(fc.constantFrom('あ', 'ログイン', ' ', '、', '。', '\n', 'IP:', '(', ')', '円'), { maxLength: 6 }).map((p) => p.join(''))
// What may follow: an address run into a Latin letter (…::1IP) is refused, rightly.
const following = around.map((t) => `。${t}`)
const pieces = fc.constantFrom('0', '1', '9', '2026', ',', '.', ':', '/', '-', '年', '月', '日', '時', '分', '円', 'ポイント', 'pt', '¥', '万', ' ', '\n', 'a', 'f', '令和', '(火)', '+09:00', 'JST', '\uD800', '😀')
const messy = fc.oneof(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 80 }))

describe('drafts: what was taken, row by row', () => {
  const losses = (text: string) => draftsFromText(text).flatMap((d) => (d.kind === 'loss' ? [d.loss.amount] : []))

  it('tells a balance from a charge of the same amount on the same row', () => {
    expect(losses('2026/11/03 残高 1,000円 引落 1,000円')).toEqual([1000])
  })

  it('keeps two equal rows as two losses', () => {
    expect(losses('2026/11/03 Amazonギフト 5,000円\n2026/11/03 Amazonギフト 5,000円')).toEqual([5000, 5000])
  })

  it(`stops at ${MAX_FINDINGS} findings`, () => {
    expect(findInText('¥1 '.repeat(MAX_FINDINGS + 100), { keepRepeats: true })).toHaveLength(MAX_FINDINGS)
  })
})

describe('findInText: properties', () => {
  it('finds any IPv4 address in Japanese text, exactly', () => {
    fc.assert(
      fc.property(around, fc.ipV4(), around, (before, ip, after) => {
        const ips = findInText(`${before}${ip}${after}`).filter((f) => f.kind === 'ip')
        expect(ips).toEqual([expect.objectContaining({ address: ip, text: ip, index: before.length })])
      }),
      { numRuns: 300 },
    )
  })

  it('accepts only valid IPv6, in the form a URL gives it, and finds a full one in text', () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const address = ipv6(ip)
        if (address === undefined) return
        expect(net.isIPv6(ip)).toBe(true)
        if (!address.startsWith('::ffff:')) expect(`[${address}]`).toBe(new URL(`http://[${ip}]/`).hostname)
      }),
      { numRuns: 500 },
    )
    const hextet = fc.integer({ min: 1, max: 0xffff }).map((n) => n.toString(16))
    fc.assert(
      fc.property(around, fc.array(hextet, { minLength: 8, maxLength: 8 }), following, (before, groups, after) => {
        const ip = groups.join(':')
        expect(findInText(`${before}${ip}${after}`).filter((f) => f.kind === 'ip')).toEqual([expect.objectContaining({ text: ip, address: ip, version: 6 })])
      }),
      { numRuns: 200 },
    )
  })

  it('reads back any amount written with correct grouping', () => {
    const written = fc.tuple(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.constantFrom('円', ' 円', 'ポイント', 'pt', '¥', '￥')).map(([value, unit]) => {
      const grouped = new Intl.NumberFormat('en-US').format(value)
      return { value, text: unit === '¥' || unit === '￥' ? `${unit}${grouped}` : `${grouped}${unit}`, unit: /[¥￥円]/.test(unit) ? 'yen' : 'points' }
    })
    fc.assert(
      fc.property(around, written, fc.constantFrom('', ' ', '。', '\n'), (before, amount, after) => {
        const amounts = findInText(`${before}${amount.text}${after}`).filter((f) => f.kind === 'amount')
        expect(amounts[0]).toMatchObject({ value: amount.value, unit: amount.unit, text: amount.text, index: before.length })
      }),
      { numRuns: 300 },
    )
  })

  it('finds any real day in any of its forms', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    fc.assert(
      fc.property(around, day, fc.integer({ min: 0, max: 3 }), (before, date, form) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]
        const p = (n: number) => String(n).padStart(2, '0')
        const written = [`${y}/${p(m)}/${p(d)}`, `${y}-${p(m)}-${p(d)}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`][form]
        const moments = findInText(`${before}${written}。`).filter((f) => f.kind === 'moment')
        expect(moments).toEqual([expect.objectContaining({ day: `${y}-${p(m)}-${p(d)}`, text: written })])
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on any text, every finding is where it says, and every draft suits the case', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const findings = findInText(text, { defaultYear: 2026, keepRepeats: true })
        let end = 0
        for (const f of findings) {
          expect(text.slice(f.index, f.index + f.text.length)).toBe(f.text)
          expect(f.index).toBeGreaterThanOrEqual(end)
          end = f.index + f.text.length
        }
        for (const d of draftsFromFindings(findings)) {
          const parsed = d.kind === 'event' ? EventInputSchema.safeParse(d.event) : LossInputSchema.safeParse(d.loss)
          expect(parsed.success).toBe(true)
        }
      }),
      { numRuns: 1500 },
    )
  })

  it('stays linear on 200 KB of hostile text', () => {
    const n = 200_000
    const hostile = [
      '9'.repeat(n),
      '1,'.repeat(n / 2),
      ':'.repeat(n),
      '1.'.repeat(n / 2),
      'a:'.repeat(n / 2),
      '12:'.repeat(n / 3),
      '2026/'.repeat(n / 5),
      '1万'.repeat(n / 2),
      ' '.repeat(n) + '1/2',
      '1,2.3:4-5/6 '.repeat(n / 12),
    ]
    for (const text of hostile) {
      expect(() => draftsFromText(text, { defaultYear: 2026 })).not.toThrow()
    }
  })
})
