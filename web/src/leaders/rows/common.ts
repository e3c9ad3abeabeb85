/**
 * What the rows of the pages without a map share (web/src/leaders/rows/<page>.ts, one module per page,
 * each loaded on first use by web/src/views/pages.ts): the row's type and small helpers, and the
 * pages' styles.
 */
import type { PageApi, PageContext, PageRow, PageView } from '../../views/pages.ts'
import type { Cache } from '../../state/cache.ts'
import type { State } from '../../state/state.ts'
import type { SessionUser } from '../../api/session.ts'
import '../leaders.css'
import '../leaders-stewards.css'
import '../values.css'

/** A page's row without what the registry says of it (route, map, title, key); it always loads. */
export type Row<D> = Omit<PageRow<D>, 'route' | 'needsMap' | 'title' | 'key'> & { load(state: State, api: PageApi): Promise<D> }
/** A row as the registry holds it. */
export type LeaderRow = Row<unknown>
/** A row with its data's type, held as a LeaderRow. */
export const row = <D>(r: Row<D>) => r as LeaderRow

/** The query of the route (after `?`), '' when none. */
export const query = (state: State) => ('query' in state.route ? state.route.query : '')
/** A page's view of one element. */
export const view = (content: HTMLElement, busy = false): PageView => ({ title: null, content: [content], busy })

/** The signed-in user: the state's once the server has said, else the one the page loaded with. */
export const userOf = (state: State, loaded: SessionUser | null) => (state.user === undefined ? loaded : state.user)

/** Whoever is signed in may enter values (a township editor for their towns; the server says which). */
export const isSteward = (user: SessionUser | null): user is SessionUser => !!user
/** Admins and county editors may set the plan's task statuses. */
export const isCountyEditor = (user: SessionUser | null): user is SessionUser => !!user && (user.role === 'admin' || user.role === 'editor')

type StewardHooks = typeof import('../steward-hooks.ts')
const STEWARD_HOOKS = 'module:steward-hooks'

/** Loads the stewards' hooks (their own chunk, with their words and forms): a page loading for a steward waits for them. */
export const loadStewardHooks = (cache: Cache): Promise<StewardHooks> => cache.get(STEWARD_HOOKS, () => import('../steward-hooks.ts'))

/**
 * The stewards' hooks for a signed-in steward, or null for a visitor, who loads none of their code; undefined
 * while they load for someone who has just signed in (the cache draws the page again when they are in).
 */
export function stewardHooks(ctx: PageContext, steward: boolean): StewardHooks | null | undefined {
  if (!steward) return null
  const entry = ctx.cache.peek<StewardHooks>(STEWARD_HOOKS)
  if (!entry) void loadStewardHooks(ctx.cache).catch(() => undefined)
  return entry?.status === 'done' ? entry.value : undefined
}
