// A desktop notification when a follow-up falls due while the case is open
// (the web Notification API; Electron shows it as a native one). It says
// only how many fell due, never what they are: notification centres keep a
// history outside the encrypted case file. Clicking it brings Kiroku forward,
// where the overview leads with them.
import { useEffect, useRef } from 'react'
import { dueFollowUps, newlyDue, REMINDER_CHECK_MS, type DueStatus } from '../../../../shared/followups'
import { useT, type Messages } from '../../i18n'
import { useCaseData, useSession } from '../../state/session'
import { refreshToday } from '../../state/today'

function notify(t: Messages, count: number, overdue: boolean): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
  try {
    const notification = new Notification(t.plan.notificationTitle, {
      body: overdue ? t.plan.notificationOverdue(count) : t.plan.notificationDue(count),
      tag: 'kiroku-follow-ups',
    })
    notification.onclick = () => window.focus()
  } catch {
    // Some platforms refuse page notifications; the overview still shows what is due.
  }
}

export function useFollowUpNotifications(): void {
  const t = useT()
  const { tasks } = useCaseData()
  const latestT = useRef(t)
  latestT.current = t
  const seen = useRef(new Map<number, DueStatus>())

  // What is due when the case opens, or after the user edits a follow-up, is
  // not news: it is on screen. Only the clock passing a due day is.
  useEffect(() => {
    seen.current = new Map(dueFollowUps(tasks, refreshToday()).map((d) => [d.task.id, d.status]))
  }, [tasks])

  useEffect(() => {
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
      void Notification.requestPermission().catch(() => undefined)
    }
    const check = () => {
      const today = refreshToday()
      const due = dueFollowUps(useSession.getState().caseData?.tasks ?? [], today)
      const fresh = newlyDue(seen.current, due)
      seen.current = new Map(due.map((d) => [d.task.id, d.status]))
      if (fresh.length) notify(latestT.current, fresh.length, fresh.every((d) => d.status === 'overdue'))
    }
    const timer = setInterval(check, REMINDER_CHECK_MS)
    return () => clearInterval(timer)
  }, [])
}
