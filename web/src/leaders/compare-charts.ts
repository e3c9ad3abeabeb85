/** #/compare's figures: the metrics as text and in context, the ranked bar chart with the reference and county-wide lines, the small schematic map. */
import { addStrings, lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { Comparison, TownOption } from './api.ts'
import { s } from './common.ts'
import { type CompareMetric, type CompareState, type MetricContext, metricContext, PER_CAPITA_METRICS, sortRows } from './compare-state.ts'
import { formatNumber, formatShare } from './format.ts'
import { COMPARE_PAGE_STRINGS } from '../lib/locale/compare-page.ts'
import { COMPARE_STRINGS } from '../lib/locale/compare.ts'
import { FIGURE_STRINGS } from '../lib/locale/figures.ts'

addStrings(COMPARE_PAGE_STRINGS)
addStrings(COMPARE_STRINGS)
addStrings(FIGURE_STRINGS)

/** The label of each metric (keys of the locale table). */
export const METRIC_LABELS: Record<CompareMetric, StringKey> = {
  servicePointCount: 'compare.metric.servicePointCount',
  servicePointsPer10k: 'compare.metric.servicePointsPer10k',
  servicePointsPer100Km2: 'compare.metric.servicePointsPer100Km2',
  coverageShare: 'compare.metric.coverageShareAll',
  activeCoverageShare: 'compare.metric.activeCoverageShare',
  giProductCount: 'compare.metric.giProductCount',
  population: 'compare.metric.population',
  areaKm2: 'compare.metric.areaKm2',
}

export const metricLabel = (m: CompareMetric) => t(METRIC_LABELS[m])

/** A metric's value for a row; null when unknown. */
export function metricValue(row: Comparison, m: CompareMetric): number | null {
  return row[m] ?? null
}

/** A metric's value as text ('—' when unknown). */
export function metricText(row: Comparison, m: CompareMetric): string {
  const v = metricValue(row, m)
  return formatMetric(m, v)
}

export const townName = (r: { nameZh: string; nameEn: string }) => (lang() === 'zh' ? r.nameZh : r.nameEn)

/** A metric's context across the county's towns (every town of `county`), per-capita ones by the same-year-and-kind rule. */
export function contextOf(county: Comparison[], whole: Comparison | null, m: CompareMetric): MetricContext {
  const rows = county.map((r) => ({ code: r.code, value: metricValue(r, m), populationYear: r.populationYear, populationKind: r.populationKind }))
  return metricContext(rows, PER_CAPITA_METRICS.includes(m), whole ? { year: whole.populationYear, kind: whole.populationKind } : undefined)
}

/** Metrics that are rates, so the county as a whole has a value to set beside a town's. */
export const COUNTY_LINE_METRICS: readonly CompareMetric[] = ['servicePointsPer10k', 'servicePointsPer100Km2', 'coverageShare', 'activeCoverageShare']

/** The county's own value of a metric (its population, all its stations, its area); null where a county total means nothing beside a town's. */
export function countyValueOf(whole: Comparison | null, m: CompareMetric): number | null {
  if (!whole || m === 'giProductCount') return null
  return metricValue(whole, m)
}

/** A number of a metric as text, without a row. */
export function formatMetric(m: CompareMetric, v: number | null): string {
  if (m === 'coverageShare' || m === 'activeCoverageShare') return formatShare(v)
  if (m === 'servicePointsPer10k' || m === 'servicePointsPer100Km2') return formatNumber(v, lang(), 2)
  if (m === 'areaKm2') return formatNumber(v, lang(), 1)
  return formatNumber(v, lang(), m === 'population' || m === 'servicePointCount' || m === 'giProductCount' ? 0 : 2)
}

/** What a population counts, in words. */
export const kindWords = (kind: string | null) =>
  t(kind === 'RESIDENT' || kind === 'HOUSEHOLD_REGISTERED' || kind === 'UNSPECIFIED' ? `compare.kind.${kind}` : 'compare.kind.unknown')

/** The reference line's label: the mean of the ranked towns, saying how many. */
export function referenceLabel(m: CompareMetric, c: MetricContext): string | null {
  if (c.mean === null) return null
  const value = formatMetric(m, c.mean)
  return c.group
    ? tf('compare.referenceLineGroup', { year: c.group.year, kind: kindWords(c.group.kind), n: c.ranked, value })
    : tf('compare.referenceLine', { n: c.ranked, value })
}

/**
 * Ranked horizontal bars of the chosen metric, with the mean of the towns that have a value (a red
 * dashed line, labelled with how many it averages) and the county as a whole (a black dotted line).
 * Towns left out of the ranking are grey.
 */
export function barChart(rows: Comparison[], c: MetricContext, countyValue: number | null, state: CompareState): HTMLElement {
  const m = state.metric
  const ranked = sortRows(rows, (r) => (c.excluded.has(r.code) ? null : metricValue(r, m)), 'desc')
  const countyLine = COUNTY_LINE_METRICS.includes(m) ? countyValue : null
  const max = Math.max(...ranked.map((r) => metricValue(r, m) ?? 0), c.mean ?? 0, countyLine ?? 0) || 1
  const labelW = 150,
    barW = 360,
    valueW = 140,
    rowH = 22,
    top = 24
  const W = labelW + barW + valueW,
    H = top + ranked.length * rowH + 44
  const x = (v: number) => labelW + (v / max) * barW
  const title = tf('compare.chartTitleHonest', { metric: metricLabel(m) })
  const svg = s('svg', {
    viewBox: `0 0 ${W} ${H}`,
    width: '100%',
    class: 'bar-chart',
    role: 'img',
    'aria-labelledby': 'bar-chart-title',
    style: `max-width:${W}px`,
  })
  svg.append(s('title', { id: 'bar-chart-title' }, `${title}. ${t('compare.chartTableNote')}`))
  ranked.forEach((r, i) => {
    const v = metricValue(r, m)
    const out = c.excluded.has(r.code)
    const yTop = top + i * rowH
    svg.append(s('text', { x: labelW - 6, y: yTop + 15, 'text-anchor': 'end', 'font-size': 12, fill: '#1f2937' }, townName(r)))
    if (v !== null)
      svg.append(
        s('rect', {
          x: labelW,
          y: yTop + 4,
          width: Math.max(1, x(v) - labelW),
          height: rowH - 8,
          fill: out ? '#9ca3af' : '#1d4ed8',
          'data-ranked': out ? 'false' : 'true',
        }),
      )
    svg.append(
      s(
        'text',
        { x: (v === null ? labelW : x(v)) + 4, y: yTop + 15, 'font-size': 12, fill: '#1f2937' },
        `${metricText(r, m)}${out ? t('compare.notRankedShort') : ''}`,
      ),
    )
  })
  const reference = referenceLabel(m, c)
  if (c.mean !== null && reference) {
    const ax = x(c.mean)
    svg.append(s('line', { x1: ax, x2: ax, y1: top - 4, y2: H - 38, stroke: '#b91c1c', 'stroke-width': 2, 'stroke-dasharray': '6 4', class: 'reference-line' }))
    svg.append(s('text', { x: Math.min(ax, W - 260), y: H - 24, 'font-size': 12, fill: '#b91c1c', class: 'reference-label' }, reference))
  }
  if (countyLine !== null) {
    const cx = x(countyLine)
    svg.append(s('line', { x1: cx, x2: cx, y1: top - 4, y2: H - 38, stroke: '#111827', 'stroke-width': 2, 'stroke-dasharray': '2 3', class: 'county-line' }))
    svg.append(
      s(
        'text',
        { x: Math.min(cx, W - 200), y: H - 8, 'font-size': 12, fill: '#111827', class: 'county-label' },
        tf('compare.countyLine', { value: formatMetric(m, countyLine) }),
      ),
    )
  }
  return h('figure', { class: 'chart' }, svg, h('figcaption', {}, title, ' ', t('compare.chartLegend')))
}

/** A small schematic map: the chosen towns filled and outlined, the others pale (the list beside it says the same). */
export function smallMap(towns: TownOption[], chosen: Set<string>): HTMLElement | null {
  const rings = towns.flatMap((t) =>
    t.geometry ? (t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates).map((p) => ({ code: t.code, ring: p[0] })) : [],
  )
  if (!rings.length) return null
  const pts = rings.flatMap((r) => r.ring)
  const minX = Math.min(...pts.map((p) => p[0])),
    maxX = Math.max(...pts.map((p) => p[0]))
  const minY = Math.min(...pts.map((p) => p[1])),
    maxY = Math.max(...pts.map((p) => p[1]))
  const k = Math.cos(((minY + maxY) / 2) * (Math.PI / 180))
  const W = 220,
    scale = W / ((maxX - minX) * k),
    H = Math.round((maxY - minY) * scale)
  const path = (ring: number[][]) => `M${ring.map((p) => `${((p[0] - minX) * k * scale).toFixed(1)},${((maxY - p[1]) * scale).toFixed(1)}`).join('L')}Z`
  const names = towns
    .filter((t) => chosen.has(t.code))
    .map(townName)
    .join(t('listSeparator'))
  const svg = s('svg', { viewBox: `-2 -2 ${W + 4} ${H + 4}`, width: W, height: H, class: 'small-map', role: 'img', 'aria-labelledby': 'small-map-title' })
  svg.append(s('title', { id: 'small-map-title' }, tf('compare.smallMapTitle', { names: names || t('compare.none') })))
  for (const r of rings) {
    const on = chosen.has(r.code)
    svg.append(
      s('path', {
        d: path(r.ring),
        fill: on ? '#1d4ed8' : '#eef1f4',
        'fill-opacity': on ? 0.75 : 1,
        stroke: on ? '#0b1f4d' : '#9aa5b1',
        'stroke-width': on ? 1.5 : 0.75,
      }),
    )
  }
  return h('figure', { class: 'small-map' }, svg, h('figcaption', {}, t('schematicShort')))
}
