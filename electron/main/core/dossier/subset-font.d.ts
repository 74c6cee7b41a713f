// subset-font 2.9 ships no types and @types/subset-font (2.3) lacks the options used here.
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'
    /** OpenType feature tags to keep; [] drops the layout tables. */
    keepFeatures?: string[]
    noLayoutClosure?: boolean
  }
  function subsetFont(buffer: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>
  export = subsetFont
}
