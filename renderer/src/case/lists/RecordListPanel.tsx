// The layout the organisations, reference numbers, losses and follow-ups
// share: a heading with "Add", a table with Edit and Delete on each row
// (Delete asks first), and the entity's own form in a dialog.
import { useState, type ReactNode } from 'react'
import { useT } from '../../i18n'
import { describeError } from '../../lib/errors'
import { showNotice } from '../../state/session'
import { useConfirmDelete } from '../../ui/ConfirmDialog'

export interface Column<R> {
  header: string
  cell: (record: R) => ReactNode
  className?: string
}

interface RecordListPanelProps<R extends { id: number }> {
  title: string
  addLabel: string
  emptyText: string
  records: readonly R[]
  columns: Column<R>[]
  /** What the user calls this record, for "Delete X?" and button labels. */
  nameOf: (record: R) => string
  onDelete: (record: R) => Promise<void>
  renderForm: (record: R | undefined, close: () => void) => ReactNode
  rowClassName?: (record: R) => string | undefined
}

export function RecordListPanel<R extends { id: number }>(props: RecordListPanelProps<R>) {
  const { title, addLabel, emptyText, records, columns, nameOf, onDelete, renderForm, rowClassName } = props
  const t = useT()
  const [editing, setEditing] = useState<R | 'new' | null>(null)
  const { confirmDelete, dialog } = useConfirmDelete()

  const remove = async (record: R) => {
    if (!(await confirmDelete(nameOf(record)))) return
    try {
      await onDelete(record)
      showNotice({ kind: 'info', text: t.deleted })
    } catch (error) {
      showNotice({ kind: 'error', text: describeError(error, t).join('\n') })
    }
  }

  return (
    <div className="list-panel">
      <div className="list-header">
        <h2>{title}</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          {addLabel}
        </button>
      </div>
      {records.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className={column.className}>
                    {column.header}
                  </th>
                ))}
                <th scope="col" className="actions-cell">
                  <span className="visually-hidden">{t.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id} className={rowClassName?.(record)}>
                  {columns.map((column) => (
                    <td key={column.header} className={column.className}>
                      {column.cell(record)}
                    </td>
                  ))}
                  <td className="actions-cell">
                    <button type="button" className="small" onClick={() => setEditing(record)} aria-label={t.editThis(nameOf(record))}>
                      {t.edit}
                    </button>
                    <button type="button" className="small danger-quiet" onClick={() => void remove(record)} aria-label={t.deleteThis(nameOf(record))}>
                      {t.delete}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && renderForm(editing === 'new' ? undefined : editing, () => setEditing(null))}
      {dialog}
    </div>
  )
}
