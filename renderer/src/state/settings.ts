// Preferences of this computer's user: language and the auto-lock delay.
// Kept in localStorage because they are not case data (nothing about a case
// may be written outside the encrypted file).
import { create } from 'zustand'

export type Language = 'ja' | 'en'

export const DEFAULT_IDLE_MINUTES = 10
export const MIN_IDLE_MINUTES = 1
export const MAX_IDLE_MINUTES = 240

const KEYS = { language: 'kiroku.language', idleMinutes: 'kiroku.idleMinutes' } as const

interface Settings {
  language: Language
  idleMinutes: number
}

function storage(): Storage | undefined {
  try {
    return window.localStorage
  } catch {
    return undefined // storage disabled: settings only last for this session
  }
}

function languageFromBrowser(): Language {
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

export function clampIdleMinutes(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_IDLE_MINUTES
  return Math.min(MAX_IDLE_MINUTES, Math.max(MIN_IDLE_MINUTES, Math.round(value)))
}

function load(): Settings {
  const saved = storage()
  const language = saved?.getItem(KEYS.language)
  const idle = Number(saved?.getItem(KEYS.idleMinutes) ?? DEFAULT_IDLE_MINUTES)
  return {
    language: language === 'ja' || language === 'en' ? language : languageFromBrowser(),
    idleMinutes: clampIdleMinutes(idle),
  }
}

export const useSettings = create<Settings>(load)

export function setLanguage(language: Language): void {
  storage()?.setItem(KEYS.language, language)
  useSettings.setState({ language })
}

export function setIdleMinutes(minutes: number): void {
  const idleMinutes = clampIdleMinutes(minutes)
  storage()?.setItem(KEYS.idleMinutes, String(idleMinutes))
  useSettings.setState({ idleMinutes })
}
