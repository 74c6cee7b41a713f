// The buttons of a plan step: the form its action opens (a call note preset
// to the organisation of the right kind most recently contacted, evidence
// intake, the loss form, a preparation sheet) and "Mark done". Shared by the
// overview's "What next" and the plan tab.
import { useRef, useState } from 'react'
import type { OrganizationRole } from '../../../../shared/domain'
import type { PlanAction, PlanStepState, PrepAudience } from '../../../../shared/plans'
import { useLanguage, useT } from '../../i18n'
import { useGuideT } from '../../i18n/guide-messages'
import { organizationForRole } from '../../../../shared/step-evidence'
import { call } from '../../ipc'
import { describeError } from '../../lib/errors'
import { reload } from '../../state/case-actions'
import { showNotice, useCaseData } from '../../state/session'
import { CallNoteDialog, type CallNotePreset } from '../CallNoteDialog'
import { EvidenceFileInput } from '../evidence/EvidenceFileInput'
import { addEvidenceFiles } from '../evidence/evidence-intake'
import { LossForm } from '../lists/LossesPanel'
import { savePrepSheet, setStepDone } from './plan-actions'

/** Organisations a victim calls with the provider's preparation sheet at hand. */
const PROVIDER_ROLES: readonly OrganizationRole[] = ['platform', 'points_operator', 'card_issuer', 'bank']

/** Runs an action and shows its failure as a notice (these buttons have no form to show it in). */
export async function withNotice(work: () => Promise<void>, t: ReturnType<typeof useT>): Promise<void> {
  try {
    await work()
  } catch (error) {
    showNotice({ kind: 'error', text: describeError(error, t).join('\n') })
  }
}

interface StepActionsProps {
  step: PlanStepState
  title: string
  action?: PlanAction
  /** The overview shows the step's own button as the main one. */
  primary?: boolean
  /** False where the step has its own checkbox (the plan tab). */
  markDone?: boolean
}

export function StepActions({ step, title, action, primary, markDone = true }: StepActionsProps) {
  const t = useT()
  const language = useLanguage()
  const g = useGuideT()
  const { organizations, events } = useCaseData()
  const [callPreset, setCallPreset] = useState<CallNotePreset>()
  const [addingLoss, setAddingLoss] = useState(false)
  // The organisation a call from this step is about: the one of its role contacted last (none: a new one).
  const callee = action?.type === 'callNote' ? organizationForRole(action.role, organizations, events) : undefined
  const [busy, setBusy] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)

  const run = (work: () => Promise<void>) => async () => {
    setBusy(true)
    await withNotice(work, t)
    setBusy(false)
  }

  const prep = (audience: PrepAudience, role?: OrganizationRole) =>
    run(async () => {
      const organizationId = audience === 'provider' && role ? organizationForRole(role, organizations, events)?.id : undefined
      const path = await savePrepSheet(audience, language, organizationId)
      if (path) showNotice({ kind: 'info', text: t.plan.prepSaved(path) })
    })

  const addFiles = async (files: File[]) => {
    const added = await addEvidenceFiles(files, t, { ask: false })
    // The step names what the screenshots are; the user can change the caption later.
    const caption = action?.type === 'evidence' ? action.caption : undefined
    const uncaptioned = added.filter((e) => !e.caption)
    if (caption && uncaptioned.length) {
      for (const e of uncaptioned) await call('evidence:update', { id: e.id, value: { caption, capturedAt: e.capturedAt, private: e.private } })
      await reload('evidence')
    }
  }

  const mainClass = primary ? 'primary' : undefined
  return (
    <div className="step-actions">
      {action?.type === 'callNote' && (
        <button type="button" className={mainClass} onClick={() => setCallPreset({ role: action.role, organizationId: callee?.id, step: { state: step, title } })}>
          {t.plan.callNoteTo(callee?.name ?? t.roles[action.role])}
        </button>
      )}
      {action?.type === 'evidence' && (
        <>
          <button type="button" className={mainClass} onClick={() => fileInput.current?.click()} disabled={busy}>
            {t.plan.addEvidence}
          </button>
          <EvidenceFileInput ref={fileInput} hidden onFiles={(files) => void run(() => addFiles(files))()} />
        </>
      )}
      {action?.type === 'losses' && (
        <button type="button" className={mainClass} onClick={() => setAddingLoss(true)}>
          {g.recordLoss}
        </button>
      )}
      {action?.type === 'prepSheet' && (
        <button type="button" className={mainClass} onClick={prep(action.for)} disabled={busy}>
          {t.plan.prepSheet[action.for]}
        </button>
      )}
      {action?.type === 'callNote' && action.role === 'police' && (
        <button type="button" onClick={prep('police')} disabled={busy}>
          {t.plan.prepSheet.police}
        </button>
      )}
      {action?.type === 'callNote' && PROVIDER_ROLES.includes(action.role) && (
        <button type="button" onClick={prep('provider', action.role)} disabled={busy}>
          {t.plan.prepSheet.provider}
        </button>
      )}
      {markDone && !step.done && (
        <button type="button" className={action ? 'quiet' : mainClass} onClick={run(async () => {
            await setStepDone(step, true, language)
            showNotice({ kind: 'info', text: t.plan.stepDone })
          })} disabled={busy}>
          ✓ {t.plan.markDone}
        </button>
      )}
      {callPreset && <CallNoteDialog preset={callPreset} onClose={() => setCallPreset(undefined)} />}
      {addingLoss && <LossForm onClose={() => setAddingLoss(false)} />}
    </div>
  )
}
