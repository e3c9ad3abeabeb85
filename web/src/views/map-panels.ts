/**
 * The map pages' side panels (#/, #/town/<code>, unknown pages): what views/pages.ts's map rows draw,
 * loaded with the map layout (views/map-page.ts), so that a page without the map loads none of it.
 */
import { nameIn, type TownDetail } from '../api/operations.ts'
import { lang, t, tf } from '../lib/i18n.ts'
import type { State } from '../state/state.ts'
import { renderCountyPanel, renderNearest } from '../ui/county-panel.ts'
import { renderNotFound, renderTownPanel } from '../ui/town-panel.ts'
import type { PageContext, PageView } from './pages.ts'

/** A town page's data: its detail (undefined: no such town), or why it could not be loaded. */
export type TownData = { detail: TownDetail | undefined } | { error: string }

/** The side panel of each map page, by route (ctx.view and ctx.county are set by the map layout). */
export const MAP_PANELS = {
  county: (state: State, _data: unknown, ctx: PageContext): PageView => ({
    title: null,
    content: renderCountyPanel(ctx.view!, { nearest: state.nearest, onUseLocation: ctx.onUseLocation }),
  }),

  town(state: State, data: TownData, ctx: PageContext): PageView {
    const view = ctx.view!
    const code = state.route.name === 'town' ? state.route.code : ''
    if ('error' in data) return { title: null, content: renderNotFound(view, `${t('loadFailed')}: ${data.error}`) }
    if (!data.detail || !view.lookup.regions.has(code)) return { title: null, content: renderNotFound(view, tf('notFoundTown', { code })) }
    return {
      title: nameIn(data.detail, lang()),
      content: [
        ...renderTownPanel(view, data.detail, ctx.county!.neighbours().get(code) ?? []),
        renderNearest(view, { nearest: state.nearest, onUseLocation: ctx.onUseLocation }),
      ],
    }
  },

  notFound: (state: State, _data: unknown, ctx: PageContext): PageView => ({
    title: null,
    content: renderNotFound(ctx.view!, tf('notFoundPage', { path: state.route.name === 'notFound' ? state.route.path : '' })),
  }),
}

/** The map pages' panels, as the map layout hands them to the rows (PageContext.mapPanels). */
export type MapPanels = typeof MAP_PANELS
