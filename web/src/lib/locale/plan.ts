/** The words of the plan page (#/plan): its tasks and their status, by key, in Chinese (first) and English (loaded with the modules that use them: web/src/lib/i18n.ts addStrings). */

export const PLAN_STRINGS = {
  // #/plan
  'plan.keyTasksAndResponsible': { zh: '重点工作与责任单位', en: 'Key tasks and responsible bodies' },
  'plan.intro': {
    zh: '工作方案“四、重点工作”与“五、保障措施”中的任务，责任单位按方案原文列出。',
    en: 'The tasks of the plan’s parts 四 (key tasks) and 五 (safeguards), with the responsible bodies as the plan writes them (task texts are in Chinese only).',
  },
  'plan.leadingGroup': { zh: '领导小组及其办公室', en: 'The leading group and its office' },
  'plan.officeRole': { zh: '：领导小组的日常办事机构。', en: ': the leading group’s standing office.' },
  'plan.memberBodies': { zh: '成员单位', en: 'Member bodies' },
  'plan.filterByResponsibleBody': { zh: '按责任单位筛选：', en: 'Filter by responsible body: ' },
  'plan.membersNote': {
    zh: '分配给“领导小组各成员单位”的任务计入每个成员单位。',
    en: 'Tasks given to 领导小组各成员单位 (every member of the leading group) count for every member.',
  },
  'plan.taskTextChinese': { zh: '任务原文', en: 'Task text (Chinese)' },
  'plan.progress': { zh: '进展：', en: 'Progress: ' },
  'plan.notReported': { zh: '未更新', en: 'not updated' },
  'plan.wholeTask': { zh: '整体', en: 'whole task' },
  'plan.evidence': { zh: '证明材料', en: 'evidence' },
  // #/plan (with placeholders)
  'plan.members': { zh: '：成员单位 {n} 个。', en: ': {n} member bodies.' },
  'plan.allTasks': { zh: '全部任务（{n} 项）', en: 'All tasks ({n})' },
  'plan.deptTasks': { zh: '{dept}：{n} 项任务', en: '{dept}: {n} tasks' },
  // The steward's button on this page (its form's words load with the form).
  'taskStatus.update': { zh: '更新进度', en: 'Report progress' },
} satisfies Record<string, { zh: string; en: string }>
