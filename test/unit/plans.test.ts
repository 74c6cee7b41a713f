// Recovery plans as data: both languages checked against the schema and
// against each other, and found from the core wherever it runs.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultPlansDir, PlanLibrary, providerDirectory, readPlanFile } from '../../electron/main/core'
import { CASE_KINDS } from '../../shared/domain'
import { PLAN_LANGS, PlanFileSchema, PREP_AUDIENCES, type PlanFile, type PlanLang } from '../../shared/plans'
import { tempDir } from '../helpers/temp'

const ROOT = path.resolve(__dirname, '../..')
const DIR = path.join(ROOT, 'resources', 'plans')
const files = Object.fromEntries(PLAN_LANGS.map((lang) => [lang, readPlanFile(DIR, lang)])) as Record<(typeof PLAN_LANGS)[number], PlanFile>

/** Every string in a plan file, with its JSON path. */
function strings(value: unknown, at = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]]
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${at}.${k}`))
  return []
}

describe('the plan files', () => {
  it('pass the schema, one file per language, with no unknown keys', () => {
    for (const lang of PLAN_LANGS) {
      const json = JSON.parse(fs.readFileSync(path.join(DIR, `${lang}.json`), 'utf8'))
      const parsed = PlanFileSchema.safeParse(json)
      expect(parsed.success, `${lang}.json: ${parsed.error?.message}`).toBe(true)
      expect(json.lang).toBe(lang)
    }
    expect(fs.readdirSync(DIR).sort()).toEqual(PLAN_LANGS.map((l) => `${l}.json`).sort())
  })

  it('have a plan for every case kind, with the same steps in the same order in every language', () => {
    const [first, ...others] = PLAN_LANGS
    for (const lang of others) {
      expect(files[lang].version, `${lang} version`).toBe(files[first].version)
      for (const kind of CASE_KINDS) {
        const ids = (l: PlanLang) => files[l].kinds[kind].steps.map((s) => s.id)
        expect(ids(lang), `${kind} in ${lang}`).toEqual(ids(first))
        // The same kind of button on the same step, and as many things to prepare.
        const shape = (l: PlanLang) => files[l].kinds[kind].steps.map((s) => ({ action: s.action && { ...s.action, caption: undefined }, prepare: s.prepare.length }))
        expect(shape(lang), `${kind} actions in ${lang}`).toEqual(shape(first))
      }
      for (const audience of PREP_AUDIENCES) {
        const shape = (l: PlanLang) => {
          const p = files[l].prep[audience]
          return { bring: p.bring.map((b) => b.kinds ?? null), questions: p.questions.map((q) => [q.answer ?? null, q.kinds ?? null]), ask: p.ask.map((a) => a.kinds ?? null) }
        }
        expect(shape(lang), `prep ${audience} in ${lang}`).toEqual(shape(first))
      }
    }
    for (const kind of CASE_KINDS) {
      const ids = files.ja.kinds[kind].steps.map((s) => s.id)
      expect(new Set(ids).size, `${kind}: step ids are unique`).toBe(ids.length)
      expect(ids.some((id) => id.startsWith('custom-')), `${kind}: custom- is for the user's own steps`).toBe(false)
    }
  })

  it('ask for the amounts lost in every plan, once the account or card is secured, with the loss form as its button', () => {
    for (const lang of PLAN_LANGS) {
      for (const kind of CASE_KINDS) {
        const steps = files[lang].kinds[kind].steps
        const at = steps.findIndex((s) => s.id === 'record-losses')
        expect(at, `${kind} in ${lang}`).toBeGreaterThan(0)
        expect(steps[at].action, `${kind} in ${lang}`).toEqual({ type: 'losses' })
        expect(steps.filter((s) => s.action?.type === 'losses'), `${kind} in ${lang}`).toHaveLength(1)
      }
    }
    // Cases adopted from version 1 keep their steps; the new step only changed the version.
    expect(files.en.version).toBeGreaterThanOrEqual(2)
  })

  it('name no phone number, address or web site except the national #9110 and 188', () => {
    for (const lang of PLAN_LANGS) {
      for (const [at, text] of strings(files[lang])) {
        const withoutNational = text.replace(/#9110/g, '').replace(/(?<!\d)188(?!\d)/g, '')
        expect(withoutNational, `${lang} ${at}`).not.toMatch(/\d{2,}[-‐ー－ ]?\d{2,}|\d{4,}|#\d+/)
        expect(text, `${lang} ${at}`).not.toMatch(/https?:|www\.|@|\.(jp|com|net|org)\b|〒|丁目|番地/)
      }
    }
    // The national numbers are there, where the issue wants them.
    const text = (lang: 'ja' | 'en') => JSON.stringify(files[lang])
    for (const lang of PLAN_LANGS) {
      expect(text(lang)).toContain('#9110')
      expect(text(lang)).toContain('188')
      expect(JSON.stringify(files[lang].kinds.points_theft)).toMatch(/受理番号/)
    }
  })

  it('give each outside fact a source: a step naming #9110, 188 or the relief act for transfers names the directory entry that holds its source', () => {
    const directory = providerDirectory()
    const FACTS: Array<[RegExp, string]> = [
      [/#9110/, 'police'],
      [/(?<!\d)188(?!\d)/, 'consumer-hotline'],
      [/振り込め詐欺救済法|Furikome Fraud Relief Act/, 'banks'],
    ]
    let cited = 0
    for (const lang of PLAN_LANGS) {
      for (const [kind, plan] of Object.entries(files[lang].kinds)) {
        for (const step of plan.steps) {
          const text = [step.title, step.why, ...step.prepare].join('\n')
          for (const [fact, entry] of FACTS) {
            if (!fact.test(text)) continue
            expect(step.sources, `${lang} ${kind} ${step.id}`).toContain(entry)
            cited++
          }
          for (const id of step.sources ?? []) {
            const found = directory.entries.find((e) => e.id === id)
            expect(found, `${lang} ${kind} ${step.id}: ${id}`).toBeDefined()
            expect([...found!.contacts, ...found!.rules].length, `${id} holds no source`).toBeGreaterThan(0)
          }
        }
      }
    }
    expect(cited).toBeGreaterThanOrEqual(2 * 9)
  })

  it('are found from the source tree, from the built main bundle, and from a packaged app folder', () => {
    expect(defaultPlansDir()).toBe(DIR)
    expect(defaultPlansDir(path.join(ROOT, 'out', 'main'))).toBe(DIR)
    const app = path.join(tempDir(), 'app.asar')
    fs.mkdirSync(path.join(app, 'out', 'main'), { recursive: true })
    fs.cpSync(DIR, path.join(app, 'resources', 'plans'), { recursive: true })
    expect(defaultPlansDir(path.join(app, 'out', 'main'))).toBe(path.join(app, 'resources', 'plans'))
    expect(new PlanLibrary(path.join(app, 'resources', 'plans')).get('en').kinds.card_fraud.steps[0].id).toBe('stop-card')
    expect(() => defaultPlansDir(tempDir())).toThrow(/recovery plans/)
  })

  it('say plainly when a shipped file is broken', () => {
    const dir = tempDir()
    fs.cpSync(DIR, dir, { recursive: true })
    const broken = JSON.parse(fs.readFileSync(path.join(dir, 'en.json'), 'utf8'))
    delete broken.kinds.phishing
    broken.kinds.points_theft.steps[0].action = { type: 'callNote', role: 'astrologer' }
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify(broken))
    expect(() => readPlanFile(dir, 'en')).toThrow(/en\.json are broken/)
    expect(() => readPlanFile(dir, 'en')).toThrow(/\$\.kinds\.phishing: /)
    expect(() => readPlanFile(dir, 'en')).toThrow(/\$\.kinds\.points_theft\.steps\[0\]\.action\.role: /)
    fs.writeFileSync(path.join(dir, 'ja.json'), '{')
    expect(() => readPlanFile(dir, 'ja')).toThrow(/Cannot read the recovery plans/)
  })
})
