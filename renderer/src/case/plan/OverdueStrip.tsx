// Overdue follow-ups, first thing on the timeline (as on the overview), so a
// promise that was not kept is never buried under the events that follow it.
import { useMemo } from 'react'
import { dueFollowUps } from '../../../../shared/followups'
import { useLanguage, useT } from '../../i18n'
import { formatDay } from '../../lib/dates'
import { useCaseData } from '../../state/session'
import { useToday } from '../../state/today'
import { useOrganizationNames } from '../lookups'
import '../../styles/plan.css'

export function OverdueStrip() {
  const t = useT()
  const language = useLanguage()
  const { tasks } = useCaseData()
  const today = useToday((s) => s.today)
  const names = useOrganizationNames()
  const overdue = useMemo(() => dueFollowUps(tasks, today).filter((d) => d.status === 'overdue'), [tasks, today])
  if (!overdue.length) return null
  return (
    <section className="overdue-strip" aria-labelledby="overdue-strip-title">
      <h2 id="overdue-strip-title">{t.plan.overdueFollowUps}</h2>
      <ul className="plain-list">
        {overdue.map(({ task, day, daysLeft }) => (
          <li key={task.id} className="task overdue">
            <span className="task-title">{task.title}</span>
            <span className="task-meta">
              {task.organizationId !== undefined && <span>{names.get(task.organizationId)}</span>}
              <span>{t.due(formatDay(day, language))}</span>
              <span className="badge badge-danger">{t.plan.lateBy(-daysLeft)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
