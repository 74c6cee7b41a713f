// Japanese text in pdf-lib (see shared/notes/pdf-japanese.md): pdf-lib's own
// subsetter drops glyphs, and a whole Noto Sans JP is 5 MB per PDF. So the
// font is subset first with HarfBuzz (subset-font) to exactly the characters
// the dossier prints, then embedded whole with every OpenType feature off
// (with them on, digits after some characters are spaced apart).
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont } from 'pdf-lib'
import { isHiddenCharacter } from '../../../../shared/visible-text'

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
} as const

export type Weight = keyof typeof FONT_FILES

const FEATURES_OFF = { calt: false, kern: false, liga: false, locl: false, ccmp: false, palt: false, vert: false }

/** Printed instead of a character the font does not have (the customary 〓, "geta"). */
export const MISSING = '〓'
// Always in the subset: the ASCII range (page numbers, hashes) and the replacement mark.
const ALWAYS = `${Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')}${MISSING}`
// Variation selectors have no width of their own; a font without them just leaves them out.
const SELECTOR = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u
// So do direction controls, zero-width and other format characters (shared/visible-text.ts):
// pdf-lib draws text in stored order, so a direction control has nothing to act on, and a 〓
// would claim a missing glyph. File names and captions, where they matter, arrive already
// written out as 〔U+202E〕 markers.
const drawsNothing = (ch: string) => SELECTOR.test(ch) || isHiddenCharacter(ch)
const GRAPHEMES = new Intl.Segmenter('ja', { granularity: 'grapheme' })

// tsx's namespaced loader (tsImport, which bin/kiroku.mjs no longer uses) tags module URLs with ?tsx-namespace=…
// and then hands modules loaded under it tagged paths from require.resolve, from
// which subset-font fails to read its wasm. A require from the plain URL avoids that.
const nodeRequire = createRequire(import.meta.url.split('?')[0])
const subsetFont: typeof import('subset-font') = nodeRequire('subset-font')

// The fonts ship in node_modules (OFL); resolved at run time, never copied into the repo.
const resolveFont = (weight: Weight) => nodeRequire.resolve(FONT_FILES[weight])

export class FontSet {
  private widths = new Map<string, number>()
  private constructor(
    readonly regular: PDFFont,
    readonly bold: PDFFont,
    private readonly supported: Record<Weight, Set<number>>,
  ) {}

  static async embed(doc: PDFDocument, text: Record<Weight, string>): Promise<FontSet> {
    doc.registerFontkit(fontkit)
    const [regular, bold] = await Promise.all([embedSubset(doc, 'regular', text.regular), embedSubset(doc, 'bold', text.bold)])
    return new FontSet(regular, bold, { regular: new Set(regular.getCharacterSet()), bold: new Set(bold.getCharacterSet()) })
  }

  font(weight: Weight): PDFFont {
    return weight === 'bold' ? this.bold : this.regular
  }

  /**
   * The text as it can be drawn: tabs as spaces, control and format characters dropped, and
   * each character (grapheme: an emoji with its joiners, a letter with its accents)
   * the font cannot draw as one 〓, never as an empty box.
   */
  clean(text: string, weight: Weight): string {
    let out = ''
    for (const { segment } of GRAPHEMES.segment(text.normalize('NFC').replace(/\t/g, ' ').replace(/[\x00-\x1f\x7f]/g, ''))) {
      const visible = [...segment].filter((ch) => !drawsNothing(ch))
      const drawable = visible.every((ch) => this.supported[weight].has(ch.codePointAt(0)!))
      out += drawable ? visible.join('') : MISSING
    }
    return out
  }

  /** Width in points of cleaned text. Kerning is off, so a string is the sum of its characters. */
  width(text: string, weight: Weight, size: number): number {
    let em = 0
    for (const ch of text) {
      const key = weight + ch
      let w = this.widths.get(key)
      if (w === undefined) {
        w = this.font(weight).widthOfTextAtSize(ch, 1)
        this.widths.set(key, w)
      }
      em += w
    }
    return em * size
  }
}

async function embedSubset(doc: PDFDocument, weight: Weight, text: string): Promise<PDFFont> {
  const ttf = fs.readFileSync(resolveFont(weight))
  const subset = await subsetFont(ttf, `${text}${ALWAYS}`, {
    targetFormat: 'sfnt',
    // Layout tables are of no use with every feature off; leaving them out keeps the subset small.
    keepFeatures: [],
    noLayoutClosure: true,
  })
  // "ABCDEF+Name" marks an embedded subset (PDF 32000 9.6.4); the tag follows the content.
  const tag = [...crypto.createHash('sha256').update(subset).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('')
  return doc.embedFont(subset, {
    subset: false,
    customName: `${tag}+NotoSansJP-${weight === 'bold' ? 'Bold' : 'Regular'}`,
    features: FEATURES_OFF,
  })
}
