// The app reads evidence in the background: a picture is taken in at once
// and its text recognised afterwards (a second or so each, in the
// recogniser's worker thread, so the main process keeps answering the page);
// mails and PDFs that came by import or merge are read the same way. One
// pass at a time, one piece per transaction; a nudge during a pass asks for
// another pass when it ends. A piece is tried once per opening: one that
// failed or did not finish (a timeout) waits for the next opening instead of
// holding up the pieces behind it. Once stopped (the case is closing),
// nothing is written: a piece under way stays unread, and is read the next
// time the case is opened.
import { readPendingEvidence, unreadEvidence, type EvidenceCase } from './evidence-intake'
import type { Readers } from '../reading/read-evidence'

const describe = (error: unknown) => String((error as Error)?.message ?? error)

export interface ReadingProgress {
  /** Pieces waiting to be read (not counting those tried this opening without result). */
  waiting: number
  /** Pieces read since this reading began. */
  read: number
  /** A pass is under way (a piece that could not be read this time waits without one). */
  reading: boolean
}

/** The progress of a case with nothing to read, or of no case. */
export const NOTHING_TO_READ: ReadingProgress = { waiting: 0, read: 0, reading: false }

export class BackgroundReading {
  /** Pieces tried since the case was opened, stored or not. */
  private readonly tried = new Set<number>()
  private pass: Promise<void> | undefined
  private passAgain = false
  private stopped = false
  private readCount = 0

  constructor(
    private readonly target: EvidenceCase,
    private readonly readers: Readers,
    private readonly log: (message: string) => void = console.error,
  ) {}

  /** Something may have brought unread evidence (opening, intake, import, merge): read it. */
  nudge(): void {
    if (this.stopped) return
    if (this.pass) {
      this.passAgain = true
      return
    }
    this.pass = this.readAll().finally(() => {
      this.pass = undefined
      if (this.passAgain) {
        this.passAgain = false
        this.nudge()
      }
    })
  }

  progress(): ReadingProgress {
    if (this.stopped) return { ...NOTHING_TO_READ, read: this.readCount }
    const waiting = unreadEvidence(this.target, this.readers).filter((id) => !this.tried.has(id)).length
    return { waiting, read: this.readCount, reading: this.pass !== undefined }
  }

  /** Writes nothing more: the pass under way checks this after each await, before it writes. */
  stop(): void {
    this.stopped = true
  }

  /** Resolves when nothing is being read (tests, and the bench, wait on it). */
  async idle(): Promise<void> {
    while (this.pass) await this.pass
  }

  private async readAll(): Promise<void> {
    try {
      await readPendingEvidence(this.target, this.readers, {
        stopped: () => this.stopped,
        onRead: () => this.readCount++,
        tried: this.tried,
        // Not the page's error: nothing the user did failed. The piece stays unread until the next opening.
        onError: (id, error) => this.log(`Reading evidence #${id} in the background failed: ${describe(error)}`),
      })
    } catch (error) {
      if (!this.stopped) this.log(`Reading evidence in the background failed: ${describe(error)}`)
    }
  }
}
