/** The web app's GraphQL operations (documents in ./map.graphql, typed in ./generated.ts), each returning plain data shaped for the views. */
import { request } from './client.ts'
import {
  CountyLayersDocument,
  NearestDocument,
  RegionFiguresDocument,
  ServicePointDocument,
  TownDocument,
  type ServicePointFieldsFragment,
  type TownQuery,
} from './generated.ts'
import type {
  GeometryQuality,
  GIProductCollection,
  GIStatus,
  Lang,
  PointGeometry,
  RegionCollection,
  RegionFigures,
  ServicePointCollection,
  ServicePointItem,
} from './types.ts'

function toItem(node: ServicePointFieldsFragment): ServicePointItem {
  const { location, region, ...rest } = node
  const point = location as PointGeometry | null
  return { ...rest, regionCode: region?.code ?? null, location: point ? point.coordinates : null }
}

/** What the county view loads in its first request. */
export interface CountyLayers {
  regions: RegionCollection
  /** The located service points; empty when there are more than the threshold (see `pointTiles`). */
  servicePoints: ServicePointCollection
  giProducts: GIProductCollection
  /** More located points than the threshold: the map draws them from vector tiles (/tiles/service-points). */
  pointTiles: boolean
  /** How many located service points the county has. */
  locatedPointCount: number
  /** The county's service points, located or not, ordered by id (the first 500). */
  allServicePoints: ServicePointItem[]
  /** Every GI product, with an origin area or not, ordered by code; `originRegionCodes` is empty when the origin is unknown. */
  allGiProducts: GIProductItem[]
}

/** A GI product as listed (its origin known or not). */
export interface GIProductItem {
  code: string
  nameZh: string
  nameEn: string
  status: GIStatus
  originAreaQuality: GeometryQuality
  originRegionCodes: string[]
}

/**
 * The county map's three layers and the list of service points, in one request. Service points come
 * as GeoJSON only up to `maxPoints`; above that, mapLayer answers with their number alone.
 */
export async function fetchCountyLayers(maxPoints: number, signal?: AbortSignal): Promise<CountyLayers> {
  const data = await request(CountyLayersDocument, { maxPoints }, signal)
  // mapLayer answers a GeoJSON scalar: its features' properties are described in the field's description (and ./types.ts).
  const points = data.points as ServicePointCollection & { numberMatched: number; numberReturned: number }
  return {
    regions: data.regions as RegionCollection,
    servicePoints: points,
    giProducts: data.gi as GIProductCollection,
    pointTiles: points.numberReturned < points.numberMatched,
    locatedPointCount: points.numberMatched,
    allServicePoints: data.all.edges.map((e) => toItem(e.node)),
    allGiProducts: data.giList.map(({ originRegions, ...g }) => ({ ...g, originRegionCodes: originRegions.map((r) => r.code) })),
  }
}

/** One service point with its details (e.g. one drawn from a vector tile), or null. */
export async function fetchServicePoint(id: string): Promise<ServicePointItem | null> {
  const data = await request(ServicePointDocument, { id })
  return data.servicePoint && toItem(data.servicePoint)
}

/** Figures per region from `compareRegions` (coverage within `coverageRadiusKm` of a station). */
export async function fetchRegionFigures(codes: string[], coverageRadiusKm = 5): Promise<Map<string, RegionFigures>> {
  const data = await request(RegionFiguresDocument, { codes, r: coverageRadiusKm })
  return new Map(data.compareRegions.map(({ region, ...figures }) => [region.code, { code: region.code, ...figures }]))
}

/** An indicator with the values recorded for one region. */
export type IndicatorActuals = TownQuery['indicators'][number]

/** A township-level unit as its page shows it. */
export type TownDetail = Omit<NonNullable<TownQuery['region']>, 'servicePoints'> & {
  servicePoints: ServicePointItem[]
  /** Indicators with at least one value recorded for this region. */
  indicators: IndicatorActuals[]
}

/** One township-level unit for its page; undefined when the code is unknown. */
export async function fetchTown(code: string): Promise<TownDetail | undefined> {
  const data = await request(TownDocument, { code })
  if (!data.region) return undefined
  return {
    ...data.region,
    servicePoints: data.region.servicePoints.map(toItem),
    indicators: data.indicators.filter((i) => i.actuals.length > 0),
  }
}

/** A located service point and its geodesic distance in metres. */
export interface NearestPoint {
  item: ServicePointItem
  distanceMeters: number
}

/** The located service points nearest to a place, nearest first. */
export async function fetchNearest(lng: number, lat: number, limit = 5): Promise<NearestPoint[]> {
  const data = await request(NearestDocument, { lng, lat, limit })
  return data.nearestServicePoints.map((n) => ({ item: toItem(n.servicePoint), distanceMeters: n.distanceMeters }))
}

/** Picks the name in a language. */
export function nameIn(thing: { nameZh: string; nameEn: string }, lang: Lang): string {
  return lang === 'zh' ? thing.nameZh : thing.nameEn
}
