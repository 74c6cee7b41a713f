// A start that fails after Electron is ready shows an error box and quits
// (electron/main/app/startup.ts), instead of leaving a windowless process that
// holds the single-instance lock.
import { describe, expect, it, vi } from 'vitest'
import { startWhenReady, startupFailure, type StartupFailure } from '../../electron/main/app/startup'

vi.mock('electron', () => {
  throw new Error('startup must not import electron at run time')
})

function recorder() {
  const failures: { failure: StartupFailure; error: unknown }[] = []
  return { failures, fail: (failure: StartupFailure, error: unknown) => failures.push({ failure, error }) }
}

describe('startWhenReady', () => {
  it('starts once ready, and reports nothing', async () => {
    const { failures, fail } = recorder()
    const start = vi.fn()
    expect(await startWhenReady(Promise.resolve(), start, fail)).toBe(true)
    expect(start).toHaveBeenCalledOnce()
    expect(failures).toEqual([])
  })

  it('a start that throws (say, the data folder cannot be written) gets the error box once', async () => {
    const { failures, fail } = recorder()
    const error = Object.assign(new Error("EACCES: permission denied, mkdir '/home/me/.config/Kiroku/pending-writes'"), { code: 'EACCES' })
    const started = await startWhenReady(
      Promise.resolve(),
      () => {
        throw error
      },
      fail,
    )
    expect(started).toBe(false)
    expect(failures).toHaveLength(1)
    expect(failures[0].error).toBe(error)
    expect(failures[0].failure.title).toBe('Kiroku could not start')
    expect(failures[0].failure.content).toMatch(/^EACCES: permission denied.*\n\nKiroku will now quit\./s)
  })

  it('an asynchronous start that rejects, and a whenReady that rejects, are reported too', async () => {
    const { failures, fail } = recorder()
    expect(await startWhenReady(Promise.resolve(), async () => Promise.reject(new Error('protocol handler')), fail)).toBe(false)
    const start = vi.fn()
    expect(await startWhenReady(Promise.reject(new Error('not ready')), start, fail)).toBe(false)
    expect(start).not.toHaveBeenCalled()
    expect(failures.map((f) => f.failure.content.split('\n')[0])).toEqual(['protocol handler', 'not ready'])
  })
})

describe('startupFailure', () => {
  it('says something for anything thrown', () => {
    expect(startupFailure('plain string').content).toMatch(/^plain string\n/)
    expect(startupFailure(undefined).content).toMatch(/^undefined\n/)
    expect(startupFailure(new TypeError('')).content).toMatch(/^TypeError\n/)
  })
})
