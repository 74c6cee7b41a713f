// The file name a save dialog proposes, made from the case title (or a name
// the page suggests). A title is free text: "ポイント不正利用 2026/05/01" or
// "A/B: what?" must not turn into folders, a name Windows refuses or
// silently changes, a hidden file, or a name too long for the disk.
// Pure: no 'electron' import; ipc.ts puts the result into dialog.showSaveDialog.

/** Replaced by '_': path separators and what Windows forbids in a name. */
const FORBIDDEN = /[/\\:*?"<>|]/g
/** Control characters (C0, DEL, C1) become spaces: a title pasted with a line break stays readable. */
const CONTROL = /\p{Cc}/gu
/**
 * Invisible format characters are dropped: direction overrides (U+202E makes
 * `report‮fdp.exe` look like `reportexe.pdf`), zero-width spaces, BOM, soft
 * hyphen. Joiners (U+200C, U+200D) stay: emoji and some scripts need them.
 */
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu
/** Half of a surrogate pair on its own (the page can send any string). */
const LONE_SURROGATE = /\p{Cs}/gu
/**
 * Names Windows keeps for devices, whatever the extension (`CON.kiroku` is
 * the console), compared on the part before the first dot. COM and LPT with
 * ¹²³ too, which Windows also treats as devices.
 */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i

/**
 * The most a proposed name may take, extension included, in UTF-8 bytes.
 * Linux and macOS allow 255 bytes per name (a Japanese character is 3) and
 * Windows 255 UTF-16 units; Kiroku writes beside the file under a longer
 * temporary name (`.NAME.<12 hex>.partial`, plus SQLite's `-wal`), so the
 * proposal leaves room for that.
 */
export const MAX_FILE_NAME_BYTES = 200

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8')

/** Cut to at most `maxBytes` of UTF-8 without splitting a character or an emoji. */
function truncateToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text
  let result = ''
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (utf8Length(result + segment) > maxBytes) break
    result += segment
  }
  return result
}

/** Spaces and dots at either end: Windows drops trailing ones, and a leading dot hides the file on Linux and macOS. */
const trimEnds = (text: string) => text.replace(/^[\s.]+|[\s.]+$/gu, '')

/**
 * A safe file name, `extension` included (e.g. '.kiroku'), from `suggested`;
 * `fallback` (without extension) when nothing usable is left. A suggestion
 * that already ends with the extension (the page's own proposal) does not get
 * it twice.
 */
export function proposedFileName(suggested: string, extension: string, fallback: string): string {
  let base = String(suggested ?? '').normalize('NFC')
  if (base.toLowerCase().endsWith(extension.toLowerCase())) base = base.slice(0, -extension.length)
  base = base
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/gu, ' ')
  base = trimEnds(truncateToBytes(trimEnds(base), MAX_FILE_NAME_BYTES - utf8Length(extension)))
  if (!base) base = fallback
  const stem = base.split('.')[0].trimEnd()
  if (WINDOWS_DEVICE.test(stem)) base = `_${base}`
  return `${base}${extension}`
}
