// A desktop notification 7, 3 and 1 days before a claim deadline, while the
// case is open. Like the follow-up reminders it says only how many and how
// many days away, never which organisation or what was lost: notification
// centres keep a history outside the encrypted case file.
import { useEffect, useRef } from 'react'
import { REMINDER_CHECK_MS } from '../../../../shared/followups'
import { useDirectoryT, type DirectoryMessages } from '../../i18n/directory-messages'
import { currentDirectory, useDirectory } from '../../state/directory'
import { useSession } from '../../state/session'
import { refreshToday } from '../../state/today'
import { deadlineKey, deadlinesOf } from './claim-deadlines'
import { deadlineNotices } from './deadline-notices'

/** What was announced in this run of the app (not stored: nothing about a case is written outside its file). */
const sent = new Set<string>()

function notify(d: DirectoryMessages, count: number, daysAway: number): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  try {
    const notification = new Notification(d.notificationTitle, { body: d.notificationBody(count, daysAway), tag: 'kiroku-claim-deadlines' })
    notification.onclick = () => window.focus()
  } catch {
    // Some platforms refuse page notifications; the overview still shows the deadlines.
  }
}

export function useDeadlineNotifications(): void {
  const d = useDirectoryT()
  const latest = useRef(d)
  latest.current = d
  const directory = useDirectory()

  useEffect(() => {
    const check = () => {
      const data = useSession.getState().caseData
      const file = currentDirectory()
      if (!data || !file) return
      const deadlines = deadlinesOf(data, file, refreshToday())
      const fresh = deadlineNotices(
        deadlines.map((deadline) => ({ key: `${data.path}|${deadlineKey(deadline)}`, daysLeft: deadline.daysLeft })),
        sent,
      )
      if (fresh.length) notify(latest.current, fresh.length, Math.max(...fresh.map((f) => f.daysLeft ?? 0)))
    }
    check()
    const timer = setInterval(check, REMINDER_CHECK_MS)
    return () => clearInterval(timer)
  }, [directory])
}
