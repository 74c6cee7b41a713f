// Dates outside 1900-01-01..2100-12-31 are refused everywhere a date comes
// in (the app, the CLI, the interchange format share the schemas), so the
// timeline's sort key, the moment in UTC as text, stays a four-digit year
// with any offset: 9999-12-31T23:59-14:00 would be year 10000 in UTC and
// sort before every real event.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { EventInputSchema, TimelineEventSchema, isoDateOrDateTime, isoDateTime } from '../../shared/domain'
import { kiroku } from '../helpers/cli'
import { STORY_JSON, writeStoryCopy } from '../helpers/story'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }
const RANGE = /must be a date between 1900-01-01 and 2100-12-31/

// The earliest and latest moments allowed, with the offsets furthest from UTC either way.
const EDGES = [
  '1900-01-01T00:00+14:00', // 1899-12-31T10:00Z: before 1900 in UTC, still four digits
  '1900-01-01T00:00-12:00',
  '2100-12-31T23:59:59.999-12:00', // 2101-01-01T11:59:59.999Z
  '2100-12-31T23:59+14:00',
]
const OUTSIDE = ['9999-12-31T23:59-14:00', '1899-12-31T23:59-12:00', '2101-01-01T00:00+14:00', '0001-01-01T00:00+14:00']

function storyCase(): string {
  const file = path.join(tempDir(), 'story.kiroku')
  expect(kiroku(['import-json', file, STORY_JSON], { env }).status).toBe(0)
  return file
}

describe('the range of dates', () => {
  it('refuses the attack moment and anything outside the range on `add-event`, and sorts the edges where they belong', () => {
    const file = storyCase()
    for (const at of OUTSIDE) {
      const refused = kiroku(['add-event', file, '--title', 'first?', '--at', at], { env })
      expect(refused.status, at).toBe(3)
      expect(refused.stderr).toMatch(RANGE)
    }
    for (const at of EDGES) expect(kiroku(['add-event', file, '--title', `edge ${at}`, '--at', at], { env }).status, at).toBe(0)

    const listed = JSON.parse(kiroku(['list', file, '--json'], { env }).stdout) as Array<{ occurredAt: string; title: string }>
    expect(listed.map((e) => e.title)).not.toContain('first?')
    const order = listed.map((e) => e.occurredAt)
    // UTC order: +14:00 is earlier than -12:00 on the same wall clock; the story's 2018 in between.
    expect(order.slice(0, 2)).toEqual([EDGES[0], EDGES[1]])
    expect(order.slice(-2)).toEqual([EDGES[3], EDGES[2]])
    expect(order.slice(2, -2).every((at) => at.startsWith('2018-'))).toBe(true)

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const keys = caseFile.db.prepare('SELECT occurred_utc FROM events ORDER BY occurred_utc').pluck().all() as string[]
      expect(keys[0]).toBe('1899-12-31T10:00:00.000Z')
      expect(keys.at(-1)).toBe('2101-01-01T11:59:59.999Z')
      expect(keys.every((key) => /^\d{4}-\d\d-\d\dT/.test(key))).toBe(true)
    } finally {
      caseFile.close()
    }
  })

  it('refuses out-of-range dates in an interchange document, each by its path, and writes nothing', () => {
    const dir = tempDir()
    const json = writeStoryCopy(dir, (doc) => {
      doc.events[0].occurredAt = '9999-12-31T23:59-14:00'
      doc.events[1].occurredAt = '1899-12-31T23:59-12:00'
      doc.events[2].occurredAt = EDGES[0]
      doc.case.discoveredAt = '2101-01-01'
      doc.evidence[0].capturedAt = '1899-12-31'
      doc.tasks.push({ title: 'far away', dueAt: '2101-01-01T00:00+14:00' })
    })
    const target = path.join(dir, 'out.kiroku')
    const result = kiroku(['import-json', target, json], { env })
    expect(result.status).toBe(3)
    const refused = result.stderr.split('\n').filter((line) => RANGE.test(line)).map((line) => line.trim().split(':')[0])
    expect(refused.sort()).toEqual(
      ['$.case.discoveredAt', '$.events[0].occurredAt', '$.events[1].occurredAt', '$.evidence[0].capturedAt', `$.tasks[${JSON.parse(fs.readFileSync(json, 'utf8')).tasks.length - 1}].dueAt`].sort(),
    )
    expect(result.stderr).not.toContain('$.events[2]')
    expect(fs.existsSync(target)).toBe(false)
  })

  it('refuses `due --at` outside the range', () => {
    const file = storyCase()
    expect(kiroku(['due', file, '--at', '2101-01-01'], { env }).status).toBe(1)
    expect(kiroku(['due', file, '--at', '2100-12-31T23:59-12:00'], { env }).status).toBe(0)
  })

  it('says one thing about a malformed date, and keeps showing a date stored before the range was enforced', () => {
    expect(isoDateTime.safeParse('2018-13-01T00:00+09:00').error?.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/expected an ISO 8601 date and time/),
    ])
    expect(isoDateOrDateTime.safeParse('2108-10-12').error?.issues.map((i) => i.message)).toEqual([expect.stringMatching(RANGE)])
    // A typo of 2018 saved by an earlier version: refused as input, but still a record the app can show and fix.
    const stored = { id: 1, occurredAt: '2108-10-12T09:30+09:00', kind: 'contact', title: 'typo', evidenceIds: [], private: false }
    expect(EventInputSchema.safeParse({ ...stored, id: undefined }).success).toBe(false)
    expect(TimelineEventSchema.safeParse(stored).success).toBe(true)
  })
})
