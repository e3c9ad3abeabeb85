/** The row of #/plan: the tasks by department (a county editor gets the task status form). */
import { parsePlanQuery } from '../../lib/url-state.ts'
import { currentUser, type SessionUser } from '../../api/session.ts'
import { fetchPlan, type PlanDepartment, type PlanTask } from '../api.ts'
import { renderPlanPage } from '../plan-page.ts'
import { focusLater, taskElementId } from '../plan-links.ts'
import { isCountyEditor, taskStatusEntry } from '../steward-hooks.ts'
import { query, row, userOf, view } from './common.ts'

export const ROW = row<{ plan: { tasks: PlanTask[]; departments: PlanDepartment[] }; user: SessionUser | null }>({
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
})
