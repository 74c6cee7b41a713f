// Every failure a user can cause has its own error with a message meant for
// them; the CLI maps `code` to an exit status and the app to a dialog.
import type { PassphraseProblem } from '../../../shared/passphrase-rule'

export type KirokuErrorCode =
  | 'cannot_open' // wrong passphrase, not a case file, damaged, or too new
  | 'invalid_input' // a document or argument that breaks the rules
  | 'verification_failed'
  | 'not_found'
  | 'io'
  | 'forbidden' // the app: a path the main process never gave the page

export class KirokuError extends Error {
  constructor(
    readonly code: KirokuErrorCode,
    message: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Why a file could not be opened; `reason` lets the UI pick its wording. */
export type OpenFailure =
  | 'wrong_passphrase_or_damaged'
  | 'not_a_case_file'
  | 'empty_file'
  | 'missing'
  | 'truncated'
  | 'corrupt'
  | 'newer_version'
  | 'already_exists'

export class CannotOpenError extends KirokuError {
  constructor(
    readonly reason: OpenFailure,
    message: string,
  ) {
    super('cannot_open', message)
  }
}

/** A new passphrase the rule refuses; `reason` lets the UI pick its wording. */
export class PassphraseRefusedError extends KirokuError {
  constructor(
    readonly reason: PassphraseProblem,
    message: string,
  ) {
    super('invalid_input', message)
  }
}

export interface InputIssue {
  /** JSON path of the offending value, e.g. `$.events[3].occurredAt`. */
  path: string
  message: string
}

export class InvalidInputError extends KirokuError {
  constructor(readonly issues: InputIssue[]) {
    super('invalid_input', issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
  }
}

export class NotFoundError extends KirokuError {
  constructor(entity: string, id: number) {
    super('not_found', `${entity} ${id} does not exist in this case`)
  }
}

/** Turns zod issues into paths a user can find in their JSON. */
export function issuesFromZod(
  zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  root = '$',
): InputIssue[] {
  return zodIssues.map((issue) => ({
    path: issue.path.reduce<string>(
      (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`),
      root,
    ),
    message: issue.message,
  }))
}
