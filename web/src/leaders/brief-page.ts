/**
 * #/brief (the county) and #/brief/<code> (a town): a one-page A4 brief to print or save as PDF. It gives the
 * key figures with their context (population with its year, kind and source; stations active and active +
 * planned, for a town beside the county's, the towns' median and its rank), the progress engine's verdict on
 * each indicator (status in words, latest actual, target), the stations, a schematic map (an inline SVG,
 * labelled 示意图: no MapLibre), and the document's status as the plan states it. Print CSS is in brief.css.
 */
import { enumLabel } from '../lib/enum-labels.ts'
import { addStrings, kindName, lang, levelName, locationQualityName, statusName, t, tf, type StringKey } from '../lib/i18n.ts'
import { fromHash, type Route } from '../lib/url-state.ts'
import { hrefOf } from '../state/state.ts'
import { h } from '../ui/dom.ts'
import type { PageView } from '../views/pages.ts'
import { AssessmentStatus, valuesOf } from '../../../schema/enum-values.ts'
import { BRIEF_RADIUS_KM, stationContext, stationsOf, townCodes, type BriefData, type BriefStation, type CountContext } from './brief-data.ts'
import { renderBriefMap } from './brief-map.ts'
import { formatNumber, formatShare, formatTarget, formatValue } from './format.ts'
import { statusMark } from './indicator-summary.ts'
import './leaders.css'
import './brief.css'

export { fetchBrief, type BriefData } from './brief-data.ts'
import { sourceIn } from '../lib/source-language.ts'
import { BRIEF_STRINGS } from '../lib/locale/brief.ts'
import { PROGRESS_STRINGS } from '../lib/locale/progress.ts'

addStrings(BRIEF_STRINGS)
addStrings(PROGRESS_STRINGS)

type Indicator = BriefData['indicators'][number]
type Child = Node | string | null

const zh = () => lang() === 'zh'
const nameOf = (x: { nameZh: string; nameEn: string }) => (zh() ? x.nameZh : x.nameEn)
const link = (route: Route, text: string, attrs: Record<string, string> = {}) => h('a', { href: hrefOf(fromHash(''), route), ...attrs }, text)

/** Rows of a definition list. */
function facts(rows: [string, Child | Child[]][]): HTMLElement {
  return h(
    'dl',
    { class: 'brief-facts' },
    rows.map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, ...(Array.isArray(value) ? value : [value])))),
  )
}

/** A town's count in context: the county's, the towns' median, its rank. */
function countText(c: CountContext | null, value: number): Child[] {
  if (!c) return [String(value)]
  const median = c.median === null ? '—' : formatNumber(c.median, lang(), 1)
  return [
    h('strong', {}, String(c.value)),
    h('span', { class: 'context' }, ` ${tf('brief.stationContext', { county: c.county, median, rank: c.rank, towns: c.towns })}`),
  ]
}

function keyFigures(data: BriefData, code: string, stations: BriefStation[]): HTMLElement {
  const r = data.region!
  const towns = townCodes(data.cells)
  const active = stations.filter((st) => st.status === 'ACTIVE').length
  const population: Child[] =
    r.population === null
      ? [h('span', { class: 'unknown', 'data-figure': 'population' }, t('brief.populationUnknown'))]
      : [
          h(
            'strong',
            { 'data-figure': 'population' },
            tf('brief.populationValue', {
              value: formatNumber(r.population, lang()),
              year: r.populationYear ?? '—',
              kind: r.populationKind ? enumLabel('PopulationKind', r.populationKind, lang()) : enumLabel('PopulationKind', 'UNSPECIFIED', lang()),
            }),
          ),
        ]
  const gi = code === data.county ? data.giProducts : data.giProducts.filter((g) => g.originRegions.some((o) => o.code === code))
  const unknownOrigin = code === data.county ? data.giProducts.filter((g) => g.originRegions.length === 0).length : 0
  return h(
    'section',
    { class: 'brief-figures', 'aria-labelledby': 'brief-figures-title' },
    h('h3', { id: 'brief-figures-title' }, t('brief.figuresTitle')),
    facts([
      [t('level'), levelName(r.level)],
      [t('population'), population],
      [t('area'), r.areaKm2 === null ? h('span', { class: 'unknown' }, t('unknown')) : tf('brief.areaValue', { value: formatNumber(r.areaKm2, lang(), 1) })],
      [
        t('brief.stationsActive'),
        h('span', { 'data-figure': 'stations-active' }, ...countText(stationContext(data.stations, towns, code, ['ACTIVE']), active)),
      ],
      [
        t('brief.stationsAll'),
        h('span', { 'data-figure': 'stations-all' }, ...countText(stationContext(data.stations, towns, code, ['ACTIVE', 'PLANNED']), stations.length)),
      ],
      [
        tf('brief.coverage', { km: BRIEF_RADIUS_KM }),
        h(
          'span',
          { 'data-figure': 'coverage' },
          tf('brief.coverageValue', { active: formatShare(data.coverage?.active), all: formatShare(data.coverage?.activeOrPlanned) }),
        ),
      ],
      [
        t('brief.giTitle'),
        gi.length
          ? [gi.map(nameOf).join(t('gi.townSeparator')), unknownOrigin ? ` (${tf('brief.giUnknownOrigin', { n: unknownOrigin })})` : '']
          : t('brief.giNone'),
      ],
    ]),
  )
}

