/** #/compare: chosen towns side by side — a sortable table, a ranked bar chart with the county average, CSV download. */
import type { ServicePointKind } from '../api/types.ts'
import { kindName, lang } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { Comparison, RegionActual, TownOption } from './api.ts'
import { L, s } from './common.ts'
import { type CompareMetric, type CompareState, type SortKey, COMPARE_METRICS, sortRows } from './compare-state.ts'
import { average, formatNumber, formatShare, formatValue, toCsv } from './format.ts'

export const METRIC_LABELS: Record<CompareMetric, [string, string]> = {
  servicePointCount: ['服务站点数', 'Service points'],
  servicePointsPer10k: ['每万人站点数', 'Per 10,000 people'],
  servicePointsPer100Km2: ['每百平方公里站点数（面积近似）', 'Per 100 km² (approx. area)'],
  coverageShare: ['覆盖率', 'Coverage'],
  giProductCount: ['地理标志产品', 'GI products'],
  population: ['人口', 'Population'],
  areaKm2: ['面积（平方公里，按示意边界，近似）', 'Area (km², from schematic boundaries, approx.)'],
}

const metricLabel = (m: CompareMetric) => L(...METRIC_LABELS[m])

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

const townName = (r: { nameZh: string; nameEn: string }) => (lang() === 'zh' ? r.nameZh : r.nameEn)

export interface CompareData {
  towns: TownOption[]
  rows: Comparison[]
  /** Every town of the county, for the county average. */
  county: Comparison[]
  actuals: Map<string, RegionActual[]>
}

export interface CompareHandlers {
  onChange(next: Partial<CompareState>): void
}

const PRESETS: { id: string; label: [string, string]; pick: (t: TownOption) => boolean }[] = [
  { id: 'all', label: ['全部 15 个', 'All 15'], pick: () => true },
  { id: 'subdistricts', label: ['街道', 'Subdistricts (街道)'], pick: (t) => t.level === 'SUBDISTRICT' },
  { id: 'towns', label: ['镇/乡', 'Towns and townships (镇/乡)'], pick: (t) => t.level === 'TOWN' || t.level === 'TOWNSHIP' },
]

function sortValue(row: Comparison, key: SortKey): number | string | null {
  if (key === 'rank') return row.rank
  if (key === 'name') return row.nameZh
  return metricValue(row, key)
}

/** The table's rows as CSV cells (also the download). */
export function tableRecords(data: CompareData, state: CompareState): { header: string[]; rows: (string | number | null)[][] } {
  const rows = sortRows(data.rows, (r) => sortValue(r, state.sort), state.dir)
  const header = [
    L('代码', 'Code'),
    L('名称', 'Name'),
    L('人口', 'Population'),
    L('人口年份', 'Population year'),
    L('面积（平方公里，近似）', 'Area (km², approx.)'),
    L('服务站点数', 'Service points'),
    L('按类型', 'By kind'),
    L('每万人', 'Per 10,000 people'),
    L('每百平方公里（面积近似）', 'Per 100 km² (approx. area)'),
    L('地理标志产品', 'GI products'),
    L(`${state.radius} 公里覆盖率`, `Coverage within ${state.radius} km`),
    L('排名（覆盖率）', 'Rank (coverage)'),
  ]
  return {
    header,
    rows: rows.map((r) => [
      r.code,
      townName(r),
      r.population,
      r.populationYear,
      r.areaKm2 === null ? null : Number(r.areaKm2.toFixed(2)),
      r.servicePointCount,
      r.servicePointCountByKind.map((k) => `${kindName(k.kind)}: ${k.count}`).join(' | '),
      r.servicePointsPer10k === null ? null : Number(r.servicePointsPer10k.toFixed(4)),
      r.servicePointsPer100Km2 === null ? null : Number(r.servicePointsPer100Km2.toFixed(4)),
      r.giProductCount,
      r.coverageShare === null ? null : Number(r.coverageShare.toFixed(4)),
      r.rank,
    ]),
  }
}

