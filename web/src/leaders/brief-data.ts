/**
 * The printable brief's data (#/brief, #/brief/<code>): one request for the region, its cells, the county's
 * stations, GI products and every indicator's assessment for the region; and the figures' context, computed
 * here from what the API gave (pure: unit-tested in brief-data.test.ts): a town's station counts beside the
 * county's, the towns' median and the town's rank among the county's towns.
 */
import { request } from '../api/client.ts'
import { BriefCountyDocument, BriefDocument, type BriefQuery } from '../api/generated-brief.ts'
import type { PointGeometry, RegionCollection, ServicePointKind, ServicePointStatus, LocationQuality } from '../api/types.ts'
import { median } from '../../../schema/ranking.ts'
export { median }

/** The coverage radius of the brief's coverage figures, in km (the comparison's default). */
export const BRIEF_RADIUS_KM = 5

/** A station as the brief lists it. */
export interface BriefStation {
  id: string
  nameZh: string
  nameEn: string
  kind: ServicePointKind
  status: ServicePointStatus
  locationQuality: LocationQuality
  /** [lng, lat]; null when the location is unknown. */
  location: [number, number] | null
  address: string | null
  regionCode: string | null
}

/** What the brief shows; `region` is null when the code names no region. */
export interface BriefData {
  /** The county's code (the brief's own region for #/brief). */
  county: string
  region: BriefQuery['region']
  coverage: { active: number | null; activeOrPlanned: number | null } | null
  cells: RegionCollection
  /** Every station of the county, ordered by id. */
  stations: BriefStation[]
  /** More stations than one page of the API holds: the counts are of the first page only. */
  stationsTruncated: boolean
  giProducts: BriefQuery['giProducts']
  indicators: BriefQuery['indicators']
}

/** The brief of `code` (null: the default county's). */
export async function fetchBrief(code: string | null): Promise<BriefData> {
  const county = code ? code.slice(0, 6) : (await request(BriefCountyDocument)).regions.find((r) => r.parent)?.parent?.code
  if (!county) throw new Error('no county is loaded')
  const data = await request(BriefDocument, { code: code ?? county, county, r: BRIEF_RADIUS_KM })
  const figures = data.figures[0]
  return {
    county,
    region: data.region,
    coverage: figures ? { active: figures.activeCoverageShare, activeOrPlanned: figures.coverageShare } : null,
    cells: data.cells as RegionCollection,
    stations: data.stations.edges.map(({ node: { region, location, ...rest } }) => ({
      ...rest,
      regionCode: region?.code ?? null,
      location: (location as PointGeometry | null)?.coordinates ?? null,
    })),
    stationsTruncated: data.stations.pageInfo.hasNextPage,
    giProducts: data.giProducts,
    indicators: data.indicators,
  }
}

/** A count of a town among the county's towns: the county's total, the towns' median, the town's rank (1 = most; ties share a rank). */
export interface CountContext {
  value: number
  county: number
  median: number | null
  rank: number
  /** How many towns are ranked (every town of the county has a count, 0 included). */
  towns: number
}

/** The codes of the county's towns: the cells that count in its statistics. */
export function townCodes(cells: RegionCollection): string[] {
  return cells.features.filter((f) => f.properties.inCountyStatistics && f.properties.level !== 'COUNTY').map((f) => f.properties.code)
}

/**
 * The number of stations with one of `statuses` in `code` beside the county's, the towns' median and its rank;
 * null when `code` is not one of the county's towns (e.g. a cell administered elsewhere, or the county itself).
 */
export function stationContext(stations: BriefStation[], towns: string[], code: string, statuses: ServicePointStatus[]): CountContext | null {
  if (!towns.includes(code)) return null
  const counted = stations.filter((s) => statuses.includes(s.status))
  const per = new Map(towns.map((t) => [t, 0]))
  for (const s of counted) if (s.regionCode !== null && per.has(s.regionCode)) per.set(s.regionCode, per.get(s.regionCode)! + 1)
  const value = per.get(code)!
  const values = [...per.values()]
  return { value, county: counted.length, median: median(values), rank: 1 + values.filter((v) => v > value).length, towns: towns.length }
}

/** The stations the brief of `code` lists: the county's all, a town's those recorded in it. */
export function stationsOf(data: BriefData, code: string): BriefStation[] {
  return code === data.county ? data.stations : data.stations.filter((s) => s.regionCode === code)
}
