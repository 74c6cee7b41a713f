// Shows the screen the session is on: start, unlock, or the open case.
import { useEffect } from 'react'
import { useFileRequests } from './hooks/useFileRequests'
import { useDocumentLanguage } from './i18n'
import { CaseScreen } from './screens/CaseScreen'
import { StartScreen } from './screens/StartScreen'
import { UnlockScreen } from './screens/UnlockScreen'
import { requestOpen } from './state/case-actions'
import { useSession } from './state/session'

export function App() {
  useDocumentLanguage()
  usePreventFileNavigation()
  useFileRequests(requestOpen)
  const screen = useSession((s) => s.screen)
  switch (screen.name) {
    case 'start':
      return <StartScreen />
    case 'unlock':
      return <UnlockScreen path={screen.path} lockedAfterIdle={screen.lockedAfterIdle ?? false} />
    case 'case':
      return <CaseScreen />
  }
}

/** A file dropped outside a drop zone would make the window navigate to it. */
function usePreventFileNavigation(): void {
  useEffect(() => {
    const prevent = (event: DragEvent) => event.preventDefault()
    window.addEventListener('dragover', prevent)
    window.addEventListener('drop', prevent)
    return () => {
      window.removeEventListener('dragover', prevent)
      window.removeEventListener('drop', prevent)
    }
  }, [])
}
