/** The row of #/history: an entity's record, "more" appending the next entries (in the cache), a steward's revert. */
import type { PageContext, PageView } from '../../views/pages.ts'
import { hrefOf, type State } from '../../state/state.ts'
import { fromHash } from '../../lib/url-state.ts'
import { addStrings, t, tf } from '../../lib/i18n.ts'
import { RevertChangeDocument } from '../../api/generated-leaders.ts'
import { send, storedToken } from '../../api/send.ts'
import { fetchHistory } from '../api.ts'
import { renderHistoryPage, type HistoryState } from '../history-page.ts'
import { query, row, view } from './common.ts'
import { FEEDBACK_STRINGS } from '../../lib/locale/feedback.ts'

addStrings(FEEDBACK_STRINGS)

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

export const ROW = row<HistoryState>({
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
})
