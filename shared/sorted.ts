// Binary search over numbers in ascending order, shared by the timeline's
// virtual list (row offsets) and the text finder (line starts).

/** The index of the last of `sorted[0..end)` that is <= value (0 when none is). */
export function lastAtOrBelow(sorted: ArrayLike<number>, value: number, end = sorted.length): number {
  let low = 0
  let high = end - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (sorted[mid] <= value) low = mid
    else high = mid - 1
  }
  return Math.max(0, low)
}