/** The latest actual in words: value, year and its status. */
function latestText(i: Indicator): string {
  const a = i.assessment.latestActual
  if (!a) return t('noDataValue')
  const status = a.status ? `${t('brief.statusSeparator')}${enumLabel('ValueStatus', a.status, lang()).toLowerCase()}` : ''
  return tf('brief.latestValue', { value: formatValue(a.value, i, lang()), year: a.year, status })
}

function indicatorTable(list: Indicator[]): HTMLElement {
  return h(
    'table',
    { class: 'brief-table brief-indicators' },
    h('caption', { class: 'visually-hidden' }, t('brief.indicatorsTitle')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [t('brief.indicatorColumn'), t('brief.statusColumn'), t('brief.latestColumn'), t('brief.targetColumn')].map((c) => h('th', { scope: 'col' }, c)),
      ),
    ),
    h(
      'tbody',
      {},
      list.map((i) => {
        const target = i.assessment.target
        return h(
          'tr',
          { 'data-code': i.code, 'data-status': i.assessment.status },
          h('th', { scope: 'row' }, nameOf(i)),
          h('td', { class: 'nowrap' }, statusMark(i.assessment.status)),
          h('td', { class: 'num' }, latestText(i)),
          h('td', { class: 'num' }, target ? `${formatTarget(target.value, target.valueMax, i.comparator, i, lang())} (${target.year})` : '—'),
        )
      }),
    ),
  )
}

function indicatorsSection(data: BriefData, code: string): HTMLElement {
  const all = data.indicators
  const county = code === data.county
  const shown = county ? all : all.filter((i) => i.assessment.latestActual !== null)
  const counts = valuesOf(AssessmentStatus)
    .map((status) => [status, shown.filter((i) => i.assessment.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, count]) => tf('brief.statusCount', { status: t(`progress.status.${status}` as StringKey), count }))
  return h(
    'section',
    { class: 'brief-progress', 'aria-labelledby': 'brief-indicators-title' },
    h('h3', { id: 'brief-indicators-title' }, t('brief.indicatorsTitle')),
    shown.length ? h('p', { class: 'brief-counts' }, tf('brief.statusCounts', { n: shown.length, counts: counts.join(t('brief.countsJoin')) })) : null,
    shown.length ? indicatorTable(shown) : null,
    !county && shown.length === 0
      ? h('p', { class: 'hint' }, tf('brief.townNoActuals', { n: all.length }), ' ', link({ name: 'brief', code: null }, t('brief.linkCounty')))
      : null,
    !county && shown.length > 0 && shown.length < all.length ? h('p', { class: 'hint' }, tf('brief.townOthers', { n: all.length - shown.length })) : null,
  )
}

