/** The words of the indicators page (#/indicators): its cards, charts and values, by key, in Chinese (first) and English (loaded with the modules that use them: web/src/lib/i18n.ts addStrings). */

export const INDICATORS_STRINGS = {
  // #/indicators
  'indicators.indicatorCategories': { zh: '指标类别', en: 'Indicator categories' },
  'indicators.noGoal': { zh: '方案未给出本类量化指标。', en: 'The plan sets no quantitative goal in this area.' },
  'indicators.onTrack': { zh: '按计划推进', en: 'On track' },
  'indicators.behind': { zh: '落后于节点', en: 'Behind' },
  'indicators.noData': { zh: '无数据', en: 'No data' },
  'indicators.unit': { zh: '单位：', en: 'Unit: ' },
  'indicators.binding': { zh: '约束性', en: 'binding' },
  'indicators.indicative': { zh: '预期性', en: 'indicative' },
  'indicators.year': { zh: '年份', en: 'Year' },
  'indicators.plan': { zh: '方案', en: 'Plan' },
  'indicators.actual': { zh: '实际', en: 'Actual' },
  'indicators.baseline': { zh: '基数', en: 'baseline' },
  'indicators.milestone': { zh: '节点', en: 'milestone' },
  'indicators.target': { zh: '目标', en: 'target' },
  'indicators.planActual': { zh: '- - ○ 方案　— ■ 实际', en: '- - ○ plan   — ■ actual' },
  'indicators.latestActual': { zh: '最新实际值：', en: 'Latest actual: ' },
  'indicators.noDataLower': { zh: '无数据', en: 'no data' },
  'indicators.source': { zh: '来源：', en: 'Source: ' },
  'indicators.dataNote': { zh: '数据说明：', en: 'Data note: ' },
  'indicators.progressNoData': { zh: '进度：无数据', en: 'Progress: no data' },
  'indicators.progressBaselineTarget': { zh: '进度（基数→目标）：', en: 'Progress (baseline → target): ' },
  'indicators.chartTitle': {
    zh: '方案节点（虚线、空心圆）与实际值（实线、实心方块），数据见左表',
    en: 'Plan milestones (dashed, hollow circles) and actuals (solid, filled squares); figures in the table',
  },
  // #/indicators (with placeholders)
  'indicators.intro': {
    zh: '《新郑市国家知识产权强县建设试点县工作方案（征求意见稿）》的全部量化指标：2023 年基数、附件2 年度节点（2024–2026）、2026 年目标与最新实际值。附件2 没有第 6 行，本页保留其原编号。',
    en: 'Every quantitative goal of Xinzheng’s draft plan (for comment) for becoming a national IP strong-county pilot: the 2023 baseline, the annex-2 milestones (2024–2026), the 2026 target and the latest actual value. Annex 2 has no row 6; its own numbering is kept here.',
  },
  'indicators.withWan': { zh: '{value}（{wan}）', en: '{value} ({wan})' },
  'indicators.statusSuffix': { zh: '（{status}）', en: ' ({status})' },
  'indicators.tableRow': { zh: '指标表第 {n} 行', en: 'indicator table row {n}' },
  'indicators.annexRow': { zh: '附件2 第 {n} 行', en: 'annex 2 row {n}' },
  'indicators.separator': { zh: '；', en: '; ' },
  'indicators.figuresCaption': { zh: '{name}：基数、节点、目标与实际值', en: '{name}: baseline, milestones, target and actuals' },
  'indicators.latestValue': { zh: '{value}（{year}年）', en: '{value} ({year})' },
  'indicators.categoryHeading': { zh: '{name}（{other}）', en: '{name} ({other})' },
  // The steward's button on this page (its form's words load with the form).
  'values.enter': { zh: '录入数值', en: 'Enter a value' },
} satisfies Record<string, { zh: string; en: string }>
