import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql'
import { PopulationKind, ServicePointKind, ValueKind } from '../../../schema/enums.ts'
import { RegionComparison } from '../../../schema/comparison.type.ts'
import { IndicatorValue } from '../../../schema/indicator.type.ts'
import { Region } from '../../../schema/region.type.ts'
import type { Context } from '../context.ts'
import { BadUserInputError } from '../errors.ts'
import { deriveFigures, memoisedFigures } from './figures.ts'

/** Most regions one comparison may ask for. */
export const MAX_COMPARED = 100

@Resolver(() => RegionComparison)
export class CompareResolver {
  @Query(() => [RegionComparison], {
    description:
      `Regions side by side, one row per code in the order asked (at most ${MAX_COMPARED}); coverageRadiusKm is 0.1–50. ` +
      'Each field says how its figure is computed.',
  })
  async compareRegions(
    @Ctx() ctx: Context,
    @Arg('codes', () => [ID], { description: 'Region codes, in the order the rows should come.' }) codes: string[],
    @Arg('coverageRadiusKm', () => Float, { defaultValue: 5, description: 'Radius around each station for coverageShare, in km (0.1–50).' })
    coverageRadiusKm: number = 5,
  ): Promise<RegionComparison[]> {
    if (codes.length === 0 || codes.length > MAX_COMPARED) throw new BadUserInputError('codes', `give 1 to ${MAX_COMPARED} region codes`)
    if (new Set(codes).size !== codes.length) throw new BadUserInputError('codes', 'a region code is given twice')
    if (!(coverageRadiusKm >= 0.1 && coverageRadiusKm <= 50)) throw new BadUserInputError('coverageRadiusKm', 'must be between 0.1 and 50')
    const regions = await ctx.loaders.region.loadMany(codes)
    codes.forEach((code, i) => {
      if (!regions[i] || regions[i] instanceof Error) throw new BadUserInputError('codes', `no region has the code ${code}`)
    })
    // Coverage is costly (buffers, unions, intersections) and changes only with the data: shared until the next write.
    const computed = await memoisedFigures(ctx, codes, coverageRadiusKm)
    const figures = new Map(computed.map((f) => [f.code, f]))
    const byCoverage = [...codes].sort((a, b) => {
      const sa = figures.get(a)!.coverageShare
      const sb = figures.get(b)!.coverageShare
      if (sa === sb) return a < b ? -1 : a > b ? 1 : 0
      if (sa === null) return 1
      if (sb === null) return -1
      return sb - sa
    })
    const kinds = Object.values(ServicePointKind)
    return codes.map((code, i) => {
      const f = figures.get(code)!
      const derived = deriveFigures(f)
      return {
        region: regions[i] as Region,
        regionCode: code,
        population: f.population,
        populationYear: f.populationYear,
        populationKind: f.populationKind as PopulationKind | null,
        areaKm2: f.areaKm2,
        servicePointCount: derived.servicePointCount!,
        servicePointCountByKind: kinds.filter((k) => f.countsByKind[k]).map((kind) => ({ kind, count: f.countsByKind[kind] })),
        servicePointsPer10k: derived.servicePointsPer10k,
        servicePointsPer100Km2: derived.servicePointsPer100Km2,
        giProductCount: f.giProductCount,
        coverageShare: f.coverageShare,
        activeCoverageShare: f.activeCoverageShare,
        rank: byCoverage.indexOf(code) + 1,
      }
    })
  }

  @FieldResolver(() => [IndicatorValue], {
    description: "The latest ACTUAL value recorded for this region of each indicator, in the plan's order.",
  })
  async latestIndicatorValues(@Root() row: RegionComparison, @Ctx() ctx: Context): Promise<IndicatorValue[]> {
    const actuals = (await ctx.loaders.valuesOfRegion.load(row.regionCode)).filter((v) => v.kind === ValueKind.ACTUAL)
    const latest = new Map<string, IndicatorValue>()
    for (const v of actuals) if ((latest.get(v.indicatorCode)?.year ?? -Infinity) < v.year) latest.set(v.indicatorCode, v)
    // valuesOfRegion is in the plan's order already.
    return [...new Set(actuals.map((v) => v.indicatorCode))].map((code) => latest.get(code)!)
  }
}