function stationsSection(data: BriefData, code: string, stations: BriefStation[]): HTMLElement {
  const county = code === data.county
  const townName = new Map(data.cells.features.map((f) => [f.properties.code, nameOf(f.properties)]))
  const columns = [
    t('brief.nameColumn'),
    t('brief.kindColumn'),
    t('brief.stationStatusColumn'),
    ...(county ? [t('brief.townColumn')] : []),
    t('brief.locationColumn'),
  ]
  return h(
    'section',
    { class: 'brief-stations', 'aria-labelledby': 'brief-stations-title' },
    h('h3', { id: 'brief-stations-title' }, t('brief.stationsTitle'), ` (${stations.length})`),
    data.stationsTruncated ? h('p', { class: 'hint' }, t('brief.stationsTruncated')) : null,
    stations.length === 0
      ? h('p', { class: 'hint' }, t('brief.stationsNone'))
      : h(
          'table',
          { class: 'brief-table' },
          h('caption', { class: 'visually-hidden' }, t('brief.stationsTitle')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              columns.map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            {},
            stations.map((st) =>
              h(
                'tr',
                { 'data-station': st.id, 'data-status': st.status },
                h('th', { scope: 'row' }, nameOf(st)),
                h('td', {}, kindName(st.kind)),
                h('td', { class: 'nowrap' }, st.status === 'ACTIVE' ? `● ${statusName(st.status)}` : `○ ${statusName(st.status)}`),
                county ? h('td', {}, st.regionCode ? (townName.get(st.regionCode) ?? st.regionCode) : '—') : null,
                h('td', { class: 'loc' }, locationQualityName(st.locationQuality)),
              ),
            ),
          ),
        ),
  )
}

function mapFigure(data: BriefData, code: string, stations: BriefStation[]): HTMLElement {
  const svg = renderBriefMap(data.cells, code, data.county, stations)
  return h(
    'figure',
    { class: 'brief-figure' },
    svg ?? h('p', { class: 'hint' }, t('brief.mapNone')),
    h('figcaption', {}, h('strong', {}, t('brief.mapCaption')), ' ', t('brief.mapLegend')),
  )
}

/** The "download PDF" button and its help: the browser's print dialog (save as PDF), never a file made elsewhere. */
function actions(back: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'brief-actions no-print' },
    h('p', {}, back),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', id: 'brief-download', title: t('brief.downloadHelp'), 'aria-describedby': 'brief-download-help', onclick: () => window.print() },
        t('brief.download'),
      ),
      ' ',
      h('span', { id: 'brief-download-help', class: 'hint' }, t('brief.downloadHelp')),
    ),
  )
}

/** The brief of `code` (null: the county's); a clear "not found" when the code names no region. */
export function renderBriefPage(code: string | null, data: BriefData): PageView {
  const regionCode = code ?? data.county
  const r = data.region
  if (!r) {
    return {
      title: null,
      content: [
        h(
          'div',
          { class: 'leaders brief-page' },
          h('p', {}, link({ name: 'county' }, `← ${t('backToCounty')}`)),
          h('h2', { id: 'page-title', tabindex: '-1' }, t('notFoundTitle')),
          h('p', { role: 'alert' }, tf('brief.notFound', { code: regionCode })),
        ),
      ],
    }
  }
  const county = regionCode === data.county
  const stations = stationsOf(data, regionCode)
  const back = county
    ? link({ name: 'indicators', query: '' }, `← ${t('brief.backIndicators')}`)
    : link({ name: 'town', code: regionCode }, `← ${t('brief.backTown')}`)
  const date = new Date().toLocaleDateString(zh() ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' })
  const sources = [
    r.populationSource ? tf('brief.populationSource', { source: sourceIn(r.populationSource, r.populationSourceZh, lang()) }) : null,
    r.boundarySource ? tf('brief.boundarySource', { source: r.boundarySource }) : null,
    t('brief.planSource'),
  ].filter((x): x is string => x !== null)
  return {
    title: `${t('brief.title')} · ${nameOf(r)}`,
    content: [
      h(
        'div',
        { class: 'leaders brief-page' },
        actions(back),
        h(
          'article',
          { class: 'brief', 'data-brief-code': r.code, 'aria-labelledby': 'page-title' },
          h(
            'header',
            { class: 'brief-head' },
            h('p', { class: 'kicker' }, `${t('brief.kicker')} · ${t('appTitle')}`),
            h(
              'h2',
              { id: 'page-title', tabindex: '-1' },
              nameOf(r),
              ' ',
              h('span', { class: 'other-name', lang: zh() ? 'en' : 'zh-CN' }, zh() ? r.nameEn : r.nameZh),
            ),
            h('p', { class: 'brief-status', id: 'brief-document-status' }, t('brief.documentStatus')),
            h('p', { class: 'brief-date' }, tf('brief.asOf', { date })),
          ),
          h('div', { class: 'brief-top' }, keyFigures(data, regionCode, stations), mapFigure(data, regionCode, stations)),
          indicatorsSection(data, regionCode),
          stationsSection(data, regionCode, stations),
          h(
            'footer',
            { class: 'brief-sources' },
            h('h3', {}, t('brief.sourcesTitle')),
            sources.map((x) => h('p', {}, x)),
          ),
        ),
      ),
    ],
  }
}
