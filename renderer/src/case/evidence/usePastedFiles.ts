// A screenshot pasted anywhere in the open case becomes evidence. Pasting
// text into a field is left alone: only pastes that carry files are taken.
import { useEffect, useRef } from 'react'
import { filesOf } from './evidence-intake'

export function usePastedFiles(onFiles: (files: File[]) => void): void {
  const latest = useRef(onFiles)
  latest.current = onFiles

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const files = filesOf(event.clipboardData)
      if (!files.length) return
      event.preventDefault()
      latest.current(files)
    }
    document.addEventListener('paste', onPaste)
    return () => document.removeEventListener('paste', onPaste)
  }, [])
}
