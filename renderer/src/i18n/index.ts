// The current language's texts, for components: `const t = useT()`.
import { useEffect } from 'react'
import { useSettings, type Language } from '../state/settings'
import { en, type Messages } from './en'
import { ja } from './ja'

export type { Messages }

export const DICTIONARIES: Record<Language, Messages> = { en, ja }

export function useT(): Messages {
  return DICTIONARIES[useSettings((s) => s.language)]
}

export function useLanguage(): Language {
  return useSettings((s) => s.language)
}

/** Keeps <html lang> in step, so screen readers and fonts pick the right language. */
export function useDocumentLanguage(): void {
  const language = useLanguage()
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
}