/** The page's content. */
export function renderComparePage(data: CompareData | null, state: CompareState, towns: TownOption[], handlers: CompareHandlers, error?: string): HTMLElement {
  const chosen = new Set(state.codes ?? towns.map((t) => t.code))
  return h(
    'div',
    { class: 'leaders compare-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, L('乡镇对比', 'Compare towns')),
    h('p', { class: 'hint' }, L('选择乡镇（街道），按人口、面积比较服务站点、地理标志产品与服务覆盖。未知数值显示为“—”，不按 0 计。', 'Choose towns and compare service points, GI products and service coverage per person and per area. Unknown values show as “—”, never as 0.')),
    h('div', { class: 'compare-controls no-print' }, townPicker(towns, chosen, handlers), settingsBox(state, handlers), smallMap(towns, chosen)),
    error ? h('p', { role: 'alert', class: 'error' }, error) : null,
    data ? results(data, state, handlers) : h('p', { class: 'hint', role: 'status' }, L('加载中…', 'Loading…')),
  )
}

function townPicker(towns: TownOption[], chosen: Set<string>, handlers: CompareHandlers): HTMLElement {
  const set = (codes: string[]) => handlers.onChange({ codes: codes.length === towns.length ? null : towns.map((t) => t.code).filter((c) => codes.includes(c)) })
  const search = h('input', {
    type: 'search',
    id: 'town-filter',
    placeholder: L('名称或拼音', 'Name or pinyin'),
    oninput: (e: Event) => {
      const q = (e.target as HTMLInputElement).value.trim().toLowerCase()
      for (const li of list.querySelectorAll<HTMLElement>('li')) li.hidden = q !== '' && !(li.dataset.search ?? '').includes(q)
    },
  })
  const list = h(
    'ul',
    { class: 'town-list' },
    towns.map((t) =>
      h(
        'li',
        { 'data-search': `${t.nameZh} ${t.nameEn} ${t.code}`.toLowerCase() },
        h(
          'label',
          {},
          h('input', {
            type: 'checkbox',
            id: `town-${t.code}`,
            value: t.code,
            checked: chosen.has(t.code),
            onchange: (e: Event) => {
              const next = new Set(chosen)
              if ((e.target as HTMLInputElement).checked) next.add(t.code)
              else next.delete(t.code)
              set([...next])
            },
          }),
          ' ',
          townName(t),
        ),
      ),
    ),
  )
  return h(
    'fieldset',
    { class: 'town-picker' },
    h('legend', {}, L(`乡镇（已选 ${chosen.size} 个）`, `Towns (${chosen.size} chosen)`)),
    h(
      'div',
      { class: 'presets' },
      PRESETS.map((p) => h('button', { type: 'button', id: `preset-${p.id}`, onclick: () => set(towns.filter(p.pick).map((t) => t.code)) }, L(...p.label))),
    ),
    h('label', { for: 'town-filter' }, L('筛选：', 'Filter: ')),
    search,
    list,
  )
}

function settingsBox(state: CompareState, handlers: CompareHandlers): HTMLElement {
  return h(
    'div',
    { class: 'compare-settings' },
    h(
      'p',
      {},
      h('label', { for: 'compare-metric' }, L('图表指标：', 'Chart metric: ')),
      h(
        'select',
        { id: 'compare-metric', onchange: (e: Event) => handlers.onChange({ metric: (e.target as HTMLSelectElement).value as CompareMetric }) },
        COMPARE_METRICS.map((m) => h('option', { value: m, selected: m === state.metric }, metricLabel(m))),
      ),
    ),
    h(
      'p',
      {},
      h('label', { for: 'compare-radius' }, L('覆盖半径：', 'Coverage radius: ')),
      h(
        'select',
        { id: 'compare-radius', onchange: (e: Event) => handlers.onChange({ radius: Number((e.target as HTMLSelectElement).value) }) },
        Array.from({ length: 10 }, (_, i) => i + 1).map((km) => h('option', { value: km, selected: km === state.radius }, L(`${km} 公里`, `${km} km`))),
      ),
    ),
  )
}

function results(data: CompareData, state: CompareState, handlers: CompareHandlers): HTMLElement {
  const { header, rows } = tableRecords(data, state)
  const csv = toCsv(header, rows)
  const href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const sorted = sortRows(data.rows, (r) => sortValue(r, state.sort), state.dir)
  const columns: { key: SortKey | null; label: string }[] = [
    { key: 'rank', label: L('排名', 'Rank') },
    { key: 'name', label: L('乡镇', 'Town') },
    { key: 'population', label: L('人口（年份）', 'Population (year)') },
    { key: 'areaKm2', label: L('面积 km²（近似）', 'Area km² (approx.)') },
    { key: 'servicePointCount', label: L('服务站点', 'Service points') },
    { key: null, label: L('按类型', 'By kind') },
    { key: 'servicePointsPer10k', label: L('每万人', 'Per 10k people') },
    { key: 'servicePointsPer100Km2', label: L('每百平方公里（近似）', 'Per 100 km² (approx.)') },
    { key: 'giProductCount', label: L('地理标志产品', 'GI products') },
    { key: 'coverageShare', label: L(`${state.radius} 公里覆盖率`, `Coverage ${state.radius} km`) },
    { key: null, label: L('最新指标实际值', 'Latest indicator values') },
  ]
  const th = (c: (typeof columns)[number]) => {
    if (!c.key) return h('th', { scope: 'col' }, c.label)
    const active = state.sort === c.key
    const key = c.key
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? (state.dir === 'asc' ? 'ascending' : 'descending') : null },
      h(
        'button',
        { type: 'button', class: 'sort', 'data-sort': key, onclick: () => handlers.onChange({ sort: key, dir: active && state.dir === 'asc' ? 'desc' : active ? 'asc' : key === 'name' || key === 'rank' ? 'asc' : 'desc' }) },
        c.label,
        h('span', { 'aria-hidden': 'true' }, active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'),
      ),
    )
  }
  return h(
    'div',
    { class: 'compare-results' },
    h(
      'p',
      { class: 'no-print' },
      h('a', { href, download: `xinzheng-town-comparison-${state.radius}km.csv`, id: 'compare-download', class: 'button' }, '⬇ ', L('下载此表（CSV）', 'Download this table (CSV)')),
      ' ',
      h('button', { type: 'button', onclick: () => window.print() }, L('打印', 'Print')),
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { id: 'compare-table', class: 'data-table' },
        h('caption', {}, L(`乡镇对比（覆盖半径 ${state.radius} 公里；点击表头排序）`, `Towns compared (coverage radius ${state.radius} km; choose a column heading to sort)`)),
        h('thead', {}, h('tr', {}, columns.map(th))),
        h(
          'tbody',
          {},
          sorted.map((r) =>
            h(
              'tr',
              { 'data-code': r.code },
              h('td', { class: 'num' }, String(r.rank)),
              h('th', { scope: 'row' }, h('a', { href: `#/town/${r.code}` }, townName(r))),
              h('td', { class: 'num', 'data-value': r.population ?? '' }, r.population === null ? '—' : `${formatNumber(r.population, lang())}${r.populationYear ? ` (${r.populationYear})` : ''}`),
              h('td', { class: 'num', 'data-value': r.areaKm2 ?? '' }, metricText(r, 'areaKm2')),
              h('td', { class: 'num', 'data-value': r.servicePointCount }, String(r.servicePointCount)),
              h('td', { class: 'kinds' }, r.servicePointCountByKind.length ? h('ul', {}, r.servicePointCountByKind.map((k) => h('li', {}, `${kindName(k.kind as ServicePointKind)}: ${k.count}`))) : '—'),
              h('td', { class: 'num', 'data-value': r.servicePointsPer10k ?? '' }, metricText(r, 'servicePointsPer10k')),
              h('td', { class: 'num', 'data-value': r.servicePointsPer100Km2 ?? '' }, metricText(r, 'servicePointsPer100Km2')),
              h('td', { class: 'num', 'data-value': r.giProductCount }, String(r.giProductCount)),
              h('td', { class: 'num', 'data-value': r.coverageShare ?? '' }, metricText(r, 'coverageShare')),
              h('td', {}, actualsCell(data.actuals.get(r.code) ?? [])),
            ),
          ),
        ),
      ),
    ),
    barChart(sorted, data.county, state),
  )
}

