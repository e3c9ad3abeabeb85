/**
 * #/compare: chosen towns side by side — a sortable table, a ranked bar chart with the mean of the
 * towns that have a value and the county as a whole, each figure in context (how many towns have it,
 * the county's value, the towns' median, each town's position among those with a value: compare-context.ts), CSV download.
 */
import { addStrings, kindName, lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { h } from '../ui/dom.ts'
import type { Comparison, RegionActual, TownOption } from './api.ts'
import { type CompareMetric, type CompareState, type SortKey, COMPARE_METRICS, sortRows } from './compare-state.ts'
import { barChart, contextOf, countyValueOf, kindWords, metricLabel, metricText, metricValue, smallMap, townName } from './compare-charts.ts'
import { formatNumber, formatValue, toCsv } from './format.ts'
import { type CompareData, contextTable, countySource, positions, summary } from './compare-context.ts'
import { COMPARE_STRINGS } from '../lib/locale/compare.ts'
import { COMPARE_PAGE_STRINGS } from '../lib/locale/compare-page.ts'

addStrings(COMPARE_STRINGS)
addStrings(COMPARE_PAGE_STRINGS)

export type { CompareData } from './compare-context.ts'

export interface CompareHandlers {
  onChange(next: Partial<CompareState>): void
}

const PRESETS: { id: string; label: StringKey; pick: (t: TownOption) => boolean }[] = [
  { id: 'all', label: 'compare.preset.all', pick: () => true },
  { id: 'subdistricts', label: 'compare.preset.subdistricts', pick: (t) => t.level === 'SUBDISTRICT' },
  { id: 'towns', label: 'compare.preset.towns', pick: (t) => t.level === 'TOWN' || t.level === 'TOWNSHIP' },
]

function sortValue(row: Comparison, key: SortKey): number | string | null {
  if (key === 'rank') return row.rank
  if (key === 'name') return row.nameZh
  return metricValue(row, key)
}

/** The table's rows as CSV cells (also the download). */
export function tableRecords(data: CompareData, state: CompareState): { header: string[]; rows: (string | number | null)[][] } {
  const rows = sortRows(data.rows, (r) => sortValue(r, state.sort), state.dir)
  const pct = (v: number | null) => (v === null ? null : (v * 100).toFixed(1))
  const header = [
    t('compare.code'),
    t('colName'),
    t('compare.csv.population'),
    t('compare.populationYear'),
    t('compare.csv.area'),
    t('compare.csv.points'),
    t('compare.byKind'),
    t('compare.csv.per10k'),
    t('compare.csv.per100Km2'),
    t('compare.csv.gi'),
    tf('compare.csv.coverageAll', { km: state.radius }),
    tf('compare.rankByCoverage', { km: state.radius }),
    t('compare.csv.populationKind'),
    tf('compare.csv.coverageActive', { km: state.radius }),
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
      pct(r.coverageShare),
      r.rank,
      r.population === null ? null : kindWords(r.populationKind),
      pct(r.activeCoverageShare),
    ]),
  }
}

/** The page's content. */
export function renderComparePage(data: CompareData | null, state: CompareState, towns: TownOption[], handlers: CompareHandlers, error?: string): HTMLElement {
  const chosen = new Set(state.codes ?? towns.map((t) => t.code))
  return h(
    'div',
    { class: 'leaders compare-page' },
    h('h2', { id: 'page-title', tabindex: '-1' }, t('pageCompare')),
    h('p', { class: 'hint' }, t('compare.intro')),
    h('div', { class: 'compare-controls no-print' }, townPicker(towns, chosen, handlers), settingsBox(state, handlers), smallMap(towns, chosen)),
    error ? h('p', { role: 'alert', class: 'error' }, error) : null,
    data ? results(data, state, handlers) : h('p', { class: 'hint', role: 'status' }, t('loading')),
  )
}

function townPicker(towns: TownOption[], chosen: Set<string>, handlers: CompareHandlers): HTMLElement {
  const set = (codes: string[]) =>
    handlers.onChange({ codes: codes.length === towns.length ? null : towns.map((t) => t.code).filter((c) => codes.includes(c)) })
  const search = h('input', {
    type: 'search',
    id: 'town-filter',
    placeholder: t('compare.nameOrPinyin'),
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
    h('legend', {}, tf('compare.townsChosen', { n: chosen.size })),
    h(
      'div',
      { class: 'presets' },
      PRESETS.map((p) => h('button', { type: 'button', id: `preset-${p.id}`, onclick: () => set(towns.filter(p.pick).map((t) => t.code)) }, t(p.label))),
    ),
    h('label', { for: 'town-filter' }, t('compare.filter')),
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
      h('label', { for: 'compare-metric' }, t('compare.chartMetric')),
      h(
        'select',
        { id: 'compare-metric', onchange: (e: Event) => handlers.onChange({ metric: (e.target as HTMLSelectElement).value as CompareMetric }) },
        COMPARE_METRICS.map((m) => h('option', { value: m, selected: m === state.metric }, metricLabel(m))),
      ),
    ),
    h(
      'p',
      {},
      h('label', { for: 'compare-radius' }, t('compare.coverageRadius')),
      h(
        'select',
        { id: 'compare-radius', onchange: (e: Event) => handlers.onChange({ radius: Number((e.target as HTMLSelectElement).value) }) },
        Array.from({ length: 10 }, (_, i) => i + 1).map((km) => h('option', { value: km, selected: km === state.radius }, tf('compare.km', { km }))),
      ),
    ),
  )
}

