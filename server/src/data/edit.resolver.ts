/**
 * Editing the data through GraphQL, with a bearer token. Every mutation goes through the same
 * checks and writes as the importer (`db/records/apply.ts`), in one transaction with its audit entries.
 * Roles: an editor may change service points, GI products and ACTUAL indicator values; the plan's
 * own figures (BASELINE, MILESTONE, TARGET values) and region boundaries need an admin. A township
 * editor may change service points and ACTUAL values of their towns only (auth/scope.ts).
 */
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql'
import { applyRecords, deleteRecords, RecordProblems, type IncomingRecord, type Problem } from '../../../db/records/apply.ts'
import { geometryToWgs84, positionToWgs84, type Crs } from '../../../db/records/crs.ts'
import { findResource, type Resource } from '../../../db/records/resources.ts'
import { MAX_ORIGIN_REGIONS } from '../../../db/records/limits.ts'
import { decimalOf, parseCell, roundCoordinate, type Values } from '../../../db/records/values.ts'
import { CoordinateSystem, GIProductInput, IndicatorValueInput, ServicePointInput } from '../../../schema/edit.input.ts'
import { GeometryQuality, ValueKind } from '../../../schema/enums.ts'
import { GIProduct } from '../../../schema/gi-product.type.ts'
import { IndicatorValue } from '../../../schema/indicator.type.ts'
import { Region } from '../../../schema/region.type.ts'
import { GeoJSONScalar } from '../../../schema/scalars.ts'
import { ServicePoint } from '../../../schema/service-point.type.ts'
import type { Context } from '../context.ts'
import { resolveCounty } from '../county.ts'
import { requireCountyScope, requireRegionScope } from '../auth/scope.ts'
import { BadUserInputError, NotFoundError } from '../errors.ts'
import { plainText } from '../feedback/feedback-text.ts'
import { listGIProducts } from '../gi-product/gi-product.repository.ts'
import { listValuesOfIndicators } from '../indicator/indicator.repository.ts'
import { findRegionsByCodes } from '../region/region.repository.ts'
import { findServicePointsByIds } from '../service-point/service-point.repository.ts'
import { findRegionCounty, findServicePointCounty, findStoredRecord, listStoredRecords } from './edit.repository.ts'

const servicePoints = findResource('service-points')!
const indicatorValues = findResource('indicator-values')!
const giProducts = findResource('gi-products')!
const giProductRegions = findResource('gi-product-regions')!
const regionBoundaries = findResource('region-boundaries')!

/** Input field → record field. */
type Mapping = Record<string, string>

const SERVICE_POINT_FIELDS: Mapping = {
  id: 'id', nameZh: 'name_zh', nameEn: 'name_en', kind: 'kind', status: 'status', region: 'region_code', address: 'address',
  lng: 'lng', lat: 'lat', locationQuality: 'location_quality', services: 'services', source: 'source', sourceZh: 'source_zh', note: 'note', noteZh: 'note_zh',
  openingHours: 'opening_hours', contact: 'contact', openedOn: 'opened_on',
}
const INDICATOR_VALUE_FIELDS: Mapping = {
  indicator: 'indicator_code', region: 'region_code', year: 'year', kind: 'kind', value: 'value', valueMax: 'value_max', source: 'source', sourceZh: 'source_zh', note: 'note', noteZh: 'note_zh',
}
const GI_PRODUCT_FIELDS: Mapping = {
  code: 'code', nameZh: 'name_zh', nameEn: 'name_en', categoryZh: 'category_zh', categoryEn: 'category_en', status: 'status',
  source: 'source', note: 'note', noteZh: 'note_zh', originAreaQuality: 'origin_area_quality', originArea: 'geometry',
}

/** Cells for the input fields that were given (null included), checked by the resource's field rules. */
function cellsOf(resource: Resource, input: object, mapping: Mapping, argument: string, skip: string[] = []): Values {
  const values: Values = {}
  const problems: Problem[] = []
  const fields = new Map([...resource.fields, { name: 'origin_area_quality', type: 'string' as const }].map((f) => [f.name, f]))
  for (const [name, fieldName] of Object.entries(mapping)) {
    const value = (input as Record<string, unknown>)[name]
    const field = fields.get(fieldName)
    if (value === undefined || skip.includes(name) || !field) continue
    const cell = parseCell(field, typeof value === 'number' ? decimalOf(value) : value, (message) => problems.push({ line: 1, column: fieldName, message }))
    values[fieldName] = cell
  }
  if (problems.length) throw inputError(problems, mapping, argument)
  return values
}

