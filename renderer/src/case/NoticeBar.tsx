// One line telling the result of the last action (saved, added, refused…).
import { useEffect } from 'react'
import { useT } from '../i18n'
import { showNotice, useSession } from '../state/session'
import { IntakePrompt } from './evidence/IntakePrompt'

const INFO_SECONDS = 8

export function NoticeBar() {
  const t = useT()
  const notice = useSession((s) => s.notice)

  // Good news fades after a while; a refusal, or a question, stays until dismissed.
  useEffect(() => {
    if (notice?.kind !== 'info' || notice.intake?.length) return
    const timer = setTimeout(() => showNotice(null), (notice.action ? 3 : 1) * INFO_SECONDS * 1000)
    return () => clearTimeout(timer)
  }, [notice])

  return (
    <div className="notice-slot">
      {/* The live regions stay mounted so screen readers announce changes. */}
      <div className={notice?.kind === 'info' ? 'notice notice-info' : 'visually-hidden'}>
        <div role="status">{notice?.kind === 'info' && notice.text}</div>
        {notice?.kind === 'info' && notice.intake?.length ? <IntakePrompt key={notice.intake.join(',')} evidenceIds={notice.intake} /> : null}
      </div>
      <div role="alert" className={notice?.kind === 'error' ? 'notice notice-error' : 'visually-hidden'}>
        {notice?.kind === 'error' && notice.text}
      </div>
      {notice?.action && (
        <button type="button" className="small notice-action" onClick={() => void Promise.resolve(notice.action!.run()).catch((e: unknown) => showNotice({ kind: 'error', text: String(e instanceof Error ? e.message : e) }))}>
          {notice.action.label}
        </button>
      )}
      {notice && (
        <button type="button" className="icon-button notice-close" onClick={() => showNotice(null)} aria-label={t.close}>
          ✕
        </button>
      )}
    </div>
  )
}
