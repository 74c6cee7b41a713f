// The reference story (../shared/story.md) as an interchange document on disk.
import fs from 'node:fs'
import path from 'node:path'

export const STORY_JSON = path.resolve(__dirname, '../fixtures/story/case.json')

export function readStory(): any {
  return JSON.parse(fs.readFileSync(STORY_JSON, 'utf8'))
}

/** Writes a (possibly altered) copy of the story with its evidence into `dir`. */
export function writeStoryCopy(dir: string, alter: (doc: any) => void = () => {}): string {
  fs.cpSync(path.dirname(STORY_JSON), dir, { recursive: true })
  const doc = readStory()
  alter(doc)
  const file = path.join(dir, 'case.json')
  fs.writeFileSync(file, JSON.stringify(doc, null, 2))
  return file
}
