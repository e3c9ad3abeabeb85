/**
 * The page registry: one row per page of the address (web/src/lib/url-state.ts's routes), saying
 * whether it needs the map, what data it shows (a key into the one cache and how to load it) and
 * how it draws. Adding a page is a new route and a new row here. The pages without a map load
 * their code on first use (each its own row, web/src/leaders/rows/<page>.ts, and what it imports),
 * and neither MapLibre nor the map's data.
 */
import { ApiError } from '../api/client.ts'
import { fetchTown } from '../api/operations.ts'
import { compareOf, type Action, type State } from '../state/state.ts'
import type { Cache } from '../state/cache.ts'
import type { StringKey } from '../lib/i18n.ts'
import type { LeaderPage, Route } from '../lib/url-state.ts'
import type { ViewContext } from '../ui/context.ts'
import type { CountyData } from './county-data.ts'
import type { MapPanels, TownData } from './map-panels.ts'
import type { LeaderRow } from '../leaders/rows/common.ts'

/** What a page's `load` gets: the one cache and the visit it loads for. */
export interface PageApi {
  cache: Cache
  visit: number
}

/** What a page's `render` gets. */
export interface PageContext {
  cache: Cache
  dispatch(action: Action): void
  /** Draws the current state again (after a page put new data in the cache). */
  refresh(): void
  /** On the map pages: the county's data, links and "show on the map". */
  view?: ViewContext
  county?: CountyData
  /** On the map pages: their side panels (views/map-panels.ts, loaded with the map layout). */
  mapPanels?: MapPanels
  /** "Use my location" for the nearest stations. */
  onUseLocation: () => void
}

/** What a page draws. */
export interface PageView {
  /** The first part of the document's title (null: the app's title alone). */
  title: string | null
  content: (HTMLElement | null)[]
  /** Something is still loading (the page is not ready yet: `data-page-ready` stays false). */
  busy?: boolean
}

/** A page of the app. */
export interface PageRow<D = unknown> {
  route: Route['name']
  /** Whether the page shows the map (with its panel); pages without one never load MapLibre. */
  needsMap: boolean
  /** The page's name: its heading while loading or failed (pages without the map). */
  title?: StringKey
  /** The cache key of the page's own data for a state (same key, same data); none when it has none. */
  key?(state: State): string
  load?(state: State, api: PageApi): Promise<D>
  /** What shows while the data loads (default: the page's name and "loading"). */
  loading?(state: State, ctx: PageContext): PageView | null
  /** Draws the page; map pages draw their side panel (and get `ctx.view`). */
  render(state: State, data: D, ctx: PageContext): PageView
}

/** A row with its data's type, listed with the others. */
export const define = <D>(row: PageRow<D>): PageRow => row

/** Each page without a map: its row's module (web/src/leaders/rows/<page>.ts, its own chunk, loaded on first use). */
const LEADER_MODULES: Record<LeaderPage, () => Promise<{ ROW: LeaderRow }>> = {
  compare: () => import('../leaders/rows/compare.ts'),
  indicators: () => import('../leaders/rows/indicators.ts'),
  plan: () => import('../leaders/rows/plan.ts'),
  upload: () => import('../leaders/rows/upload.ts'),
  data: () => import('../leaders/rows/data.ts'),
  history: () => import('../leaders/rows/history.ts'),
  feedback: () => import('../leaders/rows/feedback.ts'),
  'sign-in': () => import('../leaders/rows/sign-in.ts'),
  account: () => import('../leaders/rows/account.ts'),
  users: () => import('../leaders/rows/users.ts'),
}
/** The cache key of a page's row (its code, loaded on first use). */
const moduleKey = (route: LeaderPage) => `module:leaders:${route}`

// The map pages: their panels are drawn by the map layout's module (views/map-panels.ts), which loads with the map.
const county = define<null>({
  route: 'county',
  needsMap: true,
  render: (state, data, ctx) => ctx.mapPanels!.county(state, data, ctx),
})

const town = define<TownData>({
  route: 'town',
  needsMap: true,
  key: (state) => `town:${state.route.name === 'town' ? state.route.code : ''}`,
  load: (state) =>
    fetchTown(state.route.name === 'town' ? state.route.code : '').then(
      (detail) => ({ detail }),
      (error: unknown) => ({ error: error instanceof ApiError || error instanceof Error ? error.message : String(error) }),
    ),
  render: (state, data, ctx) => ctx.mapPanels!.town(state, data, ctx),
})

