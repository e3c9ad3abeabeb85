/** The side panel of a township's page: names, figures, stations by kind, GI products, indicator values, neighbours. */
import { nameIn, type TownDetail } from '../api/operations.ts'
import type { ServicePointItem } from '../api/types.ts'
import { formatCount, giStatusName, kindName, lang, levelName, t, tf } from '../lib/i18n.ts'
import { historyRoute } from '../lib/url-state.ts'
import { feedbackButton, publishedFeedback } from './feedback-form.ts'
import { formatNumber } from '../map/metrics.ts'
import { KIND_COLORS, KINDS } from '../map/palette.ts'
import type { ViewContext } from './context.ts'
import { h, swatch } from './dom.ts'
import { servicePointFacts } from './popup.ts'
import { renderTownContext } from './town-context.ts'
import { dataNote } from './data-note.ts'
import { sourceIn } from '../lib/source-language.ts'

const unknown = () => h('span', { class: 'unknown' }, t('unknown'))

/** A township page's side panel; `neighbours` are the codes of the cells that touch it, in map order. */
export function renderTownPanel(ctx: ViewContext, town: TownDetail, neighbours: string[]): (HTMLElement | null)[] {
  const zh = lang() === 'zh'
  const other = zh ? town.nameEn : town.nameZh
  const formerNames = town.names.filter((n) => n.validTo !== null)
  return [
    h('p', {}, h('a', { href: ctx.href({ name: 'county' }) }, '← ', t('backToCounty'))),
    h('h2', { id: 'panel-title', tabindex: '-1', 'data-town-code': town.code }, nameIn(town, lang())),
    h('p', { class: 'other-name', lang: zh ? 'en' : 'zh-CN' }, other),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('level')),
      h('dd', {}, levelName(town.level)),
      town.administeredBy ? [h('dt', {}, t('administeredBy')), h('dd', { class: 'flag' }, nameIn(town.administeredBy, lang()), ' — ', t('outside'))] : null,
      h('dt', {}, t('population')),
      h(
        'dd',
        {},
        town.population === null
          ? unknown()
          : [
              formatCount(town.population),
              ` (${town.populationYear})`,
              town.populationSource
                ? h('span', { class: 'source' }, ` ${t('source')}: ${sourceIn(town.populationSource, town.populationSourceZh, lang())}`)
                : null,
            ],
        dataNote(town.populationNote, town.populationNoteZh),
      ),
      h('dt', {}, t('area')),
      h('dd', {}, town.areaKm2 === null ? unknown() : `≈ ${formatNumber(town.areaKm2, 1)} km²`, h('span', { class: 'note' }, t('areaApprox'))),
      formerNames.length
        ? [h('dt', {}, t('formerNames')), h('dd', {}, formerNames.map((n) => `${nameIn(n, lang())}${n.validTo ? ` (→ ${n.validTo})` : ''}`).join(', '))]
        : null,
    ),
    town.boundaryQuality === 'APPROXIMATE' ? h('p', { class: 'flag' }, '⚠ ', t('schematic')) : null,
    renderTownContext(town),
    h(
      'p',
      { class: 'history-link' },
      h(
        'a',
        { id: 'town-history', href: ctx.href(historyRoute('region', town.code)) },
        t('history'),
        h('span', { class: 'visually-hidden' }, `: ${nameIn(town, lang())}`),
      ),
      ' ',
      feedbackButton({ type: 'REGION', id: town.code, name: nameIn(town, lang()) }),
    ),
    h('p', { class: 'brief-link' }, h('a', { id: 'town-brief', href: ctx.href({ name: 'brief', code: town.code }) }, t('brief.link'))),
    publishedFeedback({ type: 'REGION', id: town.code }),
    renderServicePoints(ctx, town.servicePoints),
    h(
      'section',
      {},
      h('h3', {}, t('giProductsTitle')),
      town.giProducts.length === 0
        ? h('p', { class: 'hint' }, t('noGiProducts'))
        : h(
            'ul',
            { class: 'gi-list' },
            town.giProducts.map((g) =>
              h(
                'li',
                {},
                swatch('diamond', '#762a83'),
                ' ',
                h('a', { href: ctx.href({ name: 'gi', code: g.code }) }, h('strong', {}, nameIn(g, lang()))),
                ` · ${giStatusName(g.status)}`,
              ),
            ),
          ),
    ),
    h(
      'section',
      {},
      h('h3', {}, t('indicatorsTitle')),
      town.indicators.length === 0
        ? h('p', { class: 'hint' }, t('noIndicatorValues'))
        : h(
            'table',
            { class: 'indicator-values' },
            h(
              'tbody',
              {},
              town.indicators.flatMap((i) =>
                i.actuals.map((a) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, nameIn(i, lang())),
                    h('td', {}, String(a.year)),
                    h('td', { class: 'num' }, `${formatNumber(a.value / i.displayFactor, 2)} ${i.displayUnit}`),
                    h('td', { class: 'source' }, sourceIn(a.source, a.sourceZh, lang())),
                  ),
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      {},
      h('h3', {}, t('neighboursTitle')),
      neighbours.length === 0
        ? h('p', { class: 'hint' }, '—')
        : h(
            'ul',
            { class: 'neighbours' },
            neighbours.map((code) => {
              const r = ctx.lookup.regions.get(code)
              return h(
                'li',
                {},
                h('a', { href: ctx.href({ name: 'town', code }) }, r ? nameIn(r, lang()) : code),
                r && !r.inCountyStatistics ? h('span', { class: 'note' }, ` (${t('outside')})`) : null,
              )
            }),
          ),
      h('p', { class: 'note' }, t('neighboursNote')),
    ),
  ]
}

/** A township's service points, grouped by kind, every one by name. */
function renderServicePoints(ctx: ViewContext, points: ServicePointItem[]): HTMLElement {
  const kinds = KINDS.filter((k) => points.some((p) => p.kind === k))
  return h(
    'section',
    { class: 'town-points' },
    h('h3', {}, t('servicePointsTitle'), ` (${points.length})`),
    points.length === 0
      ? h('p', { class: 'hint' }, t('noServicePoints'))
      : kinds.map((kind) =>
          h(
            'section',
            { class: 'kind-group' },
            h('h4', {}, swatch('circle', KIND_COLORS[kind]), ' ', kindName(kind), ` (${tf('townCount', { n: points.filter((p) => p.kind === kind).length })})`),
            h(
              'ul',
              { class: 'point-list' },
              points
                .filter((p) => p.kind === kind)
                .map((p) =>
                  h(
                    'li',
                    {},
                    h('details', {}, h('summary', {}, nameIn(p, lang())), servicePointFacts(ctx, p, 'h4')),
                    p.location ? h('button', { type: 'button', class: 'link small', onclick: () => ctx.showPoint(p.id) }, t('showOnMap')) : null,
                  ),
                ),
            ),
          ),
        ),
  )
}

/** A clear "not found" with a link back to the county map. */
export function renderNotFound(ctx: ViewContext, message: string): HTMLElement[] {
  return [
    h('h2', { id: 'panel-title', tabindex: '-1' }, t('notFoundTitle')),
    h('p', { role: 'alert' }, message),
    h('p', {}, h('a', { href: ctx.href({ name: 'county' }) }, '← ', t('backToCounty'))),
  ]
}
