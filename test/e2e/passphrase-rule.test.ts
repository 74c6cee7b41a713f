// The passphrase rule in the real UI: the meter and its reason under every
// new passphrase (new case, encrypted copy), the action held back (and saying
// why) until the rule accepts, a switch to show what was typed, and the
// estimator's word lists loaded only when such a form opens.
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { startEnvironment, type E2eEnvironment } from './harness/app'
import { createCase, openSubmitShare, PASSPHRASE, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

/** What a screen reader says after the element's name: the texts its aria-describedby points to. */
const description = (element: Locator) =>
  element.evaluate((node) =>
    (node.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
      .join(' '),
  )

/** Scripts the page has fetched whose name says they hold the estimator. */
const estimatorChunks = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => /passphrase-check/.test(name)),
  )

async function meterSays(meter: Locator, text: string): Promise<void> {
  await expect.poll(() => meter.getAttribute('aria-valuetext')).toBe(text)
}

describe('a new passphrase in the UI', () => {
  it('new case: weak passphrases are measured and explained, and Create stays off until a strong one', async () => {
    const app = await env.launch()
    const { page } = app
    await page.getByRole('heading', { name: 'Your case files' }).waitFor()
    // The first screen did not fetch the word lists.
    expect(await estimatorChunks(page)).toEqual([])

    await page.getByRole('button', { name: 'New case' }).click()
    const dialog = page.getByRole('dialog', { name: 'New case' })
    await dialog.getByLabel('Title').fill('Tポイント不正利用')
    const passphrase = dialog.getByLabel('Passphrase', { exact: true })
    const repeat = dialog.getByLabel('Passphrase again')
    const meter = dialog.getByRole('meter', { name: 'Passphrase strength' })
    const create = dialog.getByRole('button', { name: 'Create case' })

    // Nothing typed yet: off, and the note beside it says why.
    await meterSays(meter, 'Not typed yet')
    expect(await estimatorChunks(page)).toHaveLength(1)
    expect(await create.isDisabled()).toBe(true)
    expect(await description(create)).toMatch(/^“Create case” becomes available once you have typed a passphrase\. At least 8 characters\./)
    expect(await dialog.getByText('“Create case” becomes available once you have typed a passphrase.').isVisible()).toBe(true)

    // Typed key by key, as a person would.
    await passphrase.pressSequentially('password')
    await meterSays(meter, 'Very weak')
    expect(await meter.getAttribute('value')).toBe('0')
    const reason = 'This passphrase would be easy to guess. It is one of the most used passwords. Add another word or two that are not common together.'
    expect(await dialog.getByText(reason).isVisible()).toBe(true)
    expect(await passphrase.getAttribute('aria-invalid')).toBe('true')
    expect(await create.isDisabled()).toBe(true)
    expect(await description(create)).toBe(`“Create case” becomes available once the passphrase is accepted: the reason is under it. ${reason}`)
    await repeat.fill('password')
    await screenshot(page, 'passphrase-weak-en')

    await passphrase.fill('🔒🔑🐶🎉')
    await meterSays(meter, 'Too short')
    expect(await dialog.getByText('The passphrase needs at least 8 characters (it has 4).', { exact: false }).isVisible()).toBe(true)
    expect(await create.isDisabled()).toBe(true)

    await passphrase.fill('        ')
    await meterSays(meter, 'Not accepted')
    expect(await dialog.getByText('The passphrase is only spaces or invisible characters.', { exact: false }).isVisible()).toBe(true)

    await passphrase.fill(`x'${'0123456789abcdef'.repeat(4)}'`)
    await meterSays(meter, 'Not accepted')
    expect(await dialog.getByText('raw encryption key', { exact: false }).isVisible()).toBe(true)
    // Pressing Enter does not get past a held-back button either.
    await passphrase.press('Enter')
    expect(app.dialogs.create).toBeUndefined()

    // Show and hide what was typed, in both fields.
    const show = dialog.getByRole('button', { name: 'Show passphrase' })
    expect(await show.getAttribute('aria-pressed')).toBe('false')
    await show.click()
    expect(await show.getAttribute('aria-pressed')).toBe('true')
    expect([await passphrase.getAttribute('type'), await repeat.getAttribute('type')]).toEqual(['text', 'text'])
    expect(await passphrase.getAttribute('spellcheck')).toBe('false')
    await show.click()
    expect([await passphrase.getAttribute('type'), await repeat.getAttribute('type')]).toEqual(['password', 'password'])

    // A strong one, key by key: Create comes on and says nothing against it.
    await passphrase.fill('')
    await passphrase.pressSequentially(PASSPHRASE)
    await meterSays(meter, 'Strong')
    expect(await meter.getAttribute('value')).toBe('4')
    expect(await dialog.getByText('Strong enough.').isVisible()).toBe(true)
    expect(await passphrase.getAttribute('aria-invalid')).toBeNull()
    expect(await create.isEnabled()).toBe(true)
    expect(await create.getAttribute('aria-describedby')).toBeNull()
    await repeat.fill(PASSPHRASE)
    await screenshot(page, 'passphrase-strong-en')

    const file = path.join(app.dir, 'tpoint.kiroku')
    app.dialogs.create = file
    await create.click()
    await page.getByRole('heading', { level: 1, name: 'Tポイント不正利用' }).waitFor()
    // No CSP violation or other error loading and running the estimator.
    expect(app.problems).toEqual([])
    await app.close()
    openCaseFile(file, PASSPHRASE).close()
  })

  it('in Japanese, and in the encrypted copy dialog', async () => {
    const app = await env.launch({ locale: 'ja-JP' })
    const { page } = app
    await page.getByRole('button', { name: '新しい事件' }).click()
    const dialog = page.getByRole('dialog', { name: '新しい事件' })
    const meter = dialog.getByRole('meter', { name: 'パスフレーズの強さ' })
    await meterSays(meter, '未入力')
    await dialog.getByLabel('件名').fill('乗っ取り事件')
    await dialog.getByLabel('パスフレーズ', { exact: true }).pressSequentially('あいうえおかきくけこ')
    await meterSays(meter, '弱い')
    const reason = 'このパスフレーズは推測されやすいです。「abc」「1234」「あいうえ」のような並びは推測されやすいです。ふだん一緒に使わない言葉を、もう一つか二つ足してください。'
    expect(await dialog.getByText(reason).isVisible()).toBe(true)
    const create = dialog.getByRole('button', { name: '作成する' })
    expect(await create.isDisabled()).toBe(true)
    expect(await description(create)).toBe(`パスフレーズが条件を満たすと「作成する」を押せるようになります。理由はパスフレーズの下に表示しています。 ${reason}`)
    await dialog.getByRole('button', { name: 'パスフレーズを表示する' }).click()
    await screenshot(page, 'passphrase-weak-ja')
    await dialog.getByRole('button', { name: 'キャンセル' }).click()
    await app.close()

    // The copy's passphrase, in English.
    const english = await env.launch()
    await createCase(english, { title: '乗っ取り事件' })
    english.dialogs.share = path.join(english.dir, 'copy.kiroku')
    await openSubmitShare(english.page, 'Encrypted copy')
    const share = english.page.getByRole('dialog', { name: 'Encrypted copy' })
    const make = share.getByRole('button', { name: 'Make encrypted copy…' })
    const shareMeter = share.getByRole('meter', { name: 'Passphrase strength' })
    await share.getByLabel('Case passphrase (asked again)').fill(PASSPHRASE)
    const sharePassphrase = share.getByLabel('New passphrase for the copy', { exact: true })
    await sharePassphrase.pressSequentially('12345678')
    await meterSays(shareMeter, 'Very weak')
    expect(await make.isDisabled()).toBe(true)
    expect(await description(make)).toMatch(/^“Make encrypted copy…” becomes available once the passphrase is accepted: the reason is under it\. This passphrase would be easy to guess\. It is one of the most used passwords\./)
    // The field keeps its own hint as well.
    expect(await description(sharePassphrase)).toMatch(/Tell the recipient this passphrase another way/)
    await screenshot(english.page, 'passphrase-weak-share-en')
    await sharePassphrase.fill('for the lawyer 弁護士')
    await meterSays(shareMeter, 'Strong')
    expect(await make.isEnabled()).toBe(true)
    await share.getByLabel('New passphrase for the copy, again').fill('for the lawyer 弁護士')
    await make.click()
    await share.getByRole('region', { name: 'Encrypted copy saved.' }).waitFor()
    // The fields were emptied: the meter starts again.
    await meterSays(shareMeter, 'Not typed yet')
    expect(english.problems).toEqual([])
    await english.close()
    openCaseFile(path.join(english.dir, 'copy.kiroku'), 'for the lawyer 弁護士').close()
  })
})
