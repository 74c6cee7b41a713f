// The app's own form checks. Forms carry noValidate, so the browser's bubble
// (in the OS language, away from the layout) never shows; on submit these
// read each field's constraints (required, min, pattern, type…) and put a
// message in the app's language under the field, with aria-invalid and
// aria-describedby, and focus the first one.
import type { IntakeMessages } from '../i18n/intake-messages'
import { OFFSET_PATTERN } from '../lib/dates'

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

export interface FieldProblem {
  name: string
  message: string
}

const ERROR_CLASS = 'field-error'

function controlsOf(form: HTMLFormElement): Control[] {
  return [...form.elements].filter(
    (e): e is Control => (e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement) && !!e.name && !e.disabled,
  )
}

/** Why one control is not acceptable, in the app's language; undefined when it is. */
export function problemOf(control: Control, m: IntakeMessages): string | undefined {
  const v = control.validity
  const type = control instanceof HTMLInputElement ? control.type : ''
  const isDate = type === 'date' || type === 'datetime-local'
  // A date or number typed halfway reads as empty with badInput set.
  if (v.badInput) return isDate ? m.checkDate : m.checkNumber
  if (v.valueMissing || (control.required && type !== 'checkbox' && !control.value.trim())) return isDate ? m.checkDate : m.checkRequired
  if (v.typeMismatch) return type === 'email' ? m.checkEmail : type === 'url' ? m.checkUrl : m.checkPattern
  if (v.patternMismatch) return control instanceof HTMLInputElement && control.pattern === OFFSET_PATTERN ? m.checkOffset : m.checkPattern
  const input = control as HTMLInputElement
  if (v.rangeUnderflow || v.rangeOverflow) {
    if (isDate && input.min && input.max) return m.checkDateRange(input.min.slice(0, 10), input.max.slice(0, 10))
    return v.rangeUnderflow ? m.checkAtLeast(input.min) : m.checkAtMost(input.max)
  }
  if (v.stepMismatch) return m.checkWholeNumber
  if (v.tooLong) return m.checkTooLong(input.maxLength)
  return undefined
}

/** Every field's problem, in the order of the form. */
export function checkForm(form: HTMLFormElement, m: IntakeMessages): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const control of controlsOf(form)) {
    const message = problemOf(control, m)
    if (message && !problems.some((p) => p.name === control.name)) problems.push({ name: control.name, message })
  }
  return problems
}

const errorId = (formId: string, name: string) => `${formId}-${name}-error`

/**
 * Shows the problems at their fields (and clears the others): a message right
 * after the field's control, tied to it by aria-describedby, and
 * aria-invalid="true" on the control. Focuses the first when asked.
 */
export function showProblems(form: HTMLFormElement, formId: string, problems: readonly FieldProblem[], focusFirst: boolean): void {
  for (const control of controlsOf(form)) {
    const problem = problems.find((p) => p.name === control.name)
    const id = errorId(formId, control.name)
    const described = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id)
    let message = form.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)
    if (!problem) {
      if (control.getAttribute('aria-invalid') === 'true') control.removeAttribute('aria-invalid')
      if (described.length) control.setAttribute('aria-describedby', described.join(' '))
      else control.removeAttribute('aria-describedby')
      message?.remove()
      continue
    }
    if (!message) {
      message = document.createElement('span')
      message.id = id
      message.className = ERROR_CLASS
      // Read as the control's description; kept out of the label's name, which it would otherwise join.
      message.setAttribute('aria-hidden', 'true')
      // Inside the field's label, after what React renders there.
      ;(control.closest('.field') ?? control.parentElement)?.append(message)
    }
    message.textContent = problem.message
    control.setAttribute('aria-invalid', 'true')
    control.setAttribute('aria-describedby', [...described, id].join(' '))
  }
  if (focusFirst && problems.length) {
    const first = controlsOf(form).find((c) => c.name === problems[0].name)
    first?.focus()
  }
}

/** A field's message goes as soon as it is edited; the next save checks it again. */
export function clearProblemOf(form: HTMLFormElement, formId: string, target: EventTarget | null): void {
  if (!(target instanceof HTMLElement) || !('name' in target)) return
  const control = target as Control
  if (control.getAttribute('aria-invalid') !== 'true') return
  const kept = controlsOf(form)
    .filter((c) => c !== control && c.getAttribute('aria-invalid') === 'true')
    .map((c) => ({ name: c.name, message: form.querySelector(`[id="${CSS.escape(errorId(formId, c.name))}"]`)?.textContent ?? '' }))
  showProblems(form, formId, kept, false)
}
