// The page's only door into the main process. Unwraps the contract's Result
// so screens can `await call(...)` and catch one typed error to show.
import type { Channel, Input, Output, Result } from '../../shared/ipc/contract'

type Failure = Extract<Result<unknown>, { ok: false }>['error']
export type InputIssue = NonNullable<Failure['issues']>[number]

export class KirokuCallError extends Error {
  readonly code: string
  readonly reason?: string
  readonly issues: InputIssue[]

  constructor(
    readonly channel: Channel,
    failure: Failure,
  ) {
    super(failure.message)
    this.name = 'KirokuCallError'
    this.code = failure.code
    this.reason = failure.reason
    this.issues = failure.issues ?? []
    // Formats the stack trace now. Until then V8 keeps the functions of every
    // frame the error passed through, with their variables: the closure that
    // sent a typed passphrase would stay reachable for as long as a form
    // shows this error (found by test/e2e/secrets-in-memory.test.ts).
    void this.stack
  }
}

export type ArgsOf<C extends Channel> = Input<C> extends undefined ? [] : [Input<C>]

export async function call<C extends Channel>(channel: C, ...input: ArgsOf<C>): Promise<Output<C>> {
  let result: Result<Output<C>>
  try {
    result = await window.kiroku.invoke(channel, ...input)
  } catch (error) {
    // The bridge itself failed (e.g. the main process went away): no Result came back.
    throw new KirokuCallError(channel, { code: 'ipc', message: (error as Error)?.message ?? String(error) })
  }
  if (!result.ok) throw new KirokuCallError(channel, result.error)
  return result.value
}