/** BAD_USER_INPUT naming the first offending input field; all problems in `extensions.problems`. */
function inputError(problems: Problem[], mapping: Mapping, argument: string): BadUserInputError {
  const byField = Object.fromEntries(Object.entries(mapping).map(([input, field]) => [field, input]))
  const path = (name: string) => (argument ? `${argument}.${name}` : name)
  const named = problems.map((p) => ({
    argument: p.column && byField[p.column] ? path(byField[p.column]) : argument || Object.keys(mapping)[0],
    message: p.message,
  }))
  return new BadUserInputError(named[0].argument, named[0].message, { problems: named })
}

async function apply(run: () => Promise<unknown>, mapping: Mapping, argument: string): Promise<void> {
  try {
    await run()
  } catch (error) {
    if (error instanceof RecordProblems) throw inputError(error.problems, mapping, argument)
    throw error
  }
}

const crsOf = (c: CoordinateSystem): Crs => c.toLowerCase() as Crs

/** The members of a GeoJSON object this reads; anything may be absent in the user's input. */
interface GeoJsonLike {
  type?: unknown
  geometry?: unknown
  features?: unknown
  coordinates?: unknown
}
const asGeoJson = (value: unknown): GeoJsonLike | undefined => (typeof value === 'object' && value !== null ? value : undefined)

/** The geometry of a GeoJSON geometry, Feature, or FeatureCollection of one Feature. */
function geometryOf(value: unknown, argument: string): { type: string; coordinates?: unknown } {
  const object = asGeoJson(value)
  const geometry =
    object?.type === 'Feature' ? object.geometry
    : object?.type === 'FeatureCollection' && Array.isArray(object.features) && object.features.length === 1 ? asGeoJson(object.features[0])?.geometry
    : value
  const checked = asGeoJson(geometry)
  if (!checked || (checked.type !== 'Polygon' && checked.type !== 'MultiPolygon')) {
    throw new BadUserInputError(argument, 'must be a Polygon or MultiPolygon (or a Feature, or a FeatureCollection of one Feature, with one)')
  }
  return checked as { type: string; coordinates?: unknown }
}

const today = () => new Date().toISOString().slice(0, 10)

/** Longest reason for deleting a service point, in characters (as for a revert). */
const MAX_DELETE_REASON = 500

@Resolver()
export class EditResolver {
  @Mutation(() => ServicePoint, {
    description: 'Creates or changes a service point (editor). Fields left out keep their value; the region follows from the location unless given.',
  })
  async upsertServicePoint(@Ctx() ctx: Context, @Arg('input', () => ServicePointInput, { description: 'The point\'s fields; those left out keep their value.' }) input: ServicePointInput): Promise<ServicePoint> {
    const viewer = await ctx.auth.require('township-editor', 'upsertServicePoint')
    const stored = await findServicePointCounty(ctx.db, input.id)
    // An update needs the point's current town; the town it ends up in is checked after the write path derived it.
    if (stored) requireRegionScope(viewer, (await findServicePointsByIds(ctx.db, [input.id]))[0]?.regionCode, 'upsertServicePoint')
    if (stored && input.county && input.county !== stored) throw new BadUserInputError('input.county', `service point ${input.id} belongs to county ${stored}`)
    const county = stored ?? (await resolveCounty(ctx, input.county))
    const values = cellsOf(servicePoints, input, SERVICE_POINT_FIELDS, 'input', ['lng', 'lat'])
    if (input.lng !== undefined || input.lat !== undefined) {
      if ((input.lng ?? null) === null || (input.lat ?? null) === null) {
        if ((input.lng ?? null) !== (input.lat ?? null)) throw new BadUserInputError(input.lng == null ? 'input.lng' : 'input.lat', 'give lng and lat together, or both null')
        values.lng = values.lat = null
      } else {
        if (!(Math.abs(input.lng!) <= 180)) throw new BadUserInputError('input.lng', `longitude ${input.lng} is outside -180..180`)
        if (!(Math.abs(input.lat!) <= 90)) throw new BadUserInputError('input.lat', `latitude ${input.lat} is outside -90..90`)
        const [lng, lat] = positionToWgs84([input.lng!, input.lat!], crsOf(input.crs))
        values.lng = String(roundCoordinate(lng))
        values.lat = String(roundCoordinate(lat))
      }
      if (input.locationQuality == null) {
        const old = stored ? await findStoredRecord(ctx.db, servicePoints, county, input.id) : undefined
        const moved = !old || old.values.lng !== values.lng || old.values.lat !== values.lat
        if (moved) values.location_quality = values.lng === null ? 'UNKNOWN' : 'GEOCODED'
      }
    }
    // A new point with no location is listed, not mapped.
    if (!stored && values.lng === undefined && values.location_quality === undefined) values.location_quality = 'UNKNOWN'
    await ctx.db.transaction().execute(async (tx) => {
      await apply(() => applyRecords(tx, servicePoints, [{ line: 1, values }], { county, actor: viewer.name }), SERVICE_POINT_FIELDS, 'input')
      requireRegionScope(viewer, (await findServicePointsByIds(tx, [input.id]))[0]?.regionCode, 'upsertServicePoint')
    })
    return (await findServicePointsByIds(ctx.db, [input.id]))[0]
  }

