// Secrets in the page's memory, looked for where a memory scraper would find
// them: V8 heap snapshots of the real renderer in Chromium (after garbage
// collection), searched for distinctive markers. No passphrase may stay in
// the page once it has been used, and auto-lock must leave nothing of the
// case. Each absence is paired with a presence the same detector finds, so a
// blind detector fails the test instead of passing it.
//
// The harness's window.kiroku is a Playwright binding: every call and answer
// crosses as strings in the page, like Electron's IPC does. They are garbage
// once answered, which is why each snapshot collects first.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, openSubmitShare, openTab } from './harness/flows'
import { heapStrings, occurrences } from './harness/heap'

let env: E2eEnvironment

beforeAll(async () => {
  // V8 cuts strings in a snapshot to 1,024 characters by default: a secret
  // deep inside a long JSON answer would be invisible without this.
  env = await startEnvironment({ chromiumArgs: ['--js-flags=--heap-snapshot-string-limit=100000000'] })
})
afterAll(async () => {
  await env?.close()
})

// Distinctive ASCII cores (the search looks for the core, so half a secret is found too).
const PASSPHRASE = 'Qx7pass-Vw3 記録のパスフレーズ'
const PASSPHRASE_CORE = 'Qx7pass-Vw3'
const WRONG_CORE = 'Wr0ng-Tq5'
const SHARE_CORE = 'Sh4re-Yb9'
const TITLE_CORE = 'Zk4case-Rt8'
const NOTE_CORE = 'Hm2note-Lp6'
const REFERENCE_CORE = 'REF-Jd5-0042'

async function found(page: Parameters<typeof heapStrings>[0], markers: string[]): Promise<Record<string, string[]>> {
  const strings = await heapStrings(page)
  return Object.fromEntries(markers.map((marker) => [marker, occurrences(strings, marker)]))
}

