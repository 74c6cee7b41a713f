// Shortcut hints in the platform's spelling: ⌘N on a Mac, Ctrl+N elsewhere.
export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform)

const keyName = (key: string) => (key.length === 1 ? key.toUpperCase() : key)

export function shortcutText(key: string, options: { shift?: boolean } = {}): string {
  const parts = [IS_MAC ? '⌘' : 'Ctrl', ...(options.shift ? [IS_MAC ? '⇧' : 'Shift'] : []), keyName(key)]
  return IS_MAC ? parts.join('') : parts.join('+')
}

/** For aria-keyshortcuts, which wants the W3C spelling. */
export function ariaShortcut(key: string, options: { shift?: boolean } = {}): string {
  return [IS_MAC ? 'Meta' : 'Control', ...(options.shift ? ['Shift'] : []), keyName(key)].join('+')
}

export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>
}