  @Mutation(() => ID, { description: 'Deletes a service point (editor); the audit log keeps its last state and the reason. Returns its id.' })
  async deleteServicePoint(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The service point\'s id.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: `Why, 1–${MAX_DELETE_REASON} characters of plain text (shown in the history; the web app asks for it).` })
    reason?: string | null,
  ): Promise<string> {
    const viewer = await ctx.auth.require('township-editor', 'deleteServicePoint')
    const why = reason == null ? undefined : plainText('reason', reason, MAX_DELETE_REASON)
    const county = await findServicePointCounty(ctx.db, id)
    if (!county) throw new NotFoundError('Service point', id)
    requireRegionScope(viewer, (await findServicePointsByIds(ctx.db, [id]))[0]?.regionCode, 'deleteServicePoint')
    await deleteRecords(ctx.db, servicePoints, [id], { county, actor: viewer.name, ...(why ? { note: { reason: why } } : {}) })
    return id
  }

  @Mutation(() => IndicatorValue, {
    description: 'Records (or corrects) an indicator value for a region and year. ACTUAL values need an editor; BASELINE, MILESTONE and TARGET (the plan\'s own figures) an admin.',
  })
  async recordIndicatorValue(@Ctx() ctx: Context, @Arg('input', () => IndicatorValueInput, { description: 'The value to record.' }) input: IndicatorValueInput): Promise<IndicatorValue> {
    const viewer = await ctx.auth.require(input.kind === ValueKind.ACTUAL ? 'township-editor' : 'admin', `recordIndicatorValue (kind ${input.kind})`)
    const county = await resolveCounty(ctx, input.county)
    const region = input.region ?? county
    if (region === county) requireCountyScope(viewer, 'recordIndicatorValue', county)
    else requireRegionScope(viewer, region, 'recordIndicatorValue')
    const values = cellsOf(indicatorValues, { ...input, region: input.region ?? county }, INDICATOR_VALUE_FIELDS, 'input')
    await apply(() => applyRecords(ctx.db, indicatorValues, [{ line: 1, values }], { county, actor: viewer.name }), INDICATOR_VALUE_FIELDS, 'input')
    const all = await listValuesOfIndicators(ctx.db, [{ countyCode: county, code: input.indicator }])
    return all.find((v) => v.regionCode === values.region_code && v.year === input.year && v.kind === input.kind)!
  }

