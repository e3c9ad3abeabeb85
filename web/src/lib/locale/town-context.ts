/** The words of each figure in context (a town's page) and of the towns' reporting matrix (#/indicators), in Chinese (first) and English. */

export const TOWN_CONTEXT_STRINGS = {
  // A town's page: its figures beside the county, the towns' median and its rank.
  'townContext.title': { zh: '与全市和其他乡镇对照', en: 'Beside the county and the other towns' },
  'townContext.caption': {
    zh: '本乡镇的数字、全市整体的数字、有数据乡镇的中位数，以及本乡镇在有数据乡镇中的位次（数值从高到低）',
    en: "This town's figures, the county as a whole, the median of the towns with a value, and this town's rank among them (highest value first)",
  },
  'townContext.figure': { zh: '指标', en: 'Figure' },
  'townContext.town': { zh: '本乡镇', en: 'This town' },
  'townContext.noData': { zh: '无数据', en: 'No data' },
  'townContext.medianNone': { zh: '中位数：无数据（没有乡镇有数据）', en: 'Median: no data (no town has a value)' },
  'townContext.notApplicable': { zh: '不适用', en: 'n/a' },
  'townContext.context': { zh: '对照', en: 'In context' },
  'townContext.countyIs': { zh: '全市：{value}', en: 'County: {value}' },
  'townContext.medianOf': { zh: '中位数：{value}（{n} 个有数据的乡镇）', en: 'Median: {value} (of {n} towns with data)' },
  'townContext.rankOf': { zh: '第 {rank} / {n} 个有数据的乡镇', en: '{rank} of {n} towns with data' },
  'townContext.rankOfGroup': {
    zh: '第 {rank} / {n} 个有 {year} 年{kind}的乡镇',
    en: '{rank} of {n} towns with a {year} {kind} population',
  },
  'townContext.excluded': {
    zh: '不参与排名：人口（{year} 年{kind}）与其他乡镇不同年份或口径',
    en: 'Not ranked: its population ({year}, {kind}) is of another year or kind than the others',
  },
  'townContext.noRank': { zh: '无数据，不排名', en: 'No data, not ranked' },
  'townContext.method': {
    zh: '中位数和位次只计有数据的乡镇（全市 {total} 个乡镇级单位）；无数据的乡镇既不算作 0，也不参与排名。每万人站点数只在同一年份、同一口径的人口之间比较。',
    en: 'Medians and ranks count only the towns with a value (of the county’s {total} township-level units); a town without one is neither counted as 0 nor ranked. Stations per 10 000 people are compared only between populations of the same year and kind.',
  },
  'townContext.indicatorsCaption': {
    zh: '各指标本乡镇最近一年的实际值，与全市同年实际值、同年有数据乡镇的中位数和位次对照',
    en: "Each indicator's latest actual of this town, beside the county's actual of the same year, and the median and rank of the towns with an actual that year",
  },
  'townContext.year': { zh: '年份', en: 'Year' },
  // #/indicators: the towns' reporting matrix.
  'matrix.title': { zh: '各乡镇报送情况', en: 'What each town has reported' },
  'matrix.caption': { zh: '各乡镇各年份实际值的报送情况（指标 × 乡镇）', en: 'Actuals reported by each town, per year (indicators × towns)' },
  'matrix.rule': {
    zh: '列出的指标：可以按乡镇分解、各乡镇数值可加总为全市数值的计数和金额类指标（件、家、个、元、次、人次、场次），以及任何已有乡镇报送数值的指标。未列出：百分比和每万人指标（乡镇数值需要本乡镇的分母，多数乡镇缺少同年同口径人口），共 {n} 项：{names}。',
    en: 'Listed: the counts and amounts (件, 家, 个, 元, 次, 人次, 场次) that can be split by town, whose town values add up to the county’s, and any indicator a town has reported anyway. Left out: percentages and per-10 000-people figures (a town’s value needs its own denominator, and most towns lack a population of the same year and kind), {n} in all: {names}.',
  },
  'matrix.legend': {
    zh: '图例：● 最终值　◐ 暂定值　◆ 修订值　○ 未注明状态　“未报送”：该乡镇没有报送任何年份。',
    en: 'Key: ● final  ◐ provisional  ◆ revised  ○ status not stated  “Not reported”: the town has reported no year.',
  },
  'matrix.years': { zh: '年份范围：{years}', en: 'Years: {years}' },
  'matrix.indicator': { zh: '指标', en: 'Indicator' },
  'matrix.notReported': { zh: '未报送', en: 'Not reported' },
  'matrix.notStated': { zh: '未注明', en: 'Not stated' },
  'matrix.notAdditive': { zh: '（非加总类，已有乡镇报送）', en: ' (not additive; a town reported it)' },
  'matrix.reportedCount': {
    zh: '{rows} 项指标 × {towns} 个乡镇中，{cells} 个格子已有报送。',
    en: 'Of {rows} indicators × {towns} towns, {cells} cells have a report.',
  },
} as const
