import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql'
import { Dataset } from '../../../schema/dataset.type.ts'
import { Region } from '../../../schema/region.type.ts'
import type { Context } from '../context.ts'
import { NotFoundError } from '../errors.ts'
import { listDatasets } from './dataset.repository.ts'

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => [Dataset], { description: 'Loaded data packages (one per county) with licences, sources and live row counts.' })
  datasets(@Ctx() ctx: Context): Promise<Dataset[]> {
    return listDatasets(ctx.db)
  }

  @FieldResolver(() => Region, { description: 'The county the dataset describes.' })
  async county(@Root() dataset: Dataset, @Ctx() ctx: Context): Promise<Region> {
    const region = await ctx.loaders.region.load(dataset.countyCode)
    if (!region) throw new NotFoundError('Region', dataset.countyCode)
    return region
  }
}
