/** The web app's GraphQL operations, each returning plain data shaped for the views. */
import { graphql } from './client.ts'
import type {
  GIProductCollection,
  GIStatus,
  Lang,
  LocationQuality,
  PointGeometry,
  RegionCollection,
  RegionFigures,
  RegionLevel,
  ServicePointCollection,
  ServicePointItem,
  ServicePointKind,
  ServicePointStatus,
} from './types.ts'

const SERVICE_POINT_FIELDS = 'id nameZh nameEn kind status locationQuality location region { code } address services source'

interface ServicePointNode {
  id: string
  nameZh: string
  nameEn: string
  kind: ServicePointKind
  status: ServicePointStatus
  locationQuality: LocationQuality
  location: PointGeometry | null
  region: { code: string } | null
  address: string | null
  services: string[]
  source: string
}

function toItem(node: ServicePointNode): ServicePointItem {
  const { location, region, ...rest } = node
  return { ...rest, regionCode: region?.code ?? null, location: location ? location.coordinates : null }
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
}

/**
 * The county map's three layers and the list of service points, in one request. Service points come
 * as GeoJSON only up to `maxPoints`; above that, mapLayer answers with their number alone.
 */
export async function fetchCountyLayers(maxPoints: number, signal?: AbortSignal): Promise<CountyLayers> {
  const data = await graphql<{
    regions: RegionCollection
    points: ServicePointCollection & { numberMatched: number; numberReturned: number }
    gi: GIProductCollection
    all: { edges: { node: ServicePointNode }[] }
  }>(
    `query CountyLayers($maxPoints: Int!) {
      regions: mapLayer(layer: REGIONS)
      points: mapLayer(layer: SERVICE_POINTS, maxFeatures: $maxPoints)
      gi: mapLayer(layer: GI_PRODUCTS)
      all: servicePoints(first: 500) { edges { node { ${SERVICE_POINT_FIELDS} } } }
    }`,
    { maxPoints },
    signal,
  )
  return {
    regions: data.regions,
    servicePoints: data.points,
    giProducts: data.gi,
    pointTiles: data.points.numberReturned < data.points.numberMatched,
    locatedPointCount: data.points.numberMatched,
    allServicePoints: data.all.edges.map((e) => toItem(e.node)),
  }
}

/** One service point with its details (e.g. one drawn from a vector tile), or null. */
export async function fetchServicePoint(id: string): Promise<ServicePointItem | null> {
  const data = await graphql<{ servicePoint: ServicePointNode | null }>(
    `query ServicePoint($id: ID!) { servicePoint(id: $id) { ${SERVICE_POINT_FIELDS} } }`,
    { id },
  )
  return data.servicePoint && toItem(data.servicePoint)
}

/** Figures per region from `compareRegions` (coverage within `coverageRadiusKm` of a station). */
export async function fetchRegionFigures(codes: string[], coverageRadiusKm = 5): Promise<Map<string, RegionFigures>> {
  const data = await graphql<{
    compareRegions: (Omit<RegionFigures, 'code'> & { region: { code: string } })[]
  }>(
    `query RegionFigures($codes: [ID!]!, $r: Float!) {
      compareRegions(codes: $codes, coverageRadiusKm: $r) {
        region { code } population populationYear areaKm2 servicePointCount servicePointsPer10k coverageShare giProductCount
      }
    }`,
    { codes, r: coverageRadiusKm },
  )
  return new Map(data.compareRegions.map(({ region, ...figures }) => [region.code, { code: region.code, ...figures }]))
}

/** An indicator with the values recorded for one region. */
export interface IndicatorActuals {
  code: string
  nameZh: string
  nameEn: string
  unit: string
  displayUnit: string
  displayFactor: number
  actuals: { year: number; value: number; source: string }[]
}

/** A township-level unit as its page shows it. */
export interface TownDetail {
  code: string
  nameZh: string
  nameEn: string
  level: RegionLevel
  inCountyStatistics: boolean
  administeredBy: { nameZh: string; nameEn: string } | null
  population: number | null
  populationYear: number | null
  populationSource: string | null
  populationNote: string | null
  areaKm2: number | null
  boundaryQuality: 'OFFICIAL' | 'APPROXIMATE' | 'NONE'
  names: { nameZh: string; nameEn: string; validFrom: string | null; validTo: string | null }[]
  servicePoints: ServicePointItem[]
  giProducts: { code: string; nameZh: string; nameEn: string; status: GIStatus; originAreaQuality: string }[]
  /** Indicators with at least one value recorded for this region. */
  indicators: IndicatorActuals[]
}

/** One township-level unit for its page; undefined when the code is unknown. */
export async function fetchTown(code: string): Promise<TownDetail | undefined> {
  const data = await graphql<{
    region: (Omit<TownDetail, 'servicePoints' | 'indicators'> & { servicePoints: ServicePointNode[] }) | null
    indicators: IndicatorActuals[]
  }>(
    `query Town($code: ID!) {
      region(code: $code) {
        code nameZh nameEn level inCountyStatistics administeredBy { nameZh nameEn }
        population populationYear populationSource populationNote areaKm2 boundaryQuality
        names { nameZh nameEn validFrom validTo }
        servicePoints { ${SERVICE_POINT_FIELDS} }
        giProducts { code nameZh nameEn status originAreaQuality }
      }
      indicators { code nameZh nameEn unit displayUnit displayFactor actuals(region: $code) { year value source } }
    }`,
    { code },
  )
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
  const data = await graphql<{ nearestServicePoints: { distanceMeters: number; servicePoint: ServicePointNode }[] }>(
    `query Nearest($lng: Float!, $lat: Float!, $limit: Int!) {
      nearestServicePoints(lng: $lng, lat: $lat, limit: $limit) { distanceMeters servicePoint { ${SERVICE_POINT_FIELDS} } }
    }`,
    { lng, lat, limit },
  )
  return data.nearestServicePoints.map((n) => ({ item: toItem(n.servicePoint), distanceMeters: n.distanceMeters }))
}

/** Picks the name in a language. */
export function nameIn(thing: { nameZh: string; nameEn: string }, lang: Lang): string {
  return lang === 'zh' ? thing.nameZh : thing.nameEn
}
