/** The content of a map popup: service points, or the GI products and the township under a click. */
import type { MapGeoJSONFeature } from 'maplibre-gl'
import type { RegionProps, ServicePointItem } from '../api/types.ts'
import { fetchServicePoint, nameIn } from '../api/operations.ts'
import { addStrings, giStatusName, kindName, lang, levelName, locationQualityName, metricName, statusName, t, tf, formatCount } from '../lib/i18n.ts'
import { historyRoute } from '../lib/url-state.ts'
import { SOURCES } from '../map/layer-ids.ts'
import { formatMetric, metricValue } from '../map/metrics.ts'
import { KIND_COLORS } from '../map/palette.ts'
import { h, swatch } from './dom.ts'
import type { ViewContext } from './context.ts'
import { feedbackButton, publishedFeedback } from './feedback-form.ts'
import { dataNote } from './data-note.ts'
import { sourceIn } from '../lib/source-language.ts'
import { NOTE_STRINGS } from '../lib/locale/notes.ts'

addStrings(NOTE_STRINGS)

/** A definition list, unknown values written as 未知/unknown. */
function details(rows: [string, Node | string | null | undefined][]): HTMLDListElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? h('span', { class: 'unknown' }, t('unknown')))]),
  )
}

function townLink(ctx: ViewContext, code: string | null): Node | null {
  const region = code ? ctx.lookup.regions.get(code) : undefined
  if (!code || !region) return null
  return h('a', { href: ctx.href({ name: 'town', code }) }, nameIn(region, lang()))
}

/** Actions a signed-in editor has on a station (web/src/map/station-editing.ts sets them); null for none. */
let pointActions: ((p: ServicePointItem) => HTMLElement | null) | null = null

/** Sets (or, with null, removes) the editing actions shown under a station's facts in its popup. */
export function setPointActions(actions: typeof pointActions): void {
  pointActions = actions
}

/** A service point's facts (used in popups and lists). */
export function servicePointFacts(ctx: ViewContext, p: ServicePointItem, headingLevel: 'h3' | 'h4' = 'h3'): HTMLElement {
  const approximate = p.locationQuality === 'APPROXIMATE' || p.locationQuality === 'UNKNOWN'
  return h(
    'article',
    { class: 'point-facts', 'data-point-id': p.id },
    h(headingLevel, {}, nameIn(p, lang())),
    h(
      'p',
      { class: 'meta' },
      swatch(p.status === 'ACTIVE' ? 'circle' : 'ring', KIND_COLORS[p.kind]),
      ` ${kindName(p.kind)} · `,
      h('strong', {}, statusName(p.status)),
    ),
    details([
      [t('address'), p.address],
      [t('services'), p.services.length ? p.services.join(t('servicesSeparator')) : null],
      [t('stations.openingHoursFact'), p.openingHours],
      [t('stations.contactFact'), p.contact],
      ...(p.status === 'ACTIVE' ? [[t('stations.openedOnFact'), p.openedOn] as [string, string | null | undefined]] : []),
      [t('township'), townLink(ctx, p.regionCode)],
      [t('location'), h('span', { class: approximate ? 'flag' : '' }, approximate ? '⚠ ' : '', locationQualityName(p.locationQuality))],
      [t('source'), h('span', { class: 'source' }, sourceIn(p.source, p.sourceZh, lang()))],
      ...(p.note || p.noteZh ? [[t('notes.note'), dataNote(p.note, p.noteZh)] as [string, Node | null]] : []),
    ]),
    h(
      'p',
      { class: 'history-link' },
      h('a', { href: ctx.href(historyRoute('service_point', p.id)) }, t('history'), h('span', { class: 'visually-hidden' }, `: ${nameIn(p, lang())}`)),
      ' ',
      feedbackButton({ type: 'SERVICE_POINT', id: p.id, name: nameIn(p, lang()) }),
    ),
  )
}

