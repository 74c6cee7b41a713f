// Pictures read by the command line (#14): `kiroku attach` recognises a
// screenshot's text before it returns (a word that exists only in the
// picture is then found by `kiroku search` and printed by `kiroku text`);
// `--no-ocr` skips it, and a later `search` picks the picture up; a picture
// with no text (blank, 1×1, noise) is kept with a note, never an error for
// the whole intake; the picture's bytes stay as they were.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { openCaseFile } from '../../electron/main/core'
import { kiroku } from '../helpers/cli'
import { screenshot } from '../helpers/screenshot'
import { PASSPHRASE, tempDir } from '../helpers/temp'

const env = { KIROKU_PASSPHRASE: PASSPHRASE }

/** A login history screenshot with an IP address made up for this run. */
function loginHistory(ip: string): Buffer {
  return screenshot(['ログイン履歴', `2026年11月30日 03:12 ${ip} 不明な端末 成功`, '2026年11月29日 21:40 203.0.113.7 iPhone 成功'])
}

function blank(width: number, height: number, noise = false): Buffer {
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  const image = ctx.createImageData(width, height)
  for (let i = 0; i < image.data.length; i += 4) {
    const v = noise ? crypto.randomInt(0, 256) : 255
    image.data.set([v, v, v, 255], i)
  }
  ctx.putImageData(image, 0, 0)
  return canvas.toBuffer('image/png')
}

describe('pictures through the command line', () => {
  it('attach reads a screenshot before it returns; search and text find a word only in the picture; the bytes stay', () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    expect(kiroku(['new', file, '--title', 'ログイン履歴'], { env }).status).toBe(0)
    const ip = `198.51.100.${crypto.randomInt(10, 250)}`
    const picture = loginHistory(ip)
    fs.writeFileSync(path.join(dir, 'history.png'), picture)
    fs.writeFileSync(path.join(dir, 'blank.png'), blank(400, 300))
    fs.writeFileSync(path.join(dir, 'dot.png'), blank(1, 1))
    fs.writeFileSync(path.join(dir, 'noise.png'), blank(300, 200, true))
    const attached = kiroku(['attach', file, ...['history.png', 'blank.png', 'dot.png', 'noise.png'].map((f) => path.join(dir, f))], { env })
    expect(attached.status, attached.stderr).toBe(0)
    expect(attached.stdout.match(/^Attached/gm)).toHaveLength(4)

    const found = kiroku(['search', file, ip], { env })
    expect(found.status, found.stderr).toBe(0)
    expect(found.stdout).toContain('history.png')
    expect(found.stdout).toContain(ip)
    const text = kiroku(['text', file, 'history.png'], { env })
    expect(text.stdout.replace(/\s+/g, '')).toContain('ログイン履歴')
    expect(text.stdout).toContain(ip)

    const caseFile = openCaseFile(file, PASSPHRASE)
    try {
      const pieces = caseFile.evidence.list()
      const byName = (name: string) => pieces.find((p) => p.fileName === name)!
      expect(Buffer.from(caseFile.evidence.bytes(byName('history.png').id)).equals(picture)).toBe(true)
      expect(caseFile.evidence.texts.get(byName('history.png').id)).toMatchObject({ source: 'ocr', engine: 'tesseract.js', languages: ['jpn', 'eng'] })
      // No text in them: kept, each with a note saying why.
      for (const name of ['blank.png', 'dot.png', 'noise.png']) {
        const read = caseFile.evidence.texts.get(byName(name).id)
        expect(read, name).toMatchObject({ source: 'ocr', text: '' })
        expect(read!.note, name).toBeTruthy()
      }
      expect(caseFile.verify().ok).toBe(true)
    } finally {
      caseFile.close()
    }
  })

  it('--no-ocr leaves the picture unread; a later search reads it and finds the word', () => {
    const dir = tempDir()
    const file = path.join(dir, 'case.kiroku')
    expect(kiroku(['new', file, '--title', 'ログイン履歴'], { env }).status).toBe(0)
    const ip = `192.0.2.${crypto.randomInt(10, 250)}`
    fs.writeFileSync(path.join(dir, 'history.png'), loginHistory(ip))
    expect(kiroku(['attach', file, path.join(dir, 'history.png'), '--no-ocr'], { env }).status).toBe(0)
    expect(kiroku(['search', file, ip, '--no-ocr'], { env }).stdout).toMatch(/^Nothing matches/)
    const later = kiroku(['search', file, ip], { env })
    expect(later.stderr).toMatch(/Read the text of 1 evidence item/)
    expect(later.stdout).toContain(ip)
    expect(kiroku(['verify', file], { env }).status).toBe(0)
  })
})
