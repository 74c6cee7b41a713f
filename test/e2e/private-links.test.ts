// A private call names an organisation and has losses that would still go
// out in dossiers and shared copies: the event dialog offers to make them
// private too, the organisation and loss forms have the toggle themselves,
// and the Share dialog names, before anything is written, what still goes
// out although it is tied to a private call. In both languages, on the
// reference story in a real encrypted file, in a real Chromium.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importJsonFile, openCaseFile } from '../../electron/main/core'
import { en } from '../../renderer/src/i18n/en'
import { ja } from '../../renderer/src/i18n/ja'
import { LAYOUT_MESSAGES } from '../../renderer/src/i18n/layout-messages'
import { STORY_JSON } from '../helpers/story'
import { startEnvironment, type E2eEnvironment, type RunningApp } from './harness/app'
import { openSubmitShare, PASSPHRASE, rowAction, screenshot } from './harness/flows'

let env: E2eEnvironment

beforeAll(async () => {
  env = await startEnvironment()
})
afterAll(async () => {
  await env?.close()
})

const TITLE = 'Yahoo! JAPAN ID 不正ログインとポイント不正利用'
const TPOINT = 'Tポイント・ジャパン カスタマーセンター'
const TPOINT_LOSS = 'Tポイント不正利用（ファミリーマート）'
const PONTA = 'Pontaサポートセンター'
const PONTA_LOSS = 'Pontaポイント不正利用'
const PONTA_CALL = 'Pontaサポートに電話'
const CALLBACK = 'TP-CALLBACK-77'

/**
 * The reference story in which the first call to T-Point is private (made so
 * behind the app's back) and T-Point gave a number outside that call.
 */
async function storyWithPrivateCall(dir: string): Promise<string> {
  const file = path.join(dir, 'story.kiroku')
  await importJsonFile(file, PASSPHRASE, STORY_JSON)
  const caseFile = openCaseFile(file, PASSPHRASE)
  try {
    const { id, ...call } = caseFile.events.list().find((e) => e.title === 'Tポイント事務局に電話')!
    caseFile.events.update(id, { ...call, private: true })
    const tpoint = caseFile.organizations.list().find((o) => o.name === TPOINT)!
    caseFile.references.create({ organizationId: tpoint.id, label: 'お問い合わせ番号', value: CALLBACK })
  } finally {
    caseFile.close()
  }
  return file
}

async function unlock(app: RunningApp, file: string, t: typeof en): Promise<void> {
  app.dialogs.open = file
  await app.page.getByRole('button', { name: t.openCase }).click()
  await app.page.getByRole('heading', { name: t.unlockTitle }).waitFor()
  await app.page.keyboard.type(PASSPHRASE)
  await app.page.keyboard.press('Enter')
  await app.page.getByRole('heading', { level: 1, name: TITLE }).waitFor()
}

const value = <T = any>(result: { ok: boolean; value?: T; error?: unknown }): T => {
  expect(result, JSON.stringify(result.error)).toMatchObject({ ok: true })
  return result.value as T
}