function regionFacts(ctx: ViewContext, r: RegionProps): HTMLElement {
  const value = metricValue(ctx.metric, r, ctx.lookup.figures?.get(r.code))
  return h(
    'article',
    { class: 'region-facts' },
    h('h3', {}, nameIn(r, lang())),
    h('p', { class: 'meta' }, levelName(r.level), r.boundaryQuality === 'APPROXIMATE' ? ` · ${t('schematicShort')}` : ''),
    r.inCountyStatistics
      ? details([
          [metricName(ctx.metric), formatMetric(ctx.metric, value, lang())],
          [t('population'), r.population === null ? null : tf('valueYear', { value: formatCount(r.population), year: r.populationYear ?? '' })],
        ])
      : h('p', { class: 'flag' }, t('outside')),
    h('p', {}, h('a', { href: ctx.href({ name: 'town', code: r.code }) }, t('openTownPage'), ' →')),
  )
}

function giFacts(ctx: ViewContext, code: string): HTMLElement | null {
  const g = ctx.lookup.gi.get(code)
  if (!g) return null
  const towns = g.originRegionCodes.map((c) => townLink(ctx, c)).filter((n): n is Node => n !== null)
  return h(
    'article',
    { class: 'gi-facts' },
    h('h3', {}, swatch('diamond', '#762a83'), ' ', nameIn(g, lang())),
    details([
      [t('status'), giStatusName(g.status)],
      [t('category'), lang() === 'zh' ? g.categoryZh : g.categoryEn],
      [t('originArea'), towns.length ? h('span', {}, ...towns.flatMap((n, i) => (i ? [', ', n] : [n]))) : null],
    ]),
    g.originAreaQuality === 'APPROXIMATE' ? h('p', { class: 'flag' }, '⚠ ', t('approximateArea')) : null,
    h(
      'p',
      {},
      h('a', { href: ctx.href({ name: 'gi', code: g.code }) }, t('gi.openPage'), h('span', { class: 'visually-hidden' }, `: ${nameIn(g, lang())}`), ' →'),
    ),
  )
}

/**
 * A point the app has not listed (drawn from a vector tile in a large county): what the tile says
 * at once, then its full facts from the API (servicePoint(id)).
 */
function fetchedPointFacts(ctx: ViewContext, id: string, props: Partial<ServicePointItem>): HTMLElement {
  const placeholder = h(
    'article',
    { class: 'point-facts', 'data-point-id': id, 'aria-busy': 'true' },
    h('h3', {}, props.nameZh ? nameIn({ nameZh: props.nameZh, nameEn: props.nameEn ?? props.nameZh }, lang()) : id),
    props.kind && props.status ? h('p', { class: 'meta' }, `${kindName(props.kind)} · `, h('strong', {}, statusName(props.status))) : null,
    h('p', {}, t('loading')),
  )
  fetchServicePoint(id).then(
    (item) => placeholder.replaceWith(item ? servicePointFacts(ctx, item) : h('article', { class: 'point-facts' }, h('p', {}, t('unknown')))),
    (error: Error) => placeholder.replaceWith(h('article', { class: 'point-facts' }, h('p', { class: 'flag' }, `${t('loadFailed')}: ${error.message}`))),
  )
  return placeholder
}

/** Popup content for the features under a click; null when there is nothing to say. */
export function popupContent(ctx: ViewContext, features: MapGeoJSONFeature[]): HTMLElement | null {
  const parts: HTMLElement[] = []
  for (const f of features) {
    const id = String(f.id ?? '')
    if (f.source === SOURCES.points) {
      const item = ctx.lookup.items.get(id)
      if (item)
        parts.push(servicePointFacts(ctx, item), ...[pointActions?.(item)].filter((a) => !!a), publishedFeedback({ type: 'SERVICE_POINT', id: item.id }, 'h4'))
      else if (id) parts.push(fetchedPointFacts(ctx, id, f.properties))
    } else if (f.source === SOURCES.gi) {
      const gi = giFacts(ctx, id)
      if (gi) parts.push(gi)
    } else if (f.source === SOURCES.regions) {
      const r = ctx.lookup.regions.get(id)
      if (r) parts.push(regionFacts(ctx, r))
    }
  }
  if (parts.length === 0) return null
  return h('div', { class: 'popup', lang: lang() === 'zh' ? 'zh-CN' : 'en' }, parts)
}
