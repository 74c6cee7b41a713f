// Where the case stands: its status and summary, what was lost and what came
// back per unit, what is still to be chased (and what is late), and the
// reference numbers most recently given (next to What next, each with a Copy
// button).
import { useMemo, useState, type FormEvent } from 'react'
import { unitName } from '../../../shared/amounts'
import { CASE_STATUSES, type CaseStatus } from '../../../shared/domain'
import { useLanguage, useT } from '../i18n'
import { useAction } from '../hooks/useAction'
import { isOverdue, latestReferences, openTasks, totalsByUnit } from '../lib/case-figures'
import { formatDay } from '../lib/dates'
import { updateCase } from '../state/case-actions'
import { showNotice, useCaseData } from '../state/session'
import { useToday } from '../state/today'
import { ErrorBox } from '../ui/ErrorBox'
import { ClaimDeadlinesCard } from './directory/ClaimDeadlines'
import { CopyReferenceButton } from './ReferenceCopy'
import { useOrganizationNames } from './lookups'
import { WhatNextCard } from './plan/WhatNextCard'
import { VictimCard } from './VictimCard'

const LATEST_REFERENCES = 5

export function OverviewPanel() {
  const t = useT()
  const language = useLanguage()
  const { record, losses, tasks, references } = useCaseData()
  const organizationNames = useOrganizationNames()
  const { run, error, busy } = useAction()
  const [summary, setSummary] = useState(record.summary)
  const today = useToday((s) => s.today)

  const totals = useMemo(() => totalsByUnit(losses), [losses])
  const pending = useMemo(() => openTasks(tasks), [tasks])
  const overdueCount = pending.filter((task) => isOverdue(task, today)).length
  const latest = useMemo(() => latestReferences(references, LATEST_REFERENCES), [references])
  const numbers = new Intl.NumberFormat(language)
  const { updatedAt: _updatedAt, ...caseInput } = record

  const saveStatus = (status: CaseStatus) => run(() => updateCase({ ...caseInput, status }))
  const saveSummary = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await updateCase({ ...caseInput, summary })
      showNotice({ kind: 'info', text: t.saved })
    })
  }

  return (
    <div className="overview-grid">
      {/* The reference numbers next to What next, above the fold: the numbers asked for on every call. */}
      <div className="overview-lead">
        <WhatNextCard />
        <section className="card overview-references" aria-labelledby="overview-references">
          <h2 id="overview-references">{t.latestReferences}</h2>
          {latest.length === 0 ? (
            <p className="muted">{t.noReferences}</p>
          ) : (
            <ul className="plain-list">
              {latest.map((reference) => (
                <li key={reference.id} className="reference">
                  <span className="reference-label">{reference.label}</span>
                  <span className="reference-value">
                    <bdi>{reference.value}</bdi>
                  </span>
                  <CopyReferenceButton reference={reference} />
                  <span className="task-meta">
                    {reference.organizationId !== undefined && <span>{organizationNames.get(reference.organizationId)}</span>}
                    {reference.issuedAt && <span>{formatDay(reference.issuedAt.slice(0, 10), language)}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <ClaimDeadlinesCard />
      <section className="card" aria-labelledby="overview-case">
        <h2 id="overview-case" className="visually-hidden">
          {t.tabs.overview}
        </h2>
        <label className="field">
          <span>{t.status}</span>
          <select value={record.status} onChange={(e) => void saveStatus(e.target.value as CaseStatus)} disabled={busy}>
            {CASE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t.caseStatuses[status]}
              </option>
            ))}
          </select>
        </label>
        <form onSubmit={saveSummary} className="form">
          <label className="field">
            <span>{t.summary}</span>
            <textarea value={summary} onChange={(e) => setSummary(e.target.value)} rows={5} placeholder={t.summaryPlaceholder} />
          </label>
          <ErrorBox error={error} />
          <div className="actions">
            <button type="submit" disabled={busy || summary === record.summary}>
              {t.saveSummary}
            </button>
          </div>
        </form>
      </section>

      <VictimCard />

      <section className="card" aria-labelledby="overview-totals">
        <h2 id="overview-totals">{t.totals}</h2>
        {totals.length === 0 ? (
          <p className="muted">{t.noLosses}</p>
        ) : (
          <table className="table numbers">
            <thead>
              <tr>
                <th scope="col">{t.unit}</th>
                <th scope="col">{t.lost}</th>
                <th scope="col">{t.recovered}</th>
                <th scope="col">{t.outstanding}</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((total) => (
                <tr key={total.unit}>
                  <th scope="row">
                    <bdi>{unitName(total.unit, language)}</bdi>
                  </th>
                  <td>{numbers.format(total.lost)}</td>
                  <td>{numbers.format(total.recovered)}</td>
                  <td className={total.outstanding > 0 ? 'outstanding' : undefined}>{numbers.format(total.outstanding)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="overview-tasks">
        <h2 id="overview-tasks">
          {t.openTasks}
          {overdueCount > 0 && <span className="badge badge-danger">{t.overdueCount(overdueCount)}</span>}
        </h2>
        {pending.length === 0 ? (
          <p className="muted">{t.noOpenTasks}</p>
        ) : (
          <ul className="plain-list">
            {pending.map((task) => {
              const late = isOverdue(task, today)
              return (
                <li key={task.id} className={late ? 'task overdue' : 'task'}>
                  <span className="task-title">{task.title}</span>
                  <span className="task-meta">
                    {task.organizationId !== undefined && <span>{organizationNames.get(task.organizationId)}</span>}
                    {task.dueAt && <span>{t.due(formatDay(task.dueAt.slice(0, 10), language))}</span>}
                    {late && <span className="badge badge-danger">{t.overdue}</span>}
                  </span>
                </li>
              )
            })}
          </ul>
        )}
      </section>

    </div>
  )
}
