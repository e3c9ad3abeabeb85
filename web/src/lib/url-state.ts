/**
 * What the address (hash) holds, so a view survives a reload and can be shared:
 * `#/town/410184109?metric=coverage&layers=regions,points&at=113.7000,34.4500,10.50`.
 */
import { LAYER_GROUPS, type LayerGroup } from '../map/layer-ids.ts'
import { METRIC_IDS, type MetricId } from '../map/metrics.ts'

/** The app's pages (each has a row in ROUTES, and one in the page registry, web/src/views/pages.ts). */
export type Route =
  | { name: 'county' }
  | { name: 'town'; code: string }
  /** A GI product's page (no map: its facts are text, and not every product has an origin area). */
  | { name: 'gi'; code: string }
  /** The printable one-page brief (no map: its schematic map is an inline SVG); `code` null is the county's. */
  | { name: 'brief'; code: string | null }
  | { name: 'notFound'; path: string }
  /** The leaders' views; `query` is their own part of the address (e.g. `codes=…&metric=…&radius=…`), kept as written. */
  | { name: LeaderPage; query: string }

/** The pages without a map (the leaders' pages, the downloads and a record's history); their code loads on demand. */
export type LeaderPage = 'compare' | 'indicators' | 'plan' | 'data' | 'history' | 'feedback' | 'upload' | 'sign-in' | 'account' | 'users'
export const LEADER_PAGES: readonly LeaderPage[] = ['compare', 'indicators', 'plan', 'data', 'history', 'feedback', 'upload', 'sign-in', 'account', 'users']

/** Whether a route is one of the leaders' pages. */
export function isLeaderRoute(route: Route): route is { name: LeaderPage; query: string } {
  return (LEADER_PAGES as readonly string[]).includes(route.name)
}

/** Whether a route's page has no map, so the address keeps none of the map's parameters. */
export function isMaplessRoute(route: Route): boolean {
  return isLeaderRoute(route) || route.name === 'gi' || route.name === 'brief'
}

/**
 * The history page of a record: `entity` is the audit log's table name (`service_point`, `region`),
 * `id` the record's key (a service point's id, a region's code).
 */
export function historyRoute(entity: string, id: string): Route {
  return { name: 'history', query: new URLSearchParams({ entity, id }).toString() }
}

/**
 * Where `#/sign-in` (and `#/account`) send the user back to: `next` when it is one of this app's own
 * addresses (`#/…`, not the sign-in page itself), else the county map `#/`.
 */
export function nextHashOf(query: string): string {
  const next = new URLSearchParams(query).get('next') ?? ''
  return /^#\/(?!sign-in\b)/.test(next) && !/[\s\\]/.test(next) ? next : '#/'
}

/** The sign-in page's address that leads back to `next` (a hash such as `#/users`) afterwards. */
export function signInHash(next: string): string {
  const back = nextHashOf(new URLSearchParams({ next }).toString())
  return back === '#/' ? '#/sign-in' : `#/sign-in?${new URLSearchParams({ next: back })}`
}

/** A map view: centre (WGS84 degrees) and zoom. */
export interface View {
  lng: number
  lat: number
  zoom: number
}

/** Everything the address holds. */
export interface UrlState {
  route: Route
  metric: MetricId
  layers: ReadonlySet<LayerGroup>
  /** The map's centre and zoom, when the user moved it; null fits the page's area. */
  view: View | null
}

/** The metric when the address names none. */
export const DEFAULT_METRIC: MetricId = 'servicePoints'

/** Path patterns, tried in order. */
const ROUTES: { pattern: RegExp; route: (m: RegExpMatchArray) => Route }[] = [
  { pattern: /^\/?$/, route: () => ({ name: 'county' }) },
  { pattern: /^\/town\/([^/]+)\/?$/, route: (m) => ({ name: 'town', code: decodeURIComponent(m[1]) }) },
  { pattern: /^\/gi\/([^/]+)\/?$/, route: (m) => ({ name: 'gi', code: decodeURIComponent(m[1]) }) },
  { pattern: /^\/brief\/?$/, route: () => ({ name: 'brief', code: null }) },
  { pattern: /^\/brief\/([^/]+)\/?$/, route: (m) => ({ name: 'brief', code: decodeURIComponent(m[1]) }) },
  ...LEADER_PAGES.map((name) => ({ pattern: new RegExp(`^/${name}/?$`), route: (): Route => ({ name, query: '' }) })),
]

