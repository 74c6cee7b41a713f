// Checks a file before its bytes are read: the main process checks again
// from the bytes themselves, but refusing a 2 GB video here saves reading it.
import type { EvidenceMimeType } from '../../../shared/domain'
import { EVIDENCE_MIME_TYPES } from '../../../shared/domain'

export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024

const SUPPORTED_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'webp', 'gif', 'pdf', 'txt', 'text', 'log', 'csv', 'md', 'eml'])

export type FileCheck = { ok: true } | { ok: false; problem: 'too_large' | 'unsupported' }

function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined
}

export function checkEvidenceFile(file: File): FileCheck {
  if (file.size > MAX_EVIDENCE_BYTES) return { ok: false, problem: 'too_large' }
  const extension = extensionOf(file.name)
  const knownType = (EVIDENCE_MIME_TYPES as readonly string[]).includes(file.type)
  // No extension and no type: let the main process look at the bytes.
  if (extension === undefined && !file.type) return { ok: true }
  if (knownType || (extension !== undefined && SUPPORTED_EXTENSIONS.has(extension))) return { ok: true }
  return { ok: false, problem: 'unsupported' }
}

export const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A pasted screenshot arrives as "image.png"; give it a name that says when
 * it was taken, so a case with twenty screenshots stays readable.
 */
export function nameForPasted(file: File, at: Date = new Date()): string {
  if (file.name && !/^image\.(png|jpe?g|gif|webp)$/i.test(file.name)) return file.name
  const extension = extensionOf(file.name) ?? file.type.split('/')[1] ?? 'png'
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  return `screenshot-${stamp}.${extension}`
}

export const isImage = (mimeType: EvidenceMimeType | string) => mimeType.startsWith('image/')
export const isText = (mimeType: EvidenceMimeType | string) => mimeType === 'text/plain' || mimeType === 'message/rfc822'

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${megabytes(bytes)} MB`
}