const notFound = define<null>({
  route: 'notFound',
  needsMap: true,
  render: (state, data, ctx) => ctx.mapPanels!.notFound(state, data, ctx),
})

/** A page without the map: its code (its own chunk, web/src/leaders/rows/<page>.ts) and data load on first use. */
function leaderPage(route: LeaderPage, title: StringKey, key: (state: State) => string): PageRow {
  return define<{ row: LeaderRow; data: unknown }>({
    route,
    needsMap: false,
    title,
    key,
    async load(state, api) {
      const row = await api.cache.get(moduleKey(route), () => LEADER_MODULES[route]().then((m) => m.ROW))
      return { row, data: await row.load(state, api) }
    },
    render: (state, { row, data }, ctx) => row.render(state, data, ctx),
    loading: (state, ctx) => ctx.cache.value<LeaderRow>(moduleKey(route))?.loading?.(state, ctx) ?? null,
  })
}

const giPage = () => import('../leaders/gi-page.ts')
type GiModule = Awaited<ReturnType<typeof giPage>>
const giCode = (state: State) => (state.route.name === 'gi' ? state.route.code : '')

// A GI product's page: without the map (its facts are text; not every product has an origin area to draw).
// One request holds every product, so moving between them asks nothing again.
const gi = define<{ module: GiModule; data: Awaited<ReturnType<GiModule['fetchGiPageData']>> }>({
  route: 'gi',
  needsMap: false,
  title: 'gi.kind',
  key: () => 'gi-products',
  async load() {
    const module = await giPage()
    return { module, data: await module.fetchGiPageData() }
  },
  render: (state, { module, data }) => module.renderGiPage(giCode(state), data),
})

const briefPage = () => import('../leaders/brief-page.ts')
type BriefModule = Awaited<ReturnType<typeof briefPage>>
const briefCode = (state: State) => (state.route.name === 'brief' ? state.route.code : null)

// The printable brief of the county (#/brief) or a town (#/brief/<code>): without the map (its schematic map is an inline SVG).
// A new visit asks again (figures change with edits); a redraw in place (language) does not.
const brief = define<{ module: BriefModule; data: Awaited<ReturnType<BriefModule['fetchBrief']>> }>({
  route: 'brief',
  needsMap: false,
  title: 'brief.title',
  key: (state) => `brief:${briefCode(state) ?? '*'}@${state.visit}`,
  async load(state) {
    const module = await briefPage()
    return { module, data: await module.fetchBrief(briefCode(state)) }
  },
  render: (state, { module, data }) => module.renderBriefPage(briefCode(state), data),
})

const query = (state: State) => ('query' in state.route ? state.route.query : '')

/** Every page, by route. */
export const PAGES: Record<Route['name'], PageRow> = {
  county,
  town,
  notFound,
  gi,
  brief,
  compare: leaderPage('compare', 'pageCompare', (state) => {
    const c = compareOf(state)
    return `compare:${c.codes?.join(',') ?? '*'}@${c.radius}`
  }),
  indicators: leaderPage('indicators', 'pageIndicators', () => 'indicators'),
  plan: leaderPage('plan', 'pagePlan', () => 'plan'),
  // A new visit asks again (row counts change with edits); a redraw in place (language) does not.
  data: leaderPage('data', 'pageData', (state) => `data@${state.visit}`),
  // A new visit asks again (the record may have changed); a redraw in place keeps the entries loaded with "more".
  history: leaderPage('history', 'history', (state) => `history:${query(state)}@${state.visit}`),
  // The stewards' queue: asked again on every visit.
  feedback: leaderPage('feedback', 'pageFeedback', (state) => `feedback:${query(state)}@${state.visit}`),
  // The stewards' bulk upload (its state, a file and its dry run, is kept in the cache under `upload:state`).
  upload: leaderPage('upload', 'pageUpload', () => 'upload'),
  // The stewards' pages: read again on each visit (a list of users changes with every admin's work).
  'sign-in': leaderPage('sign-in', 'pageSignIn', (state) => `sign-in@${state.visit}`),
  account: leaderPage('account', 'pageAccount', (state) => `account@${state.visit}`),
  users: leaderPage('users', 'pageUsers', (state) => `users@${state.visit}`),
}

/** The row of a route's page. */
export const pageOf = (route: Route): PageRow => PAGES[route.name]
