/** The row of the stewards' #/account: the signed-in user and the names of their towns. */
import { currentUser, type SessionUser } from '../../api/session.ts'
import { renderAccountPage, type AccountPageData } from '../account-page.ts'
import { loadTownNames } from '../users-page.ts'
import { query, row, userOf, view } from './common.ts'

export const ROW = row<{ user: SessionUser | null } & AccountPageData>({
  load: async (_state, { cache }) => {
    const user = await currentUser()
    return {
      user,
      townNames: user?.regions.length ? (await cache.get('town-names', loadTownNames)).townNames : new Map<string, { nameZh: string; nameEn: string }>(),
    }
  },
  render: (state, loaded) => view(renderAccountPage(query(state), userOf(state, loaded.user), loaded)),
})
