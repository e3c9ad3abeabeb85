/** The row of #/plan: the tasks by department (a county editor gets the task status form). */
import { parsePlanQuery } from '../../lib/url-state.ts'
import { currentUser, type SessionUser } from '../../api/session.ts'
import { fetchPlan, type PlanDepartment, type PlanTask } from '../api.ts'
import { renderPlanPage } from '../plan-page.ts'
import { focusLater, taskElementId } from '../plan-links.ts'
import { isCountyEditor, loadStewardHooks, query, row, stewardHooks, userOf, view } from './common.ts'

export const ROW = row<{ plan: { tasks: PlanTask[]; departments: PlanDepartment[] }; user: SessionUser | null }>({
  load: async (_state, { cache }) => {
    const [plan, user] = await Promise.all([
      cache.get('plan:data', fetchPlan),
      // A county editor's task status form (its own chunk) comes with the page; a visitor loads none of it.
      currentUser().then(async (user) => {
        if (isCountyEditor(user)) await loadStewardHooks(cache)
        return user
      }),
    ])
    return { plan, user }
  },
  render(state, { plan: loaded, user }, ctx) {
    const { tasks, departments } = ctx.cache.value<typeof loaded>('plan:data') ?? loaded
    const { dept, status, focus } = parsePlanQuery(query(state))
    const editor = isCountyEditor(userOf(state, user))
    const hooks = stewardHooks(ctx, editor)
    focusLater(focus && taskElementId(focus))
    return view(
      renderPlanPage(
        tasks,
        departments,
        departments.some((d) => d.code === dept) ? dept : null,
        (code) => ctx.dispatch({ type: 'planDept', code }),
        hooks && editor ? hooks.taskStatusEntry(ctx, departments) : null,
        { status, onStatus: (s) => ctx.dispatch({ type: 'planStatus', status: s }) },
      ),
    )
  },
})
