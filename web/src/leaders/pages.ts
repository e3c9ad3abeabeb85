/**
 * The pages without a map (#/compare, #/indicators, #/plan, #/data, #/history), loaded on demand so the county map's first load
 * stays small. Each page keeps its state in its part of the address and redraws itself in place.
 */
import { ApiError } from '../api/client.ts'
import type { LeaderPage } from '../lib/url-state.ts'
import { fill, h } from '../ui/dom.ts'
import { formatHash, parseHash } from '../lib/url-state.ts'
import { fetchComparison, fetchDatasets, fetchHistory, fetchIndicators, fetchPlan, fetchTownOptions, type DatasetInfo, type PlanDepartment, type PlanIndicator, type PlanTask, type TownOption } from './api.ts'
import { L, type PageContext } from './common.ts'
import { renderComparePage, type CompareData } from './compare-page.ts'
import { renderDataPage } from './data-page.ts'
import { renderHistoryPage, type HistoryState } from './history-page.ts'
import { formatCompareQuery, parseCompareQuery, type CompareState } from './compare-state.ts'
import { renderIndicatorsPage } from './indicators-page.ts'
import { renderPlanPage } from './plan-page.ts'
import './leaders.css'

let indicators: Promise<PlanIndicator[]> | undefined
let plan: Promise<{ tasks: PlanTask[]; departments: PlanDepartment[] }> | undefined
let towns: Promise<TownOption[]> | undefined
const comparisons = new Map<string, Promise<Omit<CompareData, 'towns'>>>()
let datasets: DatasetInfo[] | undefined
let history: HistoryState | undefined
let generation = 0

const message = (error: unknown) => `${L('无法加载数据', 'Could not load the data')}: ${error instanceof ApiError || error instanceof Error ? error.message : String(error)}`

/** Redraws `el`, keeping the focus on the element (by id) that had it. */
function redraw(el: HTMLElement, content: HTMLElement, focusTitle: boolean): void {
  const active = document.activeElement as HTMLElement | null
  const focusedId = active && el.contains(active) ? active.id || active.dataset.sort : undefined
  fill(el, content)
  if (focusTitle) document.getElementById('page-title')?.focus({ preventScroll: false })
  else if (focusedId) (document.getElementById(focusedId) ?? el.querySelector<HTMLElement>(`[data-sort="${focusedId}"]`))?.focus()
}

function ready(page: LeaderPage): void {
  document.documentElement.dataset.page = page
  document.documentElement.dataset.pageReady = 'true'
}

/** Draws the history page from `history`; "more" appends the next page and moves the focus to its first entry. */
function drawHistory(el: HTMLElement, focusTitle: boolean): void {
  const state = history!
  const region = state.entity === 'region' ? state.id : state.subject?.regionCode
  const back = formatHash({ ...parseHash(''), route: region ? { name: 'town', code: region } : { name: 'county' } })
  redraw(
    el,
    renderHistoryPage(state, back, async () => {
      if (state.loadingMore || !state.endCursor) return
      const mine = generation
      const shown = state.entries.length
      state.loadingMore = true
      drawHistory(el, false)
      document.documentElement.dataset.pageReady = 'false'
      try {
        const next = await fetchHistory(state.entity, state.id, state.endCursor)
        if (mine !== generation || history !== state) return
        Object.assign(state, { entries: [...state.entries, ...next.entries], totalCount: next.totalCount, hasNextPage: next.hasNextPage, endCursor: next.endCursor })
        state.moreError = null
      } catch (error) {
        state.moreError = message(error)
      } finally {
        state.loadingMore = false
      }
      if (mine !== generation || history !== state) return
      drawHistory(el, false)
      document.getElementById(`entry-${shown}`)?.focus()
      ready('history')
    }),
    focusTitle,
  )
}

