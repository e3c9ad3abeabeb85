/** #/plan's status filter and the links between tasks and indicators (#/plan ↔ #/indicators). */
export const PLAN_LINK_STRINGS = {
  'planLinks.filterByStatus': { zh: '按进度筛选：', en: 'Filter by progress: ' },
  'planLinks.status.all': { zh: '全部', en: 'All' },
  'planLinks.status.none': { zh: '未更新', en: 'Not updated' },
  'planLinks.statusNote': {
    zh: '按每项任务最近一次报告的进度（整体或某一责任单位）；无人报告的为“未更新”。',
    en: 'By the latest progress reported for each task (for the whole task or one unit); “Not updated” where nobody has reported.',
  },
  'planLinks.shown': { zh: '显示 {shown} / {total} 项', en: 'Showing {shown} of {total} tasks' },
  'planLinks.noneShown': { zh: '没有符合条件的任务。', en: 'No task matches.' },
  'planLinks.indicators': { zh: '服务指标：', en: 'Indicators served: ' },
  'planLinks.noIndicators': { zh: '未关联指标', en: 'No linked indicator' },
  'planLinks.noIndicatorsNote': { zh: '（方案原文未将此项任务与指标挂钩）', en: ' (the plan ties this task to no indicator)' },
  'planLinks.tasks': { zh: '相关任务：', en: 'Tasks serving it: ' },
  'planLinks.noTasks': { zh: '未关联任务', en: 'No linked task' },
  'planLinks.noTasksNote': { zh: '（方案原文没有任务点明此指标）', en: ' (no task of the plan names this indicator)' },
  'planLinks.basis': { zh: '依据', en: 'Basis' },
  'upload.resource.task-indicators': { zh: '任务与服务指标', en: 'Task indicators' },
} satisfies Record<string, { zh: string; en: string }>
