// Follow-ups: promises to chase and conditions to meet, with their due dates.
import { useState } from 'react'
import type { Task } from '../../../../shared/domain'
import { useLanguage, useT } from '../../i18n'
import { isOverdue } from '../../lib/case-figures'
import { formatDay } from '../../lib/dates'
import { describeError } from '../../lib/errors'
import { withoutId } from '../../lib/records'
import { showNotice, useCaseData } from '../../state/session'
import { useToday } from '../../state/today'
import { OrganizationField, useOrganizationPicker } from '../fields'
import { useOrganizationNames } from '../lookups'
import { DateInput, dayOrOriginal, RecordFormDialog } from './RecordFormDialog'
import { RecordListPanel } from './RecordListPanel'
import { deleteRecord, saveRecord } from './record-io'

export function TasksPanel() {
  const t = useT()
  const language = useLanguage()
  const { tasks } = useCaseData()
  const names = useOrganizationNames()
  const today = useToday((s) => s.today)
  // The box shows the click at once; the saved value takes over when the list reloads.
  const [ticking, setTicking] = useState<Record<number, boolean>>({})

  const toggleDone = async (task: Task, done: boolean) => {
    setTicking((current) => ({ ...current, [task.id]: done }))
    try {
      await saveRecord('tasks', task.id, { ...withoutId(task), done })
    } catch (error) {
      showNotice({ kind: 'error', text: describeError(error, t).join('\n') })
    } finally {
      setTicking(({ [task.id]: _settled, ...others }) => others)
    }
  }

  return (
    <RecordListPanel
      title={t.tasks}
      addLabel={t.newTask}
      emptyText={t.noTasks}
      records={tasks}
      nameOf={(task) => task.title}
      rowClassName={(task) => (isOverdue(task, today) ? 'overdue' : task.done ? 'done' : undefined)}
      columns={[
        {
          header: t.done,
          cell: (task) => (
            <input type="checkbox" checked={ticking[task.id] ?? task.done} onChange={(e) => void toggleDone(task, e.target.checked)} aria-label={t.markDone(task.title)} />
          ),
          className: 'check-cell',
        },
        { header: t.title, cell: (task) => task.title, className: 'clip' },
        {
          header: t.dueAt,
          cell: (task) => (
            <>
              {task.dueAt ? formatDay(task.dueAt.slice(0, 10), language) : ''}
              {isOverdue(task, today) && <span className="badge badge-danger">{t.overdue}</span>}
            </>
          ),
        },
        { header: t.organization, cell: (task) => (task.organizationId !== undefined ? names.get(task.organizationId) : '') },
      ]}
      onDelete={(task) => deleteRecord('tasks', task.id)}
      renderForm={(record, close) => <TaskForm record={record} onClose={close} />}
    />
  )
}

function TaskForm({ record, onClose }: { record?: Task; onClose: () => void }) {
  const t = useT()
  const organization = useOrganizationPicker(record?.organizationId)
  const save = async (data: FormData) => {
    const org = await organization.resolve(data)
    const value = {
      title: String(data.get('title') ?? '').trim(),
      dueAt: dayOrOriginal(data, 'dueAt', record?.dueAt),
      done: data.get('done') === 'on',
      organizationId: org.id,
      eventId: record?.eventId,
    }
    await saveRecord('tasks', record?.id, value)
  }
  return (
    <RecordFormDialog title={record ? t.editTask : t.newTask} onClose={onClose} onSave={save}>
      <label className="field">
        <span>{t.title}</span>
        <input name="title" defaultValue={record?.title} required maxLength={500} data-autofocus />
      </label>
      <div className="field-row">
        <label className="field">
          <span>{t.dueAt}</span>
          <DateInput name="dueAt" defaultValue={record?.dueAt?.slice(0, 10)} />
        </label>
        <label className="check">
          <input name="done" type="checkbox" defaultChecked={record?.done} />
          <span>{t.done}</span>
        </label>
      </div>
      <OrganizationField value={organization.value} onChange={organization.setValue} />
    </RecordFormDialog>
  )
}
