// What every command receives, and the error for a command used wrongly
// (exit 1). Kept apart from the commands so that modules of commands import
// it without importing each other.
export interface CommandContext {
  positionals: string[]
  values: Record<string, string | boolean | Array<string | boolean> | undefined>
  out: (line: string) => void
}

export class UsageError extends Error {}
