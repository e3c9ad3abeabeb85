/**
 * The API's enums, each declared once as a plain `as const` object (no type-graphql, so db/ and the web
 * bundle import it too). `schema/enums.ts` registers them with type-graphql; the database's check
 * constraints, the data package's field constraints, the generated row types (db/database.generated.ts),
 * the web's generated types, colours and labels derive from them or are checked against them
 * (tests/db/enum-drift.test.ts names whatever is missing).
 *
 * Each `X` is both a value (`X.A === 'A'`) and the type of its values (`'A' | 'B'`).
 */
export const Lang = {
  ZH: 'ZH',
  EN: 'EN',
} as const
export type Lang = (typeof Lang)[keyof typeof Lang]

export const RegionLevel = {
  COUNTY: 'COUNTY',
  SUBDISTRICT: 'SUBDISTRICT',
  TOWN: 'TOWN',
  TOWNSHIP: 'TOWNSHIP',
  ZONE: 'ZONE',
} as const
export type RegionLevel = (typeof RegionLevel)[keyof typeof RegionLevel]

export const GeometryQuality = {
  OFFICIAL: 'OFFICIAL',
  APPROXIMATE: 'APPROXIMATE',
  NONE: 'NONE',
} as const
export type GeometryQuality = (typeof GeometryQuality)[keyof typeof GeometryQuality]

export const LocationQuality = {
  SURVEYED: 'SURVEYED',
  GEOCODED: 'GEOCODED',
  APPROXIMATE: 'APPROXIMATE',
  UNKNOWN: 'UNKNOWN',
} as const
export type LocationQuality = (typeof LocationQuality)[keyof typeof LocationQuality]

export const ServicePointKind = {
  RIGHTS_PROTECTION_STATION: 'RIGHTS_PROTECTION_STATION',
  IP_SERVICE_STATION: 'IP_SERVICE_STATION',
  TRADEMARK_BRAND_STATION: 'TRADEMARK_BRAND_STATION',
  PATENT_NAVIGATION_BASE: 'PATENT_NAVIGATION_BASE',
  RESEARCH_CENTER: 'RESEARCH_CENTER',
  UNIVERSITY: 'UNIVERSITY',
  HIGH_VALUE_PATENT_CENTER: 'HIGH_VALUE_PATENT_CENTER',
} as const
export type ServicePointKind = (typeof ServicePointKind)[keyof typeof ServicePointKind]

export const ServicePointStatus = {
  ACTIVE: 'ACTIVE',
  PLANNED: 'PLANNED',
} as const
export type ServicePointStatus = (typeof ServicePointStatus)[keyof typeof ServicePointStatus]

export const IndicatorCategory = {
  CREATION: 'CREATION',
  UTILIZATION: 'UTILIZATION',
  PROTECTION: 'PROTECTION',
  SERVICE: 'SERVICE',
  AWARENESS: 'AWARENESS',
  MANAGEMENT: 'MANAGEMENT',
} as const
export type IndicatorCategory = (typeof IndicatorCategory)[keyof typeof IndicatorCategory]

export const ValueKind = {
  BASELINE: 'BASELINE',
  MILESTONE: 'MILESTONE',
  TARGET: 'TARGET',
  ACTUAL: 'ACTUAL',
} as const
export type ValueKind = (typeof ValueKind)[keyof typeof ValueKind]

export const Comparator = {
  AT_LEAST: 'AT_LEAST',
  MORE_THAN: 'MORE_THAN',
  EXACT: 'EXACT',
  RANGE: 'RANGE',
} as const
export type Comparator = (typeof Comparator)[keyof typeof Comparator]

export const Accumulation = {
  STOCK: 'STOCK',
  CUMULATIVE: 'CUMULATIVE',
  ANNUAL: 'ANNUAL',
} as const
export type Accumulation = (typeof Accumulation)[keyof typeof Accumulation]

export const IndicatorNature = {
  EXPECTED: 'EXPECTED',
  BINDING: 'BINDING',
} as const
export type IndicatorNature = (typeof IndicatorNature)[keyof typeof IndicatorNature]

export const GIStatus = {
  PROTECTED_PRODUCT: 'PROTECTED_PRODUCT',
  TRADEMARK_REGISTERED: 'TRADEMARK_REGISTERED',
  APPLYING: 'APPLYING',
  CULTIVATING: 'CULTIVATING',
} as const
export type GIStatus = (typeof GIStatus)[keyof typeof GIStatus]

