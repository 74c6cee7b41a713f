// The dossier's text rules, without a PDF: line breaking with kinsoku,
// redaction, and dates as the user entered them (with era when asked).
import { describe, expect, it } from 'vitest'
import { formatDate, maskTail, redactText } from '../../electron/main/core'
import { isJapanTime } from '../../electron/main/core/dossier/dates'
import { wrapText } from '../../electron/main/core/dossier/linebreak'

// Every character one unit wide, spaces too: widths in characters.
const width = (s: string) => [...s].length

describe('wrapText', () => {
  it('breaks Japanese between characters and keeps Latin words whole', () => {
    expect(wrapText('不正ログインを発見', 4, width)).toEqual(['不正ログ', 'インを発', '見'])
    expect(wrapText('call the operator today', 10, width)).toEqual(['call the', 'operator', 'today'])
    expect(wrapText('受付番号 TP-20181017-0042 を控えた', 18, width)).toEqual(['受付番号', 'TP-20181017-0042 を', '控えた'])
  })

  it('never starts a line with 、。」 or a small kana, never ends one with 「（', () => {
    const text = '事業者は「調査中」と回答した。確認できれば、補償する（一度だけ）。ちょっと待って。'
    for (let max = 3; max <= 12; max++) {
      const lines = wrapText(text, max, width)
      expect(lines.join('')).toBe(text)
      for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[、。」）ょっ]/)
      for (const line of lines.slice(0, -1)) expect(line.at(-1)).not.toMatch(/[「（]/)
    }
  })

  it('cuts a word longer than a line after a comma, hyphen or slash where it can', () => {
    expect(wrapText('100,000,000', 8, width)).toEqual(['100,000,', '000'])
    expect(wrapText('https://example.jp/a/b', 12, width)).toEqual(['https://', 'example.jp/', 'a/b'])
    expect(wrapText('0123456789abcdef', 5, width)).toEqual(['01234', '56789', 'abcde', 'f'])
  })

  it('keeps hard line breaks and typed spaces at a paragraph start', () => {
    expect(wrapText('一行目\n\n　　年　月', 20, width)).toEqual(['一行目', '', '　　年　月'])
  })
})

describe('redaction', () => {
  it('masks all but the last 4 characters', () => {
    expect(maskTail('090-1234-5678')).toBe('*********5678')
    expect(maskTail('hanako@example.jp')).toBe('*************e.jp')
    expect(maskTail('110')).toBe('110')
  })

  it('finds phone numbers, e-mail addresses and account numbers in free text, but not references, dates or amounts', () => {
    const text = '2018-10-12に 090-1234-5678 (+81 3 1234 5678) と a.b@example.co.jp へ。口座 1234567、カード 4111-1111-1111-1111。受付番号 TP-20181017-0042、87,233pt'
    const masked = redactText(text, [], ['TP-20181017-0042'])
    for (const secret of ['090-1234', '+81 3 1234', 'a.b@example', '1234567', '4111-1111-1111']) expect(masked).not.toContain(secret)
    for (const kept of ['2018-10-12', 'TP-20181017-0042', '87,233pt', '5678', 'o.jp']) expect(masked).toContain(kept)
  })

  it("masks the victim's own details wherever they appear, even when no pattern would", () => {
    expect(redactText('住所は東京都千代田区丸の内1-1-1です', ['東京都千代田区丸の内1-1-1'])).toBe('住所は***********-1-1です')
  })
})

describe('formatDate', () => {
  const ja = { lang: 'ja', era: 'western' } as const
  it('keeps the wall-clock time the user entered; Japan time is not marked on each time, another zone is', () => {
    expect(formatDate('2018-10-12T21:04:00+09:00', ja)).toBe('2018年10月12日 21:04')
    expect(formatDate('2018-10-12T21:04:00+09:00', { lang: 'en', era: 'western' })).toBe('12 Oct 2018 21:04')
    expect(formatDate('2018-10-12T12:04Z', { lang: 'en', era: 'western' })).toBe('12 Oct 2018 12:04 (UTC)')
    expect(formatDate('2018-10-12T08:30-05:00', ja)).toBe('2018年10月12日 08:30（UTC-05:00）')
    expect(formatDate('2018-11-15', ja)).toBe('2018年11月15日')
    expect(formatDate('2018-10-12T21:04:00+09:00', ja, false)).toBe('2018年10月12日')
    expect(formatDate(undefined, ja)).toBe('')
    expect(isJapanTime('2018-10-12T21:04:00+09:00')).toBe(true)
    expect(isJapanTime('2018-10-12')).toBe(false)
    expect(isJapanTime('2018-10-12T12:04Z')).toBe(false)
  })

  it('writes Japanese-era dates, and western ones before the era calendar applies', () => {
    const era = { lang: 'ja', era: 'japanese' } as const
    expect(formatDate('2018-10-12', era)).toBe('平成30年10月12日')
    expect(formatDate('2019-05-01T09:00+09:00', era)).toBe('令和元年5月1日 09:00')
    expect(formatDate('1850-01-01', era)).toBe('1850年1月1日')
    expect(formatDate('0099-03-04', ja)).toBe('99年3月4日')
  })
})
