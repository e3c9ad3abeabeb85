/**
 * Shapes of what the GraphQL API answers, as the web app uses them. Coordinates are [lng, lat], WGS84.
 * Results of operations are typed in ./generated.ts and ./generated-leaders.ts (npm run codegen); what is here is what the schema cannot
 * say: the contents of GeoJSON values (map-layer features and their properties) and the web's own shapes.
 */

import type { GeometryQuality, GIStatus, LocationQuality, RegionFiguresQuery, RegionLevel, ServicePointKind, ServicePointStatus } from './generated.ts'

/** The interface's language (not the API's `Lang` enum). */
export type Lang = 'zh' | 'en'

export type Position = [number, number]
export interface PointGeometry {
  type: 'Point'
  coordinates: Position
}
export interface PolygonGeometry {
  type: 'Polygon'
  coordinates: Position[][]
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon'
  coordinates: Position[][][]
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry

export interface Feature<G, P> {
  type: 'Feature'
  id: string
  geometry: G
  properties: P
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection'
  features: Feature<G, P>[]
}

/** The API's enums, as generated from schema/schema.graphql (their values are declared in schema/enum-values.ts). */
export type { GeometryQuality, GIStatus, LocationQuality, RegionLevel, ServicePointKind, ServicePointStatus } from './generated.ts'
export type { Accumulation, Comparator, DepartmentKind, IndicatorCategory, IndicatorNature, ValueKind } from './generated-leaders.ts'

/** Properties of a REGIONS map-layer feature (see the `mapLayer` field description). */
export interface RegionProps {
  code: string
  nameZh: string
  nameEn: string
  level: RegionLevel
  inCountyStatistics: boolean
  administeredByZh: string | null
  administeredByEn: string | null
  boundaryQuality: GeometryQuality
  population: number | null
  populationYear: number | null
  areaKm2: number | null
  servicePointCount: number
  giProductCount: number
  seat: PointGeometry | null
}

/** Properties of a SERVICE_POINTS map-layer feature. */
export interface ServicePointProps {
  id: string
  nameZh: string
  nameEn: string
  kind: ServicePointKind
  status: ServicePointStatus
  locationQuality: LocationQuality
  regionCode: string | null
  address: string | null
  services: string[]
  source: string
  /** The source in Chinese; null where `source` is Chinese already. */
  sourceZh?: string | null
}

/** Properties of a GI_PRODUCTS map-layer feature. */
export interface GIProductProps {
  code: string
  nameZh: string
  nameEn: string
  status: GIStatus
  categoryZh: string
  categoryEn: string
  originAreaQuality: GeometryQuality
  originRegionCodes: string[]
}

export type RegionCollection = FeatureCollection<AreaGeometry, RegionProps>
export type ServicePointCollection = FeatureCollection<PointGeometry, ServicePointProps>
export type GIProductCollection = FeatureCollection<AreaGeometry, GIProductProps>

/** A service point as listed (located or not). */
export interface ServicePointItem extends ServicePointProps {
  /** null when the location is unknown (locationQuality UNKNOWN). */
  location: Position | null
  /** The station's details as listed (not in the map layer's properties); null when not known. */
  note?: string | null
  /** The note in Chinese; null where none was written. */
  noteZh?: string | null
  openingHours?: string | null
  contact?: string | null
  openedOn?: string | null
  /** false: nameEn repeats the Chinese name. */
  hasEnglishName?: boolean
}

/** One region's figures from `compareRegions`. */
export type RegionFigures = Omit<RegionFiguresQuery['compareRegions'][number], 'region'> & { code: string }
