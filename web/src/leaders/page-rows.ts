/**
 * The pages without a map (#/compare, #/indicators, #/plan, #/data, #/history, #/feedback, and the
 * stewards' #/sign-in, #/account, #/users): how each loads its
 * data (into the app's one cache) and draws. Loaded on first use, so the county map's first load
 * stays small; their rows in the registry are in web/src/views/pages.ts.
 */
import type { PageApi, PageContext, PageRow, PageView } from '../views/pages.ts'
import { compareOf, hrefOf, type State } from '../state/state.ts'
import { fromHash, parsePlanQuery, type LeaderPage } from '../lib/url-state.ts'
import { t, tf } from '../lib/i18n.ts'
import { RevertChangeDocument } from '../api/generated-leaders.ts'
import { send, storedToken } from '../api/send.ts'
import { currentUser, type SessionUser } from '../api/session.ts'
import {
  fetchComparison,
  fetchDatasets,
  fetchHistory,
  fetchIndicators,
  fetchPlan,
  fetchTownOptions,
  type DatasetInfo,
  type PlanDepartment,
  type PlanIndicator,
  type PlanTask,
  type TownOption,
} from './api.ts'
import { renderComparePage, type CompareData } from './compare-page.ts'
import { renderDataPage } from './data-page.ts'
import { loadFeedbackPage, renderFeedbackPage, statusOf, subjectRoute, type FeedbackPageState } from './feedback-page.ts'
import { renderHistoryPage, type HistoryState } from './history-page.ts'
import { fetchReporting, type Reporting } from './indicator-summary.ts'
import { renderIndicatorsPage } from './indicators-page.ts'
import { renderPlanPage } from './plan-page.ts'
import { focusLater, taskElementId } from './plan-links.ts'
import { INITIAL_UPLOAD, renderUploadPage, type UploadState } from './upload-page.ts'
import { isCountyEditor, isSteward, taskStatusEntry, valueEntry } from './steward-hooks.ts'
import type { CompareState } from './compare-state.ts'
import { renderSignInPage } from './sign-in-page.ts'
import { renderAccountPage, type AccountPageData } from './account-page.ts'
import { loadTownNames, loadUsersPage, renderUsersPage, type UsersPageData } from './users-page.ts'
import './leaders.css'
import './leaders-stewards.css'
import './values.css'

type Row<D> = Omit<PageRow<D>, 'route' | 'needsMap' | 'title' | 'key'> & { load(state: State, api: PageApi): Promise<D> }
const row = <D>(r: Row<D>) => r as Row<unknown>

const query = (state: State) => ('query' in state.route ? state.route.query : '')
const view = (content: HTMLElement, busy = false): PageView => ({ title: null, content: [content], busy })

/** The town options, then the comparison of the chosen ones (each in the cache by its own key). */
async function loadCompare(state: State, { cache }: PageApi): Promise<CompareData> {
  const c = compareOf(state)
  const towns = await cache.get('towns', fetchTownOptions)
  const all = towns.map((town) => town.code)
  const codes = (c.codes ?? all).filter((code) => all.includes(code))
  const figures = await cache.get(`comparison:${codes.join(',')}@${c.radius}`, () =>
    codes.length ? fetchComparison(codes, all, c.radius) : Promise.resolve({ rows: [], county: [], whole: null, actuals: new Map() }),
  )
  return { towns, ...figures }
}

const compareHandlers = (ctx: PageContext) => ({ onChange: (change: Partial<CompareState>) => ctx.dispatch({ type: 'compare', change }) })

/** The cache key of the history's entries loaded so far (a new visit asks again). */
const historyKey = (state: State) => `history-entries:${query(state)}@${state.visit}`

