// Dates as the case file keeps them: a moment is ISO 8601 with the offset the
// user had when it happened (2018-10-13T10:00:00+09:00), a day is 2018-11-15.
// "Now" is always this computer's calendar and clock with its own offset, so
// a call logged at 10:00 in Tokyo stays 10:00 wherever the file is read later.
// Shared by the core (CLI, dossier, plans) and the renderer.

const pad = (n: number) => String(n).padStart(2, '0')

/** This computer's offset at that moment, e.g. +09:00. */
export function localOffset(at: Date = new Date()): string {
  const minutes = -at.getTimezoneOffset()
  const abs = Math.abs(minutes)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** A day on this computer's calendar, e.g. 2018-10-13. */
export function localDay(at: Date = new Date()): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
}

/** This computer's wall-clock time with its offset: 2018-10-13T10:00:00+09:00. */
export function localMoment(at: Date = new Date()): string {
  return `${localDay(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${localOffset(at)}`
}

/** The day part of a date or moment as the user entered it (the offset is theirs, not ours). */
export const dayOf = (isoDateOrMoment: string): string => isoDateOrMoment.slice(0, 10)
