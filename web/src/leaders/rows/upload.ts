/** The row of the stewards' bulk upload #/upload (its state, a file and its dry run, is kept in the cache under `upload:state`). */
import { currentUser, type SessionUser } from '../../api/session.ts'
import { INITIAL_UPLOAD, renderUploadPage, type UploadState } from '../upload-page.ts'
import { row, userOf, view } from './common.ts'

export const ROW = row<SessionUser | null>({
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
})
