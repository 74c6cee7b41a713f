// Loads the provider directory (resources/directory/directory.json) and
// checks it; a broken file is a bug of the build, said plainly.
import fs from 'node:fs'
import path from 'node:path'
import { DirectoryFileSchema, type DirectoryFile } from '../../../../shared/directory'
import { KirokuError, issuesFromZod } from '../errors'
import { nearestResourceDir } from '../resources'

export const DIRECTORY_FILE = 'directory.json'

/** The nearest resources/directory folder above `from` (default: this module's folder). */
export const defaultDirectoryDir = (from?: string): string => nearestResourceDir('directory', DIRECTORY_FILE, 'provider directory', from)

export function readDirectory(dir: string = defaultDirectoryDir()): DirectoryFile {
  const file = path.join(dir, DIRECTORY_FILE)
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new KirokuError('io', `Cannot read the provider directory ${file}: ${(error as Error).message}`)
  }
  const parsed = DirectoryFileSchema.safeParse(json)
  if (!parsed.success) {
    const problems = issuesFromZod(parsed.error.issues).map((i) => `${i.path}: ${i.message}`)
    throw new KirokuError('io', `The provider directory ${file} is broken:\n  ${problems.join('\n  ')}`)
  }
  return parsed.data
}

const loaded = new Map<string, DirectoryFile>()

/** The directory of `dir` (default: the nearest one), read once per process. */
export function providerDirectory(dir: string = defaultDirectoryDir()): DirectoryFile {
  let directory = loaded.get(dir)
  if (!directory) loaded.set(dir, (directory = readDirectory(dir)))
  return directory
}