describe('secrets in the page’s memory', () => {
  it('the detector sees a string the page still holds, also deep inside a long one', async () => {
    const app = await env.launch()
    const { page } = app
    await page.evaluate(
      ([a, b]) => {
        const held = window as unknown as Record<string, unknown>
        // A flat 5,000-character string (JSON.parse makes it flat), the marker at its end.
        held.__long = JSON.parse(JSON.stringify({ text: `${'y'.repeat(5000)}${a}` })).text
        held.__short = { note: b }
      },
      [`${NOTE_CORE}-long`, `${TITLE_CORE}-short`],
    )
    const seen = await found(page, [`${NOTE_CORE}-long`, `${TITLE_CORE}-short`])
    expect(seen[`${NOTE_CORE}-long`]).toHaveLength(1)
    expect(seen[`${TITLE_CORE}-short`].length).toBeGreaterThan(0)
    await page.evaluate(() => {
      const held = window as unknown as Record<string, unknown>
      delete held.__long
      delete held.__short
    })
    // And once let go, they are gone.
    expect(await found(page, [`${NOTE_CORE}-long`, `${TITLE_CORE}-short`])).toEqual({ [`${NOTE_CORE}-long`]: [], [`${TITLE_CORE}-short`]: [] })
    await app.close()
  })

  it('keeps no passphrase after creating a case, a wrong try, unlocking, or making an encrypted copy', async () => {
    const app = await env.launch()
    const { page } = app
    await createCase(app, { title: `${TITLE_CORE} 事件`, passphrase: PASSPHRASE })
    expect((await found(page, [PASSPHRASE_CORE]))[PASSPHRASE_CORE]).toEqual([])

    await page.getByRole('button', { name: /^Lock/ }).click()
    const field = page.getByLabel('Passphrase')
    await field.fill(`${WRONG_CORE} not it`)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('alert').waitFor()
    expect((await found(page, [WRONG_CORE]))[WRONG_CORE]).toEqual([])

    // The control: a script that read the field and kept the value would be caught.
    await field.fill(PASSPHRASE)
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[type="password"]')
      ;(window as unknown as Record<string, unknown>).__kept = input?.value
    })
    expect((await found(page, [PASSPHRASE_CORE]))[PASSPHRASE_CORE].length).toBeGreaterThan(0)
    await page.evaluate(() => delete (window as unknown as Record<string, unknown>).__kept)

    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: `${TITLE_CORE} 事件` }).waitFor()
    expect((await found(page, [PASSPHRASE_CORE]))[PASSPHRASE_CORE]).toEqual([])

    // Asked again for an encrypted copy, with a new passphrase for the copy.
    app.dialogs.share = path.join(app.dir, 'copy.kiroku')
    await openSubmitShare(page, 'Encrypted copy')
    const share = page.getByRole('dialog', { name: 'Encrypted copy' })
    const fillShare = async (casePassphrase: string) => {
      await share.getByLabel('Case passphrase (asked again)').fill(casePassphrase)
      await share.getByLabel('New passphrase for the copy', { exact: true }).fill(`${SHARE_CORE} コピー用`)
      await share.getByLabel('New passphrase for the copy, again').fill(`${SHARE_CORE} コピー用`)
      await share.getByRole('button', { name: 'Make encrypted copy…' }).click()
    }
    await fillShare(`${WRONG_CORE} again`)
    await share.getByRole('alert').filter({ hasText: 'not this case’s passphrase' }).waitFor()
    expect(await found(page, [WRONG_CORE, SHARE_CORE])).toEqual({ [WRONG_CORE]: [], [SHARE_CORE]: [] })
    await fillShare(PASSPHRASE)
    await share.getByRole('region', { name: 'Encrypted copy saved.' }).waitFor()
    expect(await found(page, [PASSPHRASE_CORE, SHARE_CORE])).toEqual({ [PASSPHRASE_CORE]: [], [SHARE_CORE]: [] })
    await page.keyboard.press('Escape')

    // Nothing reached the main process's log either.
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('keeps no passphrase after restoring a backup, with a wrong and then the right backup passphrase', async () => {
    const app = await env.launch()
    const { page } = app
    const file = await createCase(app, { title: `${TITLE_CORE} 事件`, passphrase: PASSPHRASE })
    expect((await app.call('events:create', { occurredAt: '2018-10-12T21:40:00+09:00', kind: 'note', title: 'x' })).ok).toBe(true)
    // Locking writes the backup; then a page in the middle of the file goes bad.
    await page.getByRole('button', { name: /^Lock/ }).click()
    const bytes = fs.readFileSync(file)
    bytes[Math.floor(bytes.length / 4096 / 2) * 4096 + 777] ^= 0x40
    fs.writeFileSync(file, bytes)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: 'The file is damaged' }).waitFor()
    // What the restore dialog is about to be tested for is not already there.
    expect((await found(page, [PASSPHRASE_CORE]))[PASSPHRASE_CORE]).toEqual([])

    await page.getByRole('button', { name: 'Restore from a backup…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' })
    await dialog.getByRole('button', { name: 'Continue' }).click()
    const field = dialog.getByLabel('Passphrase of the backup')
    await field.fill(`${WRONG_CORE} not it`)
    await dialog.getByRole('button', { name: 'Restore and open' }).click()
    await dialog.getByRole('alert').filter({ hasText: 'does not open the backup' }).waitFor()
    expect((await found(page, [WRONG_CORE]))[WRONG_CORE]).toEqual([])

    // The control: a script that read this field and kept the value would be caught.
    await field.fill(PASSPHRASE)
    await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[role="dialog"] input[type="password"]')
      ;(window as unknown as Record<string, unknown>).__kept = input?.value
    })
    expect((await found(page, [PASSPHRASE_CORE]))[PASSPHRASE_CORE].length).toBeGreaterThan(0)
    await page.evaluate(() => delete (window as unknown as Record<string, unknown>).__kept)

    await dialog.getByRole('button', { name: 'Restore and open' }).click()
    await page.getByRole('heading', { level: 1, name: `${TITLE_CORE} 事件` }).waitFor()
    await page.getByRole('status').filter({ hasText: 'Restored the backup from' }).waitFor()
    expect(await found(page, [PASSPHRASE_CORE, WRONG_CORE])).toEqual({ [PASSPHRASE_CORE]: [], [WRONG_CORE]: [] })
    expect(app.problems).toEqual([])
    await app.close()
  })

  it('leaves nothing of the case in the page after auto-lock (and the same detector finds it while open)', async () => {
    const app = await env.launch({ beforeLoad: (context) => context.clock.install() })
    const { page } = app
    await createCase(app, { title: `${TITLE_CORE} 事件`, passphrase: PASSPHRASE })
    await page.getByRole('button', { name: /^Record a contact/ }).click()
    const note = page.getByRole('dialog', { name: 'Record a contact' })
    await note.getByLabel('Subject').fill(`${NOTE_CORE} 鈴木さんと通話`)
    await note.getByLabel('Number', { exact: true }).fill(REFERENCE_CORE)
    await note.getByRole('button', { name: 'Save contact' }).click()
    await page.getByRole('region', { name: 'Latest reference numbers' }).getByText(REFERENCE_CORE).waitFor()
    await openTab(page, 'Timeline')
    await page.getByRole('article', { name: `${NOTE_CORE} 鈴木さんと通話` }).waitFor()

    const markers = [TITLE_CORE, NOTE_CORE, REFERENCE_CORE, PASSPHRASE_CORE]
    const open = await found(page, markers)
    for (const marker of [TITLE_CORE, NOTE_CORE, REFERENCE_CORE]) expect(open[marker].length, marker).toBeGreaterThan(0)
    expect(open[PASSPHRASE_CORE]).toEqual([])

    await page.clock.fastForward('10:01') // the default auto-lock: 10 idle minutes
    await page.getByRole('heading', { name: 'Unlock case file' }).waitFor()
    expect(await found(page, markers)).toEqual(Object.fromEntries(markers.map((marker) => [marker, []])))
    expect(app.problems).toEqual([])
    await app.close()
  })
})
