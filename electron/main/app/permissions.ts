// Which web permissions a page may have: only desktop notifications (the
// follow-up reminders of renderer/src/case/plan/useFollowUpNotifications),
// and only for the app's own page. Camera, microphone, geolocation, the
// clipboard-read prompt, MIDI, HID, serial… are all refused.
// Pure: security.ts wires it into Electron's permission handlers.
import { isAppPage, type TrustedSources } from './trusted-urls'

export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications'])

/** `requestingUrl`: the URL of the frame asking (Electron's details.requestingUrl). */
export function isAllowedPermission(permission: string, requestingUrl: string | undefined, sources: TrustedSources): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppPage(requestingUrl, sources)
}