function actualsCell(actuals: RegionActual[]): HTMLElement | string {
  if (!actuals.length) return L('无记录', 'none recorded')
  return h('ul', {}, actuals.map((a) => h('li', {}, `${lang() === 'zh' ? a.indicator.nameZh : a.indicator.nameEn}: ${formatValue(a.value, a.indicator, lang())} (${a.year})`)))
}

/** Ranked horizontal bars of the chosen metric with the county average (mean of the county's towns with a known value) as a dashed line. */
function barChart(rows: Comparison[], county: Comparison[], state: CompareState): HTMLElement {
  const m = state.metric
  const ranked = sortRows(rows, (r) => metricValue(r, m), 'desc')
  const avg = average(county.map((r) => metricValue(r, m)))
  const max = Math.max(...ranked.map((r) => metricValue(r, m) ?? 0), avg ?? 0) || 1
  const labelW = 150, barW = 360, valueW = 80, rowH = 22, top = 24
  const W = labelW + barW + valueW, H = top + ranked.length * rowH + 26
  const x = (v: number) => labelW + (v / max) * barW
  const title = L(`${metricLabel(m)}：按数值排序（虚线为全市 ${county.length} 个乡镇平均值）`, `${metricLabel(m)}, ranked (dashed line: average of the county's ${county.length} towns)`)
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'bar-chart', role: 'img', 'aria-labelledby': 'bar-chart-title', style: `max-width:${W}px` })
  svg.append(s('title', { id: 'bar-chart-title' }, `${title}. ${L('数据见上表。', 'The table above holds the same figures.')}`))
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
    svg.append(s('text', { x: Math.min(ax, W - 120), y: H - 6, 'font-size': 12, fill: '#b91c1c' }, L(`全市平均 ${shown}`, `County average ${shown}`)))
  }
  return h('figure', { class: 'chart' }, svg, h('figcaption', {}, title))
}

