import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql'
import { Lang } from '../../../schema/enums.ts'
import { Department, Responsibility, Task } from '../../../schema/plan.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { listDepartments, listTasks } from './plan.repository.ts'

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => [Task], { description: "The plan's key tasks and safeguards, in the plan's order." })
  async tasks(
    @Ctx() ctx: Context,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
  ): Promise<Task[]> {
    return listTasks(ctx.db, await resolveCounty(ctx, county))
  }

  @FieldResolver(() => [Responsibility], { description: 'Bodies responsible for the task, in the order the plan names them.' })
  responsibilities(@Root() task: Task, @Ctx() ctx: Context): Promise<Responsibility[]> {
    return ctx.loaders.responsibilitiesOfTask.load(task)
  }

  @FieldResolver(() => [Department], { description: 'Bodies responsible for the task, in the order the plan names them.' })
  async departments(@Root() task: Task, @Ctx() ctx: Context): Promise<Department[]> {
    return (await ctx.loaders.responsibilitiesOfTask.load(task)).map((r) => r.department)
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => [Department], { description: 'The leading group, its office and the responsible units, as the plan lists them.' })
  async departments(
    @Ctx() ctx: Context,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
  ): Promise<Department[]> {
    return listDepartments(ctx.db, await resolveCounty(ctx, county))
  }

  @FieldResolver(() => String, { description: 'Name in the language asked for (Chinese by default; English is pinyin for places).' })
  name(@Root() department: Department, @Arg('lang', () => Lang, { defaultValue: Lang.ZH, description: 'ZH (default) or EN.' }) lang: Lang): string {
    return lang === Lang.EN ? department.nameEn : department.nameZh
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The group this body is a member of (the leading group), if any.' })
  async memberOf(@Root() department: Department, @Ctx() ctx: Context): Promise<Department | null> {
    if (!department.memberOfCode) return null
    return (await ctx.loaders.department.load({ countyCode: department.countyCode, code: department.memberOfCode })) ?? null
  }

  @FieldResolver(() => [Department], { description: 'Members of this group, in list order (empty for a unit).' })
  members(@Root() department: Department, @Ctx() ctx: Context): Promise<Department[]> {
    return ctx.loaders.membersOfDepartment.load(department)
  }

  @FieldResolver(() => [Task], {
    description:
      "Tasks this body is named for, in the plan's order. With includeViaGroups, also the tasks given to a group it belongs to " + '(e.g. 领导小组各成员单位).',
  })
  async tasks(
    @Root() department: Department,
    @Ctx() ctx: Context,
    @Arg('includeViaGroups', () => Boolean, { defaultValue: false, description: 'Also the tasks given to a group this body belongs to.' })
    includeViaGroups: boolean,
  ): Promise<Task[]> {
    const direct = (await ctx.loaders.tasksOfDepartment.load(department)).map((t) => t.task)
    if (!includeViaGroups || !department.memberOfCode) return direct
    const viaGroup = (await ctx.loaders.tasksOfDepartment.load({ countyCode: department.countyCode, code: department.memberOfCode })).map((t) => t.task)
    const byCode = new Map([...direct, ...viaGroup].map((t) => [t.code, t]))
    return [...byCode.values()].sort((a, b) => a.position - b.position)
  }
}
