// The victim's own details on the overview: name, address, phone and e-mail,
// which the police dossier and the letters print first. Edited with the same
// form as in the letter dialog (sharing/VictimDetailsForm); when nothing is
// recorded the card says what needs them.
import { useState } from 'react'
import type { Victim } from '../../../shared/domain'
import { useGuideT } from '../i18n/guide-messages'
import { useLetterT } from '../i18n/letter-messages'
import { useCaseData } from '../state/session'
import { VictimDetailsForm } from './sharing/VictimDetailsForm'
import '../styles/guide.css'

const FIELDS = ['name', 'address', 'phone', 'email'] as const satisfies ReadonlyArray<keyof Victim>
/** What the police dossier cannot do without; the e-mail is welcome but optional. */
const NEEDED = ['name', 'address', 'phone'] as const satisfies ReadonlyArray<keyof Victim>

export function VictimCard() {
  const g = useGuideT()
  const L = useLetterT()
  const { record } = useCaseData()
  const [editing, setEditing] = useState(false)
  const victim = record.victim
  const recorded = FIELDS.filter((f) => victim[f]?.trim())
  const missing = NEEDED.filter((f) => !victim[f]?.trim())

  return (
    <section className="card victim-card" aria-labelledby="overview-victim">
      <h2 id="overview-victim">{g.victimTitle}</h2>
      {editing ? (
        <VictimDetailsForm onDone={() => setEditing(false)} intro={g.victimIntro} hideTitle />
      ) : (
        <>
          {recorded.length === 0 ? (
            <p className="victim-missing">{g.victimMissing}</p>
          ) : (
            <>
              <dl className="victim-list">
                {recorded.map((f) => (
                  <div key={f}>
                    <dt>{L[f]}</dt>
                    <dd>
                      <bdi>{victim[f]}</bdi>
                    </dd>
                  </div>
                ))}
              </dl>
              {missing.length > 0 && <p className="victim-missing">{g.victimPartly(missing.map((f) => L[f]).join(g.listJoin))}</p>}
            </>
          )}
          <div className="actions">
            <button type="button" className={recorded.length === 0 ? 'primary' : undefined} onClick={() => setEditing(true)}>
              {recorded.length === 0 ? g.addVictim : g.editVictim}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
