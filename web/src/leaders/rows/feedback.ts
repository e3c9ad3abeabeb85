/** The row of the stewards' feedback queue #/feedback (asked again on every visit). */
import type { PageContext, PageView } from '../../views/pages.ts'
import { hrefOf, type State } from '../../state/state.ts'
import { fromHash } from '../../lib/url-state.ts'
import { addStrings, t } from '../../lib/i18n.ts'
import { storedToken } from '../../api/send.ts'
import { loadFeedbackPage, renderFeedbackPage, statusOf, subjectRoute, type FeedbackPageState } from '../feedback-page.ts'
import { query, row, view } from './common.ts'
import { FEEDBACK_STRINGS } from '../../lib/locale/feedback.ts'

addStrings(FEEDBACK_STRINGS)

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

export const ROW = row<FeedbackPageState>({
  load: (state, { cache }) => cache.get(feedbackKey(state), () => loadFeedbackPage(statusOf(query(state)))),
  render: (state, loaded, ctx) => feedbackView(state, ctx.cache.value<FeedbackPageState>(feedbackKey(state)) ?? loaded, ctx),
})
