// The first screen: the urgent first steps (no case file needed), then
// recent case files, a new case, or another file to open.
import { useEffect, useState } from 'react'
import type { Output } from '../../../shared/ipc/contract'
import { useT } from '../i18n'
import { useFirstRunT, type UrgentStep } from '../i18n/first-run-messages'
import { call } from '../ipc'
import { useAction } from '../hooks/useAction'
import { caseFileNameOf, folderOf } from '../lib/paths'
import { goToUnlock } from '../state/case-actions'
import { useDirectory } from '../state/directory'
import { SourceList } from '../case/directory/DirectoryCard'
import { ErrorBox } from '../ui/ErrorBox'
import { NewCaseDialog } from './NewCaseDialog'
import { SettingsDialog } from './SettingsDialog'
import './first-run.css'

type RecentFile = Output<'recent:list'>[number]

export function StartScreen() {
  const t = useT()
  const f = useFirstRunT()
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
      <main className="start-main start-grid">
        <section aria-labelledby="urgent-heading" className="card urgent-steps">
          <h2 id="urgent-heading">{f.urgentTitle}</h2>
          <p className="urgent-intro">{f.urgentIntro}</p>
          <ol className="urgent-list">
            {f.urgentSteps.map((step) => (
              <li key={step.title}>
                <h3>{step.title}</h3>
                <p>{step.text}</p>
                {step.numbers && <NumberSources numbers={step.numbers} />}
              </li>
            ))}
          </ol>
          <p className="urgent-then">{f.urgentThen}</p>
        </section>
        <div className="start-files">
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
        </div>
      </main>
      {dialog === 'new' && <NewCaseDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && <SettingsDialog onClose={() => setDialog(null)} />}
    </div>
  )
}

/** Where the step's numbers come from: the directory's source for each and the day it was checked. */
function NumberSources({ numbers }: { numbers: NonNullable<UrgentStep['numbers']> }) {
  const directory = useDirectory()
  if (!directory) return null
  const sources = numbers.flatMap(({ entry, phone }) => directory.entries.find((e) => e.id === entry)?.contacts.filter((c) => c.phone === phone).map((c) => c.source) ?? [])
  return <SourceList sources={sources} className="urgent-sources" />
}