function results(data: CompareData, state: CompareState, handlers: CompareHandlers): HTMLElement {
  const { header, rows } = tableRecords(data, state)
  const csv = toCsv(header, rows)
  const href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const sorted = sortRows(data.rows, (r) => sortValue(r, state.sort), state.dir)
  const context = contextOf(data.county, data.whole, state.metric)
  const perCapita = contextOf(data.county, data.whole, 'servicePointsPer10k')
  const columns: { key: SortKey | null; label: string }[] = [
    { key: 'rank', label: tf('compare.rankByCoverage', { km: state.radius }) },
    { key: 'name', label: t('compare.town') },
    { key: 'population', label: t('colPopulation') },
    { key: 'areaKm2', label: t('colArea') },
    { key: 'servicePointCount', label: t('servicePointsTitle') },
    { key: null, label: t('compare.byKind') },
    { key: 'servicePointsPer10k', label: t('compare.per10kPeople') },
    { key: 'servicePointsPer100Km2', label: t('compare.per100KmShort') },
    { key: 'giProductCount', label: t('giProductsTitle') },
    { key: 'coverageShare', label: tf('compare.coverageAllKm', { km: state.radius }) },
    { key: 'activeCoverageShare', label: tf('compare.coverageActiveKm', { km: state.radius }) },
    { key: null, label: t('compare.latestIndicatorValues') },
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
        {
          type: 'button',
          class: 'sort',
          'data-sort': key,
          onclick: () =>
            handlers.onChange({ sort: key, dir: active && state.dir === 'asc' ? 'desc' : active ? 'asc' : key === 'name' || key === 'rank' ? 'asc' : 'desc' }),
        },
        c.label,
        h('span', { 'aria-hidden': 'true' }, active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'),
      ),
    )
  }
  return h(
    'div',
    { class: 'compare-results' },
    summary(data, state, context),
    h(
      'p',
      { class: 'no-print' },
      h(
        'a',
        { href, download: `xinzheng-town-comparison-${state.radius}km.csv`, id: 'compare-download', class: 'button' },
        '⬇ ',
        t('compare.downloadThisTableCsv'),
      ),
      ' ',
      h('button', { type: 'button', onclick: () => window.print() }, t('compare.print')),
    ),
    h(
      'div',
      // Its own scroll box (keyboard-scrollable): on a phone the table scrolls sideways, not the page.
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': tf('compare.caption', { km: state.radius }) },
      h(
        'table',
        { id: 'compare-table', class: 'data-table' },
        h('caption', {}, tf('compare.caption', { km: state.radius })),
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
              h(
                'td',
                { class: 'num', 'data-value': r.population ?? '' },
                r.population === null ? '—' : `${formatNumber(r.population, lang())}${r.populationYear ? ` (${r.populationYear})` : ''}`,
              ),
              h('td', { class: 'num', 'data-value': r.areaKm2 ?? '' }, metricText(r, 'areaKm2')),
              h('td', { class: 'num', 'data-value': r.servicePointCount }, String(r.servicePointCount)),
              h(
                'td',
                { class: 'kinds' },
                r.servicePointCountByKind.length
                  ? h(
                      'ul',
                      {},
                      r.servicePointCountByKind.map((k) => h('li', {}, `${kindName(k.kind)}: ${k.count}`)),
                    )
                  : '—',
              ),
              h(
                'td',
                { class: 'num', 'data-value': r.servicePointsPer10k ?? '', 'data-ranked': perCapita.excluded.has(r.code) ? 'false' : null },
                metricText(r, 'servicePointsPer10k'),
                perCapita.excluded.has(r.code) ? h('small', {}, t('compare.notRankedShort')) : null,
              ),
              h('td', { class: 'num', 'data-value': r.servicePointsPer100Km2 ?? '' }, metricText(r, 'servicePointsPer100Km2')),
              h('td', { class: 'num', 'data-value': r.giProductCount }, String(r.giProductCount)),
              h('td', { class: 'num', 'data-value': r.coverageShare ?? '' }, metricText(r, 'coverageShare')),
              h('td', { class: 'num', 'data-value': r.activeCoverageShare ?? '' }, metricText(r, 'activeCoverageShare')),
              h('td', {}, actualsCell(data.actuals.get(r.code) ?? [])),
            ),
          ),
        ),
      ),
    ),
    barChart(sorted, context, countyValueOf(data.whole, state.metric), state),
    countySource(data, state),
    positions(data, state, context),
    contextTable(data),
  )
}

function actualsCell(actuals: RegionActual[]): HTMLElement | string {
  if (!actuals.length) return t('compare.noneRecorded')
  return h(
    'ul',
    {},
    actuals.map((a) => h('li', {}, `${lang() === 'zh' ? a.indicator.nameZh : a.indicator.nameEn}: ${formatValue(a.value, a.indicator, lang())} (${a.year})`)),
  )
}
