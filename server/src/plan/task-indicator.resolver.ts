/**
 * Tasks and the indicators they serve, where the plan's text ties them (table task_indicator):
 * `Task.indicators` / `Task.indicatorLinks` and `Indicator.tasks` / `Indicator.taskLinks`, each list
 * batched through one loader (server/src/loaders.ts), so a list of tasks or indicators runs one query.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql'
import { Indicator } from '../../../schema/indicator.type.ts'
import { Task } from '../../../schema/plan.type.ts'
import { TaskIndicatorLink } from '../../../schema/task-indicator.type.ts'
import type { Context } from '../context.ts'

@Resolver(() => Task)
export class TaskIndicatorsResolver {
  @FieldResolver(() => [Indicator], {
    description: "Indicators the task serves, where the plan's text ties them (see indicatorLinks for the basis), in the indicators' order; empty when none.",
  })
  async indicators(@Root() task: Task, @Ctx() ctx: Context): Promise<Indicator[]> {
    return (await ctx.loaders.indicatorLinksOfTask.load(task)).map((l) => l.indicator)
  }

  @FieldResolver(() => [TaskIndicatorLink], { description: 'The same links with the basis of each (source).' })
  indicatorLinks(@Root() task: Task, @Ctx() ctx: Context): Promise<TaskIndicatorLink[]> {
    return ctx.loaders.indicatorLinksOfTask.load(task)
  }
}

@Resolver(() => Indicator)
export class IndicatorTasksResolver {
  @FieldResolver(() => [Task], {
    description:
      "Tasks of the plan that serve the indicator, where the plan's text ties them (see taskLinks for the basis), in the plan's order; empty when none.",
  })
  async tasks(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<Task[]> {
    return (await ctx.loaders.taskLinksOfIndicator.load(indicator)).map((l) => l.task)
  }

  @FieldResolver(() => [TaskIndicatorLink], { description: 'The same links with the basis of each (source).' })
  taskLinks(@Root() indicator: Indicator, @Ctx() ctx: Context): Promise<TaskIndicatorLink[]> {
    return ctx.loaders.taskLinksOfIndicator.load(indicator)
  }
}
