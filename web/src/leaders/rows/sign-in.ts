/** The row of the stewards' #/sign-in. */
import { currentUser, type SessionUser } from '../../api/session.ts'
import { renderSignInPage } from '../sign-in-page.ts'
import { query, row, userOf, view } from './common.ts'

export const ROW = row<SessionUser | null>({
  load: () => currentUser(),
  render: (state, loaded) => view(renderSignInPage(query(state), userOf(state, loaded))),
})
