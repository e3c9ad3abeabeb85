/** #/plan: the plan's key tasks by section with their responsible bodies as written; a filter by body. */
import { lang } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { PlanDepartment, PlanTask } from './api.ts'
import { L } from './common.ts'

const deptName = (d: PlanDepartment) => (lang() === 'zh' ? d.nameZh : d.nameEn)

/** The tasks a body is responsible for (directly or through a group it belongs to), in the plan's order. */
export function tasksOf(tasks: PlanTask[], dept: PlanDepartment | undefined): PlanTask[] {
  if (!dept) return tasks
  const codes = new Set(dept.tasks.map((t) => t.code))
  return tasks.filter((t) => codes.has(t.code))
}

/** The page's content; `deptCode` null shows every task. */
export function renderPlanPage(tasks: PlanTask[], departments: PlanDepartment[], deptCode: string | null, onDept: (code: string | null) => void): HTMLElement {
  const dept = departments.find((d) => d.code === deptCode)
  const shown = tasksOf(tasks, dept)
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
    h('h2', { id: 'page-title', tabindex: '-1' }, L('重点工作与责任单位', 'Key tasks and responsible bodies')),
    h('p', { class: 'hint' }, L('工作方案“四、重点工作”与“五、保障措施”中的任务，责任单位按方案原文列出。', 'The tasks of the plan’s parts 四 (key tasks) and 五 (safeguards), with the responsible bodies as the plan writes them (task texts are in Chinese only).')),
    group
      ? h(
          'section',
          { class: 'leading-group', 'aria-labelledby': 'group-title' },
          h('h3', { id: 'group-title' }, L('领导小组及其办公室', 'The leading group and its office')),
          h('p', {}, h('strong', {}, deptName(group)), L(`：成员单位 ${group.members.length} 个。`, `: ${group.members.length} member bodies.`)),
          office ? h('p', {}, h('strong', {}, deptName(office)), L('：领导小组的日常办事机构。', ': the leading group’s standing office.')) : null,
          h('details', {}, h('summary', {}, L('成员单位', 'Member bodies')), h('ul', { class: 'members' }, group.members.map((m) => departments.find((d) => d.code === m.code)).filter((d): d is PlanDepartment => !!d).map((d) => h('li', {}, deptName(d))))),
        )
      : null,
    h(
      'div',
      { class: 'plan-filter' },
      h('label', { for: 'dept-filter' }, L('按责任单位筛选：', 'Filter by responsible body: ')),
      h(
        'select',
        { id: 'dept-filter', onchange: (e: Event) => onDept((e.target as HTMLSelectElement).value || null) },
        h('option', { value: '' }, L(`全部任务（${tasks.length} 项）`, `All tasks (${tasks.length})`)),
        departments.map((d) => h('option', { value: d.code, selected: d.code === deptCode }, `${deptName(d)} (${d.tasks.length})`)),
      ),
      h('p', { class: 'note', id: 'dept-filter-note' }, L('分配给“领导小组各成员单位”的任务计入每个成员单位。', 'Tasks given to 领导小组各成员单位 (every member of the leading group) count for every member.')),
      h('p', { role: 'status', id: 'plan-count' }, dept ? L(`${deptName(dept)}：${shown.length} 项任务`, `${deptName(dept)}: ${shown.length} tasks`) : L(`共 ${shown.length} 项任务`, `${shown.length} tasks`)),
    ),
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
          list.map((t) =>
            h(
              'li',
              { class: 'task', 'data-code': t.code, value: t.number ?? undefined },
              h('h4', {}, `${t.number ? `${t.number}. ` : ''}${t.title}`),
              h('p', { class: 'responsible' }, t.responsibilityAsWritten ?? t.responsibilities.map((r) => r.asWritten).join('、')),
              h('details', {}, h('summary', {}, L('任务原文', 'Task text (Chinese)')), h('p', { lang: 'zh-CN' }, t.text)),
            ),
          ),
        ),
      )
    }),
  )
}
