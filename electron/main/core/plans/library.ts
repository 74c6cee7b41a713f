// Loads the recovery plans (resources/plans/<lang>.json) and checks them.
// The folder is a parameter (see ../resources.ts for the default).
import fs from 'node:fs'
import path from 'node:path'
import { PLAN_LANGS, PlanFileSchema, type PlanFile, type PlanLang } from '../../../../shared/plans'
import { KirokuError, issuesFromZod } from '../errors'
import { nearestResourceDir } from '../resources'

/** The nearest resources/plans folder above `from` (default: this module's folder). */
export const defaultPlansDir = (from?: string): string => nearestResourceDir('plans', `${PLAN_LANGS[0]}.json`, 'recovery plans', from)

/** Reads and checks one language's plan file; a broken file is a bug of the build, said plainly. */
export function readPlanFile(dir: string, lang: PlanLang): PlanFile {
  const file = path.join(dir, `${lang}.json`)
  let json: unknown
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    throw new KirokuError('io', `Cannot read the recovery plans ${file}: ${(error as Error).message}`)
  }
  const parsed = PlanFileSchema.safeParse(json)
  if (!parsed.success) {
    const problems = issuesFromZod(parsed.error.issues).map((i) => `${i.path}: ${i.message}`)
    throw new KirokuError('io', `The recovery plans ${file} are broken:\n  ${problems.join('\n  ')}`)
  }
  if (parsed.data.lang !== lang) throw new KirokuError('io', `${file} says it is in "${parsed.data.lang}", not "${lang}".`)
  return parsed.data
}

/** Both languages, read once per folder and kept. */
export class PlanLibrary {
  private readonly files = new Map<PlanLang, PlanFile>()

  constructor(readonly dir: string = defaultPlansDir()) {}

  get(lang: PlanLang): PlanFile {
    let file = this.files.get(lang)
    if (!file) {
      file = readPlanFile(this.dir, lang)
      this.files.set(lang, file)
    }
    return file
  }
}

let shared: PlanLibrary | undefined

/** The library of `dir`, or of the default folder (one instance per process). */
export function planLibrary(dir?: string): PlanLibrary {
  if (dir !== undefined) return shared?.dir === dir ? shared : (shared = new PlanLibrary(dir))
  return (shared ??= new PlanLibrary())
}
