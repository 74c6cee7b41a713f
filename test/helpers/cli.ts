// Runs the real `kiroku` command in a child process, as a user would.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const BIN = path.resolve(__dirname, '../../bin/kiroku.mjs')

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

export function kiroku(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
