// File names for display; paths come from the main process as the OS spells them.
export function fileNameOf(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] || path
}

/** A case file's name as the start screen shows it: the file name without `.kiroku`. */
export function caseFileNameOf(path: string): string {
  const name = fileNameOf(path)
  return name.replace(/\.kiroku$/i, '') || name
}

/** The folder a file is in, as the OS spells it. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  if (cut < 0) return ''
  // The root keeps its separator: "/", "C:\\".
  return cut === 0 || path[cut - 1] === ':' ? path.slice(0, cut + 1) : path.slice(0, cut)
}

/** A name the save dialog can suggest: the title without characters file systems refuse. */
export function suggestedFileName(title: string): string {
  const base = title.trim().replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').slice(0, 150) || 'case'
  return `${base}.kiroku`
}
