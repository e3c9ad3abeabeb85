/** The places and products the map cannot show: service points without a known location (under the map), GI products without a known origin. */
import { nameIn, type GIProductItem } from '../api/operations.ts'
import type { ServicePointItem } from '../api/types.ts'
import { giStatusName, lang, t, tf } from '../lib/i18n.ts'
import type { ViewContext } from './context.ts'
import { h, swatch } from './dom.ts'
import { servicePointFacts } from './popup.ts'

/** "N places without a known location", each with its facts (h3: the map box's headings before them are h2); null when every point is located. */
export function renderUnlocated(ctx: ViewContext, points: ServicePointItem[], open: boolean): HTMLElement | null {
  const unlocated = points.filter((p) => p.location === null)
  if (unlocated.length === 0) return null
  return h(
    'details',
    { class: 'unlocated', id: 'unlocated', open },
    h('summary', {}, tf('unlocatedSummary', { n: unlocated.length })),
    h(
      'ul',
      {},
      unlocated.map((p) => h('li', { id: `unlocated-${p.id}` }, h('details', {}, h('summary', {}, nameIn(p, lang())), servicePointFacts(ctx, p, 'h3')))),
    ),
  )
}

/** Whether the reader left the list of GI products without a known origin open (it starts open: it is short). */
let giUnknownOpen = true

/**
 * "GI products without a known origin: N" (地理标志产品（产地未知）), each linked to its page; null when every
 * product has an origin. The map has no area to draw for them, so this list is where they show.
 */
export function renderGiUnknownOrigin(ctx: ViewContext, products: GIProductItem[]): HTMLElement | null {
  const unknown = products.filter((g) => g.originRegionCodes.length === 0)
  if (unknown.length === 0) return null
  const el = h(
    'details',
    { class: 'unlocated gi-unknown-origin', id: 'gi-unknown-origin', open: giUnknownOpen },
    h('summary', {}, tf('gi.unknownOriginSummary', { n: unknown.length })),
    h('p', { class: 'note' }, t('gi.unknownOriginNote')),
    h(
      'ul',
      {},
      unknown.map((g) =>
        h(
          'li',
          { id: `gi-unknown-${g.code}`, 'data-gi-code': g.code },
          swatch('diamond', '#762a83'),
          ' ',
          h('a', { href: ctx.href({ name: 'gi', code: g.code }) }, nameIn(g, lang())),
          ` · ${giStatusName(g.status)} · `,
          h('span', { class: 'unknown' }, t('gi.originUnknown')),
        ),
      ),
    ),
  )
  el.addEventListener('toggle', () => (giUnknownOpen = el.open))
  return el
}
