// The New case dialog's choice of recovery plan: by default the plan for
// the kind chosen above it, or another kind's, or none.
import { CASE_KINDS, type CaseKind } from '../../../../shared/domain'
import { useT } from '../../i18n'
import { usePlanFile } from '../../state/plans'

export const PLAN_SAME = 'same'
export const PLAN_NONE = 'none'

/** The plan the form asks for: a kind, or undefined for none. */
export function chosenPlan(value: FormDataEntryValue | null, caseKind: CaseKind): CaseKind | undefined {
  if (value === PLAN_NONE) return undefined
  if (value === null || value === PLAN_SAME) return caseKind
  return (CASE_KINDS as readonly string[]).includes(String(value)) ? (value as CaseKind) : caseKind
}

export function PlanChoice() {
  const t = useT()
  const file = usePlanFile()
  return (
    <label className="field">
      <span>{t.plan.choice}</span>
      <select name="plan" defaultValue={PLAN_SAME}>
        <option value={PLAN_SAME}>{t.plan.choiceSame}</option>
        <option value={PLAN_NONE}>{t.plan.choiceNone}</option>
        <optgroup label={t.plan.choiceOther}>
          {CASE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {file?.kinds[kind].title ?? t.caseKinds[kind]}
            </option>
          ))}
        </optgroup>
      </select>
      <small className="hint">{t.plan.choiceHint}</small>
    </label>
  )
}
