// "Now" on this computer's calendar and clock, with its offset, as the case
// file writes moments (the renderer does the same in renderer/src/lib/dates).

const pad = (n: number) => String(n).padStart(2, '0')

/** This computer's wall-clock time with its offset: 2018-10-13T10:00:00+09:00. */
export function localMoment(now: Date = new Date()): string {
  const offset = -now.getTimezoneOffset()
  const local = new Date(now.getTime() + offset * 60_000).toISOString().slice(0, 19)
  const abs = Math.abs(offset)
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The day on this computer's calendar: 2018-10-13. */
export function localDayOf(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