export const DepartmentKind = {
  LEADING_GROUP: 'LEADING_GROUP',
  OFFICE: 'OFFICE',
  UNIT: 'UNIT',
  TOWNSHIPS: 'TOWNSHIPS',
} as const
export type DepartmentKind = (typeof DepartmentKind)[keyof typeof DepartmentKind]

export const PopulationKind = {
  RESIDENT: 'RESIDENT',
  HOUSEHOLD_REGISTERED: 'HOUSEHOLD_REGISTERED',
  UNSPECIFIED: 'UNSPECIFIED',
} as const
export type PopulationKind = (typeof PopulationKind)[keyof typeof PopulationKind]

export const MapLayer = {
  REGIONS: 'REGIONS',
  SERVICE_POINTS: 'SERVICE_POINTS',
  GI_PRODUCTS: 'GI_PRODUCTS',
} as const
export type MapLayer = (typeof MapLayer)[keyof typeof MapLayer]

export const FeedbackKind = {
  CORRECTION: 'CORRECTION',
  DATA_REQUEST: 'DATA_REQUEST',
} as const
export type FeedbackKind = (typeof FeedbackKind)[keyof typeof FeedbackKind]

export const FeedbackSubjectType = {
  SERVICE_POINT: 'SERVICE_POINT',
  REGION: 'REGION',
  INDICATOR: 'INDICATOR',
  SITE: 'SITE',
} as const
export type FeedbackSubjectType = (typeof FeedbackSubjectType)[keyof typeof FeedbackSubjectType]

export const FeedbackStatus = {
  OPEN: 'OPEN',
  ANSWERED: 'ANSWERED',
  DONE: 'DONE',
} as const
export type FeedbackStatus = (typeof FeedbackStatus)[keyof typeof FeedbackStatus]
export const ValueStatus = {
  PROVISIONAL: 'PROVISIONAL',
  FINAL: 'FINAL',
  REVISED: 'REVISED',
} as const
export type ValueStatus = (typeof ValueStatus)[keyof typeof ValueStatus]

export const TaskStatus = {
  NOT_STARTED: 'NOT_STARTED',
  IN_PROGRESS: 'IN_PROGRESS',
  DONE: 'DONE',
} as const
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus]

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
} as const
/** The name of a declared enum. */
export type EnumName = keyof typeof ENUMS

/** An enum's values in declaration order. */
export function valuesOf<E extends Record<string, string>>(e: E): E[keyof E][] {
  return Object.values(e) as E[keyof E][]
}

export const AssessmentStatus = {
  ACHIEVED: 'ACHIEVED',
  ON_TRACK: 'ON_TRACK',
  ACCELERATION_NEEDED: 'ACCELERATION_NEEDED',
  LIMITED_PROGRESS: 'LIMITED_PROGRESS',
  DETERIORATION: 'DETERIORATION',
  NO_DATA: 'NO_DATA',
  NOT_ASSESSABLE: 'NOT_ASSESSABLE',
} as const
export type AssessmentStatus = (typeof AssessmentStatus)[keyof typeof AssessmentStatus]

export const AssessmentMethod = {
  COMPOUND_GROWTH: 'COMPOUND_GROWTH',
  LINEAR_CHANGE: 'LINEAR_CHANGE',
  RANGE_PER_YEAR: 'RANGE_PER_YEAR',
  NONE: 'NONE',
} as const
export type AssessmentMethod = (typeof AssessmentMethod)[keyof typeof AssessmentMethod]

export const PlausibilityWarningCode = {
  FAR_FROM_BASELINE: 'FAR_FROM_BASELINE',
  FAR_FROM_TARGET: 'FAR_FROM_TARGET',
  CUMULATIVE_FALLS: 'CUMULATIVE_FALLS',
  PERCENT_OUT_OF_RANGE: 'PERCENT_OUT_OF_RANGE',
  YEAR_OUTSIDE_PLAN: 'YEAR_OUTSIDE_PLAN',
} as const
export type PlausibilityWarningCode = (typeof PlausibilityWarningCode)[keyof typeof PlausibilityWarningCode]
