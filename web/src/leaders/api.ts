/** The leaders' pages' GraphQL operations (one query per page state; nothing else is fetched). */
import { graphql } from '../api/client.ts'
import type { AreaGeometry, RegionLevel, ServicePointKind } from '../api/types.ts'
import type { Comparator } from './format.ts'

export type Category = 'CREATION' | 'UTILIZATION' | 'PROTECTION' | 'SERVICE' | 'AWARENESS' | 'MANAGEMENT'
export const CATEGORIES: Category[] = ['CREATION', 'UTILIZATION', 'PROTECTION', 'SERVICE', 'AWARENESS', 'MANAGEMENT']

export interface PlanValue {
  year: number
  value: number
  valueMax: number | null
  note: string | null
  source: string
}

export interface PlanIndicator {
  code: string
  nameZh: string
  nameEn: string
  unit: string
  displayUnit: string
  displayFactor: number
  category: Category
  nature: 'EXPECTED' | 'BINDING' | null
  accumulation: string | null
  comparator: Comparator | null
  planTableRow: number | null
  planAnnexRow: number | null
  source: string
  note: string | null
  baseline: PlanValue | null
  target: PlanValue | null
  milestones: PlanValue[]
  actuals: PlanValue[]
  latestActual: PlanValue | null
  progress: number | null
  onTrack: boolean | null
}

const VALUE = 'year value valueMax note source'

/** Every indicator of the plan with its county figures, in the plan's order. */
export async function fetchIndicators(): Promise<PlanIndicator[]> {
  const data = await graphql<{ indicators: PlanIndicator[] }>(`query LeaderIndicators {
    indicators {
      code nameZh nameEn unit displayUnit displayFactor category nature accumulation comparator planTableRow planAnnexRow source note
      baseline { ${VALUE} } target { ${VALUE} } milestones { ${VALUE} } actuals { ${VALUE} } latestActual { ${VALUE} } progress onTrack
    }
  }`)
  return data.indicators
}

export interface TownOption {
  code: string
  nameZh: string
  nameEn: string
  level: RegionLevel
  /** Simplified boundary for the small map; null when the region has none. */
  geometry: AreaGeometry | null
}

export interface Comparison {
  code: string
  nameZh: string
  nameEn: string
  level: RegionLevel
  population: number | null
  populationYear: number | null
  areaKm2: number | null
  servicePointCount: number
  servicePointCountByKind: { kind: ServicePointKind; count: number }[]
  servicePointsPer10k: number | null
  servicePointsPer100Km2: number | null
  giProductCount: number
  coverageShare: number | null
  rank: number
}

/** An indicator value recorded for a region (an ACTUAL), labelled with its indicator. */
export interface RegionActual {
  indicator: Pick<PlanIndicator, 'code' | 'nameZh' | 'nameEn' | 'unit' | 'displayUnit' | 'displayFactor'>
  year: number
  value: number
}

/** The county's township-level units that count in its statistics (the choices of the comparison). */
export async function fetchTownOptions(): Promise<TownOption[]> {
  const data = await graphql<{
    regions: (Omit<TownOption, 'geometry'> & { inCountyStatistics: boolean })[]
    mapLayer: { features: { id: string; geometry: AreaGeometry | null }[] }
  }>(`query LeaderTowns { regions { code nameZh nameEn level inCountyStatistics } mapLayer(layer: REGIONS, simplifyMeters: 150) }`)
  const shapes = new Map(data.mapLayer.features.map((f) => [String(f.id), f.geometry]))
  return data.regions
    .filter((r) => r.inCountyStatistics && r.level !== 'COUNTY')
    .map(({ code, nameZh, nameEn, level }) => ({ code, nameZh, nameEn, level, geometry: shapes.get(code) ?? null }))
}

