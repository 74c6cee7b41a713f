// The first screen: recent case files, a new case, or another file to open.
import { useEffect, useState } from 'react'
import type { Output } from '../../../shared/ipc/contract'
import { useT } from '../i18n'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { caseFileNameOf, folderOf } from '../lib/paths'
import { goToUnlock } from '../state/case-actions'
import { ErrorBox } from '../ui/ErrorBox'
import { NewCaseDialog } from './NewCaseDialog'
import { SettingsDialog } from './SettingsDialog'

type RecentFile = Output<'recent:list'>[number]

export function StartScreen() {
  const t = useT()
  const [recent, setRecent] = useState<RecentFile[]>([])
  const [dialog, setDialog] = useState<'new' | 'settings' | null>(null)
  const { run, error } = useAction()

  useEffect(() => {
    void run(async () => setRecent(await call('recent:list')))
  }, [run])

  const openOther = () =>
    run(async () => {
      const path = await call('dialog:chooseCaseToOpen')
      if (path) goToUnlock(path)
    })

  const forget = (path: string) =>
    run(async () => {
      await call('recent:forget', { path })
      setRecent(await call('recent:list'))
    })

  return (
    <div className="start-screen">
      <header className="app-bar">
        <p className="brand">
          Kiroku <span lang="ja">記録</span>
        </p>
        <button type="button" className="quiet" onClick={() => setDialog('settings')}>
          {t.settings}
        </button>
      </header>
      <main className="start-main">
        <h1>{t.startTitle}</h1>
        <p className="lead">{t.startIntro}</p>
        <div className="actions start-actions">
          <button type="button" className="primary" onClick={() => setDialog('new')}>
            {t.newCase}
          </button>
          <button type="button" onClick={openOther}>
            {t.openCase}
          </button>
        </div>
        <ErrorBox error={error} />
        <section aria-labelledby="recent-heading" className="card">
          <h2 id="recent-heading">{t.recentFiles}</h2>
          {recent.length === 0 ? (
            <p className="muted">{t.noRecentFiles}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((file) => {
                // The file's name, never the case's title: nothing about a case is kept outside its file.
                const name = caseFileNameOf(file.path)
                return (
                  <li key={file.path}>
                    <button type="button" className="recent-open" onClick={() => goToUnlock(file.path)} aria-label={t.openRecent(name)} title={file.path}>
                      <span className="recent-title">{name}</span>
                      <span className="recent-path">{folderOf(file.path)}</span>
                    </button>
                    <button type="button" className="quiet small" onClick={() => forget(file.path)} aria-label={t.forgetRecent(name)}>
                      {t.forget}
                    </button>
                  </li>
                )
              })}
            </ul>
          )}
        </section>
      </main>
      {dialog === 'new' && <NewCaseDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
    </div>
  )
}
