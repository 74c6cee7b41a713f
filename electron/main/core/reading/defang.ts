// Addresses in a scam mail are the scammer's: written out defanged
// (hxxps://example[.]com) they stay readable as evidence, but no viewer,
// PDF reader or terminal turns them into something one click opens.

const WITH_SCHEME = /\b(h)(tt)(ps?)(:\/\/)([^\s/?#<>"'()[\]]+)/gi
const BARE_WWW = /(?<![\w./[])(www\.[^\s/?#<>"'()[\]]+)/gi

/** A sentence's full stop after an address is not part of it. */
function defangHost(host: string): string {
  const trailing = /[.,;:!]+$/.exec(host)?.[0] ?? ''
  return host.slice(0, host.length - trailing.length).replaceAll('.', '[.]') + trailing
}

export function defangUrls(text: string): string {
  return text
    .replace(WITH_SCHEME, (_all, h: string, tt: string, ps: string, sep: string, host: string) => `${h}${tt.replace(/t/gi, (t) => (t === 't' ? 'x' : 'X'))}${ps}${sep}${defangHost(host)}`)
    .replace(BARE_WWW, (host: string) => defangHost(host))
}
