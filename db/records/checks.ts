/**
 * Checks on records beyond each cell's own type and enum: ranges, codes, references to other
 * records, coordinates near the county. Every check reports and goes on, so that one pass
 * finds every problem of a file.
 */
import { sql, type Kysely } from 'kysely'
import type { Database } from '../database.ts'
import { SEAT_STATUSES } from './region-resources.ts'
import type { Values } from './values.ts'

/** West, south, east, north in WGS84 degrees. */
export type Box = [number, number, number, number]

/** What references are checked against: the county's records, or (loading a package) the package's. */
export type CheckScope = 'county' | 'package'

/** What checks need to know about the database. */
export interface CheckContext {
  county: string
  /** `in this county` or `in this package`, for the messages. */
  within: string
  /** Every region (codes are national): its county. */
  regionCounty: Map<string, string>
  indicators: Set<string>
  giProducts: Set<string>
  departments: Set<string>
  tasks: Set<string>
  /** Every service point id (ids are global): its county. */
  servicePointCounty: Map<string, string>
  /** The county's extent grown by {@link NEIGHBOURHOOD_DEGREES}; null when the county has no geometry. */
  neighbourhood: Box | null
  /** Keys of the records being checked, for references among them (a region's parent, a department's group). */
  inBatch: Set<string>
}

/** How far outside the county's extent a coordinate may be (0.1° ≈ 10 km). */
export const NEIGHBOURHOOD_DEGREES = 0.1

/** Loads the context for checking records of a county. */
export async function loadCheckContext(db: Kysely<Database>, county: string, scope: CheckScope = 'county'): Promise<CheckContext> {
  const codes = async (table: 'indicator' | 'gi_product' | 'department' | 'task') =>
    new Set((await db.selectFrom(table).select('code').where('county_code', '=', county).execute()).map((r) => r.code))
  const regions = await db.selectFrom('region').select(['code', 'county_code']).execute()
  const points = await db.selectFrom('service_point').select(['id', 'county_code']).execute()
  const { rows } = await sql<{ xmin: number | null; ymin: number; xmax: number; ymax: number }>`
    select st_xmin(e) as xmin, st_ymin(e) as ymin, st_xmax(e) as xmax, st_ymax(e) as ymax
      from (select st_extent(g)::geometry as e from (
              select boundary as g from region where county_code = ${county}
              union all select seat from region where county_code = ${county}) parts) extent`.execute(db)
  const e = rows[0]
  const d = NEIGHBOURHOOD_DEGREES
  return {
    county,
    within: `in this ${scope}`,
    regionCounty: new Map(regions.map((r) => [r.code, r.county_code])),
    indicators: await codes('indicator'),
    giProducts: await codes('gi_product'),
    departments: await codes('department'),
    tasks: await codes('task'),
    servicePointCounty: new Map(points.map((p) => [p.id, p.county_code])),
    neighbourhood: e?.xmin === null || e === undefined ? null : [e.xmin - d, e.ymin - d, e.xmax + d, e.ymax + d],
    inBatch: new Set(),
  }
}

export type Report = (column: string | null, message: string) => void
/** `old`: the stored record a change replaces (undefined for a new record), for rules about transitions. */
type Check = (v: Values, ctx: CheckContext, report: Report, old: Values | undefined) => void

/** Today's date in China (UTC+8), YYYY-MM-DD: the county's calendar. */
const todayInChina = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

const ID = /^[a-z0-9][a-z0-9-]*$/
const REGION_CODE = /^[0-9]{6}([0-9]{3})?$/
const TASK_CODE = /^[0-9]+(\.[0-9]+)*$/

function pattern(v: Values, column: string, re: RegExp, what: string, report: Report): void {
  const value = v[column]
  if (value !== null && value !== undefined && !re.test(value)) report(column, `"${value}" is not ${what}`)
}

function between(v: Values, column: string, min: number, max: number, report: Report): void {
  const value = v[column]
  if (value !== null && value !== undefined && !(Number(value) >= min && Number(value) <= max)) report(column, `${value} is outside ${min}..${max}`)
}

function countyRegion(v: Values, column: string, ctx: CheckContext, report: Report): void {
  const code = v[column]
  if (code === null || code === undefined) return
  if (ctx.regionCounty.get(code) !== ctx.county) report(column, `no region "${code}" ${ctx.within}`)
}

