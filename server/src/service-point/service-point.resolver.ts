import type { GraphQLResolveInfo } from 'graphql'
import { Arg, Ctx, FieldResolver, Float, ID, Info, Int, Query, Resolver, Root } from 'type-graphql'
import { Lang, ServicePointKind, ServicePointStatus } from '../../../schema/enums.ts'
import { Region } from '../../../schema/region.type.ts'
import { BBoxInput } from '../../../schema/inputs.ts'
import { ServicePoint, ServicePointConnection, ServicePointDistance } from '../../../schema/service-point.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { checkBbox, checkLatitude, checkLongitude } from '../geo-input.ts'
import { checkPageSize, connection, cursors, MAX_PAGE_SIZE } from '../relay.ts'
import { selectedFields } from '../selection.ts'
import { listNearestServicePoints, listServicePointsPage } from './service-point.repository.ts'

/** Most neighbours `nearestServicePoints` returns. */
export const MAX_NEAREST = 50

const cursor = cursors('sp:')

@Resolver(() => ServicePoint)
export class ServicePointResolver {
  @Query(() => ServicePointConnection, {
    description: `Service points of a county as a Relay connection, ordered by id; first is 1–${MAX_PAGE_SIZE}.`,
  })
  async servicePoints(
    @Ctx() ctx: Context,
    @Arg('kinds', () => [ServicePointKind], { nullable: true, description: 'Only these kinds.' }) kinds?: ServicePointKind[] | null,
    @Arg('statuses', () => [ServicePointStatus], { nullable: true, description: 'Only these statuses.' }) statuses?: ServicePointStatus[] | null,
    @Arg('region', () => ID, {
      nullable: true,
      description: "Only points located inside this region's boundary (PostGIS ST_Covers), and points without a location recorded in it.",
    })
    region?: string | null,
    @Arg('bbox', () => BBoxInput, { nullable: true, description: 'Only points located inside this box.' }) bbox?: BBoxInput | null,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `Page size, 1–${MAX_PAGE_SIZE}.` }) first: number = 50,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item of the previous page (pageInfo.endCursor).' }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ServicePointConnection> {
    checkPageSize(first)
    const afterId = after ? cursor.decode(after) : null
    if (bbox) checkBbox('bbox', bbox)
    const page = await listServicePointsPage(
      ctx.db,
      { county: await resolveCounty(ctx, county), kinds, statuses, region, bbox },
      { first, afterId },
      // Read only the columns asked for, and count only when totalCount is asked for.
      info ? { fields: selectedFields(info, ['edges', 'node']), totalCount: selectedFields(info).has('totalCount') } : { totalCount: true },
    )
    return connection(page.points, (p) => p.id, cursor.encode, { hasNextPage: page.hasNextPage, totalCount: page.totalCount, after: afterId !== null })
  }

  @Query(() => [ServicePointDistance], {
    description: `The located service points nearest to a point, nearest first (ties by id), with geodesic distances; limit 1–${MAX_NEAREST}.`,
  })
  async nearestServicePoints(
    @Ctx() ctx: Context,
    @Arg('lng', () => Float, { description: 'Longitude, WGS84 degrees.' }) lng: number,
    @Arg('lat', () => Float, { description: 'Latitude, WGS84 degrees.' }) lat: number,
    @Arg('kinds', () => [ServicePointKind], { nullable: true, description: 'Only these kinds.' }) kinds?: ServicePointKind[] | null,
    @Arg('limit', () => Int, { defaultValue: 5, description: `How many, 1–${MAX_NEAREST}.` }) limit: number = 5,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<ServicePointDistance[]> {
    checkLongitude('lng', lng)
    checkLatitude('lat', lat)
    if (!(limit >= 1 && limit <= MAX_NEAREST)) throw new BadUserInputError('limit', `must be between 1 and ${MAX_NEAREST}`)
    const fields = info ? selectedFields(info, ['servicePoint']) : undefined
    const nearest = await listNearestServicePoints(ctx.db, { county: await resolveCounty(ctx, county), lng, lat, kinds, limit }, fields)
    return nearest.map((n) => ({ servicePoint: n.point, distanceMeters: n.distanceMeters }))
  }

  @FieldResolver(() => String, { description: 'Name in the language asked for (Chinese by default; English is pinyin for places).' })
  name(@Root() point: ServicePoint, @Arg('lang', () => Lang, { defaultValue: Lang.ZH, description: 'ZH (default) or EN.' }) lang: Lang): string {
    return lang === Lang.EN ? point.nameEn : point.nameZh
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The township-level unit it is in; null when unknown.' })
  region(@Root() point: ServicePoint, @Ctx() ctx: Context): Region | null | Promise<Region | null> {
    if (!point.regionCode) return null
    // Usually memoised: answered without a promise, so a list of points does not wait a tick per row.
    const region = ctx.loaders.regionNow(point.regionCode)
    return region instanceof Promise ? region.then((r) => r ?? null) : (region ?? null)
  }
}