/** Shows a leader's page in `el`. `focusTitle` moves the focus to its heading (on navigation). */
export async function renderLeaderPage(el: HTMLElement, page: LeaderPage, query: string, ctx: PageContext, focusTitle: boolean): Promise<void> {
  const mine = ++generation
  document.documentElement.dataset.pageReady = 'false'
  const title = {
    compare: L('乡镇对比', 'Compare towns'),
    indicators: L('规划指标', 'Plan indicators'),
    plan: L('重点工作', 'Key tasks'),
    data: L('开放数据', 'Open data'),
    history: L('修改记录', 'History'),
  }[page]
  document.title = `${title} · ${L('新郑市知识产权开放数据平台', 'Xinzheng IP open data platform')}`
  const loading = () => redraw(el, h('div', { class: 'leaders' }, h('h2', { id: 'page-title', tabindex: '-1' }, title), h('p', { class: 'hint', role: 'status' }, L('加载中…', 'Loading…'))), focusTitle)
  const failed = (error: unknown) => redraw(el, h('div', { class: 'leaders' }, h('h2', { id: 'page-title', tabindex: '-1' }, title), h('p', { role: 'alert' }, message(error))), focusTitle)
  try {
    if (page === 'indicators') {
      indicators ??= fetchIndicators().catch((e) => ((indicators = undefined), Promise.reject(e)))
      loading()
      const list = await indicators
      if (mine !== generation) return
      redraw(el, renderIndicatorsPage(list), focusTitle)
    } else if (page === 'plan') {
      plan ??= fetchPlan().catch((e) => ((plan = undefined), Promise.reject(e)))
      loading()
      const { tasks, departments } = await plan
      if (mine !== generation) return
      const dept = new URLSearchParams(query).get('dept')
      redraw(
        el,
        renderPlanPage(tasks, departments, departments.some((d) => d.code === dept) ? dept : null, (code) => {
          const q = code ? `dept=${encodeURIComponent(code)}` : ''
          ctx.setQuery(q)
          void renderLeaderPage(el, 'plan', q, ctx, false)
        }),
        focusTitle,
      )
    } else if (page === 'data') {
      // A new visit asks again (row counts change with edits); a redraw in place (language, the map's data arriving) does not.
      if (focusTitle || !datasets) {
        loading()
        const list = await fetchDatasets()
        if (mine !== generation) return
        datasets = list
      }
      redraw(el, renderDataPage(datasets), focusTitle)
    } else if (page === 'history') {
      const params = new URLSearchParams(query)
      const entity = params.get('entity') ?? ''
      const id = params.get('id') ?? ''
      if (!entity || !id) throw new Error(L('地址中缺少 entity 或 id', 'the address names no entity or id'))
      // A new visit asks again (the record may have changed); a redraw in place keeps the pages loaded with "more".
      if (focusTitle || !history || history.entity !== entity || history.id !== id) {
        loading()
        const first = await fetchHistory(entity, id, null)
        if (mine !== generation) return
        history = { entity, id, entries: first.entries, totalCount: first.totalCount, hasNextPage: first.hasNextPage, endCursor: first.endCursor, subject: first.subject, loadingMore: false, moreError: null }
      }
      drawHistory(el, focusTitle)
    } else {
      towns ??= fetchTownOptions().catch((e) => ((towns = undefined), Promise.reject(e)))
      const state = parseCompareQuery(query)
      const options = await towns
      if (mine !== generation) return
      const all = options.map((t) => t.code)
      const codes = (state.codes ?? all).filter((c) => all.includes(c))
      const key = `${codes.join(',')}@${state.radius}`
      const onChange = (next: Partial<CompareState>) => {
        const q = formatCompareQuery({ ...state, ...next })
        ctx.setQuery(q)
        void renderLeaderPage(el, 'compare', q, ctx, false)
      }
      let data = comparisons.get(key)
      if (!data) {
        data = codes.length ? fetchComparison(codes, all, state.radius) : Promise.resolve({ rows: [], county: [], actuals: new Map() })
        data.catch(() => comparisons.delete(key))
        comparisons.set(key, data)
        redraw(el, renderComparePage(null, state, options, { onChange }), focusTitle)
        focusTitle = false
      }
      const figures = await data
      if (mine !== generation) return
      redraw(el, renderComparePage({ towns: options, ...figures }, state, options, { onChange }), focusTitle)
    }
    ready(page)
  } catch (error) {
    if (mine === generation) failed(error)
  }
}