  @Mutation(() => GIProduct, {
    description: 'Creates or changes a GI product (editor): its attributes, origin regions and, optionally, an official origin area.',
  })
  async upsertGIProduct(@Ctx() ctx: Context, @Arg('input', () => GIProductInput, { description: 'The product\'s fields; those left out keep their value.' }) input: GIProductInput): Promise<GIProduct> {
    const viewer = await ctx.auth.require('township-editor', 'upsertGIProduct')
    const county = await resolveCounty(ctx, input.county)
    requireCountyScope(viewer, 'upsertGIProduct', county)
    const values = cellsOf(giProducts, input, GI_PRODUCT_FIELDS, 'input', ['originArea'])
    if (input.originRegions && input.originRegions.length > MAX_ORIGIN_REGIONS) {
      throw new BadUserInputError('input.originRegions', `来源地区过多 / too many origin regions: ${input.originRegions.length} (at most ${MAX_ORIGIN_REGIONS})`)
    }
    const record: IncomingRecord = { line: 1, values }
    if (input.originArea !== undefined) {
      record.geometry = input.originArea === null ? null : geometryToWgs84(geometryOf(input.originArea, 'input.originArea'), crsOf(input.crs))
      if (input.originAreaQuality === GeometryQuality.NONE && input.originArea !== null) {
        throw new BadUserInputError('input.originAreaQuality', 'NONE is for a product without an origin area')
      }
    }
    const regionsMapping: Mapping = { originRegions: 'region_code' }
    await ctx.db.transaction().execute(async (tx) => {
      await apply(() => applyRecords(tx, giProducts, [record], { county, actor: viewer.name }), GI_PRODUCT_FIELDS, 'input')
      if (!input.originRegions) return
      const current = await listStoredRecords(tx, giProductRegions, county, 'gi_code', input.code)
      const wanted = [...new Set(input.originRegions)]
      const source = input.source ?? (await findStoredRecord(tx, giProducts, county, input.code))!.values.source
      const added = wanted.filter((code) => !current.some((r) => r.values.region_code === code))
      const removed = current.filter((r) => !wanted.includes(r.values.region_code ?? ''))
      if (added.length) {
        const records = added.map((code) => ({ line: 1, values: { gi_code: input.code, region_code: code, source, note: null, note_zh: null } }))
        await apply(() => applyRecords(tx, giProductRegions, records, { county, actor: viewer.name }), regionsMapping, 'input')
      }
      if (removed.length) await deleteRecords(tx, giProductRegions, removed.map((r) => r.key), { county, actor: viewer.name })
    })
    return (await listGIProducts(ctx.db, county)).find((g) => g.code === input.code)!
  }

  @Mutation(() => Region, {
    description: 'Replaces a region\'s boundary (admin), e.g. with the official one; its area, the points inside it and coverage follow at once.',
  })
  async replaceRegionBoundary(
    @Ctx() ctx: Context,
    @Arg('code', () => ID, { description: 'The region\'s NBS code.' }) code: string,
    @Arg('boundary', () => GeoJSONScalar, { description: 'A Polygon or MultiPolygon (or a Feature of one).' }) boundary: object,
    @Arg('quality', () => GeometryQuality, { defaultValue: GeometryQuality.OFFICIAL, description: 'OFFICIAL (default) or APPROXIMATE.' }) quality: GeometryQuality,
    @Arg('source', () => String, { nullable: true, description: 'Where the boundary comes from; default: who supplied it, and when.' }) source?: string | null,
    @Arg('crs', () => CoordinateSystem, { defaultValue: CoordinateSystem.WGS84, description: 'Coordinate system of the boundary sent; stored as WGS84.' }) crs: CoordinateSystem = CoordinateSystem.WGS84,
  ): Promise<Region> {
    const viewer = await ctx.auth.require('admin', 'replaceRegionBoundary')
    const county = await findRegionCounty(ctx.db, code)
    if (!county) throw new NotFoundError('Region', code)
    requireCountyScope(viewer, 'replaceRegionBoundary', county)
    if (quality === GeometryQuality.NONE) throw new BadUserInputError('quality', 'must be OFFICIAL or APPROXIMATE')
    const geometry = geometryToWgs84(geometryOf(boundary, 'boundary'), crsOf(crs))
    const values = { code, boundary_quality: quality, boundary_source: source?.trim() || `supplied by ${viewer.publicLabel} on ${today()}` }
    await apply(
      () => applyRecords(ctx.db, regionBoundaries, [{ line: 1, values, geometry }], { county, actor: viewer.name }),
      { code: 'code', boundary: 'geometry', quality: 'boundary_quality', source: 'boundary_source' },
      '',
    )
    return (await findRegionsByCodes(ctx.db, [code]))[0]
  }
}
