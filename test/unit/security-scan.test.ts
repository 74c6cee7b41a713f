// The CI gate over electronegativity's CSV: HIGH and MEDIUM findings fail the
// run unless the reviewed allow-list names them with a reason.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkAllowList, gate, isWellFormed, parseCsv, parseFindings } from '../../scripts/security-scan'

// The shape electronegativity 1.10.3 writes (header with spaces, quoted fields, N/A samples).
const CSV = `issue, severity, confidence, filename, location, sample, description, url
CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/app/security.ts","37:15",N/A,"Failed to parse CSP, it may not be valid.",https://example/CSP
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/app/main-window.ts","8:17","const window = new BrowserWindow(mainWindowOptions({ preloadPath, devTools: sources.devTools }))","Disable nodeIntegration",https://example/NI
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/app/links.ts","3:1","shell.openExternal(url, { a: ""b"" })","Review openExternal",https://example/OE
`

const ALLOW = [{ issue: 'NODE_INTEGRATION_JS_CHECK', file: 'main/app/main-window.ts', reason: 'options come from secureWebPreferences(), tested' }]

describe('security scan gate', () => {
  it('parses quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","d ""e"""\r\n1,2,3\n')).toEqual([['a', 'b, c', 'd "e"'], ['1', '2', '3']])
    const findings = parseFindings(CSV)
    expect(findings.map((f) => [f.issue, f.severity, f.file])).toEqual([
      ['CSP_GLOBAL_CHECK', 'LOW', 'main/app/security.ts'],
      ['NODE_INTEGRATION_JS_CHECK', 'HIGH', 'main/app/main-window.ts'],
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'main/app/links.ts'],
    ])
    expect(findings[2].sample).toBe('shell.openExternal(url, { a: "b" })')
  })

  it('tells a garbled CSV (the start of a finding overwritten, as the tool sometimes does) from a whole one', () => {
    expect(isWellFormed(CSV)).toBe(true)
    // As seen: the first finding's start overwritten, leaving the tail of its description.
    const lines = CSV.split('\n')
    const garbled = [lines[0], lines[1].slice(lines[1].indexOf('led to parse')), ...lines.slice(2)].join('\n')
    expect(isWellFormed(garbled)).toBe(false)
    expect(isWellFormed('')).toBe(false)
  })

  it('fails on HIGH and MEDIUM findings not in the allow-list; LOW never fails', () => {
    const { blocking, stale } = gate(parseFindings(CSV), checkAllowList(ALLOW))
    expect(blocking.map((f) => f.issue)).toEqual(['OPEN_EXTERNAL_JS_CHECK'])
    expect(stale).toEqual([])
  })

  it('reports allow-list entries that match nothing any more', () => {
    const { stale } = gate([], checkAllowList(ALLOW))
    expect(stale).toHaveLength(1)
  })

  it('an allow-list entry without a real reason is refused', () => {
    expect(() => checkAllowList([{ issue: 'X', file: 'y.ts', reason: 'ok' }])).toThrow(/reason/)
    expect(() => checkAllowList({})).toThrow(/array/)
  })

  it('the project allow-list is well-formed', () => {
    const allow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../.ci/electronegativity-allow.json'), 'utf8'))
    expect(checkAllowList(allow).length).toBeGreaterThan(0)
  })

  it('an empty scan passes', () => {
    expect(gate(parseFindings('issue, severity, confidence, filename, location, sample, description, url\n'), [])).toEqual({ blocking: [], stale: [] })
  })
})