/** The page a hash path names; unknown paths give `notFound`. */
export function parseRoute(path: string): Route {
  for (const { pattern, route } of ROUTES) {
    const m = path.match(pattern)
    if (m) return route(m)
  }
  return { name: 'notFound', path }
}

/** The hash path of a page. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'county':
      return '/'
    case 'town':
      return `/town/${encodeURIComponent(route.code)}`
    case 'gi':
      return `/gi/${encodeURIComponent(route.code)}`
    case 'brief':
      return route.code === null ? '/brief' : `/brief/${encodeURIComponent(route.code)}`
    case 'notFound':
      return route.path
    default:
      return `/${route.name}`
  }
}

/** Reads a location hash (with or without the leading `#`); anything unreadable falls back to its default. `toHash` writes it back. */
export function fromHash(hash: string): UrlState {
  const text = hash.replace(/^#/, '')
  const q = text.indexOf('?')
  const path = q < 0 ? text : text.slice(0, q)
  const params = new URLSearchParams(q < 0 ? '' : text.slice(q + 1))
  const metricParam = params.get('metric')
  const metric = METRIC_IDS.includes(metricParam as MetricId) ? (metricParam as MetricId) : DEFAULT_METRIC
  const layersParam = params.get('layers')
  const layers = new Set<LayerGroup>(
    layersParam === null ? LAYER_GROUPS : layersParam.split(',').filter((l): l is LayerGroup => LAYER_GROUPS.includes(l as LayerGroup)),
  )
  let route = parseRoute(path || '/')
  if (isLeaderRoute(route)) route = { ...route, query: q < 0 ? '' : text.slice(q + 1) }
  return { route, metric, layers, view: parseView(params.get('at')) }
}

function parseView(value: string | null): View | null {
  if (!value) return null
  const [lng, lat, zoom] = value.split(',').map(Number)
  if (![lng, lat, zoom].every(Number.isFinite)) return null
  if (Math.abs(lng) > 180 || Math.abs(lat) > 85 || zoom < 0 || zoom > 24) return null
  return { lng, lat, zoom }
}

/** Writes the state as a hash (`#/…`), leaving defaults out. */
export function toHash(state: UrlState): string {
  // A leader's page keeps its own parameters; the map's do not apply there.
  if (isLeaderRoute(state.route)) return `#${formatRoute(state.route)}${state.route.query ? `?${state.route.query}` : ''}`
  if (isMaplessRoute(state.route)) return `#${formatRoute(state.route)}`
  const params: string[] = []
  if (state.metric !== DEFAULT_METRIC) params.push(`metric=${state.metric}`)
  if (state.layers.size !== LAYER_GROUPS.length || !LAYER_GROUPS.every((l) => state.layers.has(l))) {
    params.push(`layers=${LAYER_GROUPS.filter((l) => state.layers.has(l)).join(',')}`)
  }
  if (state.view) params.push(`at=${state.view.lng.toFixed(4)},${state.view.lat.toFixed(4)},${state.view.zoom.toFixed(2)}`)
  return `#${formatRoute(state.route)}${params.length ? `?${params.join('&')}` : ''}`
}

/** #/plan's filter: `all`, `none` (未更新: nobody has reported) or a task status. */
export type PlanStatusFilter = 'all' | 'none' | 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE'
export const PLAN_STATUS_FILTERS: readonly PlanStatusFilter[] = ['all', 'none', 'NOT_STARTED', 'IN_PROGRESS', 'DONE']

/** #/plan's part of the address: `dept=…&status=…&focus=…` (the responsible body, the status shown, a task to scroll to). */
export interface PlanQuery {
  dept: string | null
  status: PlanStatusFilter
  focus: string | null
}

/** Reads #/plan's query; an unknown status reads as `all`. */
export function parsePlanQuery(query: string): PlanQuery {
  const p = new URLSearchParams(query)
  const status = p.get('status') ?? 'all'
  return {
    dept: p.get('dept') || null,
    status: (PLAN_STATUS_FILTERS as readonly string[]).includes(status) ? (status as PlanStatusFilter) : 'all',
    focus: p.get('focus') || null,
  }
}

/** Writes #/plan's query, leaving out what is at its default. */
export function formatPlanQuery(q: PlanQuery): string {
  const parts: string[] = []
  if (q.dept) parts.push(`dept=${encodeURIComponent(q.dept)}`)
  if (q.status !== 'all') parts.push(`status=${q.status}`)
  if (q.focus) parts.push(`focus=${encodeURIComponent(q.focus)}`)
  return parts.join('&')
}
