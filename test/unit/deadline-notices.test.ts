// The desktop notices of claim deadlines: 7, 3 and 1 days before, once each.
import { describe, expect, it } from 'vitest'
import { deadlineNotices, noticeThreshold } from '../../renderer/src/case/directory/deadline-notices'

describe('claim deadline notices', () => {
  it('maps days left to the notice due', () => {
    expect([10, 8, 7, 5, 4, 3, 2, 1, 0, -3, undefined].map(noticeThreshold)).toEqual([undefined, undefined, 7, 7, 7, 3, 3, 1, undefined, undefined, undefined])
  })

  it('announces each deadline once per threshold, and never a larger threshold after a smaller one', () => {
    const sent = new Set<string>()
    expect(deadlineNotices([{ key: 'a', daysLeft: 7 }, { key: 'b', daysLeft: 20 }], sent).map((c) => c.key)).toEqual(['a'])
    expect(deadlineNotices([{ key: 'a', daysLeft: 6 }], sent)).toEqual([])
    expect(deadlineNotices([{ key: 'a', daysLeft: 3 }], sent).map((c) => c.key)).toEqual(['a'])
    // First seen two days away: the 3-day notice only.
    expect(deadlineNotices([{ key: 'c', daysLeft: 2 }], sent).map((c) => c.key)).toEqual(['c'])
    expect(deadlineNotices([{ key: 'c', daysLeft: 2 }, { key: 'c', daysLeft: 5 }], sent)).toEqual([])
    expect(deadlineNotices([{ key: 'a', daysLeft: 1 }, { key: 'c', daysLeft: 1 }], sent).map((c) => c.key)).toEqual(['a', 'c'])
    expect(deadlineNotices([{ key: 'a', daysLeft: 0 }, { key: 'c', daysLeft: -1 }], sent)).toEqual([])
  })
})
