/** The leaders' pages' GraphQL operations (documents in ./leaders.graphql, typed in ./generated-leaders.ts): one query per page state. */
import { IndicatorCategory, valuesOf } from '../../../schema/enum-values.ts'
import { request } from './client.ts'
import {
  HistoryDocument,
  LeaderCompareDocument,
  LeaderIndicatorsDocument,
  LeaderPlanDocument,
  LeaderTownsDocument,
  OpenDataDocument,
  type FiguresFragment,
  type HistoryQuery,
  type LeaderCompareQuery,
  type LeaderIndicatorsQuery,
  type LeaderPlanQuery,
  type OpenDataQuery,
  type PlanValueFieldsFragment,
} from './generated-leaders.ts'
import type { AreaGeometry, RegionLevel } from './types.ts'

export type Category = IndicatorCategory
/** The plan's areas of work in their declared order (the indicators page follows it). */
export const CATEGORIES: Category[] = valuesOf(IndicatorCategory)

export type PlanValue = PlanValueFieldsFragment
export type PlanIndicator = LeaderIndicatorsQuery['indicators'][number]

/** Every indicator of the plan with its county figures, in the plan's order. */
export async function fetchIndicators(): Promise<PlanIndicator[]> {
  return (await request(LeaderIndicatorsDocument)).indicators
}

export interface TownOption {
  code: string
  nameZh: string
  nameEn: string
  level: RegionLevel
  /** Simplified boundary for the small map; null when the region has none. */
  geometry: AreaGeometry | null
}

export type Comparison = Omit<FiguresFragment, 'region'> & { code: string; nameZh: string; nameEn: string; level: RegionLevel }

/** An indicator value recorded for a region (an ACTUAL), labelled with its indicator. */
export interface RegionActual {
  indicator: Omit<LeaderCompareQuery['indicators'][number], 'values'>
  year: number
  value: number
}

/** The county's township-level units that count in its statistics (the choices of the comparison). */
export async function fetchTownOptions(): Promise<TownOption[]> {
  const data = await request(LeaderTownsDocument)
  // mapLayer answers a GeoJSON FeatureCollection (its shape is in the field's description).
  const layer = data.mapLayer as { features: { id: string; geometry: AreaGeometry | null }[] }
  const shapes = new Map(layer.features.map((f) => [String(f.id), f.geometry]))
  return data.regions
    .filter((r) => r.inCountyStatistics && r.level !== 'COUNTY')
    .map(({ code, nameZh, nameEn, level }) => ({ code, nameZh, nameEn, level, geometry: shapes.get(code) ?? null }))
}

/** The county as a whole in a comparison, with where its population comes from. */
export type CountyComparison = Comparison & { populationSource: string | null; populationSourceZh: string | null }

/** compareRegions for the chosen towns, all of the county's towns and the county itself, and the latest actual of each indicator recorded for the chosen ones. */
export async function fetchComparison(
  codes: string[],
  allCodes: string[],
  radiusKm: number,
): Promise<{ rows: Comparison[]; county: Comparison[]; whole: CountyComparison | null; actuals: Map<string, RegionActual[]> }> {
  // A town's NBS code is its county's six digits and three of its own.
  const countyCode = allCodes[0]?.slice(0, 6)
  const data = await request(LeaderCompareDocument, { codes, all: allCodes, county: countyCode ? [countyCode] : [], r: radiusKm })
  const wanted = new Set(codes)
  const actuals = new Map<string, RegionActual[]>()
  for (const ind of data.indicators) {
    const latest = new Map<string, { year: number; value: number }>()
    for (const v of ind.values) {
      if (v.kind !== 'ACTUAL' || !wanted.has(v.region.code)) continue
      const seen = latest.get(v.region.code)
      if (!seen || v.year > seen.year) latest.set(v.region.code, { year: v.year, value: v.value })
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the rest pattern drops values from the indicator; _values is never read
    const { values: _values, ...indicator } = ind
    for (const [code, v] of latest) actuals.set(code, [...(actuals.get(code) ?? []), { indicator, ...v }])
  }
  const flat = (list: FiguresFragment[]): Comparison[] =>
    list.map(({ region, ...rest }) => ({ ...rest, code: region.code, nameZh: region.nameZh, nameEn: region.nameEn, level: region.level }))
  const [whole] = data.whole
  return {
    rows: flat(data.compareRegions),
    county: flat(data.county),
    whole: whole
      ? { ...flat([whole])[0], populationSource: whole.region.populationSource ?? null, populationSourceZh: whole.region.populationSourceZh ?? null }
      : null,
    actuals,
  }
}

export type PlanTask = LeaderPlanQuery['tasks'][number]
export type PlanDepartment = LeaderPlanQuery['departments'][number]

/** The plan's tasks and responsible bodies (tasks per body including those given to its group). */
export async function fetchPlan(): Promise<{ tasks: PlanTask[]; departments: PlanDepartment[] }> {
  return request(LeaderPlanDocument)
}

export type DatasetInfo = OpenDataQuery['datasets'][number]

/** The loaded data packages (one per county) with licences, sources and live row counts. */
export async function fetchDatasets(): Promise<DatasetInfo[]> {
  return (await request(OpenDataDocument)).datasets
}

/** A record of the audit log; `before` and `after` are the record in the download's field names. */
export type AuditEntry = Omit<HistoryQuery['auditLog']['edges'][number]['node'], 'before' | 'after'> & {
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

/** One page of a record's history, newest first, with the record's name (when it still exists). */
export interface HistoryPage {
  entries: AuditEntry[]
  totalCount: number
  endCursor: string | null
  hasNextPage: boolean
  /** The record's names and, for a service point, its township; null when the record is gone or of another kind. */
  subject: { nameZh: string; nameEn: string; regionCode: string | null } | null
}

/** A page of the audit log for one record (`entity` is the table, e.g. service_point, region; `id` its key). */
export async function fetchHistory(entity: string, id: string, after: string | null, first = 20): Promise<HistoryPage> {
  const data = await request(HistoryDocument, { entity, id, after, first, point: entity === 'service_point', region: entity === 'region' })
  const point = data.servicePoint
  const region = data.region
  return {
    // before and after are JSON objects: the audited record's fields.
    entries: data.auditLog.edges.map((e) => e.node as AuditEntry),
    totalCount: data.auditLog.totalCount,
    endCursor: data.auditLog.pageInfo.endCursor,
    hasNextPage: data.auditLog.pageInfo.hasNextPage,
    subject: point ? { nameZh: point.nameZh, nameEn: point.nameEn, regionCode: point.region?.code ?? null } : region ? { ...region, regionCode: id } : null,
  }
}
