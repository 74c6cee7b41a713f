// Copies a reference number to the clipboard and says so (or says how to do it by hand).
import type { LayoutMessages } from '../i18n/layout-messages'
import { showNotice } from '../state/session'

export async function copyText(value: string, M: LayoutMessages): Promise<void> {
  try {
    await navigator.clipboard.writeText(value)
    showNotice({ kind: 'info', text: M.copied(value) })
  } catch {
    showNotice({ kind: 'error', text: M.copyFailed })
  }
}
