// The timeline with 10,000 events: only a window of rows is in the page,
// scrolling and filtering stay quick, and the full-text search finds
// Japanese substrings and reference numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EVENT_KINDS } from '../../shared/domain'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { openTab, PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const EVENT_COUNT = 10_000

async function ok(app: RunningApp, channel: string, input?: unknown): Promise<any> {
  const result = await app.call(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value
}

/** Seeds through the same router the page uses; ten days of dense case history. */
async function seedLargeCase(app: RunningApp, file: string): Promise<void> {
  // As the New case dialog does: the save dialog's answer is the only place a case may be created.
  app.dialogs.create = file
  await ok(app, 'dialog:chooseNewCasePath', { suggestedName: 'large.kiroku' })
  await ok(app, 'case:create', { path: file, passphrase: PASSPHRASE, case: { title: '大量の記録', kind: 'points_theft', status: 'open', summary: '', victim: {} } })
  const tpoint = await ok(app, 'organizations:create', { name: 'Tポイント事務局', role: 'points_operator' })
  const ponta = await ok(app, 'organizations:create', { name: 'Ponta', role: 'points_operator' })
  for (let i = 0; i < EVENT_COUNT; i++) {
    const minute = i * 2
    const day = 1 + Math.floor(minute / 1440) // 2018-10-01 … 2018-10-14
    const at = `2018-10-${String(day).padStart(2, '0')}T${String(Math.floor((minute % 1440) / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+09:00`
    await ok(app, 'events:create', {
      occurredAt: at,
      kind: EVENT_KINDS[i % EVENT_KINDS.length],
      title: i === 4321 ? 'ポイント不正利用の調査依頼' : `記録 ${i}`,
      body: i % 1000 === 0 ? '警察に相談した' : undefined,
      organizationId: i % 2 === 0 ? tpoint.id : ponta.id,
    })
  }
  const events = await ok(app, 'events:list', undefined)
  await ok(app, 'references:create', { label: '受付番号', value: 'TP-7777', organizationId: tpoint.id, eventId: events[1234].id })
  await ok(app, 'case:close')
}

describe('a timeline of 10,000 events', () => {
  it('renders a window of rows, scrolls, filters and searches quickly', async () => {
    const app = await env.launch()
    const { page } = app
    const file = `${app.dir}/large.kiroku`
    await seedLargeCase(app, file)

    await page.reload()
    await page.getByRole('button', { name: 'Open large', exact: true }).click()
    await page.getByLabel('Passphrase').fill(PASSPHRASE)
    await page.getByLabel('Passphrase').press('Enter')
    await page.getByRole('heading', { level: 1, name: '大量の記録' }).waitFor()

    let started = Date.now()
    await openTab(page, 'Timeline')
    const list = page.getByRole('list', { name: 'Timeline' })
    await list.getByRole('article', { name: '記録 0', exact: true }).waitFor()
    const firstPaint = Date.now() - started
    const status = page.getByText(/of 10,000 events/)
    expect(await status.textContent()).toBe('10,000 of 10,000 events')
    const rowsInDom = () => list.getByRole('listitem').count()
    expect(await rowsInDom()).toBeLessThan(60)
    await screenshot(page, 'timeline-10000')

    // Keyboard: the list takes focus and End goes to the last event.
    await list.focus()
    await page.keyboard.press('End')
    await list.getByRole('article', { name: `記録 ${EVENT_COUNT - 1}` }).waitFor()
    expect(await rowsInDom()).toBeLessThan(60)
    // Wheel scrolling through the middle keeps the window small.
    await list.hover()
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -5000)
    await page.waitForTimeout(100)
    expect(await rowsInDom()).toBeLessThan(60)

    // Filter by kind: a seventh of the events.
    started = Date.now()
    await page.getByLabel('Kind').selectOption('refund')
    const refunds = Array.from({ length: EVENT_COUNT }, (_, i) => EVENT_KINDS[i % EVENT_KINDS.length]).filter((k) => k === 'refund').length
    await page.getByText(`${refunds.toLocaleString('en-US')} of 10,000 events`).waitFor()
    const filterTime = Date.now() - started
    const kinds = await list.locator('.kind-badge').allTextContents()
    expect(new Set(kinds)).toEqual(new Set(['Refund']))

    // And by organisation.
    await page.getByLabel('Kind').selectOption('')
    await page.getByLabel('Organisation').selectOption({ label: 'Ponta' })
    await page.getByText('5,000 of 10,000 events').waitFor()
    await page.getByLabel('Organisation').selectOption('')

    // Search: a Japanese substring in one title, words in notes, a reference number.
    const search = page.getByRole('searchbox', { name: 'Search' })
    started = Date.now()
    await search.fill('不正利用')
    await list.getByRole('article', { name: 'ポイント不正利用の調査依頼' }).waitFor()
    const searchTime = Date.now() - started
    expect(await status.textContent()).toBe('1 of 10,000 events')
    await screenshot(page, 'timeline-search')
    await search.fill('警察')
    await page.getByText('10 of 10,000 events').waitFor()
    await search.fill('TP-7777')
    await list.getByRole('article', { name: '記録 1234', exact: true }).waitFor()
    expect(await status.textContent()).toBe('1 of 10,000 events')
    await search.fill('')
    await page.getByText('10,000 of 10,000 events').waitFor()

    console.info(`10,000 events: first rows ${firstPaint} ms, kind filter ${filterTime} ms, search ${searchTime} ms`)
    expect(app.problems).toEqual([])
    await app.close()
  })
})
