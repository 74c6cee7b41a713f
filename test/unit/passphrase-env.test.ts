// The passphrase variables leave the environment as soon as the CLI reads
// them, so no child process it starts inherits them; a command that needs a
// passphrase twice gets it from what was read.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { PASSPHRASE_VARIABLES, forgetPassphrases, getPassphrase, takePassphraseVariables } from '../../electron/cli/passphrase'

/** What a child started now (with the default, inherited environment) sees of each variable. */
function seenByChild(): Record<string, string> {
  const script = `process.stdout.write(JSON.stringify(Object.fromEntries(${JSON.stringify(PASSPHRASE_VARIABLES)}.map((n) => [n, process.env[n] ?? 'absent']))))`
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
  expect(child.status).toBe(0)
  return JSON.parse(child.stdout)
}

const absent = Object.fromEntries(PASSPHRASE_VARIABLES.map((n) => [n, 'absent']))

afterEach(() => {
  for (const name of PASSPHRASE_VARIABLES) delete process.env[name]
  forgetPassphrases()
})

describe('passphrases from the environment', () => {
  it('are gone from the environment once read, and read again from memory', async () => {
    process.env.KIROKU_PASSPHRASE = 'the case passphrase'
    expect(seenByChild().KIROKU_PASSPHRASE).toBe('the case passphrase') // the test sees what it set up
    expect(await getPassphrase({ env: 'KIROKU_PASSPHRASE', prompt: 'never asked: ' })).toBe('the case passphrase')
    expect(process.env.KIROKU_PASSPHRASE).toBeUndefined()
    expect(seenByChild()).toEqual(absent)
    // A second read (share, merge) gets the same value without the environment, and without a prompt.
    expect(await getPassphrase({ env: 'KIROKU_PASSPHRASE', prompt: 'never asked: ' })).toBe('the case passphrase')
  })

  it('are all taken at the start of a command, those it will not read too', async () => {
    process.env.KIROKU_PASSPHRASE = 'the case passphrase'
    process.env.KIROKU_NEW_PASSPHRASE = 'the next passphrase'
    process.env.KIROKU_SHARE_PASSPHRASE = 'the copy passphrase'
    takePassphraseVariables()
    expect(seenByChild()).toEqual(absent)
    expect(await getPassphrase({ env: 'KIROKU_SHARE_PASSPHRASE', prompt: 'never asked: ' })).toBe('the copy passphrase')
    expect(await getPassphrase({ env: 'KIROKU_NEW_PASSPHRASE', prompt: 'never asked: ', confirm: true })).toBe('the next passphrase')
    // Once the command is over, they are forgotten; a variable set again is read afresh.
    forgetPassphrases()
    process.env.KIROKU_PASSPHRASE = 'set again'
    expect(await getPassphrase({ env: 'KIROKU_PASSPHRASE', prompt: 'never asked: ' })).toBe('set again')
    expect(seenByChild()).toEqual(absent)
  })
})
