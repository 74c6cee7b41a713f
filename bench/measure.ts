// Timing helpers. Medians, because one GC pause or page-cache miss should
// not decide a figure; the two variants run interleaved so that drift (CPU
// frequency, other load) hits both alike.
import { performance } from 'node:perf_hooks'

export function timeOnce<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now()
  const result = work()
  return { ms: performance.now() - start, result }
}

export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Median ms of `runs` calls of each, alternating a, b, a, b… after one untimed warm-up each. */
export function medianPair(runs: number, a: () => unknown, b: () => unknown): [number, number] {
  a()
  b()
  const ta: number[] = []
  const tb: number[] = []
  for (let i = 0; i < runs; i++) {
    ta.push(timeOnce(a).ms)
    tb.push(timeOnce(b).ms)
  }
  return [median(ta), median(tb)]
}
