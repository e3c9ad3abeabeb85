/**
 * #/plan's filter by progress (chips with counts, kept in the address: web/src/lib/url-state.ts
 * `PlanQuery`) and the links between tasks and the indicators they serve, where the plan ties them:
 * a task lists its indicators (to #/indicators), an indicator card its tasks (back to #/plan).
 */
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { PLAN_STATUS_FILTERS, formatPlanQuery, type PlanStatusFilter } from '../lib/url-state.ts'
import { h } from '../ui/dom.ts'
import type { PlanIndicator, PlanTask } from './api.ts'
import { statusMark } from './indicator-summary.ts'
import { sourceIn } from '../lib/source-language.ts'
import { PLAN_LINK_STRINGS } from '../lib/locale/plan-links.ts'

addStrings(PLAN_LINK_STRINGS)

/** A task's progress for the filter: the status of its latest report (the whole task's first on the same day); `none` when nobody has reported. */
export function taskStatusOf(task: Pick<PlanTask, 'statuses'>): Exclude<PlanStatusFilter, 'all'> {
  let latest: PlanTask['statuses'][number] | undefined
  for (const s of task.statuses) if (!latest || s.date > latest.date) latest = s
  return latest ? latest.status : 'none'
}

/** The tasks the filter shows, in the plan's order. */
export function tasksWithStatus<T extends Pick<PlanTask, 'statuses'>>(tasks: T[], status: PlanStatusFilter): T[] {
  return status === 'all' ? tasks : tasks.filter((task) => taskStatusOf(task) === status)
}

const filterLabel = (s: PlanStatusFilter) => (s === 'all' || s === 'none' ? t(`planLinks.status.${s}`) : enumLabel('TaskStatus', s, lang()))

/**
 * The chips: 全部, 未更新 and each status, each with how many of `tasks` (the body's, when one is
 * chosen) it would show; the chosen one is pressed. Buttons, so Tab and Enter/Space reach them.
 */
export function renderStatusFilter(tasks: PlanTask[], chosen: PlanStatusFilter, onStatus: (s: PlanStatusFilter) => void): HTMLElement {
  return h(
    'div',
    { class: 'plan-status-filter', role: 'group', 'aria-labelledby': 'status-filter-label', 'aria-describedby': 'status-filter-note' },
    h('span', { id: 'status-filter-label' }, t('planLinks.filterByStatus')),
    PLAN_STATUS_FILTERS.map((s) =>
      h(
        'button',
        { type: 'button', class: 'chip', 'data-status': s, 'aria-pressed': String(s === chosen), onclick: () => onStatus(s) },
        `${filterLabel(s)} (${tasksWithStatus(tasks, s).length})`,
      ),
    ),
    h('p', { class: 'note', id: 'status-filter-note' }, t('planLinks.statusNote')),
  )
}

/** The sentence the page announces: 显示 5 / 19 项. */
export const shownLine = (shown: number, total: number): string => tf('planLinks.shown', { shown, total })

/** The element id of a task on #/plan. */
export const taskElementId = (code: string): string => `task-${code.replace(/\./g, '-')}`

/** A task's indicators as links to their cards on #/indicators, each with its status in words; 未关联指标 where the plan ties none. */
export function renderTaskIndicators(task: PlanTask): HTMLElement {
  if (!task.indicatorLinks.length) {
    return h('p', { class: 'task-indicators none' }, h('strong', {}, t('planLinks.noIndicators')), t('planLinks.noIndicatorsNote'))
  }
  return h(
    'div',
    { class: 'task-indicators' },
    h('span', {}, t('planLinks.indicators')),
    h(
      'ul',
      {},
      task.indicatorLinks.map(({ indicator: i, source, sourceZh }) =>
        h(
          'li',
          {},
          h('a', { href: `#/indicators?focus=${encodeURIComponent(i.code)}`, 'data-indicator': i.code }, lang() === 'zh' ? i.nameZh : i.nameEn),
          ' · ',
          statusMark(i.assessment.status),
          h('details', { class: 'basis' }, h('summary', {}, t('planLinks.basis')), h('p', { lang: 'zh-CN' }, sourceIn(source, sourceZh, lang()))),
        ),
      ),
    ),
  )
}

/** An indicator card's tasks as links back to them on #/plan; 未关联任务 where no task of the plan names it. */
export function renderIndicatorTasks(indicator: PlanIndicator): HTMLElement {
  if (!indicator.taskLinks.length) return h('p', { class: 'indicator-tasks none' }, t('planLinks.noTasks'), t('planLinks.noTasksNote'))
  return h(
    'div',
    { class: 'indicator-tasks' },
    h('span', {}, t('planLinks.tasks')),
    h(
      'ul',
      {},
      indicator.taskLinks.map(({ task, source, sourceZh }) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#/plan?${formatPlanQuery({ dept: null, status: 'all', focus: task.code })}`,
              'data-task': task.code,
              title: sourceIn(source, sourceZh, lang()),
            },
            `${task.part.slice(0, 1)}${task.sectionLabel ?? ''}${task.number ?? ''} ${task.title}`,
          ),
        ),
      ),
    ),
  )
}

/** After a page is drawn: scrolls to the element of `id` and moves the focus to its heading (a link's target). */
export function focusLater(id: string | null): void {
  if (!id) return
  requestAnimationFrame(() => {
    const target = document.getElementById(id)
    const heading = target?.querySelector<HTMLElement>('h4') ?? target
    if (!target || !heading) return
    heading.setAttribute('tabindex', '-1')
    target.scrollIntoView({ block: 'start' })
    heading.focus()
  })
}