for (const [lang, t, locale] of [['en', en, 'en-US'], ['ja', ja as typeof en, 'ja-JP']] as const) {
  describe(`privacy of what a private call names, in ${lang}`, () => {
    it('offers to make the call’s organisation and losses private, and the Share dialog names what still goes out', async () => {
      const app = await env.launch({ locale })
      const { page } = app
      await page.getByRole('button', { name: t.openCase }).waitFor()
      await unlock(app, await storyWithPrivateCall(app.dir), t)

      // Marking the Ponta call private offers its organisation and its loss, each unticked.
      await page.getByRole('tab', { name: t.tabs.timeline, exact: true }).click()
      await rowAction(page, PONTA_CALL, t.editThis(PONTA_CALL), LAYOUT_MESSAGES[lang].moreActions(PONTA_CALL))
      const dialog = page.getByRole('dialog', { name: t.editEvent })
      const offer = dialog.getByRole('group', { name: t.alsoPrivate.title })
      expect(await offer.count()).toBe(0)
      const isPrivate = dialog.getByRole('checkbox', { name: t.privateEvent })
      await isPrivate.check()
      await offer.waitFor()
      const org = offer.getByRole('checkbox', { name: t.alsoPrivate.organization(PONTA) })
      const loss = offer.getByRole('checkbox', { name: t.alsoPrivate.loss(PONTA_LOSS) })
      expect([await org.isChecked(), await loss.isChecked()]).toEqual([false, false])
      // Only this call's organisation and its losses are offered.
      expect(await offer.getByRole('checkbox').count()).toBe(2)
      expect(await offer.textContent()).toContain(t.alsoPrivate.intro)
      await org.check()
      await loss.check()
      await screenshot(page, `private-links-${lang}-offer`)
      // Not private after all: nothing is offered; private again: the offer is back.
      await isPrivate.uncheck()
      await offer.waitFor({ state: 'detached' })
      await isPrivate.check()
      await offer.getByRole('checkbox', { name: t.alsoPrivate.organization(PONTA) }).check()
      await offer.getByRole('checkbox', { name: t.alsoPrivate.loss(PONTA_LOSS) }).check()
      await dialog.getByRole('button', { name: t.save }).click()
      await dialog.waitFor({ state: 'detached' })

      // Saved in the file: the call, its organisation and its loss are private; T-Point's are not.
      const organizations = value(await app.call('organizations:list'))
      const losses = value(await app.call('losses:list'))
      const events = value(await app.call('events:list'))
      expect(organizations.filter((o: any) => o.private).map((o: any) => o.name)).toEqual([PONTA])
      expect(losses.filter((l: any) => l.private).map((l: any) => l.description)).toEqual([PONTA_LOSS])
      expect(events.find((e: any) => e.title === PONTA_CALL).private).toBe(true)

      // The lists show it, and their forms have the toggle.
      await page.getByRole('tab', { name: t.tabs.organizations, exact: true }).click()
      const pontaRow = page.getByRole('row').filter({ hasText: PONTA })
      expect(await pontaRow.getByText(t.privateBadge, { exact: true }).isVisible()).toBe(true)
      expect(await page.getByRole('row').filter({ hasText: TPOINT }).getByText(t.privateBadge, { exact: true }).count()).toBe(0)
      await page.getByRole('button', { name: t.editThis(PONTA) }).click()
      const orgForm = page.getByRole('dialog', { name: t.editOrganization })
      expect(await orgForm.getByRole('checkbox', { name: t.privateRecord }).isChecked()).toBe(true)
      await screenshot(page, `private-links-${lang}-organization-form`)
      await orgForm.getByRole('button', { name: t.cancel }).click()
      await page.getByRole('tab', { name: t.tabs.losses, exact: true }).click()
      await page.getByRole('button', { name: t.editThis(TPOINT_LOSS) }).click()
      const lossForm = page.getByRole('dialog', { name: t.editLoss })
      expect(await lossForm.getByRole('checkbox', { name: t.privateRecord }).isChecked()).toBe(false)
      await lossForm.getByRole('button', { name: t.cancel }).click()

      // The Share dialog: the T-Point call is private, but its organisation, loss and
      // other number would still go out. Ponta's are private now and are not named.
      await openSubmitShare(page, t.sharing.shareButton)
      const share = page.getByRole('dialog', { name: t.sharing.shareTitle })
      const warning = share.locator('.linked-to-private')
      await warning.waitFor()
      expect(await warning.getAttribute('role')).toBe('note')
      expect(await warning.locator('li').allTextContents()).toEqual([
        t.sharing.linkedToPrivate.organization(TPOINT),
        t.sharing.linkedToPrivate.loss(TPOINT_LOSS),
        t.sharing.linkedToPrivate.reference('お問い合わせ番号', CALLBACK),
      ])
      expect(await warning.textContent()).toContain(t.sharing.linkedToPrivate.title)
      expect(await share.textContent()).toContain(t.sharing.privateCount(2, 0, 1, 1))
      await screenshot(page, `private-links-${lang}-share-warning`)
      // Sharing private items as well: everything goes, so there is nothing to warn about.
      await share.getByRole('checkbox', { name: t.sharing.withoutPrivate }).uncheck()
      await warning.waitFor({ state: 'detached' })
      await share.getByRole('checkbox', { name: t.sharing.withoutPrivate }).check()
      await warning.waitFor()

      expect(app.problems).toEqual([])
      expect(app.browserDialogs).toEqual([])
      await app.close()
    })
  })
}
