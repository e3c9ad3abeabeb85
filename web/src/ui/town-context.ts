/**
 * A town's figures in context on its page (as Census Reporter does for places): each figure beside the
 * county's value, the median of the towns that have a value ("of N") and the town's rank among them
 * ("第 3 / 4 个有数据的乡镇"). The numbers are the server's (`Region.figureContexts`, `Region.indicatorContexts`);
 * unknown stays "无数据", never 0.
 */
import type { TownDetail } from '../api/operations.ts'
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, lang, t, tf, type StringKey } from '../lib/i18n.ts'
import { formatNumber } from '../map/metrics.ts'
import { h } from './dom.ts'
import { FIGURE_STRINGS } from '../lib/locale/figures.ts'
import { TOWN_CONTEXT_STRINGS } from '../lib/locale/town-context.ts'

addStrings(FIGURE_STRINGS)
addStrings(TOWN_CONTEXT_STRINGS)

import './town-context.css'

type Figure = TownDetail['figureContexts'][number]
type IndicatorFigure = TownDetail['indicatorContexts'][number]
type UnitInfo = TownDetail['indicators'][number]

/** The label of each figure (RegionComparison's field names, as the server names them). */
const LABELS: Record<string, StringKey> = {
  servicePointCount: 'compare.metric.servicePointCount',
  servicePointsPer10k: 'compare.metric.servicePointsPer10k',
  servicePointsPer100Km2: 'compare.metric.servicePointsPer100Km2',
  coverageShare: 'compare.metric.coverageShareAll',
  activeCoverageShare: 'compare.metric.activeCoverageShare',
  giProductCount: 'compare.metric.giProductCount',
  population: 'compare.metric.population',
  areaKm2: 'compare.metric.areaKm2',
}

/** "1st", "2nd", "3rd", "4th", "11th"… */
export function ordinal(n: number): string {
  const tens = n % 100
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** A figure's number as text; "无数据" when unknown. */
function figureText(metric: string, v: number | null): string {
  if (v === null) return t('townContext.noData')
  if (metric === 'coverageShare' || metric === 'activeCoverageShare') return `${formatNumber(v * 100, 1)}%`
  if (metric === 'servicePointsPer10k' || metric === 'servicePointsPer100Km2') return formatNumber(v, 2)
  if (metric === 'areaKm2') return `${formatNumber(v, 1)} km²`
  return formatNumber(v, 0)
}

const kindWords = (kind: string | null) =>
  t(kind === 'RESIDENT' || kind === 'HOUSEHOLD_REGISTERED' || kind === 'UNSPECIFIED' ? `compare.kind.${kind}` : 'compare.kind.unknown')

/** "第 k / n 个有数据的乡镇", or why there is no rank. */
function rankText(
  f: { rank: number | null; rankedCount: number; excluded?: boolean; comparedPopulationYear?: number | null; comparedPopulationKind?: string | null },
  town: TownDetail,
): string {
  if (f.rank !== null) {
    // English says "2nd of 3", Chinese "第 2 / 3".
    const values = { rank: lang() === 'en' ? ordinal(f.rank) : f.rank, n: f.rankedCount }
    if (f.comparedPopulationYear)
      return tf('townContext.rankOfGroup', { ...values, year: f.comparedPopulationYear, kind: kindWords(f.comparedPopulationKind ?? null) })
    return tf('townContext.rankOf', values)
  }
  if (f.excluded) return tf('townContext.excluded', { year: town.populationYear ?? '—', kind: kindWords(town.populationKind ?? null) })
  return t('townContext.noRank')
}

const medianText = (text: string, median: number | null, n: number) =>
  median === null ? t('townContext.medianNone') : tf('townContext.medianOf', { value: text, n })

/** The county's value, the towns' median (of how many) and the rank, one line each, each saying what it is. */
function contextCell(county: string, median: string, rank: string): HTMLElement {
  return h(
    'td',
    { class: 'figure-context' },
    h('span', { class: 'ctx-county' }, tf('townContext.countyIs', { value: county })),
    h('span', { class: 'ctx-median' }, median),
    h('span', { class: 'ctx-rank' }, rank),
  )
}

/** The town's figures in context: a table (in its own scroll box), then its indicators' latest actuals in context. */
export function renderTownContext(town: TownDetail): HTMLElement | null {
  if (!town.figureContexts.length) return null
  const th = (key: StringKey) => h('th', { scope: 'col' }, t(key))
  const total = town.figureContexts[0].regionCount
  return h(
    'section',
    { class: 'town-context', 'aria-labelledby': 'town-context-title' },
    h('h3', { id: 'town-context-title' }, t('townContext.title')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('townContext.caption') },
      h(
        'table',
        { id: 'town-context', class: 'data-table' },
        h('caption', {}, t('townContext.caption')),
        h('thead', {}, h('tr', {}, th('townContext.figure'), th('townContext.town'), th('townContext.context'))),
        h(
          'tbody',
          {},
          town.figureContexts.map((f: Figure) =>
            h(
              'tr',
              { 'data-metric': f.metric, 'data-rank': f.rank ?? '' },
              h('th', { scope: 'row' }, LABELS[f.metric] ? t(LABELS[f.metric]) : f.metric),
              h('td', { class: 'num' }, figureText(f.metric, f.value)),
              contextCell(
                f.countyValue === null && f.metric === 'giProductCount' ? t('townContext.notApplicable') : figureText(f.metric, f.countyValue),
                medianText(figureText(f.metric, f.median), f.median, f.rankedCount),
                rankText(f, town),
              ),
            ),
          ),
        ),
      ),
    ),
    h('p', { class: 'note' }, tf('townContext.method', { total })),
    renderIndicatorContext(town),
  )
}

function indicatorText(v: number | null, u: UnitInfo | undefined): string {
  if (v === null) return t('townContext.noData')
  return u ? `${formatNumber(v / u.displayFactor, 2)} ${u.displayUnit}` : formatNumber(v, 2)
}

function renderIndicatorContext(town: TownDetail): HTMLElement | null {
  if (!town.indicatorContexts.length) return null
  const units = new Map(town.indicators.map((i) => [i.code, i]))
  const th = (key: StringKey) => h('th', { scope: 'col' }, t(key))
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('townContext.indicatorsCaption') },
    h(
      'table',
      { id: 'town-indicator-context', class: 'data-table' },
      h('caption', {}, t('townContext.indicatorsCaption')),
      h('thead', {}, h('tr', {}, th('townContext.figure'), th('townContext.year'), th('townContext.town'), th('townContext.context'))),
      h(
        'tbody',
        {},
        town.indicatorContexts.map((c: IndicatorFigure) => {
          const u = units.get(c.indicatorCode)
          const status = c.status ? ` (${enumLabel('ValueStatus', c.status, lang())})` : ''
          return h(
            'tr',
            { 'data-indicator': c.indicatorCode, 'data-rank': c.rank ?? '' },
            h('th', { scope: 'row' }, u ? (lang() === 'zh' ? u.nameZh : u.nameEn) : c.indicatorCode),
            h('td', {}, String(c.year)),
            h('td', { class: 'num' }, `${indicatorText(c.value, u)}${status}`),
            contextCell(indicatorText(c.countyValue, u), medianText(indicatorText(c.median, u), c.median, c.rankedCount), rankText(c, town)),
          )
        }),
      ),
    ),
  )
}