/** Draws the history; "more" appends the next entries (in the cache) and moves the focus to the first of them. */
function historyView(state: State, history: HistoryState, ctx: PageContext): PageView {
  const region = history.entity === 'region' ? history.id : history.subject?.regionCode
  const back = hrefOf(fromHash(''), region ? { name: 'town', code: region } : { name: 'county' })
  const key = historyKey(state)
  const onMore = async () => {
    if (history.loadingMore || !history.endCursor) return
    const shown = history.entries.length
    ctx.cache.put(key, { ...history, loadingMore: true })
    ctx.refresh()
    let next: HistoryState
    try {
      const page = await fetchHistory(history.entity, history.id, history.endCursor)
      next = {
        ...history,
        entries: [...history.entries, ...page.entries],
        totalCount: page.totalCount,
        hasNextPage: page.hasNextPage,
        endCursor: page.endCursor,
        moreError: null,
      }
    } catch (error) {
      next = { ...history, moreError: `${t('loadFailed')}: ${(error as Error).message}` }
    }
    ctx.cache.put(key, { ...next, loadingMore: false })
    ctx.refresh()
    document.getElementById(`entry-${shown}`)?.focus()
  }
  const onRevert = async (entryId: string, reason: string): Promise<string> => {
    const { revertChange } = await send(RevertChangeDocument, { auditId: entryId, reason })
    const page = await fetchHistory(history.entity, history.id, null)
    ctx.cache.put(key, {
      ...history,
      entries: page.entries,
      totalCount: page.totalCount,
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
      moreError: null,
      notice: tf('history.reverted', { id: revertChange.id }),
    })
    ctx.refresh()
    document.getElementById('history-notice')?.focus()
    return revertChange.id
  }
  return view(
    renderHistoryPage(history, back, () => void onMore(), storedToken() || state.user ? onRevert : null),
    history.loadingMore,
  )
}

/** The cache key of the queue as shown (a new visit asks again). */
const feedbackKey = (state: State) => `feedback-queue:${query(state)}@${state.visit}`

/** Draws the queue; an answer or a close replaces its item in the cache and announces the outcome. */
function feedbackView(state: State, loaded: FeedbackPageState, ctx: PageContext): PageView {
  const key = feedbackKey(state)
  // Signed out on this page (and no token): the queue, with its senders' contacts, goes at once.
  const page = state.user === null && !storedToken() ? { ...loaded, items: [], denied: t('feedback.needsToken') } : loaded
  return view(
    renderFeedbackPage(page, {
      onFilter: (status) => {
        location.hash = status ? `#/feedback?status=${status}` : '#/feedback'
      },
      onChanged: (item, notice) => {
        const items = page.items.map((i) => (i.id === item.id ? item : i))
        ctx.cache.put(key, { ...page, items, notice })
        ctx.refresh()
        document.getElementById('feedback-notice')?.focus()
      },
      subjectHref: (item) => {
        const route = subjectRoute(item)
        return route ? hrefOf(fromHash(''), route) : null
      },
    }),
  )
}

/** The signed-in user: the state's once the server has said, else the one the page loaded with. */
const userOf = (state: State, loaded: SessionUser | null) => (state.user === undefined ? loaded : state.user)

/** The cache key of #/users as shown (a new visit asks again). */
const usersKey = (state: State) => `users-list@${state.visit}`

/** Draws #/users; a change replaces the page's data in the cache, draws it again and moves the focus to its outcome. */
function usersView(state: State, loaded: { user: SessionUser | null; page: UsersPageData }, ctx: PageContext): PageView {
  const page = ctx.cache.value<UsersPageData>(usersKey(state)) ?? loaded.page
  return view(
    renderUsersPage(page, userOf(state, loaded.user), {
      onChanged: (next, focusId) => {
        ctx.cache.put(usersKey(state), next)
        ctx.refresh()
        document.getElementById(focusId)?.focus()
      },
    }),
  )
}