function reference(v: Values, column: string, set: Set<string>, what: string, ctx: CheckContext, report: Report): void {
  const value = v[column]
  if (value !== null && value !== undefined && !set.has(value)) report(column, `no ${what} "${value}" ${ctx.within}`)
}

/** lng and lat: both or neither, in range, near the county. */
export function checkLocation(v: Values, ctx: CheckContext, report: Report): void {
  const { lng, lat } = v
  if ((lng === null) !== (lat === null)) {
    report(lng === null ? 'lng' : 'lat', 'give both lng and lat, or neither')
    return
  }
  if (lng === null || lat === null || lng === undefined || lat === undefined) return
  const x = Number(lng)
  const y = Number(lat)
  if (!(x >= -180 && x <= 180)) return report('lng', `longitude ${lng} is outside -180..180`)
  if (!(y >= -90 && y <= 90)) return report('lat', `latitude ${lat} is outside -90..90`)
  const n = ctx.neighbourhood
  if (n && !(x >= n[0] && x <= n[2] && y >= n[1] && y <= n[3])) {
    const box = n.map((c) => c.toFixed(2))
    report(
      x < n[0] || x > n[2] ? 'lng' : 'lat',
      `${lng}, ${lat} is not near the county (lng ${box[0]}..${box[2]}, lat ${box[1]}..${box[3]}; swapped, or in another coordinate system?)`,
    )
  }
}

