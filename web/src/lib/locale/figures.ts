/** The names of the towns' figures and of the kinds of population, by key, in Chinese (first) and English: shared by the comparison (#/compare) and a town's context on its map page (loaded with them: web/src/lib/i18n.ts addStrings). */

export const FIGURE_STRINGS = {
  'compare.metric.activeCoverageShare': { zh: '覆盖率（仅在用站点）', en: 'Coverage (active stations only)' },
  'compare.metric.coverageShareAll': { zh: '覆盖率（在用 + 规划站点）', en: 'Coverage (active + planned stations)' },
  'compare.kind.RESIDENT': { zh: '常住人口', en: 'resident' },
  'compare.kind.HOUSEHOLD_REGISTERED': { zh: '户籍人口', en: 'household-registered' },
  'compare.kind.UNSPECIFIED': { zh: '口径未说明', en: 'kind unspecified' },
  'compare.kind.unknown': { zh: '口径未知', en: 'kind unknown' },
  // #/compare (with placeholders)
  'compare.metric.servicePointCount': { zh: '服务站点数', en: 'Service points' },
  'compare.metric.servicePointsPer10k': { zh: '每万人站点数', en: 'Per 10,000 people' },
  'compare.metric.servicePointsPer100Km2': { zh: '每百平方公里站点数（面积近似）', en: 'Per 100 km² (approx. area)' },
  'compare.metric.coverageShare': { zh: '覆盖率', en: 'Coverage' },
  'compare.metric.giProductCount': { zh: '地理标志产品', en: 'GI products' },
  'compare.metric.population': { zh: '人口', en: 'Population' },
  'compare.metric.areaKm2': { zh: '面积（平方公里，按示意边界，近似）', en: 'Area (km², from schematic boundaries, approx.)' },
} satisfies Record<string, { zh: string; en: string }>
