// --redact: phone numbers, e-mail addresses, account and card numbers and the
// victim's address are masked except their last 4 characters, so a recipient
// can still tell "the number ending 5678" apart. Reference numbers are never
// masked: they are what the recipient needs to find the case.

const KEEP = 4

/** "090-1234-5678" → "*********5678". Values of 4 characters or fewer stay as they are. */
export function maskTail(value: string): string {
  const chars = [...value]
  return chars.map((c, i) => (i < chars.length - KEEP && !/\s/.test(c) ? '*' : c)).join('')
}

const EMAIL = String.raw`[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}`
// Digits with the separators people type in numbers: 090-1234-5678, +81 3 1234 5678, (03) 1234-5678.
const NUMBER = String.raw`\+?\(?\d[\d ()-]{5,}\d`
// Not inside a longer token: TP-20181017-0042 is a reference, not an account.
const PATTERN = new RegExp(String.raw`(?<![\w@.+-])(?:(${EMAIL})|(${NUMBER}))(?![\w@-])`, 'g')

function isSensitiveNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '')
  const phone = /^(\+|\(?0)/.test(candidate) && digits.length >= 9 && digits.length <= 15
  // Bank accounts (7 digits in Japan) and card numbers (up to 19). Dates such
  // as 2018-10-12 have separators every 2–4 digits and under 7 digits per group.
  const account = /^\d{7,19}$/.test(candidate.replace(/[ -]/g, '')) && !/^\d{4}-\d{2}-\d{2}$/.test(candidate)
  return phone || account
}

function maskPatterns(text: string): string {
  return text.replace(PATTERN, (match, email: string | undefined) =>
    email || isSensitiveNumber(match) ? maskTail(match) : match,
  )
}

/**
 * Masks free text. `secrets` (the victim's own phone, e-mail, address) are
 * masked wherever they occur; `protect` (reference numbers) never are.
 */
export function redactText(text: string, secrets: string[] = [], protect: string[] = []): string {
  const keep = protect.filter((p) => p.length > 0)
  if (!keep.length) return maskSecrets(text, secrets)
  // Split around protected values, mask the pieces between them.
  const escaped = keep.sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return text
    .split(new RegExp(`(${escaped.join('|')})`))
    .map((part, i) => (i % 2 === 1 ? part : maskSecrets(part, secrets)))
    .join('')
}

function maskSecrets(text: string, secrets: string[]): string {
  let out = text
  for (const secret of secrets.filter((s) => s.trim().length > KEEP)) out = out.split(secret).join(maskTail(secret))
  return maskPatterns(out)
}
