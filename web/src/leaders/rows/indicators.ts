/** The row of #/indicators: the indicators, their reporting summary and who is signed in (a steward gets the value entry). */
import { currentUser, type SessionUser } from '../../api/session.ts'
import { fetchIndicators, type PlanIndicator } from '../api.ts'
import { fetchReporting, type Reporting } from '../indicator-summary.ts'
import { renderIndicatorsLoading, renderIndicatorsPage } from '../indicators-page.ts'
import { focusLater } from '../plan-links.ts'
import { isSteward, loadStewardHooks, query, row, stewardHooks, userOf, view } from './common.ts'

export const ROW = row<{ list: PlanIndicator[]; reporting: Reporting; user: SessionUser | null }>({
  load: async (_state, { cache }) => {
    const [list, reporting, user] = await Promise.all([
      cache.get('indicators:data', fetchIndicators),
      cache.get('indicators:reporting', fetchReporting),
      // A steward's value entry (its own chunk) comes with the page; a visitor loads none of it.
      currentUser().then(async (user) => {
        if (isSteward(user)) await loadStewardHooks(cache)
        return user
      }),
    ])
    return { list, reporting, user }
  },
  // The introduction shows at once (it is the page's largest text), the figures when they come.
  loading: () => view(renderIndicatorsLoading(), true),
  render(state, { list: loaded, reporting: loadedReporting, user: loadedUser }, ctx) {
    // A save puts the fresh list (and drops the summary, asked again) in the cache.
    const list = ctx.cache.value<PlanIndicator[]>('indicators:data') ?? loaded
    const reporting = ctx.cache.value<Reporting>('indicators:reporting') ?? loadedReporting
    // Who is signed in now (the page's data stays loaded across a sign-out and another's sign-in).
    const user = userOf(state, loadedUser)
    // A link from a task (#/indicators?focus=<code>) lands on that indicator's card.
    const focus = new URLSearchParams(query(state)).get('focus')
    focusLater(focus && `ind-${focus}`)
    const hooks = stewardHooks(ctx, isSteward(user))
    return view(renderIndicatorsPage(list, reporting, hooks && isSteward(user) ? hooks.valueEntry(ctx, user, list) : null))
  },
})
