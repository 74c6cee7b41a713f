// Where the CLI gets a passphrase: an environment variable (for scripts), a
// file (for scripts that keep secrets in files), or a prompt with echo off.
import fs from 'node:fs'
import readline from 'node:readline'
import { checkNewPassphrase, KirokuError } from '../main/core'

export interface PassphraseSource {
  env: string
  file?: string
  prompt: string
  /** A new passphrase: refused unless it passes the passphrase rule, and asked twice at a prompt. */
  confirm?: boolean
}

function readPassphraseFile(file: string): string {
  try {
    // One trailing newline is how editors end files, not part of the secret.
    return fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '')
  } catch {
    throw new KirokuError('invalid_input', `Cannot read the passphrase file ${file}`)
  }
}

/** Piped input, read line by line across prompts (a passphrase and its confirmation). */
let pipedInput: readline.Interface | undefined
let pipedLines: AsyncIterator<string> | undefined

async function nextPipedLine(): Promise<string> {
  if (!pipedLines) {
    pipedInput = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false })
    pipedLines = pipedInput[Symbol.asyncIterator]()
  }
  const { value, done } = await pipedLines.next()
  process.stderr.write('\n')
  if (done) throw new KirokuError('invalid_input', 'No passphrase given')
  return value
}

/** Lets the process end: an open reader would keep waiting on stdin. */
export function closePrompts(): void {
  pipedInput?.close()
  pipedInput = undefined
  pipedLines = undefined
}

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  if (!stdin.isTTY) return nextPipedLine()
  return new Promise((resolve, reject) => {
    let value = ''
    stdin.setRawMode(true)
    stdin.resume()
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done(() => resolve(value))
        if (char === '\u0003') return done(() => reject(new KirokuError('invalid_input', 'Cancelled')))
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else value += char
      }
    }
    const done = (settle: () => void) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
      settle()
    }
    stdin.on('data', onData)
  })
}

/** Where scripts put passphrases. */
export const PASSPHRASE_VARIABLES = ['KIROKU_PASSPHRASE', 'KIROKU_NEW_PASSPHRASE', 'KIROKU_SHARE_PASSPHRASE'] as const

/**
 * Passphrases taken out of the environment, by variable name. Removed from
 * it at once: every child process inherits the environment, so a secret
 * left there would travel further than this command.
 */
const fromEnvironment = new Map<string, string>()

/** The variable's value, taken out of the environment on the first read and kept here for the next. */
function takeFromEnvironment(name: string): string | undefined {
  const value = process.env[name]
  if (value !== undefined) {
    delete process.env[name]
    if (value) fromEnvironment.set(name, value)
  }
  return fromEnvironment.get(name)
}

/** Takes every passphrase variable out of the environment now, before anything could start a child process. */
export function takePassphraseVariables(): void {
  for (const name of PASSPHRASE_VARIABLES) takeFromEnvironment(name)
}

/** Forgets the passphrases taken from the environment (the command is over). */
export function forgetPassphrases(): void {
  fromEnvironment.clear()
}

export async function getPassphrase(source: PassphraseSource): Promise<string> {
  // A weak new passphrase is refused before anything else is asked or done (exit 3, with the reason).
  const checked = (passphrase: string) => {
    if (source.confirm) checkNewPassphrase(passphrase)
    return passphrase
  }
  const fromEnv = takeFromEnvironment(source.env)
  if (fromEnv) return checked(fromEnv)
  if (source.file) return checked(readPassphraseFile(source.file))
  const first = checked(await promptHidden(source.prompt))
  if (source.confirm) {
    const second = await promptHidden('Repeat it: ')
    if (first !== second) throw new KirokuError('invalid_input', 'The two passphrases differ; nothing was changed.')
  }
  return first
}
