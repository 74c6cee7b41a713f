import { useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/window-api'

/** Placeholder page until the case UI lands. */
export function App() {
  const [info, setInfo] = useState<AppInfo>()

  useEffect(() => {
    // window.kiroku is missing when the page is opened outside Electron.
    window.kiroku?.appInfo().then(setInfo, () => setInfo(undefined))
  }, [])

  return (
    <main className="placeholder">
      <h1>Kiroku 記録</h1>
      <p>The case file screens are coming soon.</p>
      <p lang="ja">事件記録の画面は準備中です。</p>
      {info && (
        <p className="version">
          {info.name} {info.version} · Electron {info.electron}
        </p>
      )}
    </main>
  )
}
