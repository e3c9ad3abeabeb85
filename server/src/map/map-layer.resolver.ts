import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql'
import { MapLayer } from '../../../schema/enums.ts'
import { GeoJSONScalar } from '../../../schema/scalars.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { BadUserInputError } from '../errors.ts'
import { giProductsLayer, regionsLayer, servicePointsLayer } from './map-layer.repository.ts'

@Resolver()
export class MapLayerResolver {
  @Query(() => GeoJSONScalar, {
    description:
      'A map layer as one GeoJSON FeatureCollection (RFC 7946: WGS84, ≤ 6 decimals, right-hand rule), built in SQL. ' +
      'Feature ids are region codes, service point ids or GI product codes. REGIONS properties: code, nameZh, nameEn, ' +
      'level, inCountyStatistics, administeredByZh/En, boundaryQuality, population, populationYear, areaKm2, ' +
      'servicePointCount, giProductCount, seat. SERVICE_POINTS: id, nameZh, nameEn, kind, status, locationQuality, ' +
      'regionCode, address, services, source, sourceZh (null where source is Chinese already). GI_PRODUCTS: code, nameZh, nameEn, status, categoryZh/En, ' +
      'originAreaQuality, originRegionCodes. With region, only what lies in (or comes from) that region. ' +
      'With maxFeatures, the collection also carries numberMatched and numberReturned (as in OGC API – Features) ' +
      'and holds no features when more than maxFeatures match: a client then draws the layer from /tiles.',
  })
  async mapLayer(
    @Ctx() ctx: Context,
    @Arg('layer', () => MapLayer, { description: 'Which layer.' }) layer: MapLayer,
    @Arg('region', () => ID, { nullable: true, description: 'Only what lies in, or comes from, this region.' }) region?: string | null,
    @Arg('simplifyMeters', () => Float, {
      nullable: true,
      description: 'Simplify polygons for display (0–10000 m); the result is still valid (made valid after simplification).',
    })
    simplifyMeters?: number | null,
    @Arg('county', () => ID, { nullable: true, description: "County code; defaults to the platform's default county." })
    county?: string | null,
    @Arg('maxFeatures', () => Int, {
      nullable: true,
      description: 'Return no features when more than this many match (only numberMatched); 0 or more.',
    })
    maxFeatures?: number | null,
  ): Promise<object> {
    const tolerance = simplifyMeters ?? 0
    if (!(tolerance >= 0 && tolerance <= 10_000)) throw new BadUserInputError('simplifyMeters', 'must be between 0 and 10000')
    if (maxFeatures != null && maxFeatures < 0) throw new BadUserInputError('maxFeatures', 'must be 0 or more')
    const countyCode = await resolveCounty(ctx, county)
    const query = { county: countyCode, region, simplifyMeters: tolerance, maxFeatures }
    return ctx.gate.run(() => {
      if (layer === MapLayer.REGIONS) return regionsLayer(ctx.db, query)
      if (layer === MapLayer.SERVICE_POINTS) return servicePointsLayer(ctx.db, query)
      return giProductsLayer(ctx.db, query)
    })
  }
}
