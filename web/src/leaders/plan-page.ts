/** #/plan: the plan's key tasks by section with their responsible bodies as written; a filter by body. */
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import { h } from '../ui/dom.ts'
import type { PlanStatusFilter } from '../lib/url-state.ts'
import type { PlanDepartment, PlanTask } from './api.ts'
import { renderStatusFilter, renderTaskIndicators, shownLine, taskElementId, taskStatusOf, tasksWithStatus } from './plan-links.ts'
import { PLAN_LINK_STRINGS } from '../lib/locale/plan-links.ts'
import { PLAN_STRINGS } from '../lib/locale/plan.ts'

addStrings(PLAN_LINK_STRINGS)
addStrings(PLAN_STRINGS)

// The stewards' words (values, task status, upload) load with the pages that use them.

const deptName = (d: PlanDepartment) => (lang() === 'zh' ? d.nameZh : d.nameEn)

/** A task's reported statuses in words (per unit where reported per unit); 未报告 / not reported when nobody has reported. */
function progressLine(task: PlanTask, departments: PlanDepartment[]): HTMLElement {
  if (!task.statuses.length) return h('p', { class: 'progress not-reported' }, t('plan.progress'), t('plan.notReported'))
  return h(
    'ul',
    { class: 'progress' },
    task.statuses.map((s) => {
      const dept = s.department && departments.find((d) => d.code === s.department!.code)
      const who = dept ? deptName(dept) : t('plan.wholeTask')
      return h(
        'li',
        { 'data-status': s.status },
        `${t('plan.progress')}${who} · ${enumLabel('TaskStatus', s.status, lang())} · ${s.date}${s.note ? ` · ${s.note}` : ''}`,
        s.evidenceUrl ? [' · ', h('a', { href: s.evidenceUrl, rel: 'noopener noreferrer nofollow', target: '_blank' }, t('plan.evidence'))] : null,
      )
    }),
  )
}

/** The tasks a body is responsible for (directly or through a group it belongs to), in the plan's order. */
export function tasksOf(tasks: PlanTask[], dept: PlanDepartment | undefined): PlanTask[] {
  if (!dept) return tasks
  const codes = new Set(dept.tasks.map((t) => t.code))
  return tasks.filter((t) => codes.has(t.code))
}

/** What a signed-in editor gets on each task: "更新进度" opening the form (web/src/leaders/task-status-form.ts) in `mount`, and the last report's notice. */
export interface TaskStatusHooks {
  open(task: PlanTask, mount: HTMLElement, button: HTMLButtonElement): void
  notice: { code: string; text: string } | null
}

function statusBlock(task: PlanTask, entry: TaskStatusHooks): HTMLElement {
  const key = `task-${task.code.replace(/\./g, '-')}`
  const mount = h('div', { class: 'task-status-entry', id: `${key}-entry`, 'data-keep-open': '' })
  const button: HTMLButtonElement = h(
    'button',
    { type: 'button', class: 'report-status', 'aria-expanded': 'false', 'aria-controls': mount.id, onclick: () => entry.open(task, mount, button) },
    t('taskStatus.update'),
  )
  const notice = entry.notice?.code === task.code ? entry.notice.text : ''
  return h('div', { class: 'steward' }, h('p', {}, button), h('p', { role: 'status', class: 'saved-notice', id: `${key}-saved` }, notice), mount)
}

/** #/plan's filter by progress: the status shown (`all`: every task) and what a chip does. */
export interface StatusFilterHooks {
  status: PlanStatusFilter
  onStatus(status: PlanStatusFilter): void
}

/**
 * The page's content; `deptCode` null shows every task; `entry` (signed-in editors) adds the status form to each task;
 * `filter` the chips filtering by progress (every task shown without it).
 */
