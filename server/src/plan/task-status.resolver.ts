/**
 * Plan task statuses: a steward reports a task's progress (for the task as a whole or for one of its
 * responsible units) through the one write path, audited with their name; the latest report per task
 * and unit is on `Task.statuses`. A task nobody has reported on has no status: 未报告 / not reported.
 */
import DataLoader from 'dataloader'
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql'
import { applyRecords, RecordProblems, type Problem } from '../../../db/records/apply.ts'
import { taskStatuses, WHOLE_TASK } from '../../../db/records/plan-resources.ts'
import { parseCell, type Values } from '../../../db/records/values.ts'
import { Department, Task } from '../../../schema/plan.type.ts'
import { PlanTaskStatusInput, TaskProgress } from '../../../schema/stewardship.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { listResponsibleDepartmentCodes, listStatusesOfTasks, listTasks } from './plan.repository.ts'
import { requireCountyScope } from '../auth/scope.ts'

const INPUT_FIELDS: Record<string, string> = {
  task_code: 'task',
  department_code: 'department',
  status: 'status',
  status_date: 'date',
  progress_note: 'note',
  evidence_url: 'evidenceUrl',
}

function inputError(problems: Problem[]): BadUserInputError {
  const named = problems.map((p) => ({ argument: `input.${(p.column && INPUT_FIELDS[p.column]) ?? 'task'}`, message: p.message }))
  return new BadUserInputError(named[0].argument, named[0].message, { problems: named })
}

/** Today in China (UTC+8), YYYY-MM-DD: a status dated later is refused. */
const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

const loaders = new WeakMap<Context, DataLoader<Task, TaskProgress[]>>()
function statusLoader(ctx: Context): DataLoader<Task, TaskProgress[]> {
  let loader = loaders.get(ctx)
  if (!loader) {
    loader = new DataLoader<Task, TaskProgress[], string>(
      async (tasks) => {
        const rows = await listStatusesOfTasks(
          ctx.db,
          tasks.map((t) => ({ countyCode: t.countyCode, code: t.code })),
        )
        return tasks.map((t) => rows.filter((r) => r.countyCode === t.countyCode && r.taskCode === t.code))
      },
      { cacheKeyFn: (t) => `${t.countyCode}/${t.code}` },
    )
    loaders.set(ctx, loader)
  }
  return loader
}

@Resolver(() => Task)
export class TaskStatusResolver {
  @FieldResolver(() => [TaskProgress], {
    description:
      'The latest reported status, for the task as a whole first, then per responsible unit; empty when nobody has reported (未报告 / not reported).',
  })
  statuses(@Root() task: Task, @Ctx() ctx: Context): Promise<TaskProgress[]> {
    return statusLoader(ctx).load(task)
  }

  @Mutation(() => Task, { description: 'Reports the status of a plan task (editor), for the task as a whole or one of its responsible units; audited.' })
  async setPlanTaskStatus(
    @Ctx() ctx: Context,
    @Arg('input', () => PlanTaskStatusInput, { description: 'The report.' }) input: PlanTaskStatusInput,
  ): Promise<Task> {
    const viewer = await ctx.auth.require('editor', 'setPlanTaskStatus')
    const county = await resolveCounty(ctx, input.county)
    // The plan's tasks are the county's: a report needs the whole county (an editor, or an admin).
    requireCountyScope(viewer, 'setPlanTaskStatus', county)
    if (input.department) {
      const responsible = await listResponsibleDepartmentCodes(ctx.db, county, input.task)
      if (responsible.length && !responsible.includes(input.department)) {
        throw new BadUserInputError(
          'input.department',
          `"${input.department}" 不是任务 ${input.task} 的责任单位 / is not a responsible unit of task ${input.task} (its units: ${responsible.join(', ')})`,
        )
      }
    }
    const raw: Record<string, unknown> = {
      task_code: input.task,
      department_code: input.department || WHOLE_TASK,
      status: input.status,
      status_date: input.date,
      progress_note: input.note?.trim() || null,
      evidence_url: input.evidenceUrl?.trim() || null,
    }
    const problems: Problem[] = []
    const values: Values = {}
    for (const field of taskStatuses.fields) {
      values[field.name] = parseCell(field, raw[field.name], (message) => problems.push({ line: 1, column: field.name, message }))
    }
    if (!problems.length && values.status_date && values.status_date > todayInChina()) {
      problems.push({ line: 1, column: 'status_date', message: `${values.status_date} 晚于今天 / is in the future` })
    }
    if (problems.length) throw inputError(problems)
    try {
      await applyRecords(ctx.db, taskStatuses, [{ line: 1, values }], { county, actor: viewer.name })
    } catch (error) {
      if (error instanceof RecordProblems) throw inputError(error.problems)
      throw error
    }
    return (await listTasks(ctx.db, county)).find((t) => t.code === input.task)!
  }
}

@Resolver(() => TaskProgress)
export class TaskProgressResolver {
  @FieldResolver(() => Department, { nullable: true, description: 'The responsible unit the status is for; null: the task as a whole.' })
  async department(@Root() progress: TaskProgress, @Ctx() ctx: Context): Promise<Department | null> {
    if (!progress.departmentCode) return null
    return (await ctx.loaders.department.load({ countyCode: progress.countyCode, code: progress.departmentCode })) ?? null
  }
}
