/**
 * The API's enums, each declared once as a plain object of its values (`enumOf`) (no type-graphql, so db/ and the web
 * bundle import it too). `schema/enums.ts` registers them with type-graphql; the database's check
 * constraints, the data package's field constraints, the generated row types (db/database.generated.ts),
 * the web's generated types, colours and labels derive from them or are checked against them
 * (tests/db/enum-drift.test.ts names whatever is missing).
 *
 * Each `X` is both a value (`X.A === 'A'`) and the type of its values (`'A' | 'B'`).
 */
/** An enum's object from its values, in declaration order: `enumOf('A', 'B')` is `{ A: 'A', B: 'B' }` (what type-graphql registers). */
function enumOf<const V extends string>(...values: V[]): { readonly [K in V]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in V]: K }
}
/** The union of an enum object's values. */
type ValueOf<E> = E[keyof E]

export const Lang = enumOf('ZH', 'EN')
export type Lang = ValueOf<typeof Lang>

export const RegionLevel = enumOf('COUNTY', 'SUBDISTRICT', 'TOWN', 'TOWNSHIP', 'ZONE')
export type RegionLevel = ValueOf<typeof RegionLevel>

export const GeometryQuality = enumOf('OFFICIAL', 'APPROXIMATE', 'NONE')
export type GeometryQuality = ValueOf<typeof GeometryQuality>

export const LocationQuality = enumOf('SURVEYED', 'GEOCODED', 'APPROXIMATE', 'UNKNOWN')
export type LocationQuality = ValueOf<typeof LocationQuality>

export const ServicePointKind = enumOf(
  'RIGHTS_PROTECTION_STATION',
  'IP_SERVICE_STATION',
  'TRADEMARK_BRAND_STATION',
  'PATENT_NAVIGATION_BASE',
  'RESEARCH_CENTER',
  'UNIVERSITY',
  'HIGH_VALUE_PATENT_CENTER',
)
export type ServicePointKind = ValueOf<typeof ServicePointKind>

export const ServicePointStatus = enumOf('ACTIVE', 'PLANNED')
export type ServicePointStatus = ValueOf<typeof ServicePointStatus>

export const IndicatorCategory = enumOf('CREATION', 'UTILIZATION', 'PROTECTION', 'SERVICE', 'AWARENESS', 'MANAGEMENT')
export type IndicatorCategory = ValueOf<typeof IndicatorCategory>

export const ValueKind = enumOf('BASELINE', 'MILESTONE', 'TARGET', 'ACTUAL')
export type ValueKind = ValueOf<typeof ValueKind>

export const Comparator = enumOf('AT_LEAST', 'MORE_THAN', 'EXACT', 'RANGE')
export type Comparator = ValueOf<typeof Comparator>

export const Accumulation = enumOf('STOCK', 'CUMULATIVE', 'ANNUAL')
export type Accumulation = ValueOf<typeof Accumulation>

export const IndicatorNature = enumOf('EXPECTED', 'BINDING')
export type IndicatorNature = ValueOf<typeof IndicatorNature>

export const GIStatus = enumOf('PROTECTED_PRODUCT', 'TRADEMARK_REGISTERED', 'APPLYING', 'CULTIVATING')
export type GIStatus = ValueOf<typeof GIStatus>

export const DepartmentKind = enumOf('LEADING_GROUP', 'OFFICE', 'UNIT', 'TOWNSHIPS')
export type DepartmentKind = ValueOf<typeof DepartmentKind>

export const PopulationKind = enumOf('RESIDENT', 'HOUSEHOLD_REGISTERED', 'UNSPECIFIED')
export type PopulationKind = ValueOf<typeof PopulationKind>

export const MapLayer = enumOf('REGIONS', 'SERVICE_POINTS', 'GI_PRODUCTS')
export type MapLayer = ValueOf<typeof MapLayer>

export const FeedbackKind = enumOf('CORRECTION', 'DATA_REQUEST')
export type FeedbackKind = ValueOf<typeof FeedbackKind>

export const FeedbackSubjectType = enumOf('SERVICE_POINT', 'REGION', 'INDICATOR', 'SITE')
export type FeedbackSubjectType = ValueOf<typeof FeedbackSubjectType>

export const FeedbackStatus = enumOf('OPEN', 'ANSWERED', 'DONE')
export type FeedbackStatus = ValueOf<typeof FeedbackStatus>
export const ValueStatus = enumOf('PROVISIONAL', 'FINAL', 'REVISED')
export type ValueStatus = ValueOf<typeof ValueStatus>

export const TaskStatus = enumOf('NOT_STARTED', 'IN_PROGRESS', 'DONE')
export type TaskStatus = ValueOf<typeof TaskStatus>

export const IndicatorRelationKind = enumOf('SAME_MEASURE_DIFFERENT_BASIS')
export type IndicatorRelationKind = ValueOf<typeof IndicatorRelationKind>

/** Every enum by its GraphQL name (tests walk it to check the places that copy or show them). */
export const ENUMS = {
  Lang,
  RegionLevel,
  GeometryQuality,
  LocationQuality,
  ServicePointKind,
  ServicePointStatus,
  IndicatorCategory,
  ValueKind,
  Comparator,
  Accumulation,
  IndicatorNature,
  GIStatus,
  DepartmentKind,
  PopulationKind,
  MapLayer,
  FeedbackKind,
  FeedbackSubjectType,
  FeedbackStatus,
  ValueStatus,
  TaskStatus,
  IndicatorRelationKind,
} as const
/** The name of a declared enum. */
export type EnumName = keyof typeof ENUMS

/** An enum's values in declaration order. */
export function valuesOf<E extends Record<string, string>>(e: E): E[keyof E][] {
  return Object.values(e) as E[keyof E][]
}

/** The coordinate system of coordinates sent in (input only: locations are stored in WGS84, so it is in no table and not in ENUMS). */
export const CoordinateSystem = enumOf('WGS84', 'GCJ02', 'BD09')
export type CoordinateSystem = ValueOf<typeof CoordinateSystem>

export const AssessmentStatus = enumOf('ACHIEVED', 'ON_TRACK', 'ACCELERATION_NEEDED', 'LIMITED_PROGRESS', 'DETERIORATION', 'NO_DATA', 'NOT_ASSESSABLE')
export type AssessmentStatus = ValueOf<typeof AssessmentStatus>

export const AssessmentMethod = enumOf('COMPOUND_GROWTH', 'LINEAR_CHANGE', 'RANGE_PER_YEAR', 'NONE')
export type AssessmentMethod = ValueOf<typeof AssessmentMethod>

export const PlausibilityWarningCode = enumOf('FAR_FROM_BASELINE', 'FAR_FROM_TARGET', 'CUMULATIVE_FALLS', 'PERCENT_OUT_OF_RANGE', 'YEAR_OUTSIDE_PLAN')
export type PlausibilityWarningCode = ValueOf<typeof PlausibilityWarningCode>
