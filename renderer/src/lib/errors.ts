// Turns a failed call into sentences for the user, in their language where
// Kiroku knows the failure (a file that cannot be opened), else the main
// process's own message, which is already written for people.
import { describeVerdict, PASSPHRASE_PROBLEMS, type PassphraseProblem } from '../../../shared/passphrase-rule'
import type { Messages } from '../i18n'
import { KirokuCallError } from '../ipc'

export function describeError(error: unknown, t: Messages): string[] {
  if (error instanceof KirokuCallError) {
    if (error.code === 'cannot_open' && error.reason && t.openFailure[error.reason]) {
      return [t.openFailure[error.reason]]
    }
    // A new passphrase the main process refused (the forms check the same rule first).
    const problem = error.reason as PassphraseProblem
    if (error.code === 'invalid_input' && PASSPHRASE_PROBLEMS.includes(problem)) {
      return [describeVerdict({ ok: false, score: 0, length: 0, problem, suggestions: [] }, t.newPassphrase.words)]
    }
    // A path the main process never gave this page (see electron/main/ipc/path-grants.ts).
    if (error.code === 'forbidden') return [t.pathNotOffered]
    if (error.issues.length) return error.issues.map((issue) => issue.message)
    return [error.message]
  }
  return [error instanceof Error ? error.message : String(error)]
}

/** Why a file would not open, as far as a backup could help: it is damaged (or gone), or maybe (a wrong passphrase looks the same). */
export type Damage = 'damaged' | 'maybe'

const DAMAGE: Record<string, Damage> = {
  corrupt: 'damaged',
  truncated: 'damaged',
  empty_file: 'damaged',
  not_a_case_file: 'damaged',
  missing: 'damaged',
  // To an encrypted file, a damaged first page and a wrong passphrase look the same.
  wrong_passphrase_or_damaged: 'maybe',
}

export function damageOf(error: unknown): Damage | undefined {
  if (!(error instanceof KirokuCallError) || error.code !== 'cannot_open' || !error.reason) return undefined
  return Object.hasOwn(DAMAGE, error.reason) ? DAMAGE[error.reason] : undefined
}

export const isWrongPassphrase = (error: unknown): boolean =>
  error instanceof KirokuCallError && error.code === 'cannot_open' && error.reason === 'wrong_passphrase_or_damaged'
