// What the provider directory says about one organisation, read-only: who
// handles what, how to reach them, and each claim rule with its window,
// what must be done first, and how old the knowledge is. Phone numbers and
// web addresses are text, never links: the app is offline, and the user
// decides where to type them.
import type { DirectoryEntry, DirectoryRule } from '../../../../shared/directory'
import { RULE_FRESH_DAYS } from '../../../../shared/directory'
import { daysBetween } from '../../../../shared/followups'
import { useLanguage } from '../../i18n'
import { useDirectoryT } from '../../i18n/directory-messages'
import { formatDay } from '../../lib/dates'
import { useToday } from '../../state/today'
import { Dialog } from '../../ui/Dialog'
import '../../styles/directory.css'

export const entryName = (entry: DirectoryEntry, language: 'ja' | 'en') => entry.names[language][0]

export function DirectoryCardDialog({ entry, organization, onClose }: { entry: DirectoryEntry; organization: string; onClose: () => void }) {
  const d = useDirectoryT()
  return (
    <Dialog title={d.directoryCardTitle(organization)} onClose={onClose} size="large">
      <DirectoryCard entry={entry} />
    </Dialog>
  )
}

export function DirectoryCard({ entry }: { entry: DirectoryEntry }) {
  const d = useDirectoryT()
  const language = useLanguage()
  return (
    <div className="directory-card">
      <p className="directory-entry-name">
        <strong>{entryName(entry, language)}</strong>
        {entry.names[language].length > 1 && <span className="muted"> · {entry.names[language].slice(1).join(' · ')}</span>}
      </p>
      {entry.formerNames.map((former) => (
        <p key={former.name} className="hint">
          {d.formerly(former.name, formatDay(former.until, language))}
        </p>
      ))}
      <h3>{d.handles}</h3>
      <p>{entry.handles[language]}</p>

      <h3>{d.contacts}</h3>
      {entry.contacts.length === 0 ? (
        <p className="muted">{d.noContacts}</p>
      ) : (
        <ul className="plain-list directory-contacts">
          {entry.contacts.map((contact, i) => (
            <li key={i}>
              <span className="directory-contact-label">{contact.label[language]}</span>
              {contact.phone && (
                <span>
                  {d.phone}{d.colon}<span className="selectable">{contact.phone}</span>
                </span>
              )}
              {contact.hours && (
                <span className="muted">
                  {d.hours}{d.colon}{contact.hours[language]}
                </span>
              )}
              {contact.url && (
                <span className="directory-url">
                  {d.webPage}{d.colon}<span className="selectable">{contact.url}</span>
                </span>
              )}
              <AsOf checked={contact.source.checked} contact />
            </li>
          ))}
        </ul>
      )}

      {entry.rules.length > 0 && (
        <>
          <h3>{d.rules}</h3>
          {entry.rules.map((rule) => (
            <RuleCard key={rule.id} rule={rule} />
          ))}
        </>
      )}
    </div>
  )
}

export function RuleCard({ rule }: { rule: DirectoryRule }) {
  const d = useDirectoryT()
  const language = useLanguage()
  return (
    <section className="directory-rule" aria-label={rule.title[language]}>
      <h4>{rule.title[language]}</h4>
      <p className="directory-window">{rule.window ? d.window(rule.window.days, rule.window.from) : d.noWindow}</p>
      <p>{rule.summary[language]}</p>
      {rule.prerequisites.length > 0 && (
        <>
          <h5>{d.prerequisites}</h5>
          <ul>
            {rule.prerequisites.map((p) => (
              <li key={p}>{d.prerequisite(p)}</li>
            ))}
          </ul>
        </>
      )}
      <h5>{d.howToApply}</h5>
      <p>{rule.howToApply[language]}</p>
      <AsOf checked={rule.source.checked} url={rule.source.url} />
    </section>
  )
}

/**
 * "As of DATE — confirm with the provider" (a rule) or "Checked on DATE" (a
 * contact), the source as text, and "possibly out of date" once it is old.
 */
export function AsOf({ checked, url, contact }: { checked: string; url?: string; contact?: boolean }) {
  const d = useDirectoryT()
  const language = useLanguage()
  const today = useToday((s) => s.today)
  const stale = daysBetween(checked, today) > RULE_FRESH_DAYS
  return (
    <p className={`as-of${stale ? ' as-of-stale' : ''}`}>
      {stale && <span className="badge badge-warning">{d.stale}</span>}
      <span>{(contact ? d.contactAsOf : d.asOf)(formatDay(checked, language))}</span>
      {url && (
        <span className="as-of-source">
          {d.source}{d.colon}<span className="selectable">{url}</span>
        </span>
      )}
    </p>
  )
}

/** Sources with the day each was checked, each source once. */
export function SourceList({ sources, className }: { sources: ReadonlyArray<{ url: string; checked: string }>; className: string }) {
  const unique = sources.filter((source, i) => sources.findIndex((s) => s.url === source.url) === i)
  if (!unique.length) return null
  return (
    <div className={className}>
      {unique.map((source) => (
        <AsOf key={source.url} checked={source.checked} url={source.url} contact />
      ))}
    </div>
  )
}
