// Turns a failed call into sentences for the user, in their language where
// Kiroku knows the failure (a file that cannot be opened), else the main
// process's own message, which is already written for people.
import type { Messages } from '../i18n'
import { KirokuCallError } from '../ipc'

export function describeError(error: unknown, t: Messages): string[] {
  if (error instanceof KirokuCallError) {
    if (error.code === 'cannot_open' && error.reason && t.openFailure[error.reason]) {
      return [t.openFailure[error.reason]]
    }
    if (error.issues.length) return error.issues.map((issue) => issue.message)
    return [error.message]
  }
  return [error instanceof Error ? error.message : String(error)]
}
