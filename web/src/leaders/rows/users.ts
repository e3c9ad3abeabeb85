/** The row of the admins' #/users. */
import type { PageContext, PageView } from '../../views/pages.ts'
import type { State } from '../../state/state.ts'
import { currentUser, type SessionUser } from '../../api/session.ts'
import { loadUsersPage, renderUsersPage, type UsersPageData } from '../users-page.ts'
import { row, userOf, view } from './common.ts'

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

export const ROW = row<{ user: SessionUser | null; page: UsersPageData }>({
  load: async () => {
    const user = await currentUser()
    return { user, page: await loadUsersPage(user) }
  },
  render: (state, loaded, ctx) => usersView(state, loaded, ctx),
})