/** An absolute http:// or https:// URL with a host and no spaces. */
export function isHttpUrl(text: string): boolean {
  if (/\s/.test(text)) return false
  try {
    const url = new URL(text)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

const CHECKS: Record<string, Check> = {
  regions(v, ctx, report) {
    pattern(v, 'code', REGION_CODE, 'a 6- or 9-digit division code', report)
    const owner = v.code ? ctx.regionCounty.get(v.code) : undefined
    if (owner !== undefined && owner !== ctx.county) report('code', `region ${v.code} belongs to another county (${owner})`)
    if (v.parent_code && !ctx.regionCounty.has(v.parent_code) && !ctx.inBatch.has(v.parent_code)) report('parent_code', `no region "${v.parent_code}"`)
    if (v.parent_code && v.parent_code === v.code) report('parent_code', 'a region cannot be its own parent')
    between(v, 'population', 1, 2_000_000_000, report)
    between(v, 'population_year', 1950, 2100, report)
    if ((v.population === null) !== (v.population_source === null)) {
      report(v.population === null ? 'population' : 'population_source', 'give a population together with its source, or neither')
    }
    if (v.population !== null && v.population_kind === null)
      report('population_kind', 'say what the population counts (RESIDENT, HOUSEHOLD_REGISTERED or UNSPECIFIED)')
  },
  'region-names'(v, ctx, report) {
    countyRegion(v, 'region_code', ctx, report)
    if (v.valid_from && v.valid_to && v.valid_to < v.valid_from) report('valid_to', `${v.valid_to} is before valid_from ${v.valid_from}`)
  },
  seats(v, ctx, report) {
    countyRegion(v, 'code', ctx, report)
    if (v.status !== null && v.status !== undefined && !(v.status in SEAT_STATUSES))
      report('status', `"${v.status}" is not one of SURVEYED, GEOCODED, APPROXIMATE (or F, E)`)
    checkLocation(v, ctx, report)
  },
  'region-boundaries'(v, ctx, report) {
    countyRegion(v, 'code', ctx, report)
  },
  indicators(v, _ctx, report) {
    pattern(v, 'code', ID, 'a code of lower-case letters, digits and hyphens', report)
    between(v, 'position', 1, 32767, report)
    if (v.display_factor !== null && v.display_factor !== undefined && !(Number(v.display_factor) > 0)) report('display_factor', 'must be greater than 0')
  },
  'indicator-values'(v, ctx, report) {
    reference(v, 'indicator_code', ctx.indicators, 'indicator', ctx, report)
    countyRegion(v, 'region_code', ctx, report)
    between(v, 'year', 1990, 2100, report)
    if (v.value_max !== null && v.value_max !== undefined && v.value !== null && Number(v.value_max) < Number(v.value)) {
      report('value_max', `${v.value_max} is less than value ${v.value}`)
    }
    if (v.status === 'REVISED' && !v.note?.trim()) report('note', '修订值须说明原因 / a REVISED value needs a note saying what changed and why')
  },
  'indicator-relations'(v, ctx, report) {
    reference(v, 'indicator_code', ctx.indicators, 'indicator', ctx, report)
    reference(v, 'related_code', ctx.indicators, 'indicator', ctx, report)
    const { indicator_code: a, related_code: b } = v
    if (!a || !b || !ctx.indicators.has(a) || !ctx.indicators.has(b)) return
    if (a === b) report('related_code', `an indicator cannot be related to itself ("${a}")`)
    // Symmetric, stored once: one spelling of each pair, so that a pair cannot be listed twice.
    else if (a > b) report('related_code', `list each pair once with the smaller code first: indicator_code "${b}", related_code "${a}"`)
  },
  'gi-products'(v, _ctx, report) {
    pattern(v, 'code', ID, 'a code of lower-case letters, digits and hyphens', report)
  },
  'gi-product-regions'(v, ctx, report) {
    reference(v, 'gi_code', ctx.giProducts, 'GI product', ctx, report)
    countyRegion(v, 'region_code', ctx, report)
  },
  'service-points'(v, ctx, report, old) {
    pattern(v, 'id', ID, 'an id of lower-case letters, digits and hyphens', report)
    // Opening a planned station is a fact with a date: the change that makes it ACTIVE must say when.
    if (old?.status === 'PLANNED' && v.status === 'ACTIVE' && !v.opened_on) {
      report('opened_on', '站点由筹建转为运行时须填写启用日期 / a PLANNED station that becomes ACTIVE needs its opening date (opened_on)')
    }
    if (v.opened_on && v.status === 'ACTIVE' && v.opened_on > todayInChina()) report('opened_on', `启用日期不能晚于今天 / ${v.opened_on} is in the future`)
    if (v.opened_on && v.opened_on < '1980-01-01') report('opened_on', `${v.opened_on} is before 1980-01-01`)
    const owner = v.id ? ctx.servicePointCounty.get(v.id) : undefined
    if (owner !== undefined && owner !== ctx.county) report('id', `service point ${v.id} belongs to another county (${owner})`)
    countyRegion(v, 'region_code', ctx, report)
    checkLocation(v, ctx, report)
    const located = v.lng !== null && v.lat !== null
    if (v.location_quality && located === (v.location_quality === 'UNKNOWN')) {
      report('location_quality', located ? 'UNKNOWN is only for a point without lng and lat' : 'a point without lng and lat must be UNKNOWN')
    }
  },
  departments(v, ctx, report) {
    pattern(v, 'code', ID, 'a code of lower-case letters, digits and hyphens', report)
    if (v.member_of && !ctx.departments.has(v.member_of) && !ctx.inBatch.has(v.member_of)) report('member_of', `no department "${v.member_of}" ${ctx.within}`)
  },
  tasks(v, _ctx, report) {
    pattern(v, 'code', TASK_CODE, 'a task number such as 4.1.2', report)
    between(v, 'number', 0, 32767, report)
  },
  'task-statuses'(v, ctx, report) {
    reference(v, 'task_code', ctx.tasks, 'task', ctx, report)
    if (v.department_code !== '*') reference(v, 'department_code', ctx.departments, 'department', ctx, report)
    const url = v.evidence_url
    if (url !== null && url !== undefined && !isHttpUrl(url)) report('evidence_url', `证明材料链接须为 http(s) 网址 / "${url}" is not an http(s) URL`)
  },
  'task-departments'(v, ctx, report) {
    reference(v, 'task_code', ctx.tasks, 'task', ctx, report)
    reference(v, 'department_code', ctx.departments, 'department', ctx, report)
  },
  'task-indicators'(v, ctx, report) {
    reference(v, 'task_code', ctx.tasks, 'task', ctx, report)
    reference(v, 'indicator_code', ctx.indicators, 'indicator', ctx, report)
  },
}

/** Runs the resource's checks on a record (its cells already typed and canonical). */
export function checkRecord(resource: string, values: Values, ctx: CheckContext, report: Report, old?: Values): void {
  CHECKS[resource]?.(values, ctx, report, old)
}
