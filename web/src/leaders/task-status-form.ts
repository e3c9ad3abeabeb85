/**
 * The form on a plan task (#/plan) where a signed-in editor reports its progress: for the task as a
 * whole or, where the plan names several responsible units, for one of them; a status, a date (not in
 * the future), a short note and an optional evidence link (an http(s) URL, checked before sending).
 * The server's refusals show at their field. Loaded on first use (steward-hooks.ts imports it).
 */
import { ApiError, mutate } from '../api/client.ts'
import { SetPlanTaskStatusDocument, type SetPlanTaskStatusMutation } from '../api/generated-leaders.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { VALUES_STRINGS } from '../lib/locale/values.ts'
import { h } from '../ui/dom.ts'
import { TaskStatus, valuesOf } from '../../../schema/enum-values.ts'
import type { PlanDepartment, PlanTask } from './api.ts'

// The stewards' words (values, task status, upload) load with the pages that use them.
addStrings(VALUES_STRINGS)

export interface TaskStatusFormOptions {
  task: PlanTask
  departments: PlanDepartment[]
  /** After a save: the task's statuses as the server now has them, and the sentence to announce. */
  onSaved(statuses: SetPlanTaskStatusMutation['setPlanTaskStatus']['statuses'], notice: string): Promise<void>
  onCancel(): void
}

/** Today in China (UTC+8), YYYY-MM-DD, as the server judges "not in the future". */
export const todayInChina = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** Whether a link is a whole http or https URL (an empty one is no link, and fine). */
export function isEvidenceUrl(text: string): boolean {
  if (!text.trim()) return true
  try {
    const url = new URL(text.trim())
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname
  } catch {
    return false
  }
}

/** The responsible units of a task, in the plan's order, when it names more than one (each may report); none otherwise. */
export function reportingUnits(task: PlanTask, departments: PlanDepartment[]): PlanDepartment[] {
  const codes = [...new Set(task.responsibilities.map((r) => r.department?.code).filter((c): c is string => !!c))]
  const units = codes.map((c) => departments.find((d) => d.code === c)).filter((d): d is PlanDepartment => !!d)
  return units.length > 1 ? units : []
}

/** Builds the form. */
export function renderTaskStatusForm(o: TaskStatusFormOptions): HTMLFormElement {
  const { task } = o
  const id = `tsf-${task.code.replace(/\./g, '-')}`
  const error = (field: string) => h('p', { class: 'field-error', id: `${id}-${field}-error` })
  const errors = {
    department: error('department'),
    status: error('status'),
    date: error('date'),
    note: error('note'),
    evidenceUrl: error('evidenceUrl'),
    form: error('form'),
  }
  type Field = keyof typeof errors
  const described = (field: Field) => ({ 'aria-describedby': `${id}-${field}-error` })
  const units = reportingUnits(task, o.departments)
  const department = h(
    'select',
    { id: `${id}-department`, name: 'department', ...described('department') },
    h('option', { value: '' }, t('taskStatus.wholeTask')),
    units.map((d) => h('option', { value: d.code }, lang() === 'zh' ? d.nameZh : d.nameEn)),
  )
  const status = h(
    'select',
    { id: `${id}-status`, name: 'status', ...described('status') },
    valuesOf(TaskStatus).map((s) => h('option', { value: s, selected: s === 'IN_PROGRESS' }, enumLabel('TaskStatus', s, lang()))),
  )
  const date = h('input', { id: `${id}-date`, name: 'date', type: 'date', value: todayInChina(), max: todayInChina(), required: true, ...described('date') })
  const note = h('textarea', { id: `${id}-note`, name: 'note', rows: 2, maxlength: 500, ...described('note') })
  const evidence = h('input', {
    id: `${id}-evidenceUrl`,
    name: 'evidenceUrl',
    type: 'url',
    inputmode: 'url',
    placeholder: 'https://',
    ...described('evidenceUrl'),
  })
  const fieldOf: Record<Field, HTMLElement> = { department, status, date, note, evidenceUrl: evidence, form: status }
  const save = h('button', { type: 'submit', class: 'primary' }, t('values.save'))

  const showError = (field: Field, message: string) => {
    errors[field].textContent = message
    errors[field].setAttribute('role', 'alert')
    if (field !== 'form') fieldOf[field].setAttribute('aria-invalid', 'true')
    fieldOf[field].focus()
  }
  const clearErrors = () => {
    for (const [field, p] of Object.entries(errors) as [Field, HTMLElement][]) {
      p.textContent = ''
      p.removeAttribute('role')
      fieldOf[field].removeAttribute('aria-invalid')
    }
  }

  const onSubmit = async (event: Event) => {
    event.preventDefault()
    clearErrors()
    if (!date.value) return showError('date', t('taskStatus.dateRequired'))
    if (!isEvidenceUrl(evidence.value)) return showError('evidenceUrl', t('taskStatus.badUrl'))
    save.disabled = true
    try {
      const { setPlanTaskStatus } = await mutate(SetPlanTaskStatusDocument, {
        input: {
          task: task.code,
          department: department.value || null,
          status: status.value as TaskStatus,
          date: date.value,
          note: note.value.trim() || null,
          evidenceUrl: evidence.value.trim() || null,
        },
      })
      await o.onSaved(
        setPlanTaskStatus.statuses,
        tf('taskStatus.saved', { title: task.title, status: enumLabel('TaskStatus', status.value as TaskStatus, lang()) }),
      )
    } catch (e) {
      save.disabled = false
      if (!(e instanceof ApiError)) throw e
      const name = (typeof e.extensions.argument === 'string' ? e.extensions.argument : '').replace(/^input\./, '')
      showError(name in errors ? (name as Field) : 'form', tf('values.failed', { message: e.message }))
    }
  }

  return h(
    'form',
    { class: 'task-status-form', id, 'aria-labelledby': `${id}-title`, novalidate: true, onsubmit: (e: Event) => void onSubmit(e) },
    h('h5', { id: `${id}-title` }, tf('taskStatus.updateAbout', { title: task.title })),
    units.length ? h('p', {}, h('label', { for: `${id}-department` }, t('taskStatus.unit')), department, errors.department) : null,
    h('p', {}, h('label', { for: `${id}-status` }, t('taskStatus.status')), status, errors.status),
    h('p', {}, h('label', { for: `${id}-date` }, t('taskStatus.date')), date, errors.date),
    h('p', {}, h('label', { for: `${id}-note` }, t('taskStatus.note')), note, errors.note),
    h('p', {}, h('label', { for: `${id}-evidenceUrl` }, t('taskStatus.evidence')), evidence, errors.evidenceUrl),
    errors.form,
    h('p', { class: 'actions' }, save, ' ', h('button', { type: 'button', onclick: () => o.onCancel() }, t('values.cancel'))),
  )
}
