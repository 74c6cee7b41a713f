// The names save dialogs propose (electron/main/app/save-file-name.ts): a
// case title made into a name every file system takes as it is.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { MAX_FILE_NAME_BYTES, proposedFileName } from '../../electron/main/app/save-file-name'

vi.mock('electron', () => {
  throw new Error('save-file-name must not import electron at run time')
})

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

describe('proposedFileName', () => {
  it('keeps an ordinary title, Japanese included, and adds the extension once', () => {
    expect(proposedFileName('ポイント不正利用', '.kiroku', 'case')).toBe('ポイント不正利用.kiroku')
    expect(proposedFileName('Card misuse-copy', '.kiroku', 'share')).toBe('Card misuse-copy.kiroku')
    // The page's own proposal already ends with the extension.
    expect(proposedFileName('ポイント不正利用.kiroku', '.kiroku', 'case')).toBe('ポイント不正利用.kiroku')
    expect(proposedFileName('report.PDF', '.pdf', 'dossier')).toBe('report.pdf')
  })

  it('replaces / \\ : * ? " < > | with _', () => {
    expect(proposedFileName('A/B\\C:D*E?F"G<H>I|J', '.pdf', 'dossier')).toBe('A_B_C_D_E_F_G_H_I_J.pdf')
    expect(proposedFileName('被害 2026/05/01', '.kiroku', 'case')).toBe('被害 2026_05_01.kiroku')
    expect(proposedFileName('../../.ssh/authorized_keys', '.kiroku', 'case')).toBe('_.._.ssh_authorized_keys.kiroku')
  })

  it('turns control characters into spaces and drops invisible direction marks', () => {
    expect(proposedFileName('line one\nline\ttwo\r\n', '.pdf', 'dossier')).toBe('line one line two.pdf')
    expect(proposedFileName('a\u0000b\u007fc\u0085d', '.pdf', 'dossier')).toBe('a b c d.pdf')
    // U+202E would show "invoice\u202Efdp.exe" as "invoiceexe.pdf".
    expect(proposedFileName('invoice\u202Efdp.exe', '.zip', 'bundle')).toBe('invoicefdp.exe.zip')
    expect(proposedFileName('\u200Bzero\uFEFFwidth\u2066', '.zip', 'bundle')).toBe('zerowidth.zip')
    // Emoji sequences keep their joiners.
    expect(proposedFileName('家族 👨‍👩‍👧', '.kiroku', 'case')).toBe('家族 👨‍👩‍👧.kiroku')
    // A lone surrogate (any string can come from the page) is dropped.
    expect(proposedFileName('a\uD800b', '.kiroku', 'case')).toBe('ab.kiroku')
  })

  it('drops dots and spaces at either end (Windows strips trailing ones; a leading dot hides the file)', () => {
    expect(proposedFileName('  case. . ', '.kiroku', 'case')).toBe('case.kiroku')
    expect(proposedFileName('...hidden', '.kiroku', 'case')).toBe('hidden.kiroku')
    expect(proposedFileName('v1.2', '.pdf', 'dossier')).toBe('v1.2.pdf')
  })

  it("prefixes Windows device names (CON, PRN, AUX, NUL, COM1-9, LPT1-9), whatever the case or what follows the dot", () => {
    for (const name of ['CON', 'con', 'Prn', 'AUX', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹', 'CONIN$', 'conout$', 'NUL.tar', 'con .txt']) {
      const proposed = proposedFileName(name, '.kiroku', 'case')
      expect(proposed.startsWith('_'), `${name} -> ${proposed}`).toBe(true)
    }
    for (const name of ['CONSOLE', 'COM10', 'LPT', 'auxiliary', 'nullify', 'ACON']) {
      expect(proposedFileName(name, '.kiroku', 'case')).toBe(`${name}.kiroku`)
    }
  })

  it('falls back to the kind when nothing usable is left', () => {
    for (const title of ['', '   ', '...', '\u202E', '.kiroku', ' . . ']) {
      expect(proposedFileName(title, '.kiroku', 'case'), JSON.stringify(title)).toBe('case.kiroku')
    }
    expect(proposedFileName('', '.pdf', 'dossier')).toBe('dossier.pdf')
  })

  it('keeps long names within the byte budget without cutting a character or an emoji in half', () => {
    const japanese = proposedFileName('記'.repeat(300), '.kiroku', 'case')
    expect(bytes(japanese)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
    expect(japanese).toMatch(/^記+\.kiroku$/)
    const emoji = proposedFileName('👨‍👩‍👧'.repeat(40), '.pdf', 'dossier')
    expect(bytes(emoji)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES)
    expect(emoji).toMatch(/^(?:👨‍👩‍👧)+\.pdf$/u)
    // A cut that would end on a space or a dot is trimmed again.
    expect(proposedFileName(`${'a'.repeat(192)} .b`, '.kiroku', 'case')).toBe(`${'a'.repeat(192)}.kiroku`)
  })

  it('whatever the title: one safe name with the extension, within the budget', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (title) => {
        const name = proposedFileName(title, '.kiroku', 'case')
        expect(name.endsWith('.kiroku')).toBe(true)
        const base = name.slice(0, -'.kiroku'.length)
        expect(base.length).toBeGreaterThan(0)
        expect(base).not.toMatch(/[/\\:*?"<>|\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u)
        expect(base).not.toMatch(/^[\s.]|[\s.]$/u)
        expect(base.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i)
        expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES + 1)
      }),
      { numRuns: 500 },
    )
  })
})
