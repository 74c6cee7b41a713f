import { useEffect, useState } from 'react'

/** Placeholder page until the case UI lands. */
export function App() {
  const [version, setVersion] = useState<string>()

  useEffect(() => {
    // window.kiroku is missing when the page is opened outside Electron.
    window.kiroku?.invoke('app:info').then((r) => r.ok && setVersion(`${r.value.name} ${r.value.version}`))
  }, [])

  return (
    <main className="placeholder">
      <h1>Kiroku 記録</h1>
      <p>The case file screens are coming soon.</p>
      <p lang="ja">事件記録の画面は準備中です。</p>
      {version && <p className="version">{version}</p>}
    </main>
  )
}
