// The start screen gives phone numbers before any case exists (#9110, 110,
// 188). Each must be a contact of the provider directory, which holds its
// source and the day it was checked, and the screen shows them from there:
// a number written into the text without that link fails here.
import { describe, expect, it } from 'vitest'
import { providerDirectory } from '../../electron/main/core'
import { FIRST_RUN_MESSAGES } from '../../renderer/src/i18n/first-run-messages'

/** Phone numbers as the texts write them: #9110, 110, 188 (three or more digits, not part of a longer word). */
const NUMBERS = /(?<![\w-])#?\d{3,}(?![\w-])/g

describe('numbers on the start screen', () => {
  for (const [lang, messages] of Object.entries(FIRST_RUN_MESSAGES)) {
    it(`are each a directory contact with a source (${lang})`, () => {
      const directory = providerDirectory()
      let checked = 0
      for (const step of messages.urgentSteps) {
        const written = new Set([...`${step.title} ${step.text}`.matchAll(NUMBERS)].map((m) => m[0]))
        const linked = new Set((step.numbers ?? []).map((n) => n.phone))
        expect([...written].sort(), step.title).toEqual([...linked].sort())
        for (const { entry, phone } of step.numbers ?? []) {
          const contact = directory.entries.find((e) => e.id === entry)?.contacts.find((c) => c.phone === phone)
          expect(contact, `${entry} ${phone}`).toBeDefined()
          expect(contact!.source.url).toMatch(/^https?:\/\//)
          expect(contact!.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
          checked++
        }
      }
      expect(checked).toBe(3)
    })
  }
})
