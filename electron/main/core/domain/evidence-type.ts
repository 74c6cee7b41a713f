// Evidence types are read from the bytes, never trusted from the file name;
// a name that promises one type over bytes of another is refused, since a
// dossier that calls a ZIP a "screenshot" would mislead its reader. A
// picture's size is read from its header too, and one too large to decode
// safely is refused before anything can try.
import path from 'node:path'
import type { EvidenceMimeType } from '../../../../shared/domain'
import { MAX_PICTURE_PIXELS, isTooLarge, pictureSize, type PictureSize } from '../../../../shared/image-size'
import { revealHidden } from '../../../../shared/visible-text'

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((b, i) => bytes[at + i] === b)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

/** Header names that only an e-mail message starts with. */
const MAIL_HEADERS = /^(from|to|subject|date|received|return-path|message-id|mime-version|delivered-to|reply-to|content-type):/im

function asText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // Control characters other than tab, newlines, form feed and ESC (ISO-2022-JP) mean binary.
    return /[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/.test(text) ? undefined : text
  } catch {
    return undefined
  }
}

function looksLikeMail(text: string): boolean {
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0]
  const lines = headerBlock.split(/\r?\n/).filter((l) => !/^[ \t]/.test(l))
  const headerLike = lines.every((l) => /^[!-9;-~]+:/.test(l))
  return lines.length >= 2 && headerLike && MAIL_HEADERS.test(headerBlock)
}

export function detectMimeType(bytes: Uint8Array): EvidenceMimeType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  const text = asText(bytes)
  if (text === undefined) return undefined
  return looksLikeMail(text) ? 'message/rfc822' : 'text/plain'
}

const TYPE_BY_EXTENSION: Record<string, EvidenceMimeType> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.log': 'text/plain',
  '.csv': 'text/plain',
  '.md': 'text/plain',
  '.eml': 'message/rfc822',
}

const isTextual = (t: EvidenceMimeType) => t === 'text/plain' || t === 'message/rfc822'

export const SUPPORTED_TYPES_TEXT = 'PNG, JPEG, WebP, GIF, PDF, plain text or an e-mail (.eml)'

const count = (n: number) => n.toLocaleString('en-US')

/** Why a picture is refused, in plain words, with the limit. */
export function pictureTooLargeMessage(shownName: string, size: PictureSize): string {
  return (
    `${shownName} is a picture of ${count(size.width)} × ${count(size.height)} pixels. ` +
    `Kiroku takes pictures of up to ${count(MAX_PICTURE_PIXELS / 1_000_000)} million pixels (an 8K screen is 33 million), ` +
    'because opening a larger one could need more memory than this computer has. ' +
    'If it is a real picture, save a smaller copy and add that.'
  )
}

/** The evidence type of these bytes, or a message saying why they are refused. */
export function classifyEvidence(
  bytes: Uint8Array,
  fileName: string,
): { ok: true; mimeType: EvidenceMimeType } | { ok: false; message: string } {
  const detected = detectMimeType(bytes)
  const promised = TYPE_BY_EXTENSION[path.extname(fileName).toLowerCase()]
  // The name as the user should see it: direction controls and invisible characters written out.
  const shown = revealHidden(fileName)
  if (!detected) {
    return { ok: false, message: `${shown} is not a supported evidence type (${SUPPORTED_TYPES_TEXT})` }
  }
  if (promised && promised !== detected && !(isTextual(promised) && isTextual(detected))) {
    return {
      ok: false,
      message: `${shown} is named like ${promised} but its content is ${detected}; rename it or check that it is the right file`,
    }
  }
  // A header without a readable size is kept (it may be all that is left of a
  // damaged screenshot); nothing ever decodes it.
  const size = detected.startsWith('image/') ? pictureSize(bytes) : undefined
  if (size && isTooLarge(size)) return { ok: false, message: pictureTooLargeMessage(shown, size) }
  // Text files are told apart by convention, not content: the name decides.
  return { ok: true, mimeType: promised && isTextual(promised) ? promised : detected }
}
