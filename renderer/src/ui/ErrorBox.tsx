// Shows what went wrong, announced to screen readers at once.
import { useT } from '../i18n'
import { describeError } from '../lib/errors'

export function ErrorBox({ error }: { error: unknown }) {
  const t = useT()
  if (error === undefined || error === null) return null
  const lines = describeError(error, t)
  return (
    <div role="alert" className="error-box">
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  )
}
