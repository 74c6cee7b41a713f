// The handlers of evidence text (shared/ipc/evidence-text-contract.ts): what
// Kiroku read out of one piece, and how far the background reading is.
import { evidenceTextView, type CaseFile } from '../core'
import type { CaseSession } from './handlers'
import type { Handlers } from './router'

type EvidenceTextChannels = 'evidence:text' | 'evidence:reading'

export function evidenceTextHandlers(cf: () => CaseFile, session: CaseSession): Pick<Handlers, EvidenceTextChannels> {
  return {
    'evidence:text': async ({ id }) => {
      const { reading, mail, pages, parts, containers } = await evidenceTextView(cf().evidence, id)
      // The mail's attachments are evidence of their own (parts): their bytes do not travel with the text.
      const mailView = mail && {
        from: mail.from,
        to: mail.to,
        cc: mail.cc,
        date: mail.date,
        subject: mail.subject,
        body: mail.body,
        traceHeaders: mail.traceHeaders,
      }
      return { reading, mail: mailView, pages, parts, containers }
    },
    'evidence:reading': () => session.readingProgress(),
  }
}
