/**
 * What a signed-in steward gets on the pages without a map: the value entry of #/indicators and the task
 * status form of #/plan (their code loads on first use), and what a save refreshes in the one cache.
 */
import { mutate } from '../api/client.ts'
import { LeaderIndicatorsDocument, LeaderPlanDocument, LeaderReportingDocument } from '../api/generated-leaders.ts'
import type { SessionUser } from '../api/session.ts'
import { addStrings, t } from '../lib/i18n.ts'
import { VALUES_STRINGS } from '../lib/locale/values.ts'
import { h } from '../ui/dom.ts'
import type { PageContext } from '../views/pages.ts'
import type { PlanDepartment, PlanIndicator } from './api.ts'
import type { ValueEntryHooks } from './indicators-page.ts'
import { reportingOf } from './indicator-summary.ts'
import type { TaskStatusHooks } from './plan-page.ts'

// The stewards' words (values, task status, upload) load with the pages that use them.
addStrings(VALUES_STRINGS)

/** The plan's years (its baseline year to its target year), from the indicators' planned values. */
function planYears(list: PlanIndicator[]): number[] {
  const years = list.flatMap((i) => [i.baseline, i.target, ...i.milestones].filter((v) => !!v).map((v) => v.year))
  if (!years.length) return []
  const from = Math.min(...years)
  return Array.from({ length: Math.max(...years) - from + 1 }, (_, k) => from + k)
}

/**
 * Opens a steward's form in `mount` (its code loads on first use), once; `build` makes it. The page may be drawn
 * again between the click and the form's arrival or while the form is open (a load settling, a save's refresh),
 * replacing `mount` and its button (the shell moves an open form into the new mount: `data-keep-open`): each step
 * finds them as the page holds them then, by the mount's id.
 */
function openForm(mount: HTMLElement, button: HTMLButtonElement, build: (close: () => void) => Promise<HTMLFormElement>): void {
  const liveMount = () => document.getElementById(mount.id) ?? mount
  const liveButton = () => document.querySelector<HTMLButtonElement>(`button[aria-controls="${mount.id}"]`) ?? button
  if (liveMount().querySelector('form')) return void liveMount().querySelector<HTMLElement>('select, input')?.focus()
  liveButton().setAttribute('aria-expanded', 'true')
  liveMount().replaceChildren(h('p', { class: 'hint' }, t('values.loadingForm')))
  const close = () => {
    liveMount().replaceChildren()
    liveButton().setAttribute('aria-expanded', 'false')
    liveButton().focus()
  }
  void build(close).then((form) => {
    const target = liveMount()
    // Drawn again meanwhile: the new button says the form is open, as it now is.
    liveButton().setAttribute('aria-expanded', 'true')
    target.replaceChildren(form)
    form.querySelector<HTMLElement>('select, input')?.focus()
  })
}

/** After a steward's save: the pages showing figures ask again (the map's towns, the comparisons). */
function forgetFigures(ctx: PageContext): void {
  for (const prefix of ['town:', 'comparison:', 'compare:', 'data@']) ctx.cache.forgetPrefix(prefix)
}

/** The value entry of #/indicators for a signed-in steward (any role: a township editor records their towns' values). */
export function valueEntry(ctx: PageContext, user: SessionUser, list: PlanIndicator[]): ValueEntryHooks {
  return {
    notice: ctx.cache.value<{ code: string; text: string }>('indicators:notice') ?? null,
    open: (indicator, mount, button) =>
      openForm(mount, button, async (close) => {
        const { renderValueForm } = await import('./value-form.ts')
        return renderValueForm({
          indicator,
          user,
          years: planYears(list),
          onCancel: close,
          async onSaved(saved) {
            // Asked by POST: a GET could come from the browser's cache, from before the save.
            const [fresh, reporting] = await Promise.all([mutate(LeaderIndicatorsDocument), mutate(LeaderReportingDocument)])
            forgetFigures(ctx)
            ctx.cache.put('indicators:data', fresh.indicators)
            ctx.cache.put('indicators:reporting', reportingOf(reporting))
            ctx.cache.put('indicators:notice', { code: indicator.code, text: saved.notice })
            close() // saved: the form's work is done (a redraw keeps an open form)
            ctx.refresh()
            document.getElementById(`ind-${indicator.code}-saved`)?.focus()
          },
        })
      }),
  }
}

/** The status form of #/plan for a signed-in editor or admin (the plan's tasks are the county's). */
export function taskStatusEntry(ctx: PageContext, departments: PlanDepartment[]): TaskStatusHooks {
  return {
    notice: ctx.cache.value<{ code: string; text: string }>('plan:notice') ?? null,
    open: (task, mount, button) =>
      openForm(mount, button, async (close) => {
        const { renderTaskStatusForm } = await import('./task-status-form.ts')
        return renderTaskStatusForm({
          task,
          departments,
          onCancel: close,
          async onSaved(_statuses, notice) {
            const fresh = await mutate(LeaderPlanDocument)
            ctx.cache.put('plan:data', fresh)
            ctx.cache.put('plan:notice', { code: task.code, text: notice })
            close() // saved: the form's work is done (a redraw keeps an open form)
            ctx.refresh()
            document.getElementById(`task-${task.code.replace(/\./g, '-')}-saved`)?.focus()
          },
        })
      }),
  }
}
