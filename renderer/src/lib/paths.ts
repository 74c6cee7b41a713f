// File names for display; paths come from the main process as the OS spells them.
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** A name the save dialog can suggest: the title without characters file systems refuse. */
export function suggestedFileName(title: string): string {
  const base = title.trim().replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').slice(0, 150) || 'case'
  return `${base}.kiroku`
}
