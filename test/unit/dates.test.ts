// "Now" as the case file writes it: this computer's wall clock with its own
// offset, in any zone (Node follows a change of TZ at run time).
import { afterEach, describe, expect, it } from 'vitest'
import { dayOf, localDay, localMoment, localOffset } from '../../shared/dates'

const originalTz = process.env.TZ
afterEach(() => {
  process.env.TZ = originalTz
})

const instant = new Date('2018-10-13T01:02:03Z')

describe('shared dates', () => {
  it.each([
    ['Asia/Tokyo', '2018-10-13T10:02:03+09:00', '2018-10-13'],
    ['America/New_York', '2018-10-12T21:02:03-04:00', '2018-10-12'],
    ['Asia/Kolkata', '2018-10-13T06:32:03+05:30', '2018-10-13'],
    ['UTC', '2018-10-13T01:02:03+00:00', '2018-10-13'],
  ])('in %s the moment is %s on day %s', (zone, moment, day) => {
    process.env.TZ = zone
    expect(localMoment(instant)).toBe(moment)
    expect(localDay(instant)).toBe(day)
    expect(localOffset(instant)).toBe(moment.slice(-6))
    expect(dayOf(moment)).toBe(day)
  })

  it('keeps the day a user wrote, whatever the offset', () => {
    expect(dayOf('2018-10-13T23:30+09:00')).toBe('2018-10-13')
    expect(dayOf('2018-11-15')).toBe('2018-11-15')
  })
})
