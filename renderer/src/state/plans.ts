// The recovery plans' texts, per language, read once from the main process
// (resources/plans/<lang>.json). Not case data: kept across lock and unlock.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { PlanFile, PlanLang } from '../../../shared/plans'
import { call } from '../ipc'
import { useLanguage } from '../i18n'

const usePlanFiles = create<Partial<Record<PlanLang, PlanFile>>>(() => ({}))
const loading = new Map<PlanLang, Promise<void>>()

export function loadPlanFile(lang: PlanLang): Promise<void> {
  if (usePlanFiles.getState()[lang]) return Promise.resolve()
  let pending = loading.get(lang)
  if (!pending) {
    pending = call('plans:library', { lang }).then((file) => usePlanFiles.setState({ [lang]: file }))
    pending.catch(() => loading.delete(lang)) // a later render tries again
    loading.set(lang, pending)
  }
  return pending
}

/** The plan texts in the page's language; undefined until they have arrived. */
export function usePlanFile(): PlanFile | undefined {
  const language = useLanguage()
  const file = usePlanFiles((s) => s[language])
  useEffect(() => {
    if (!file) void loadPlanFile(language).catch(() => undefined)
  }, [file, language])
  return file
}