export function renderPlanPage(
  tasks: PlanTask[],
  departments: PlanDepartment[],
  deptCode: string | null,
  onDept: (code: string | null) => void,
  entry: TaskStatusHooks | null = null,
  filter: StatusFilterHooks | null = null,
): HTMLElement {
  const dept = departments.find((d) => d.code === deptCode)
  const ofDept = tasksOf(tasks, dept)
  const shown = tasksWithStatus(ofDept, filter?.status ?? 'all')
  const group = departments.find((d) => d.kind === 'LEADING_GROUP')
  const office = departments.find((d) => d.kind === 'OFFICE')
  const sections = new Map<string, PlanTask[]>()
  for (const t of shown) {
    const key = `${t.part}${t.sectionLabel ?? ''}`
    sections.set(key, [...(sections.get(key) ?? []), t])
  }
  return h(
    'div',
    { class: 'leaders plan-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, t('plan.keyTasksAndResponsible')),
    h('p', { class: 'hint' }, t('plan.intro')),
    group
      ? h(
          'section',
          { class: 'leading-group', 'aria-labelledby': 'group-title' },
          h('h3', { id: 'group-title' }, t('plan.leadingGroup')),
          h('p', {}, h('strong', {}, deptName(group)), tf('plan.members', { n: group.members.length })),
          office ? h('p', {}, h('strong', {}, deptName(office)), t('plan.officeRole')) : null,
          h(
            'details',
            {},
            h('summary', {}, t('plan.memberBodies')),
            h(
              'ul',
              { class: 'members' },
              group.members
                .map((m) => departments.find((d) => d.code === m.code))
                .filter((d): d is PlanDepartment => !!d)
                .map((d) => h('li', {}, deptName(d))),
            ),
          ),
        )
      : null,
    h(
      'div',
      { class: 'plan-filter' },
      h('label', { for: 'dept-filter' }, t('plan.filterByResponsibleBody')),
      h(
        'select',
        { id: 'dept-filter', onchange: (e: Event) => onDept((e.target as HTMLSelectElement).value || null) },
        h('option', { value: '' }, tf('plan.allTasks', { n: tasks.length })),
        departments.map((d) => h('option', { value: d.code, selected: d.code === deptCode }, `${deptName(d)} (${d.tasks.length})`)),
      ),
      h('p', { class: 'note', id: 'dept-filter-note' }, t('plan.membersNote')),
      filter ? renderStatusFilter(ofDept, filter.status, (s) => filter.onStatus(s)) : null,
      h(
        'p',
        { role: 'status', id: 'plan-count' },
        dept ? `${tf('plan.deptTasks', { dept: deptName(dept), n: ofDept.length })} ` : '',
        shownLine(shown.length, tasks.length),
      ),
    ),
    shown.length ? null : h('p', { class: 'hint' }, t('planLinks.noneShown')),
    [...sections.values()].map((list) => {
      const first = list[0]
      const id = `sec-${first.code.replace(/\.\d+$/, '').replace(/\./g, '-')}`
      return h(
        'section',
        { class: 'plan-section', 'aria-labelledby': id },
        h('h3', { id }, `${first.part}${first.sectionLabel ?? ''}${first.sectionTitle ?? ''}`),
        h(
          'ol',
          { class: 'tasks' },
          list.map((task) =>
            h(
              'li',
              { class: 'task', id: taskElementId(task.code), 'data-code': task.code, 'data-status': taskStatusOf(task), value: task.number ?? undefined },
              h('h4', {}, `${task.number ? `${task.number}. ` : ''}${task.title}`),
              h('p', { class: 'responsible' }, task.responsibilityAsWritten ?? task.responsibilities.map((r) => r.asWritten).join('、')),
              progressLine(task, departments),
              renderTaskIndicators(task),
              entry ? statusBlock(task, entry) : null,
              h('details', {}, h('summary', {}, t('plan.taskTextChinese')), h('p', { lang: 'zh-CN' }, task.text)),
            ),
          ),
        ),
      )
    }),
  )
}
