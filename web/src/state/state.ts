/**
 * The web app's state as data: one `State`, changed only by `update(state, action)` (pure, no DOM,
 * unit-tested in state.test.ts) and drawn by the shell (web/src/views/app.ts). The address is derived
 * from it (`toHash`), never diffed by hand; what the map must do once (fit, jump, fly, open a popup)
 * is a numbered request the renderer carries out once.
 */
import type { NearestPoint } from '../api/operations.ts'
import type { SessionUser } from '../api/session.ts'
import type { Lang } from '../api/types.ts'
import { formatCompareQuery, parseCompareQuery, type CompareState } from '../leaders/compare-query.ts'
import {
  formatPlanQuery,
  formatRoute,
  fromHash,
  isMaplessRoute,
  parsePlanQuery,
  toHash,
  type PlanStatusFilter,
  type Route,
  type UrlState,
  type View,
} from '../lib/url-state.ts'
import type { LayerGroup } from '../map/layers.ts'
import type { MetricId } from '../map/metrics.ts'

/** A place in WGS84 degrees. */
export interface LngLat {
  lng: number
  lat: number
}

/** The "nearest to here" list: not asked yet, loading, failed or answered. */
export type NearestState = { phase: 'idle' } | { phase: 'loading' } | { phase: 'error'; message: string } | { phase: 'done'; results: NearestPoint[] }

/** What the map's camera is asked to do; `n` numbers the requests (the renderer carries out each once). */
export type Camera =
  { n: number; kind: 'fit'; animate: boolean } | { n: number; kind: 'jump'; view: View } | { n: number; kind: 'fly'; center: [number, number]; zoom: number }

/** Everything the app shows: the address's part (route, metric, layers, view) and the rest. */
export interface State extends UrlState {
  lang: Lang
  /** The basemap chosen in the settings (an id of /config.json's basemaps), null for none. */
  basemapId: string | null
  /** Counts navigations: a new visit closes the popup, moves the focus to the page's heading and refetches what must be fresh. */
  visit: number
  /** The last camera request: on the first load the view in the address or the page's area, after a navigation the page's area. */
  camera: Camera
  /** The service point whose popup was last asked for (from a list or a search); `n` numbers the requests. */
  selectedPoint: { id: string; n: number } | null
  nearest: NearestState
  /** The place clicked (or located) for "nearest to here". */
  here: LngLat | null
  /** Whether the list of places without a known location is open. */
  unlocatedOpen: boolean
  /** Who is signed in (the header and the stewards' pages): null for nobody, undefined until the server has said. */
  user: SessionUser | null | undefined
}

/** Everything that changes the state. */
export type Action =
  /** The address changed (a link, back/forward, a typed address). */
  | { type: 'navigate'; hash: string }
  /** The app opens a page (a search result); the map's metric and layers stay. */
  | { type: 'go'; route: Route }
  | { type: 'metric'; metric: MetricId }
  | { type: 'layer'; group: LayerGroup; on: boolean }
  | { type: 'lang'; lang: Lang }
  /** The user moved the map. */
  | { type: 'moved'; view: View }
  /** Show a located service point: its popup, and the points layer on. */
  | { type: 'showPoint'; id: string }
  /** "Nearest to here" was asked for a place (a click) or for the user's location (`at` null while locating). */
  | { type: 'nearestAsked'; at: LngLat | null }
  /** The user's location is known: the map flies there and the nearest are asked for. */
  | { type: 'located'; at: LngLat }
  | { type: 'nearestAnswered'; results: NearestPoint[] }
  | { type: 'nearestFailed'; message: string }
  | { type: 'unlocated'; open: boolean }
  | { type: 'basemap'; id: string | null }
  /** #/compare: a change of the chosen towns, metric, radius or sort. */
  | { type: 'compare'; change: Partial<CompareState> }
  /** #/plan: the responsible body to filter by (null: every task). */
  | { type: 'planDept'; code: string | null }
  /** #/plan: the status to show (kept in the address with the body). */
  | { type: 'planStatus'; status: PlanStatusFilter }
  /** The server said who is signed in (at start, after signing in or out, after a password change). */
  | { type: 'session'; user: SessionUser | null }

/** The state on a first load: the address, the language and basemap chosen before. */
export function initialState(hash: string, lang: Lang, basemapId: string | null): State {
  const url = fromHash(hash)
  return {
    ...url,
    lang,
    basemapId,
    visit: 0,
    camera: url.view ? { n: 0, kind: 'jump', view: url.view } : { n: 0, kind: 'fit', animate: false },
    selectedPoint: null,
    nearest: { phase: 'idle' },
    here: null,
    unlocatedOpen: false,
    user: undefined,
  }
}

