// What is left in the page's JavaScript heap: a V8 heap snapshot over the
// DevTools protocol, after garbage collection, searched for marker strings.
// This sees the JS heap only (every string a script ever held and still
// reaches); Blink's own C++ memory, e.g. the text inside an <input>, is not
// in it.
import type { Page } from 'playwright-core'

interface Snapshot {
  strings: string[]
}

/** Every string of the page's heap after a few full collections. */
export async function heapStrings(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.enable')
    // Several rounds: one collection can free what makes the next one's garbage.
    for (let i = 0; i < 4; i++) await cdp.send('HeapProfiler.collectGarbage')
    const chunks: string[] = []
    cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk))
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    await cdp.send('HeapProfiler.disable')
    return (JSON.parse(chunks.join('')) as Snapshot).strings
  } finally {
    await cdp.detach()
  }
}

/** The heap's strings that contain `marker`, cut to a window around it (for a readable failure). */
export function occurrences(strings: string[], marker: string): string[] {
  return strings
    .filter((s) => s.includes(marker))
    .map((s) => {
      const at = s.indexOf(marker)
      return `${at > 60 ? '…' : ''}${s.slice(Math.max(0, at - 60), at + marker.length + 60)}${at + marker.length + 60 < s.length ? '…' : ''} (${s.length} chars)`
    })
}
