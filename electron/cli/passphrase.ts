// Where the CLI gets a passphrase: an environment variable (for scripts), a
// file (for scripts that keep secrets in files), or a prompt with echo off.
import fs from 'node:fs'
import { KirokuError } from '../main/core'

export interface PassphraseSource {
  env: string
  file?: string
  prompt: string
  /** Ask twice and compare (new passphrases). */
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

function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  if (!stdin.isTTY) {
    // Piped input: the first line is the passphrase.
    return new Promise((resolve, reject) => {
      let data = ''
      const onData = (chunk: Buffer) => {
        data += chunk.toString('utf8')
        const newline = data.indexOf('\n')
        if (newline >= 0) finish(data.slice(0, newline).replace(/\r$/, ''))
      }
      const finish = (value: string) => {
        stdin.off('data', onData)
        stdin.pause()
        process.stderr.write('\n')
        resolve(value)
      }
      stdin.on('data', onData)
      stdin.once('end', () => (data ? finish(data) : reject(new KirokuError('invalid_input', 'No passphrase given'))))
    })
  }
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

export async function getPassphrase(source: PassphraseSource): Promise<string> {
  const fromEnv = process.env[source.env]
  if (fromEnv) return fromEnv
  if (source.file) return readPassphraseFile(source.file)
  const first = await promptHidden(source.prompt)
  if (source.confirm) {
    const second = await promptHidden('Repeat it: ')
    if (first !== second) throw new KirokuError('invalid_input', 'The two passphrases differ; nothing was changed.')
  }
  return first
}
