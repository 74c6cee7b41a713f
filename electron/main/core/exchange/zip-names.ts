// What an archive entry is called, and when two names are one file.
//
// A ZIP can name an entry three times: the header name in the central
// directory, an Info-ZIP Unicode Path extra field (0x7075) beside it, and the
// local header in front of the data. Extraction tools choose differently.
// Info-ZIP unzip 6.00 takes a Unicode Path field whose CRC matches the header
// name, unless the UTF-8 flag is set (then the header name); on a CRC mismatch
// it warns "Unicode Path checksum invalid" and keeps the header name. Others
// take the field without checking its CRC, ignore it (Python 3.11's zipfile),
// or read the local header (streaming readers). A checker that reads one name
// while the person unzipping gets another has checked the wrong file, so an
// entry passes only when every one of these readings gives the same name.
import zlib from 'node:zlib'

const UNICODE_PATH = 0x7075
const UTF8_FLAG = 0x800

export interface RawEntryName {
  /** The header's name field, as stored. */
  bytes: Buffer
  /** General purpose bit flags (bit 11: the name is UTF-8). */
  flags: number
  extraFields: ReadonlyArray<{ id: number; data: Buffer }>
}

export type NameReading = { ok: true; name: string } | { ok: false; problem: string }

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes)
  } catch {
    return undefined
  }
}

const refused = (problem: string): NameReading => ({ ok: false, problem })

/** The one name every extraction tool gives the entry, or why they would not agree. */
export function readEntryName(raw: RawEntryName): NameReading {
  const header = utf8(raw.bytes)
  if (header === undefined) return refused('a name that is not UTF-8 (each tool would guess its characters differently)')
  const utf8Flag = (raw.flags & UTF8_FLAG) !== 0
  // Without the flag, tools read non-ASCII bytes in code page 437, Shift_JIS or as UTF-8: one file, several names.
  if (!utf8Flag && /[^\x00-\x7f]/.test(header)) return refused(`the name "${header}" without the UTF-8 flag (tools read it in different character sets)`)
  const fields = raw.extraFields.filter((field) => field.id === UNICODE_PATH)
  if (fields.length === 0) return { ok: true, name: header }
  if (fields.length > 1) return refused(`two Unicode Path fields for "${header}" (tools pick different ones)`)
  const field = fields[0].data
  const unicode = field.length > 5 && field[0] === 1 ? utf8(field.subarray(5)) : undefined
  if (unicode === undefined) return refused(`a Unicode Path field for "${header}" that cannot be read (some tools ignore it, some do not)`)
  const crcMatches = field.readUInt32LE(1) === zlib.crc32(raw.bytes)
  const unzipName = crcMatches && !utf8Flag ? unicode : header
  if (unicode !== header) {
    const other = unzipName === unicode ? header : unicode
    return refused(`two names: Info-ZIP unzip extracts it as "${unzipName}", other tools as "${other}" (its Unicode Path field names another file)`)
  }
  return { ok: true, name: unzipName }
}

/**
 * The key under which two names are one file somewhere: macOS treats the
 * composed and decomposed spellings of a character as one (NFC), macOS and
 * Windows ignore case. Upper then lower case also folds ß/SS and the final
 * sigma, which a case-insensitive file system may or may not; refusing a
 * pair too many is safe, since a bundle Kiroku writes never has such names.
 */
export const foldName = (name: string): string => name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC')
