import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql'
import { ServicePoint } from '../../../schema/service-point.type.ts'
import type { Context } from '../context.ts'
import { getServicePoint } from './service-point.repository.ts'

@Resolver(() => ServicePoint)
export class ServicePointByIdResolver {
  @Query(() => ServicePoint, {
    nullable: true,
    description: 'One service point by id (any county), or null when there is none; e.g. for a feature picked from a vector tile.',
  })
  async servicePoint(@Ctx() ctx: Context, @Arg('id', () => ID, { description: "The service point's id." }) id: string): Promise<ServicePoint | null> {
    return (await getServicePoint(ctx.db, id)) ?? null
  }
}