/** The rows of the pages without a map, by route. */
export const LEADER_ROWS: Record<LeaderPage, Row<unknown>> = {
  compare: row<CompareData>({
    load: loadCompare,
    // While a new comparison loads, its controls show already (once the towns are known).
    loading(state, ctx) {
      const towns = ctx.cache.value<TownOption[]>('towns')
      return towns ? view(renderComparePage(null, compareOf(state), towns, compareHandlers(ctx)), true) : null
    },
    render: (state, data, ctx) => view(renderComparePage(data, compareOf(state), data.towns, compareHandlers(ctx))),
  }),
  indicators: row<{ list: PlanIndicator[]; reporting: Reporting; user: SessionUser | null }>({
    load: async (_state, { cache }) => {
      const [list, reporting, user] = await Promise.all([
        cache.get('indicators:data', fetchIndicators),
        cache.get('indicators:reporting', fetchReporting),
        currentUser(),
      ])
      return { list, reporting, user }
    },
    render(state, { list: loaded, reporting: loadedReporting, user: loadedUser }, ctx) {
      // A save puts the fresh list (and drops the summary, asked again) in the cache.
      const list = ctx.cache.value<PlanIndicator[]>('indicators:data') ?? loaded
      const reporting = ctx.cache.value<Reporting>('indicators:reporting') ?? loadedReporting
      // Who is signed in now (the page's data stays loaded across a sign-out and another's sign-in).
      const user = userOf(state, loadedUser)
      // A link from a task (#/indicators?focus=<code>) lands on that indicator's card.
      const focus = new URLSearchParams(query(state)).get('focus')
      focusLater(focus && `ind-${focus}`)
      return view(renderIndicatorsPage(list, reporting, isSteward(user) ? valueEntry(ctx, user, list) : null))
    },
  }),
  plan: row<{ plan: { tasks: PlanTask[]; departments: PlanDepartment[] }; user: SessionUser | null }>({
    load: async (_state, { cache }) => ({ plan: await cache.get('plan:data', fetchPlan), user: await currentUser() }),
    render(state, { plan: loaded, user }, ctx) {
      const { tasks, departments } = ctx.cache.value<typeof loaded>('plan:data') ?? loaded
      const { dept, status, focus } = parsePlanQuery(query(state))
      focusLater(focus && taskElementId(focus))
      return view(
        renderPlanPage(
          tasks,
          departments,
          departments.some((d) => d.code === dept) ? dept : null,
          (code) => ctx.dispatch({ type: 'planDept', code }),
          isCountyEditor(userOf(state, user)) ? taskStatusEntry(ctx, departments) : null,
          { status, onStatus: (s) => ctx.dispatch({ type: 'planStatus', status: s }) },
        ),
      )
    },
  }),
  upload: row<SessionUser | null>({
    load: () => currentUser(),
    render: (state, user, ctx) =>
      view(
        renderUploadPage(userOf(state, user), {
          state: () => ctx.cache.value<UploadState>('upload:state') ?? INITIAL_UPLOAD,
          set(next) {
            ctx.cache.put('upload:state', next)
            ctx.refresh()
          },
        }),
      ),
  }),
  data: row<DatasetInfo[]>({
    load: () => fetchDatasets(),
    render: (_state, datasets) => view(renderDataPage(datasets)),
  }),
  history: row<HistoryState>({
    load(state, { cache }) {
      return cache.get(historyKey(state), async () => {
        const params = new URLSearchParams(query(state))
        const entity = params.get('entity') ?? ''
        const id = params.get('id') ?? ''
        if (!entity || !id) throw new Error(t('historyNoSubject'))
        const first = await fetchHistory(entity, id, null)
        return {
          entity,
          id,
          entries: first.entries,
          totalCount: first.totalCount,
          hasNextPage: first.hasNextPage,
          endCursor: first.endCursor,
          subject: first.subject,
          loadingMore: false,
          moreError: null,
        }
      })
    },
    // "More" replaces the entries in the cache: a redraw shows those loaded so far.
    render: (state, loaded, ctx) => historyView(state, ctx.cache.value<HistoryState>(historyKey(state)) ?? loaded, ctx),
  }),
  feedback: row<FeedbackPageState>({
    load: (state, { cache }) => cache.get(feedbackKey(state), () => loadFeedbackPage(statusOf(query(state)))),
    render: (state, loaded, ctx) => feedbackView(state, ctx.cache.value<FeedbackPageState>(feedbackKey(state)) ?? loaded, ctx),
  }),
  'sign-in': row<SessionUser | null>({
    load: () => currentUser(),
    render: (state, loaded) => view(renderSignInPage(query(state), userOf(state, loaded))),
  }),
  account: row<{ user: SessionUser | null } & AccountPageData>({
    load: async (_state, { cache }) => {
      const user = await currentUser()
      return {
        user,
        townNames: user?.regions.length ? (await cache.get('town-names', loadTownNames)).townNames : new Map<string, { nameZh: string; nameEn: string }>(),
      }
    },
    render: (state, loaded) => view(renderAccountPage(query(state), userOf(state, loaded.user), loaded)),
  }),
  users: row<{ user: SessionUser | null; page: UsersPageData }>({
    load: async () => {
      const user = await currentUser()
      return { user, page: await loadUsersPage(user) }
    },
    render: (state, loaded, ctx) => usersView(state, loaded, ctx),
  }),
}