/** compareRegions for the chosen towns, and the latest actual of each indicator recorded for them. */
export async function fetchComparison(codes: string[], allCodes: string[], radiusKm: number): Promise<{ rows: Comparison[]; county: Comparison[]; actuals: Map<string, RegionActual[]> }> {
  const data = await graphql<{
    compareRegions: (Omit<Comparison, 'code' | 'nameZh' | 'nameEn' | 'level'> & { region: TownOption })[]
    county: (Omit<Comparison, 'code' | 'nameZh' | 'nameEn' | 'level'> & { region: TownOption })[]
    indicators: (RegionActual['indicator'] & { values: { kind: string; year: number; value: number; region: { code: string } }[] })[]
  }>(
    `query LeaderCompare($codes: [ID!]!, $all: [ID!]!, $r: Float!) {
      compareRegions(codes: $codes, coverageRadiusKm: $r) { ...Figures }
      county: compareRegions(codes: $all, coverageRadiusKm: $r) { ...Figures }
      indicators { code nameZh nameEn unit displayUnit displayFactor values { kind year value region { code } } }
    }
    fragment Figures on RegionComparison {
      region { code nameZh nameEn level } population populationYear areaKm2 servicePointCount servicePointCountByKind { kind count }
      servicePointsPer10k servicePointsPer100Km2 giProductCount coverageShare rank
    }`,
    { codes, all: allCodes, r: radiusKm },
  )
  const wanted = new Set(codes)
  const actuals = new Map<string, RegionActual[]>()
  for (const ind of data.indicators) {
    const latest = new Map<string, { year: number; value: number }>()
    for (const v of ind.values) {
      if (v.kind !== 'ACTUAL' || !wanted.has(v.region.code)) continue
      const seen = latest.get(v.region.code)
      if (!seen || v.year > seen.year) latest.set(v.region.code, { year: v.year, value: v.value })
    }
    const { values: _values, ...indicator } = ind
    for (const [code, v] of latest) actuals.set(code, [...(actuals.get(code) ?? []), { indicator, ...v }])
  }
  const flat = (list: typeof data.compareRegions): Comparison[] =>
    list.map(({ region, ...rest }) => ({ ...rest, code: region.code, nameZh: region.nameZh, nameEn: region.nameEn, level: region.level }))
  return {
    rows: flat(data.compareRegions),
    county: flat(data.county),
    actuals,
  }
}

export interface PlanTask {
  code: string
  part: string
  sectionLabel: string | null
  sectionTitle: string | null
  number: number | null
  title: string
  text: string
  responsibilityAsWritten: string | null
  responsibilities: { asWritten: string; department: { code: string } }[]
}

export interface PlanDepartment {
  code: string
  nameZh: string
  nameEn: string
  aliases: string[]
  kind: 'LEADING_GROUP' | 'OFFICE' | 'TOWNSHIPS' | 'UNIT' | string
  memberOf: { code: string } | null
  members: { code: string }[]
  tasks: { code: string }[]
}

/** The plan's tasks and responsible bodies (tasks per body including those given to its group). */
export async function fetchPlan(): Promise<{ tasks: PlanTask[]; departments: PlanDepartment[] }> {
  return graphql(`query LeaderPlan {
    tasks { code part sectionLabel sectionTitle number title text responsibilityAsWritten responsibilities { asWritten department { code } } }
    departments { code nameZh nameEn aliases kind memberOf { code } members { code } tasks(includeViaGroups: true) { code } }
  }`)
}

export interface DatasetInfo {
  id: string
  title: string
  description: string | null
  created: string
  updated: string
  county: { code: string; nameZh: string; nameEn: string }
  licenses: { name: string; title: string | null; path: string | null; scope: string | null }[]
  sources: { title: string; description: string | null; path: string | null }[]
  resources: { name: string; title: string | null; format: string; rowCount: number | null }[]
}

/** The loaded data packages (one per county) with licences, sources and live row counts. */
export async function fetchDatasets(): Promise<DatasetInfo[]> {
  const data = await graphql<{ datasets: DatasetInfo[] }>(`query OpenData {
    datasets {
      id title description created updated county { code nameZh nameEn }
      licenses { name title path scope } sources { title description path } resources { name title format rowCount }
    }
  }`)
  return data.datasets
}

/** A record of the audit log; `before` and `after` are the record in the download's field names. */
export interface AuditEntry {
  id: string
  actor: string
  action: string
  entity: string
  entityId: string
  at: string
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
  const data = await graphql<{
    auditLog: { totalCount: number; edges: { node: AuditEntry }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }
    servicePoint?: { nameZh: string; nameEn: string; region: { code: string } | null } | null
    region?: { nameZh: string; nameEn: string } | null
  }>(
    `query History($entity: String!, $id: ID!, $after: String, $first: Int!, $point: Boolean!, $region: Boolean!) {
      auditLog(entity: $entity, entityId: $id, after: $after, first: $first) {
        totalCount edges { node { id actor action entity entityId at before after } } pageInfo { hasNextPage endCursor }
      }
      servicePoint(id: $id) @include(if: $point) { nameZh nameEn region { code } }
      region(code: $id) @include(if: $region) { nameZh nameEn }
    }`,
    { entity, id, after, first, point: entity === 'service_point', region: entity === 'region' },
  )
  const point = data.servicePoint
  const region = data.region
  return {
    entries: data.auditLog.edges.map((e) => e.node),
    totalCount: data.auditLog.totalCount,
    endCursor: data.auditLog.pageInfo.endCursor,
    hasNextPage: data.auditLog.pageInfo.hasNextPage,
    subject: point ? { nameZh: point.nameZh, nameEn: point.nameEn, regionCode: point.region?.code ?? null } : region ? { ...region, regionCode: id } : null,
  }
}
