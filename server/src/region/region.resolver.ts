import { Arg, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql'
import { Lang, RegionLevel, ServicePointKind } from '../../../schema/enums.ts'
import { GIProduct } from '../../../schema/gi-product.type.ts'
import { IndicatorValue } from '../../../schema/indicator.type.ts'
import { Region, RegionName } from '../../../schema/region.type.ts'
import { GeoJSONScalar } from '../../../schema/scalars.ts'
import { ServicePoint } from '../../../schema/service-point.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { listDatasets } from '../dataset/dataset.repository.ts'
import { listRegions } from './region.repository.ts'

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description:
      "The county's township-level units (children of the county), ordered by code. With includeAdministeredElsewhere, " +
      "also the units inside the county's outline that another unit administers (e.g. 郑州航空港区).",
  })
  async regions(
    @Ctx() ctx: Context,
    @Arg('levels', () => [RegionLevel], { nullable: true, description: 'Only units of these levels.' }) levels?: RegionLevel[] | null,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
    @Arg('includeAdministeredElsewhere', () => Boolean, {
      defaultValue: false,
      description: "Also units inside the county's outline that another unit administers.",
    })
    includeAdministeredElsewhere?: boolean,
  ): Promise<Region[]> {
    const regions = await listRegions(ctx.db, { county: await resolveCounty(ctx, county), levels, includeAdministeredElsewhere })
    // Later look-ups of these regions in the same request (a point's town, a product's origin) need no query,
    // whichever tick they come in: the statement count does not depend on timing.
    for (const r of regions) ctx.loaders.region.prime(r.code, r)
    return regions
  }

  @Query(() => Region, { nullable: true, description: 'A region (county or township-level unit) by NBS code; null when unknown.' })
  async region(@Ctx() ctx: Context, @Arg('code', () => ID, { description: 'NBS code, e.g. 410184109.' }) code: string): Promise<Region | null> {
    return (await ctx.loaders.region.load(code)) ?? null
  }

  @Query(() => [Region], { description: 'The counties whose data packages are loaded, ordered by code.' })
  async counties(@Ctx() ctx: Context): Promise<Region[]> {
    const codes = (await listDatasets(ctx.db)).map((d) => d.countyCode).sort()
    return (await ctx.loaders.region.loadMany(codes)).filter((r): r is Region => !!r && !(r instanceof Error))
  }

  @FieldResolver(() => String, { description: 'Current name in the language asked for.' })
  name(@Root() region: Region, @Arg('lang', () => Lang, { defaultValue: Lang.ZH, description: 'ZH (default) or EN.' }) lang: Lang): string {
    return lang === Lang.EN ? region.nameEn : region.nameZh
  }

  @FieldResolver(() => [RegionName], { description: 'Names the region has had, oldest first (empty when it was never renamed).' })
  names(@Root() region: Region, @Ctx() ctx: Context): Promise<RegionName[]> {
    return ctx.loaders.namesOfRegion.load(region.code)
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The unit directly above this one; null for a county.' })
  async parent(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.parentCode ? ((await ctx.loaders.region.load(region.parentCode)) ?? null) : null
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: 'The unit that administers this one when it is not the county it lies in (e.g. 郑州航空港区); null otherwise.',
  })
  async administeredBy(@Root() region: Region, @Ctx() ctx: Context): Promise<Region | null> {
    return region.administeredByCode ? ((await ctx.loaders.region.load(region.administeredByCode)) ?? null) : null
  }

  @FieldResolver(() => [Region], { description: 'Units directly below this one, ordered by code.' })
  children(@Root() region: Region, @Ctx() ctx: Context): Promise<Region[]> {
    return ctx.loaders.childrenOfRegion.load(region.code)
  }

  @FieldResolver(() => GeoJSONScalar, {
    nullable: true,
    description:
      'Boundary as a GeoJSON MultiPolygon (WGS84, ≤ 6 decimals, right-hand rule). Check boundaryQuality: APPROXIMATE ' +
      'boundaries are schematic. simplifyMeters (0–10000) simplifies it for display (Douglas–Peucker, topology-preserving per polygon, then made valid: always a valid MultiPolygon).',
  })
  async boundary(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Arg('simplifyMeters', () => Float, { nullable: true, description: 'Tolerance in metres (0–10000); 0 or null keeps every vertex.' })
    simplifyMeters?: number | null,
  ): Promise<object | null> {
    const tolerance = simplifyMeters ?? 0
    if (!(tolerance >= 0 && tolerance <= 10_000)) throw new BadUserInputError('simplifyMeters', 'must be between 0 and 10000')
    return ctx.loaders.boundary.load({ code: region.code, simplifyMeters: tolerance })
  }

  @FieldResolver(() => [ServicePoint], { description: 'Service points recorded in this region, ordered by id.' })
  async servicePoints(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Arg('kinds', () => [ServicePointKind], { nullable: true, description: 'Only these kinds.' }) kinds?: ServicePointKind[] | null,
  ): Promise<ServicePoint[]> {
    const points = await ctx.loaders.servicePointsOfRegion.load(region.code)
    return kinds?.length ? points.filter((p) => kinds.includes(p.kind)) : points
  }

  @FieldResolver(() => [GIProduct], { description: 'GI products whose origin includes this region, ordered by code.' })
  giProducts(@Root() region: Region, @Ctx() ctx: Context): Promise<GIProduct[]> {
    return ctx.loaders.giProductsOfRegion.load(region.code)
  }

  @FieldResolver(() => [IndicatorValue], {
    description: 'Indicator values recorded for this region (plan figures are recorded for the county), by indicator, year and kind.',
  })
  async indicatorValues(
    @Root() region: Region,
    @Ctx() ctx: Context,
    @Arg('indicator', () => ID, { nullable: true, description: "Only this indicator's values." }) indicator?: string | null,
  ): Promise<IndicatorValue[]> {
    const values = await ctx.loaders.valuesOfRegion.load(region.code)
    return indicator ? values.filter((v) => v.indicatorCode === indicator) : values
  }
}
