/** The row of #/compare: the town options, then the comparison of the chosen ones (each in the cache by its own key). */
import type { PageApi, PageContext } from '../../views/pages.ts'
import { compareOf, type State } from '../../state/state.ts'
import { fetchComparison, fetchTownOptions, type TownOption } from '../api.ts'
import { renderComparePage, type CompareData } from '../compare-page.ts'
import type { CompareState } from '../compare-state.ts'
import { row, view } from './common.ts'

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

export const ROW = row<CompareData>({
  load: loadCompare,
  // While a new comparison loads, its controls show already (once the towns are known).
  loading(state, ctx) {
    const towns = ctx.cache.value<TownOption[]>('towns')
    return towns ? view(renderComparePage(null, compareOf(state), towns, compareHandlers(ctx)), true) : null
  },
  render: (state, data, ctx) => view(renderComparePage(data, compareOf(state), data.towns, compareHandlers(ctx))),
})
