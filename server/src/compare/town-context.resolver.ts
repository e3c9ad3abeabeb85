import { Arg, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql'
import { FigureContext, IndicatorContext } from '../../../schema/context.type.ts'
import { Region } from '../../../schema/region.type.ts'
import type { Context } from '../context.ts'
import { BadUserInputError } from '../errors.ts'
import { listIndicators } from '../indicator/indicator.repository.ts'
import { listRegions } from '../region/region.repository.ts'
import { memoisedFigures } from './figures.ts'
import { townFigureContexts, townIndicatorContexts } from './town-context.ts'

/** The codes of a county's towns (its children, in its statistics), memoised until the next write. */
function townsOf(ctx: Context, county: string): Promise<string[]> {
  return ctx.memo.get(`towns:${county}`, async () => (await listRegions(ctx.db, { county })).map((r) => r.code))
}

@Resolver(() => Region)
export class TownContextResolver {
  @FieldResolver(() => [FigureContext], {
    description:
      "This town's comparison figures (compareRegions' fields), each beside the county's value, the towns' median and the town's rank among " +
      "the county's towns that have a value; per-capita figures ranked only between populations of the same year and kind. " +
      'Empty for the county itself and for units counted elsewhere. coverageRadiusKm is 0.1–50.',
  })
  async figureContexts(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Arg('coverageRadiusKm', () => Float, { defaultValue: 5, description: 'Radius around each station for the coverage shares, in km (0.1–50).' })
    coverageRadiusKm: number = 5,
  ): Promise<FigureContext[]> {
    if (!(coverageRadiusKm >= 0.1 && coverageRadiusKm <= 50)) throw new BadUserInputError('coverageRadiusKm', 'must be between 0.1 and 50')
    const towns = await townsOf(ctx, region.countyCode)
    if (!towns.includes(region.code)) return []
    // The same memo keys as compareRegions for the county's towns (what the map and #/compare ask): computed once.
    const [rows, county] = await Promise.all([memoisedFigures(ctx, towns, coverageRadiusKm), memoisedFigures(ctx, [region.countyCode], coverageRadiusKm)])
    return townFigureContexts(region.code, rows, county[0])
  }

  @FieldResolver(() => [IndicatorContext], {
    description:
      "This town's latest ACTUAL of each indicator that has one (in the plan's order), beside the county's ACTUAL of the same year, " +
      "the median of the towns with an ACTUAL of that year and the town's rank among them. Empty for the county and units counted elsewhere.",
  })
  async indicatorContexts(@Root() region: Region, @Ctx() ctx: Context): Promise<IndicatorContext[]> {
    const towns = await townsOf(ctx, region.countyCode)
    if (!towns.includes(region.code)) return []
    const indicators = await listIndicators(ctx.db, { county: region.countyCode })
    const values = await Promise.all(indicators.map((i) => ctx.loaders.valuesOfIndicator.load(i)))
    const byIndicator = new Map(indicators.map((i, n) => [i, values[n]]))
    return townIndicatorContexts(region.code, towns, indicators, (i) => byIndicator.get(i)!)
  }
}