/** A small schematic map: the chosen towns filled and outlined, the others pale (the list beside it says the same). */
function smallMap(towns: TownOption[], chosen: Set<string>): HTMLElement | null {
  const rings = towns.flatMap((t) => (t.geometry ? (t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates).map((p) => ({ code: t.code, ring: p[0] })) : []))
  if (!rings.length) return null
  const pts = rings.flatMap((r) => r.ring)
  const minX = Math.min(...pts.map((p) => p[0])), maxX = Math.max(...pts.map((p) => p[0]))
  const minY = Math.min(...pts.map((p) => p[1])), maxY = Math.max(...pts.map((p) => p[1]))
  const k = Math.cos(((minY + maxY) / 2) * (Math.PI / 180))
  const W = 220, scale = W / ((maxX - minX) * k), H = Math.round((maxY - minY) * scale)
  const path = (ring: number[][]) => `M${ring.map((p) => `${((p[0] - minX) * k * scale).toFixed(1)},${((maxY - p[1]) * scale).toFixed(1)}`).join('L')}Z`
  const names = towns.filter((t) => chosen.has(t.code)).map(townName).join('、')
  const svg = s('svg', { viewBox: `-2 -2 ${W + 4} ${H + 4}`, width: W, height: H, class: 'small-map', role: 'img', 'aria-labelledby': 'small-map-title' })
  svg.append(s('title', { id: 'small-map-title' }, L(`示意图（边界为近似）：已选 ${names || '无'}`, `Schematic map (approximate boundaries): chosen ${names || 'none'}`)))
  for (const r of rings) {
    const on = chosen.has(r.code)
    svg.append(s('path', { d: path(r.ring), fill: on ? '#1d4ed8' : '#eef1f4', 'fill-opacity': on ? 0.75 : 1, stroke: on ? '#0b1f4d' : '#9aa5b1', 'stroke-width': on ? 1.5 : 0.75 }))
  }
  return h('figure', { class: 'small-map' }, svg, h('figcaption', {}, L('示意图 · 边界为近似', 'Schematic · boundaries approximate')))
}
