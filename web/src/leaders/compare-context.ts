/**
 * #/compare's figures in context, under the table and chart: how many towns have the chosen metric
 * (with the per-capita rule and what "Rank" ranks by), where the county-wide line comes from, the
 * chosen towns' positions among the towns that have a value, and every metric's county value, median and mean.
 */
import { addStrings, lang, t, tf } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { Comparison, CountyComparison, RegionActual, TownOption } from './api.ts'
import { type CompareState, type MetricContext, COMPARE_METRICS, PER_CAPITA_METRICS, sortRows } from './compare-state.ts'
import { contextOf, COUNTY_LINE_METRICS, countyValueOf, formatMetric, kindWords, metricLabel, metricText, townName } from './compare-charts.ts'
import { formatNumber } from './format.ts'
import { sourceIn } from '../lib/source-language.ts'
import { COMPARE_STRINGS } from '../lib/locale/compare.ts'
import { COMPARE_PAGE_STRINGS } from '../lib/locale/compare-page.ts'

addStrings(COMPARE_STRINGS)
addStrings(COMPARE_PAGE_STRINGS)

export interface CompareData {
  towns: TownOption[]
  rows: Comparison[]
  /** Every town of the county: the context of each figure (how many have it, median, ranks). */
  county: Comparison[]
  /** The county as a whole (its own population, every station of it); null when it has no row. */
  whole: CountyComparison | null
  actuals: Map<string, RegionActual[]>
}
/** How many towns have the chosen metric, a warning when fewer than half do, the per-capita rule, and what "Rank" ranks by. */
export function summary(data: CompareData, state: CompareState, c: MetricContext): HTMLElement {
  const metric = metricLabel(state.metric)
  const perCapita = PER_CAPITA_METRICS.includes(state.metric)
  return h(
    'section',
    { id: 'compare-summary', 'aria-label': metric },
    h('p', { id: 'compare-with-value' }, tf('compare.withValue', { n: c.withValue, total: c.total, metric })),
    c.fewHaveValue ? h('p', { id: 'compare-few-warning', class: 'warning', role: 'note' }, '⚠ ', t('compare.fewWarning')) : null,
    perCapita
      ? h(
          'p',
          { id: 'compare-per-capita-rule' },
          c.group
            ? tf('compare.perCapitaRule', { year: c.group.year, kind: kindWords(c.group.kind), n: c.ranked, others: c.excluded.size })
            : t('compare.perCapitaNone'),
        )
      : null,
    h('p', { id: 'compare-ranking-metric' }, tf('compare.rankingNamed', { km: state.radius, metric })),
  )
}

/** Where the county-wide line comes from, computed from the county's own row. */
export function countySource(data: CompareData, state: CompareState): HTMLElement | null {
  const w = data.whole
  const m = state.metric
  if (!w) return null
  if (!COUNTY_LINE_METRICS.includes(m)) return h('p', { id: 'compare-county-source', class: 'hint' }, t('compare.noCountyLine'))
  const townsTotal = data.county.reduce((sum, r) => sum + r.servicePointCount, 0)
  const unassigned = Math.max(0, w.servicePointCount - townsTotal)
  const value = formatMetric(m, countyValueOf(w, m))
  const text =
    m === 'servicePointsPer10k'
      ? tf('compare.countySourcePer10k', {
          points: w.servicePointCount,
          unassigned,
          year: w.populationYear ?? '—',
          kind: kindWords(w.populationKind),
          population: formatNumber(w.population, lang()),
          value,
          source: sourceIn(w.populationSource, w.populationSourceZh, lang()) || '—',
        })
      : m === 'servicePointsPer100Km2'
        ? tf('compare.countySourcePer100Km2', { points: w.servicePointCount, unassigned, area: formatNumber(w.areaKm2, lang(), 1), value })
        : tf('compare.countySourceCoverage', { km: state.radius, which: t(m === 'activeCoverageShare' ? 'compare.whichActive' : 'compare.whichAll'), value })
  return h('p', { id: 'compare-county-source', class: 'hint' }, text)
}

/** The chosen towns' positions for the chosen metric among the county's towns that have a value. */
export function positions(data: CompareData, state: CompareState, c: MetricContext): HTMLElement {
  const m = state.metric
  const metric = metricLabel(m)
  const ranked = sortRows(data.rows, (r) => c.rank.get(r.code) ?? null, 'asc')
  const position = (r: Comparison): string => {
    const rank = c.rank.get(r.code)
    if (rank !== undefined) return tf(c.group ? 'compare.rankOfGroup' : 'compare.rankOf', { rank, n: c.ranked })
    if (c.excluded.has(r.code)) return tf('compare.notRanked', { year: r.populationYear ?? '—', kind: kindWords(r.populationKind) })
    return t('compare.noValue')
  }
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'p',
      { id: 'compare-position-context' },
      `${t('compare.contextCounty')}: ${formatMetric(m, countyValueOf(data.whole, m))}${t('listSeparator')}${t('compare.contextMedian')}: ${formatMetric(m, c.median)}`,
    ),
    h(
      'table',
      { id: 'compare-positions', class: 'data-table' },
      h('caption', {}, tf('compare.positionsCaption', { metric, total: c.total })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('compare.town')),
          h('th', { scope: 'col' }, t('compare.value')),
          h('th', { scope: 'col' }, t('compare.position')),
        ),
      ),
      h(
        'tbody',
        {},
        ranked.map((r) =>
          h(
            'tr',
            { 'data-code': r.code, 'data-rank': c.rank.get(r.code) ?? '' },
            h('th', { scope: 'row' }, townName(r)),
            h('td', { class: 'num' }, metricText(r, m)),
            h('td', {}, position(r)),
          ),
        ),
      ),
    ),
  )
}

/** Every metric: how many towns have it, the county as a whole, the towns' median and mean (of how many). */
export function contextTable(data: CompareData): HTMLElement {
  const cell = (text: string) => h('td', { class: 'num' }, text)
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { id: 'compare-context', class: 'data-table' },
      h('caption', {}, tf('compare.contextCaption', { total: data.county.length })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('compare.contextMetric'), t('compare.contextWithValue'), t('compare.contextCounty'), t('compare.contextMedian'), t('compare.contextMean')].map(
            (label) => h('th', { scope: 'col' }, label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        COMPARE_METRICS.map((m) => {
          const c = contextOf(data.county, data.whole, m)
          const county = countyValueOf(data.whole, m)
          return h(
            'tr',
            { 'data-metric': m },
            h('th', { scope: 'row' }, metricLabel(m)),
            cell(`${c.withValue} / ${c.total}`),
            cell(county === null ? t('compare.notApplicable') : formatMetric(m, county)),
            cell(formatMetric(m, c.median)),
            cell(c.mean === null ? '—' : tf('compare.meanOf', { value: formatMetric(m, c.mean), n: c.ranked })),
          )
        }),
      ),
    ),
  )
}
