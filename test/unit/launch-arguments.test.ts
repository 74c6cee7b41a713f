// Which case file a launch names (electron/main/app/launch-arguments.ts):
// paths on the command line, the macOS open-file path, and file: URLs that
// some launchers pass instead; every other scheme refused.
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { caseFileArgument, launchPath } from '../../electron/main/app/launch-arguments'

vi.mock('electron', () => {
  throw new Error('launch-arguments must not import electron at run time')
})

describe('launchPath', () => {
  it('takes an absolute path as it is, and a relative one from the launch folder', () => {
    expect(launchPath('/home/me/cases/points.kiroku', '/tmp', 'linux')).toBe('/home/me/cases/points.kiroku')
    expect(launchPath('cases/points.kiroku', '/home/me', 'linux')).toBe('/home/me/cases/points.kiroku')
    expect(launchPath('C:\\Users\\me\\points.kiroku', 'C:\\', 'win32')).toBe('C:\\Users\\me\\points.kiroku')
    expect(launchPath('C:/Users/me/points.kiroku', 'C:\\', 'win32')).toBe('C:\\Users\\me\\points.kiroku')
    expect(launchPath('points.KIROKU', 'D:\\cases', 'win32')).toBe('D:\\cases\\points.KIROKU')
  })

  it('accepts file: URLs as the path they name, percent-escapes decoded', () => {
    expect(launchPath('file:///home/me/%E8%A8%98%E9%8C%B2%20A.kiroku', '/', 'linux')).toBe('/home/me/記録 A.kiroku')
    expect(launchPath('file://localhost/home/me/a.kiroku', '/', 'linux')).toBe('/home/me/a.kiroku')
    expect(launchPath('FILE:///home/me/a.kiroku', '/', 'linux')).toBe('/home/me/a.kiroku')
    expect(launchPath('file:///C:/Users/me/My%20case.kiroku', 'C:\\', 'win32')).toBe('C:\\Users\\me\\My case.kiroku')
    expect(launchPath('file:///Users/me/Documents/%E8%A2%AB%E5%AE%B3.kiroku', '/', 'darwin')).toBe('/Users/me/Documents/被害.kiroku')
  })

  it('refuses every other scheme, and file: URLs naming another machine', () => {
    for (const url of [
      'http://example.com/a.kiroku',
      'https://example.com/a.kiroku',
      'smb://server/share/a.kiroku',
      'kiroku://open/a.kiroku',
      'javascript:alert(1)//.kiroku',
      'data:text/plain,x.kiroku',
      'file://server/share/a.kiroku',
      'file:///C:/a%2Fb.kiroku',
      'file://[bad/a.kiroku',
    ]) {
      expect(launchPath(url, '/', 'linux'), url).toBeUndefined()
      expect(launchPath(url, 'C:\\', 'win32'), url).toBeUndefined()
    }
  })

  it('refuses switches and files that are not case files', () => {
    for (const arg of ['', '--inspect', '-psn_0_12345', '.', '/home/me/notes.txt', 'file:///home/me/photo.png', '/home/me/a.kiroku.exe']) {
      expect(launchPath(arg, '/home/me', 'linux'), arg).toBeUndefined()
    }
  })
})

describe('caseFileArgument', () => {
  it('skips the program, switches and the dev app folder, and takes the first case file', () => {
    const argv = ['/opt/Kiroku/kiroku', '.', '--allow-file-access-from-files', 'file:///home/me/a.kiroku', '/home/me/b.kiroku']
    expect(caseFileArgument(argv, '/home/me', 'linux')).toBe('/home/me/a.kiroku')
    expect(caseFileArgument(['C:\\Program Files\\Kiroku\\Kiroku.exe', 'D:\\cases\\x.kiroku'], 'C:\\', 'win32')).toBe('D:\\cases\\x.kiroku')
  })

  it('never takes argv[0], and finds nothing where nothing is named', () => {
    expect(caseFileArgument(['/home/me/trap.kiroku'], '/', 'linux')).toBeUndefined()
    expect(caseFileArgument(['kiroku', 'https://example.com/a.kiroku', '--x'], '/', 'linux')).toBeUndefined()
    expect(caseFileArgument([], '/', 'linux')).toBeUndefined()
  })

  it('uses the real path module of this platform by default', () => {
    expect(caseFileArgument(['kiroku', 'a.kiroku'], path.resolve('/work'))).toBe(path.resolve('/work', 'a.kiroku'))
  })
})
