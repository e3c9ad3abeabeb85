/** #/compare's figures: the metrics as text, the ranked bar chart with the county average, the small schematic map. */
import { lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { Comparison, TownOption } from './api.ts'
import { s } from './common.ts'
import { type CompareMetric, type CompareState, sortRows } from './compare-state.ts'
import { average, formatNumber, formatShare } from './format.ts'

/** The label of each metric (keys of the locale table). */
export const METRIC_LABELS: Record<CompareMetric, StringKey> = {
  servicePointCount: 'compare.metric.servicePointCount',
  servicePointsPer10k: 'compare.metric.servicePointsPer10k',
  servicePointsPer100Km2: 'compare.metric.servicePointsPer100Km2',
  coverageShare: 'compare.metric.coverageShare',
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
  if (m === 'coverageShare') return formatShare(v)
  if (m === 'servicePointsPer10k' || m === 'servicePointsPer100Km2') return formatNumber(v, lang(), 2)
  if (m === 'areaKm2') return formatNumber(v, lang(), 1)
  return formatNumber(v, lang())
}

export const townName = (r: { nameZh: string; nameEn: string }) => (lang() === 'zh' ? r.nameZh : r.nameEn)

/** Ranked horizontal bars of the chosen metric with the county average (mean of the county's towns with a known value) as a dashed line. */
export function barChart(rows: Comparison[], county: Comparison[], state: CompareState): HTMLElement {
  const m = state.metric
  const ranked = sortRows(rows, (r) => metricValue(r, m), 'desc')
  const avg = average(county.map((r) => metricValue(r, m)))
  const max = Math.max(...ranked.map((r) => metricValue(r, m) ?? 0), avg ?? 0) || 1
  const labelW = 150,
    barW = 360,
    valueW = 80,
    rowH = 22,
    top = 24
  const W = labelW + barW + valueW,
    H = top + ranked.length * rowH + 26
  const x = (v: number) => labelW + (v / max) * barW
  const title = tf('compare.chartTitle', { metric: metricLabel(m), n: county.length })
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
    const yTop = top + i * rowH
    svg.append(s('text', { x: labelW - 6, y: yTop + 15, 'text-anchor': 'end', 'font-size': 12, fill: '#1f2937' }, townName(r)))
    if (v !== null) svg.append(s('rect', { x: labelW, y: yTop + 4, width: Math.max(1, x(v) - labelW), height: rowH - 8, fill: '#1d4ed8' }))
    svg.append(s('text', { x: (v === null ? labelW : x(v)) + 4, y: yTop + 15, 'font-size': 12, fill: '#1f2937' }, metricText(r, m)))
  })
  if (avg !== null) {
    const ax = x(avg)
    svg.append(s('line', { x1: ax, x2: ax, y1: top - 4, y2: H - 20, stroke: '#b91c1c', 'stroke-width': 2, 'stroke-dasharray': '6 4' }))
    const shown = m === 'coverageShare' ? formatShare(avg) : formatNumber(avg, lang(), 2)
    svg.append(s('text', { x: Math.min(ax, W - 120), y: H - 6, 'font-size': 12, fill: '#b91c1c' }, tf('compare.countyAverage', { value: shown })))
  }
  return h('figure', { class: 'chart' }, svg, h('figcaption', {}, title))
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
