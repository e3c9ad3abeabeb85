/** The words of #/compare's context (how many towns have a value, the reference and county-wide lines, ranks, the per-capita rule), by key, in Chinese (first) and English. */

export const COMPARE_STRINGS = {
  'compare.coverageAllKm': { zh: '{km} 公里覆盖率（在用 + 规划）', en: 'Coverage {km} km (active + planned)' },
  'compare.coverageActiveKm': { zh: '{km} 公里覆盖率（仅在用）', en: 'Coverage {km} km (active only)' },
  'compare.rankByCoverage': { zh: '按 {km} 公里覆盖率排名', en: 'Rank by coverage within {km} km' },
  'compare.rankingNamed': {
    zh: '表格的“排名”一列按 {km} 公里覆盖率（在用 + 规划站点）排名；图表和下面的位次按所选指标“{metric}”排序。',
    en: 'The table’s “Rank” column ranks by coverage within {km} km (active + planned stations); the chart and the positions below rank by the chosen metric, “{metric}”.',
  },
  'compare.withValue': { zh: '{n} / {total} 个乡镇有“{metric}”数据', en: '{n} of {total} towns have a value for “{metric}”' },
  'compare.fewWarning': {
    zh: '注意：不到一半的乡镇有这项数据，平均值、中位数和位次只代表有数据的乡镇，不代表全市。',
    en: 'Caution: fewer than half of the towns have this figure; the average, median and positions speak only for the towns that have one, not for the county.',
  },
  'compare.perCapitaRule': {
    zh: '人均数只在同一年份、同一口径的人口之间比较：参与排名的是人口为 {year} 年{kind}的 {n} 个乡镇；其余 {others} 个乡镇的人口年份或口径不同，列出并标注，但不参与排名。',
    en: 'Per-capita figures are compared only between populations of the same year and kind: the {n} towns with a {year} {kind} population are ranked; the other {others} have a population of another year or kind and are shown, marked, but not ranked.',
  },
  'compare.perCapitaNone': {
    zh: '人均数只在同一年份、同一口径的人口之间比较：没有两个乡镇的人口属于同一年份和已知口径，因此各乡镇的人均数逐一列出并标注，不作排名，也不求平均。',
    en: 'Per-capita figures are compared only between populations of the same year and kind: no two towns have a population of the same year and known kind, so each town’s figure is shown and marked, but none is ranked or averaged.',
  },
  'compare.referenceLine': { zh: '有数据的 {n} 个乡镇的平均值 {value}', en: 'Average of the {n} towns with a value: {value}' },
  'compare.referenceLineGroup': {
    zh: '{year} 年{kind}的 {n} 个乡镇的平均值 {value}',
    en: 'Average of the {n} towns with a {year} {kind} population: {value}',
  },
  'compare.countyLine': { zh: '全市整体 {value}', en: 'County as a whole: {value}' },
  'compare.chartTitleHonest': { zh: '{metric}：所选乡镇按数值排序', en: '{metric}: the chosen towns, ranked' },
  'compare.chartLegend': {
    zh: '红色虚线：有数据乡镇的平均值（标注平均了几个乡镇）；黑色点线：全市整体的数值。灰色条：不参与排名。',
    en: 'Red dashed line: the average of the towns with a value (saying how many); black dotted line: the county as a whole. Grey bars: not ranked.',
  },
  'compare.countySourcePer10k': {
    zh: '全市整体：全市全部 {points} 个服务站点（含 {unassigned} 个未归入任何乡镇的站点）÷ {year} 年{kind} {population} 人 × 10 000 = {value}。人口来源：{source}',
    en: 'County as a whole: all {points} service points of the county ({unassigned} of them in no town) ÷ {population} people ({year}, {kind}) × 10,000 = {value}. Population source: {source}',
  },
  'compare.countySourcePer100Km2': {
    zh: '全市整体：全市全部 {points} 个服务站点（含 {unassigned} 个未归入任何乡镇的站点）÷ 全市面积 {area} 平方公里（按边界计算，近似）× 100 = {value}。',
    en: 'County as a whole: all {points} service points of the county ({unassigned} of them in no town) ÷ the county’s area, {area} km² (from its boundary, approx.) × 100 = {value}.',
  },
  'compare.countySourceCoverage': {
    zh: '全市整体：全市边界内距{which}站点 {km} 公里以内的面积占全市面积的比例 = {value}（按边界和站点位置计算，近似）。',
    en: 'County as a whole: the share of the county’s area within {km} km of {which} station = {value} (from the boundary and station locations, approx.).',
  },
  'compare.whichAll': { zh: '在用或规划', en: 'an active or planned' },
  'compare.whichActive': { zh: '在用', en: 'an active' },
  'compare.noCountyLine': {
    zh: '这项指标是各乡镇的数量，全市合计不画作参考线。',
    en: 'This figure is a count per town: the county’s total is not drawn as a line.',
  },
  'compare.positionsCaption': {
    zh: '“{metric}”：所选乡镇在全市 {total} 个乡镇中的位次',
    en: '“{metric}”: each chosen town’s position among the county’s {total} towns',
  },
  'compare.value': { zh: '数值', en: 'Value' },
  'compare.position': { zh: '位次', en: 'Position' },
  'compare.rankOf': { zh: '第 {rank} / {n} 个有数据的乡镇', en: '{rank} of {n} towns with a value' },
  'compare.rankOfGroup': { zh: '第 {rank} / {n} 个同口径人口的乡镇', en: '{rank} of {n} towns with a population of that year and kind' },
  'compare.noValue': { zh: '无数据', en: 'No value' },
  'compare.notRanked': { zh: '不参与排名：人口为 {year} 年，{kind}', en: 'Not ranked: population of {year}, {kind}' },
  'compare.notRankedShort': { zh: '（不参与排名）', en: ' (not ranked)' },
  'compare.contextCaption': {
    zh: '每项指标：有数据的乡镇数、全市整体、乡镇中位数和平均值（全市 {total} 个乡镇）',
    en: 'Each figure: towns with a value, the county as a whole, the towns’ median and average (the county’s {total} towns)',
  },
  'compare.contextMetric': { zh: '指标', en: 'Figure' },
  'compare.contextWithValue': { zh: '有数据的乡镇', en: 'Towns with a value' },
  'compare.contextCounty': { zh: '全市整体', en: 'County as a whole' },
  'compare.contextMedian': { zh: '乡镇中位数', en: 'Towns’ median' },
  'compare.contextMean': { zh: '乡镇平均值（平均了几个）', en: 'Towns’ average (of how many)' },
  'compare.meanOf': { zh: '{value}（{n} 个）', en: '{value} (of {n})' },
  'compare.notApplicable': { zh: '不适用', en: 'n/a' },
  // The CSV's headers: the unit of each column.
  'compare.csv.population': { zh: '人口（人）', en: 'Population (people)' },
  'compare.csv.populationKind': { zh: '人口口径', en: 'Population kind' },
  'compare.csv.area': { zh: '面积（平方公里，近似）', en: 'Area (km², approx.)' },
  'compare.csv.points': { zh: '服务站点数（个）', en: 'Service points (count)' },
  'compare.csv.per10k': { zh: '每万人站点数（个/万人）', en: 'Service points per 10,000 people' },
  'compare.csv.per100Km2': { zh: '每百平方公里站点数（个/百平方公里，近似）', en: 'Service points per 100 km² (approx.)' },
  'compare.csv.gi': { zh: '地理标志产品（个）', en: 'GI products (count)' },
  'compare.csv.coverageAll': { zh: '{km} 公里覆盖率（%，在用 + 规划站点）', en: 'Coverage within {km} km (%, active + planned stations)' },
  'compare.csv.coverageActive': { zh: '{km} 公里覆盖率（%，仅在用站点）', en: 'Coverage within {km} km (%, active stations only)' },
} as const
