// The evidence files an interchange document names. The document may come
// from someone else (a folder unpacked from an archive), and what it names
// goes into the case and on into unencrypted bundles: a symbolic link in
// that folder would carry any file of the user's (~/.ssh/id_ed25519) along.
// So a name must lead, through plain folders only, to a regular file inside
// the document's folder; and each file is read once, through the descriptor
// that was checked, so the bytes hashed and stored are the bytes checked.
import fs from 'node:fs'
import path from 'node:path'
import { revealHidden } from '../../../../shared/visible-text'
import { InvalidInputError } from '../errors'
import { formatMegabytes } from '../domain/evidence'

const refuse = (message: string): never => {
  throw new InvalidInputError([{ path: '$', message }])
}

/** Where `file` lies inside `baseDir`, as the folders on the way; refused if it is absolute or climbs out. */
function partsInside(baseDir: string, file: string): string[] {
  const relative = path.relative(baseDir, path.resolve(baseDir, file))
  if (path.isAbsolute(file) || path.win32.isAbsolute(file) || relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    refuse(`"${file}" must be a relative path inside the document's folder`)
  }
  return relative.split(path.sep)
}

/** Walks the path without following links: the last step must be a regular file, every other a folder. */
function statInside(baseDir: string, file: string): fs.Stats {
  const parts = partsInside(baseDir, file)
  let at = baseDir
  let stat: fs.Stats | undefined
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part)
    try {
      stat = fs.lstatSync(at)
    } catch {
      return refuse(`${file} does not exist or cannot be read`)
    }
    const shown = revealHidden(parts.slice(0, i + 1).join('/'))
    if (stat.isSymbolicLink()) refuse(`${shown} is a symbolic link: evidence must be the file itself, inside the document's folder`)
    const last = i === parts.length - 1
    if (!last && !stat.isDirectory()) refuse(`${shown} is not a folder`)
    if (last && !stat.isFile()) refuse(`${file} is not a regular file`)
  }
  return stat!
}

/** No link followed at the last step, and no wait on a FIFO put there after the walk (where the system has these flags). */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0)

function readAll(fd: number, file: string, maxBytes: number): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total))
    const n = fs.readSync(fd, chunk, 0, chunk.length, null)
    if (n === 0) return Buffer.concat(chunks, total)
    chunks.push(chunk.subarray(0, n))
    total += n
    // Checked on what is read, not on the size stat gave: the file may grow meanwhile.
    if (total > maxBytes) refuse(`${revealHidden(path.basename(file))} is over the ${formatMegabytes(maxBytes)} limit for one piece of evidence`)
  }
}

/** The bytes of the evidence file `file` (relative to `baseDir`); InvalidInputError (path `$`) if it may not be read. */
export function readDocumentEvidence(baseDir: string, file: string, maxBytes: number): Buffer {
  const walked = statInside(baseDir, file)
  if (walked.size > maxBytes) {
    refuse(`${revealHidden(path.basename(file))} is ${formatMegabytes(walked.size)}, over the ${formatMegabytes(maxBytes)} limit for one piece of evidence`)
  }
  let fd: number
  try {
    fd = fs.openSync(path.resolve(baseDir, file), OPEN_FLAGS)
  } catch {
    return refuse(`${file} is a symbolic link or cannot be read`)
  }
  try {
    // The file opened is the file walked to: a folder on the way swapped for a link
    // between the walk and the open would have led to another file.
    const opened = fs.fstatSync(fd)
    if (!opened.isFile() || opened.dev !== walked.dev || opened.ino !== walked.ino) {
      refuse(`${file} changed while it was being read; try again`)
    }
    return readAll(fd, file, maxBytes)
  } finally {
    fs.closeSync(fd)
  }
}