/** The address's part of a state. */
export function urlOf(state: UrlState): UrlState {
  return { route: state.route, metric: state.metric, layers: state.layers, view: state.view }
}

/** The address of another page that keeps the map's metric and layers (the view is the page's own). */
export function hrefOf(state: UrlState, route: Route): string {
  return toHash({ ...urlOf(state), route, view: null })
}

/** The selected town's code on a town page, else null. */
export function selectedCode(state: State): string | null {
  return state.route.name === 'town' ? state.route.code : null
}

/**
 * The page part of the address (`/town/410184109`, `/compare`): a change of it is a navigation
 * (a history entry), any other change of the address replaces the current entry.
 */
export function pageOf(state: UrlState): string {
  return formatRoute(state.route)
}

/** A new visit: the popup closes, the focus moves, the camera fits the page's area. */
function visit(state: State, url: UrlState): State {
  return { ...state, ...url, visit: state.visit + 1, camera: { n: state.camera.n + 1, kind: 'fit', animate: true } }
}

/** The new address: a new visit when the page, metric or layers change, or when the address holds no view; else the map jumps to its view. */
function navigate(state: State, url: UrlState): State {
  if (isMaplessRoute(url.route)) return toHash(url) === toHash(state) ? state : visit(state, url)
  if (isMaplessRoute(state.route) || !url.view || toHash({ ...url, view: null }) !== toHash({ ...state, view: null })) return visit(state, url)
  return { ...state, ...url, camera: { n: state.camera.n + 1, kind: 'jump', view: url.view } }
}

/** Replaces a page's own part of the address (its query) on the page it belongs to. */
function withQuery(state: State, page: 'compare' | 'plan', query: (current: string) => string): State {
  if (state.route.name !== page) return state
  return { ...state, route: { name: page, query: query(state.route.query) } }
}

/** The state after an action. Pure: the same state and action always give the same result. */
export function update(state: State, action: Action): State {
  switch (action.type) {
    case 'navigate':
      return navigate(state, fromHash(action.hash))
    case 'go':
      return navigate(state, { ...urlOf(state), route: action.route, view: null })
    case 'metric':
      return { ...state, metric: action.metric }
    case 'layer': {
      const layers = new Set(state.layers)
      if (action.on) layers.add(action.group)
      else layers.delete(action.group)
      return { ...state, layers }
    }
    case 'lang':
      return { ...state, lang: action.lang }
    case 'moved':
      return { ...state, view: action.view }
    case 'showPoint': {
      const layers = state.layers.has('points') ? state.layers : new Set([...state.layers, 'points' as const])
      return { ...state, layers, selectedPoint: { id: action.id, n: (state.selectedPoint?.n ?? 0) + 1 } }
    }
    case 'nearestAsked':
      return { ...state, nearest: { phase: 'loading' }, here: action.at ?? state.here }
    case 'located':
      return {
        ...state,
        nearest: { phase: 'loading' },
        here: action.at,
        camera: { n: state.camera.n + 1, kind: 'fly', center: [action.at.lng, action.at.lat], zoom: 12 },
      }
    case 'nearestAnswered':
      return { ...state, nearest: { phase: 'done', results: action.results } }
    case 'nearestFailed':
      return { ...state, nearest: { phase: 'error', message: action.message } }
    case 'unlocated':
      return state.unlocatedOpen === action.open ? state : { ...state, unlocatedOpen: action.open }
    case 'basemap':
      return { ...state, basemapId: action.id }
    case 'compare':
      return withQuery(state, 'compare', (query) => formatCompareQuery({ ...parseCompareQuery(query), ...action.change }))
    case 'planDept':
      return withQuery(state, 'plan', (query) => formatPlanQuery({ ...parsePlanQuery(query), dept: action.code, focus: null }))
    case 'planStatus':
      return withQuery(state, 'plan', (query) => formatPlanQuery({ ...parsePlanQuery(query), status: action.status, focus: null }))
    case 'session':
      return sameUser(state.user, action.user) ? state : { ...state, user: action.user }
  }
}

/** The compare page's state (its part of the address), or the defaults elsewhere. */
export function compareOf(state: State): CompareState {
  return parseCompareQuery(state.route.name === 'compare' ? state.route.query : '')
}

/** Whether two answers name the same signed-in user with the same role, regions, name and password state. */
function sameUser(a: SessionUser | null | undefined, b: SessionUser | null): boolean {
  if (a === undefined || a === null || b === null) return a === b
  return (
    a.username === b.username &&
    a.displayName === b.displayName &&
    a.role === b.role &&
    a.mustChangePassword === b.mustChangePassword &&
    a.regions.join() === b.regions.join()
  )
}
