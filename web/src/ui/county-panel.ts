/** The side panel of the county view: nearest stations to a clicked place, and the map as a table. */
import { nameIn } from '../api/operations.ts'
import type { NearestState } from '../state/state.ts'
import { formatCount, formatDistance, kindName, lang, levelName, metricName, statusName, t } from '../lib/i18n.ts'
import { formatMetric, metricValue, METRIC_IDS } from '../map/metrics.ts'
import { KIND_COLORS } from '../map/palette.ts'
import type { ViewContext } from './context.ts'
import { h, swatch } from './dom.ts'
import { renderGiSection } from './gi-list.ts'

export type { NearestState }

/** Inputs of the county view's side panel. */
export interface CountyPanelProps {
  nearest: NearestState
  onUseLocation: () => void
}

/** The county view's side panel: heading, "nearest to here" and the table of townships. */
export function renderCountyPanel(ctx: ViewContext, props: CountyPanelProps): HTMLElement[] {
  return [
    h('h2', { id: 'panel-title', tabindex: '-1' }, t('countyHeading')),
    h('p', { class: 'intro' }, t('countyIntro')),
    h('p', { class: 'brief-link' }, h('a', { id: 'county-brief', href: ctx.href({ name: 'brief', code: null }) }, t('brief.linkCounty'))),
    renderNearest(ctx, props),
    renderTownTable(ctx),
    renderGiSection(ctx),
  ]
}

/**
 * Whether the list's heading takes the focus when the list is next drawn (until its answer or error
 * is drawn): after 使用我的位置 (its button is drawn anew, so the focus would fall to <body>) and after a
 * tap on the map of a phone, where the list lies below the map (then also scrolled into view).
 */
let focusNearest: { scroll: boolean } | null = null

/** Asks for the focus on the nearest list's heading once it is drawn (and, with `scroll`, for the list in view). */
export function focusNearestWhenDrawn(scroll: boolean): void {
  focusNearest = { scroll }
}

/** Moves the focus to a freshly drawn heading once the panel holding it is in the page (the same task). */
function takeFocus(section: HTMLElement, heading: HTMLElement, phase: NearestState['phase']): void {
  const wanted = focusNearest
  if (!wanted) return
  if (phase === 'done' || phase === 'error') focusNearest = null
  queueMicrotask(() => {
    if (!heading.isConnected) return
    if (wanted.scroll) section.scrollIntoView({ block: 'start' })
    heading.focus({ preventScroll: wanted.scroll })
  })
}

/** "Nearest to here": the stations nearest to the place clicked (or the user's location). */
export function renderNearest(ctx: ViewContext, props: CountyPanelProps): HTMLElement {
  const { nearest } = props
  let body: HTMLElement
  if (nearest.phase === 'idle') body = h('p', { class: 'hint' }, t('nearestHint'))
  else if (nearest.phase === 'loading') body = h('p', { class: 'hint' }, t('loading'))
  else if (nearest.phase === 'error') body = h('p', { class: 'error', role: 'alert' }, nearest.message)
  else if (nearest.results.length === 0) body = h('p', { class: 'hint' }, t('nearestNone'))
  else
    body = h(
      'ol',
      { class: 'nearest-list' },
      nearest.results.map(({ item, distanceMeters }) =>
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => ctx.showPoint(item.id), title: t('showOnMap') },
            swatch(item.status === 'ACTIVE' ? 'circle' : 'ring', KIND_COLORS[item.kind]),
            ' ',
            nameIn(item, lang()),
          ),
          h('span', { class: 'distance' }, formatDistance(distanceMeters)),
          h(
            'span',
            { class: 'meta' },
            `${kindName(item.kind)} · ${statusName(item.status)}`,
            item.locationQuality === 'APPROXIMATE' ? h('span', { class: 'flag' }, ` · ⚠ ${t('approximateLocation')}`) : null,
          ),
        ),
      ),
    )
  const heading = h('h3', { id: 'nearest-title', tabindex: '-1' }, t('nearestTitle'))
  const useLocation = () => {
    focusNearestWhenDrawn(false)
    props.onUseLocation()
  }
  const section = h(
    'section',
    { class: 'nearest', 'aria-live': 'polite' },
    heading,
    body,
    h('button', { type: 'button', onclick: useLocation }, t('useMyLocation')),
  )
  takeFocus(section, heading, nearest.phase)
  return section
}

/** Every township with its figures: the table equivalent of the map. */
export function renderTownTable(ctx: ViewContext): HTMLElement {
  const regions = ctx.lookup.layers.regions.features.map((f) => f.properties)
  const ordered = [...regions.filter((r) => r.inCountyStatistics), ...regions.filter((r) => !r.inCountyStatistics)]
  const num = (text: string) => h('td', { class: 'num' }, text)
  return h(
    'section',
    { class: 'towns' },
    h('h3', {}, t('townsTitle')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('townsTitle') },
      h(
        'table',
        { id: 'town-table' },
        h('caption', {}, t('townsCaption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('colName')),
            METRIC_IDS.map((m) => h('th', { scope: 'col', class: m === ctx.metric ? 'num current' : 'num' }, metricName(m))),
            h('th', { scope: 'col', class: 'num' }, t('colPopulation')),
            h('th', { scope: 'col', class: 'num' }, t('colArea')),
          ),
        ),
        h(
          'tbody',
          {},
          ordered.map((r) => {
            const figures = ctx.lookup.figures?.get(r.code)
            return h(
              'tr',
              { 'data-code': r.code, class: r.inCountyStatistics ? '' : 'outside' },
              h(
                'th',
                { scope: 'row' },
                h('a', { href: ctx.href({ name: 'town', code: r.code }) }, nameIn(r, lang())),
                h('span', { class: 'level' }, r.inCountyStatistics ? levelName(r.level) : t('outside')),
              ),
              METRIC_IDS.map((m) =>
                num(r.inCountyStatistics ? (metricValue(m, r, figures) === null ? '—' : formatMetric(m, metricValue(m, r, figures), lang())) : '—'),
              ),
              num(r.population === null ? '—' : `${formatCount(r.population)} (${r.populationYear})`),
              num(r.areaKm2 === null ? '—' : `≈ ${r.areaKm2.toFixed(1)}`),
            )
          }),
        ),
      ),
    ),
    h('p', { class: 'note' }, '— = ', t('unknown'), '. ', t('schematic'), '.'),
  )
}
