// One router answers every IPC call, in Electron and in the browser tests:
// it checks who is calling, validates the input against the contract, runs
// the handler, and validates the output before it leaves, so a handler can
// never hand the page more than the contract promises (an evidence blob, a
// passphrase). Errors come back as values because Electron's IPC drops
// everything of an Error but its message.
// Pure: no 'electron' import.
import type { z } from 'zod'
import { contract, type Channel, type Contract, type Output, type Result } from '../../../shared/ipc/contract'
import { CannotOpenError, InvalidInputError, KirokuError, PassphraseRefusedError, damagedFileError, issuesFromZod } from '../core'

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Output<C> | Promise<Output<C>>
}

/** Who is calling: the URL of the frame that sent the message. */
export interface Sender {
  url: string
}

export type Dispatch = (channel: unknown, input: unknown, sender: Sender) => Promise<Result<unknown>>

const failure = (code: string, message: string, extra: object = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
})

/** File-system failures a user can act on, in words they can act on. */
const FILE_SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'That folder does not exist (any more).',
  EACCES: 'Kiroku may not write there; choose another folder.',
  EPERM: 'Kiroku may not write there; choose another folder.',
  EROFS: 'That place is read-only; choose another folder.',
  ENOSPC: 'The disk is full; free some space or choose another disk.',
  EISDIR: 'That is a folder, not a file name.',
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

export function createRouter(
  handlers: Handlers,
  isTrustedSender: (sender: Sender) => boolean,
  log: (message: string) => void = console.error,
): Dispatch {
  return async (channel, input, sender) => {
    if (!isTrustedSender(sender)) return failure('forbidden', 'This page may not use Kiroku.')
    // String(channel) itself can throw (an array holding a null-prototype object): name only strings.
    if (!isChannel(channel)) {
      const name = typeof channel === 'string' ? `"${channel.slice(0, 100)}"` : `of type ${typeof channel}`
      return failure('unknown_channel', `Unknown request ${name}.`)
    }
    const spec = contract[channel]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error.issues)
      return failure('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('\n'), { issues })
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown
      const value = await handler(parsed.data)
      const checked = spec.output.safeParse(value)
      if (!checked.success) {
        // Paths only: the value itself may be case data and must not reach a log.
        log(`${channel}: output broke the contract at ${issuesFromZod(checked.error.issues).map((i) => i.path).join(', ')}`)
        return failure('internal', 'Kiroku made an answer it should not have; nothing was shown.')
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof InvalidInputError) return failure('invalid_input', error.message, { issues: error.issues })
      if (error instanceof CannotOpenError || error instanceof PassphraseRefusedError) return failure(error.code, error.message, { reason: error.reason })
      if (error instanceof KirokuError) return failure(error.code, error.message)
      const fileProblem = FILE_SYSTEM_ERRORS[(error as NodeJS.ErrnoException)?.code ?? '']
      if (fileProblem) return failure('io', `${fileProblem} Nothing was written.`)
      const damaged = damagedFileError('The open case file', error)
      if (damaged) return failure(damaged.code, damaged.message, { reason: damaged.reason })
      log(`${channel}: ${(error as Error)?.name ?? 'error'}: ${(error as Error)?.message ?? String(error)}`)
      return failure('internal', 'Something went wrong inside Kiroku; your case file was not changed by this request.')
    }
  }
}
