/** The GI products as the map pages list them: in the county panel (every product, linked to its page) and in search results. */
import { nameIn, type GIProductItem } from '../api/operations.ts'
import { giStatusName, lang, t } from '../lib/i18n.ts'
import type { ViewContext } from './context.ts'
import { h, swatch } from './dom.ts'
import { renderGiUnknownOrigin } from './unlocated.ts'

/** A product's origin towns as links to their pages, or 产地未知. */
export function giOrigin(ctx: ViewContext, g: GIProductItem): (Node | string)[] {
  if (!g.originRegionCodes.length) return [h('span', { class: 'unknown' }, t('gi.originUnknown'))]
  return g.originRegionCodes.flatMap((code, i) => {
    const r = ctx.lookup.regions.get(code)
    return [...(i ? [t('gi.townSeparator')] : []), r ? h('a', { href: ctx.href({ name: 'town', code }) }, nameIn(r, lang())) : code]
  })
}

/** The county panel's GI section: the products with a known origin, then the list of those without one. */
export function renderGiSection(ctx: ViewContext): HTMLElement {
  const products = ctx.lookup.layers.allGiProducts
  const located = products.filter((g) => g.originRegionCodes.length > 0)
  return h(
    'section',
    { class: 'county-gi', 'aria-labelledby': 'county-gi-title' },
    h('h3', { id: 'county-gi-title' }, t('giProductsTitle'), ` (${products.length})`),
    h('p', { class: 'hint' }, t('gi.countyIntro')),
    h(
      'ul',
      { class: 'gi-list' },
      located.map((g) =>
        h(
          'li',
          { 'data-gi-code': g.code },
          swatch('diamond', '#762a83'),
          ' ',
          h('a', { href: ctx.href({ name: 'gi', code: g.code }) }, nameIn(g, lang())),
          ` · ${giStatusName(g.status)} · `,
          ...giOrigin(ctx, g),
        ),
      ),
    ),
    renderGiUnknownOrigin(ctx, products),
  )
}
