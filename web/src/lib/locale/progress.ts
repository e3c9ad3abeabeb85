/** The words of the progress engine on #/indicators (the summary at the top, each card's status and its reason), by key, in Chinese (first) and English. */

export const PROGRESS_STRINGS = {
  // Status words (the badge's shape comes from web/src/leaders/indicator-summary.ts).
  'progress.status.ACHIEVED': { zh: '已实现目标', en: 'Achieved' },
  'progress.status.ON_TRACK': { zh: '进度正常', en: 'On track' },
  'progress.status.ACCELERATION_NEEDED': { zh: '需要加快', en: 'Acceleration needed' },
  'progress.status.LIMITED_PROGRESS': { zh: '进展有限', en: 'Limited progress' },
  'progress.status.DETERIORATION': { zh: '出现倒退', en: 'Deterioration' },
  'progress.status.NO_DATA': { zh: '无数据', en: 'No data' },
  'progress.status.NOT_ASSESSABLE': { zh: '无法评估', en: 'Not assessable' },
  // The summary.
  'progress.summaryTitle': { zh: '进展概览', en: 'Where we stand' },
  'progress.nothingReported': {
    zh: '尚未上报任何实际值：全部 {n} 项指标均为“无数据”，目前无法判断是否按计划推进。',
    en: 'Nothing has been reported yet: none of the {n} indicators has an actual value, so none can be judged on track or behind.',
  },
  'progress.someReported': {
    zh: '{n} 项指标中，{reported} 项已有实际值，{none} 项尚无数据。',
    en: 'Of the {n} indicators, {reported} have an actual value and {none} have none yet.',
  },
  'progress.statusCaption': { zh: '各状态的指标数（全市）', en: 'Indicators per status (the county)' },
  'progress.statusColumn': { zh: '状态', en: 'Status' },
  'progress.countColumn': { zh: '指标数', en: 'Indicators' },
  'progress.yearsCaption': { zh: '各年上报情况（全市）', en: 'Reported per year (the county)' },
  'progress.yearColumn': { zh: '年份', en: 'Year' },
  'progress.reportedColumn': { zh: '已上报实际值', en: 'With an actual' },
  'progress.expectedColumn': { zh: '方案设有节点或目标', en: 'With a milestone or target' },
  'progress.needAcceleration': { zh: '需要加快进度的指标', en: 'Indicators that need to speed up' },
  'progress.noneNeedAcceleration': {
    zh: '已有实际值的指标中，没有需要加快、进展有限或倒退的。',
    en: 'None of the indicators with an actual needs acceleration, shows limited progress or is deteriorating.',
  },
  'progress.nothingToJudge': { zh: '尚无实际值，无从判断哪些指标需要加快。', en: 'With no actual reported, no indicator can be said to need speeding up.' },
  'progress.overdueTitle': { zh: '逾期未报（节点年份已过仍无实际值）', en: 'Overdue (a milestone year has passed with no actual)' },
  'progress.overdueCount': { zh: '{n} 项指标共 {years} 个年份逾期未报：', en: '{n} indicators, {years} years in all, are overdue:' },
  'progress.noneOverdue': { zh: '没有逾期未报的年份。', en: 'No year is overdue.' },
  'progress.overdueItem': { zh: '{name}（{years}年）', en: '{name} ({years})' },
  'progress.yearsJoin': { zh: '、', en: ', ' },
  'progress.method': {
    zh: '方法：比较自基数以来的实际年均增速与达到目标所需的年均增速（Open SDG / 加拿大统计局方法）；比值 ≥ 0.95 为进度正常，0.6–0.95 需要加快，0–0.6 进展有限，小于 0 为倒退。',
    en: 'Method: the annual rate observed since the baseline against the annual rate the target needs (Open SDG / Statistics Canada); a ratio of ≥ 0.95 is on track, 0.6–0.95 needs acceleration, 0–0.6 is limited progress, below 0 deterioration.',
  },
  // Each card's reason, in words.
  'progress.cardStatus': { zh: '进展评估：{status}。', en: 'Assessment: {status}.' },
  'progress.reason.noData': { zh: '尚无实际值，无法评估进度。', en: 'No actual value yet: progress cannot be judged.' },
  'progress.reason.achieved': { zh: '{year}年实际值 {value} 已达到目标（{target}）。', en: 'The {year} actual, {value}, meets the target ({target}).' },
  'progress.reason.noBasis': {
    zh: '已有实际值（{year}年 {value}），但方案未给出可比的基数或目标，无法计算进度。',
    en: 'There is an actual ({value}, {year}), but no baseline or target to measure it against: progress cannot be computed.',
  },
  'progress.reason.tooEarly': {
    zh: '实际值（{year}年 {value}）不晚于基数年份（{baseYear}年），尚无法计算年均变化。',
    en: 'The actual ({value}, {year}) is not later than the baseline year ({baseYear}): there is no annual rate yet.',
  },
  'progress.reason.rates': {
    zh: '自基数（{baseYear}年 {base}）至{year}年（{value}），年均{observed}；要在{targetYear}年达到目标（{target}），需年均{required}；二者之比 {ratio}。',
    en: 'From the baseline ({base}, {baseYear}) to {year} ({value}): {observed} a year; reaching the target ({target}) by {targetYear} needs {required} a year; ratio {ratio}.',
  },
  'progress.reason.growth': { zh: '增长 {rate}', en: 'growth of {rate}' },
  'progress.reason.change': { zh: '变化 {rate}', en: 'a change of {rate}' },
  'progress.reason.remaining': { zh: '此后剩余 {left} 年需年均{rate}。', en: 'In the {left} year(s) left it needs {rate} a year.' },
  'progress.reason.projected': { zh: '按当前速度，{year}年达到目标。', en: 'At the current pace the target is reached in {year}.' },
  'progress.reason.never': { zh: '按当前速度无法达到目标。', en: 'At the current pace the target is never reached.' },
  'progress.reason.milestoneMet': { zh: '达到方案{year}年节点（{milestone}）。', en: "It meets the plan's {year} milestone ({milestone})." },
  'progress.reason.milestoneMissed': { zh: '未达到方案{year}年节点（{milestone}）。', en: "It misses the plan's {year} milestone ({milestone})." },
  'progress.reason.baselineFromMilestone': {
    zh: '方案未给出基数与目标，以{baseYear}年节点为起点、{targetYear}年节点为终点。',
    en: 'The plan gives no baseline or target: its {baseYear} milestone is taken as the start and its {targetYear} milestone as the end.',
  },
  'progress.reason.range': {
    zh: '{year}年实际值 {value}，{inOut}目标范围（{range}）内。每年按范围判断，{targetYear}年前不作趋势评估。',
    en: 'The {year} actual, {value}, is {inOut} the target range ({range}). Each year is judged against the range; there is no trend to assess before {targetYear}.',
  },
  'progress.reason.inside': { zh: '在', en: 'inside' },
  'progress.reason.outside': { zh: '不在', en: 'outside' },
} as const
