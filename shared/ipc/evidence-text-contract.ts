// The IPC channels of evidence text (issue 14), spread into the contract in
// contract.ts: what Kiroku read out of one piece (a picture's recognised text,
// a mail's envelope, headers and body, a PDF's pages), which pieces came
// inside which, and how far the background reading of the open case is.
// The main process reads in the background and has no channel to the page:
// the page asks `evidence:reading` while pieces wait, and reloads when `read` grows.
import { z } from 'zod'
import { EvidenceSchema } from '../domain'

const id = z.number().int().positive()
const count = z.number().int().nonnegative()

export const EvidenceReadingSchema = z.object({
  /** ocr: recognised in a picture (machine-read, may hold errors); mail; pdf: the PDF's own text layer. */
  source: z.enum(['ocr', 'mail', 'pdf']),
  engine: z.string(),
  engineVersion: z.string(),
  languages: z.array(z.string()).optional(),
  /** The SHA-256 of the bytes the text was read from. */
  originalSha256: z.string(),
  text: z.string(),
  /** Why there is no (or only part of the) text. */
  note: z.string().optional(),
  createdAt: z.string(),
})

export const MailViewSchema = z.object({
  from: z.string(),
  to: z.string(),
  cc: z.string(),
  /** ISO 8601 when the Date header parses, else as written; '' when absent. */
  date: z.string(),
  subject: z.string(),
  /** URLs defanged (hxxps://example[.]com): nothing in it is a link. */
  body: z.string(),
  traceHeaders: z.array(z.object({ name: z.string(), value: z.string() })),
})

export const EvidenceTextSchema = z.object({
  /** Absent: not read (yet: a picture waiting for the background reader), or a type Kiroku does not read. */
  reading: EvidenceReadingSchema.optional(),
  mail: MailViewSchema.optional(),
  /** A PDF's pages, or the one text of another reading; [] when there is none. */
  pages: z.array(z.string()),
  /** The pieces that came inside this one (a mail's attachments), and the ones it came inside. */
  parts: z.array(EvidenceSchema),
  containers: z.array(EvidenceSchema),
})

export const ReadingStatusSchema = z.object({
  /** Pieces of the open case waiting to be read (pictures, and mails or PDFs that came by import or merge). */
  waiting: count,
  /** Pieces read in the background since the case was opened: when it grows, the page reloads what it shows. */
  read: count,
  /** Reading is under way (a piece that could not be read this time waits, with none under way, until the case is opened again). */
  reading: z.boolean(),
})

export type EvidenceText = z.output<typeof EvidenceTextSchema>
export type ReadingStatus = z.output<typeof ReadingStatusSchema>

export const evidenceTextChannels = {
  /** What Kiroku holds as the text of one piece of evidence. */
  'evidence:text': { input: z.strictObject({ id }), output: EvidenceTextSchema },
  /** How far the background reading of the open case is (cheap: asked every second or so while pieces wait). */
  'evidence:reading': { input: z.undefined(), output: ReadingStatusSchema },
} as const
