// A record read from the case file is its input plus an id; updates send the
// input back, so the id (and any other read-only field) is taken off.
export function withoutId<R extends { id: number }>(record: R): Omit<R, 'id'> {
  const { id: _id, ...value } = record
  return value
}

/** An optional text field: empty means "not given", so the key is left out. */
export function optionalText(value: FormDataEntryValue | null): string | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  return text ? text : undefined
}

/** An optional id from a <select> whose empty option means "none". */
export function optionalId(value: FormDataEntryValue | null): number | undefined {
  const id = Number(value)
  return Number.isInteger(id) && id > 0 ? id : undefined
}
