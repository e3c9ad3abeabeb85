/** Under the map: the service points without a known location, which the map cannot show. */
import { nameIn } from '../api/operations.ts'
import type { ServicePointItem } from '../api/types.ts'
import { lang, tf } from '../lib/i18n.ts'
import type { ViewContext } from './context.ts'
import { h } from './dom.ts'
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
