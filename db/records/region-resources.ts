/** The regions and the parts of them the files carry apart: their names over time, seats and boundaries. */
import { sql } from 'kysely'
import type { FieldSchema } from '../dataset/package.ts'
import { RESOURCE_FIELDS } from '../dataset/schemas.ts'
import { asGeoJson } from '../spatial.ts'
import { coordinate, int, multiPolygon, nullable, point, text, type Resource } from './resource.ts'

export const regions: Resource = {
  name: 'regions',
  title: 'Regions: the county and its township-level units',
  entity: 'region',
  fields: RESOURCE_FIELDS.regions,
  key: ['code'],
  globalKey: true,
  table: 'region',
  select: (county) => sql`
      select code, parent_code, level, name_zh, name_en, in_county_statistics, administered_by_code, administered_by_zh,
             administered_by_en, population, population_year, population_kind, population_source, population_source_zh, population_note, population_note_zh, source, source_zh, note, note_zh
        from region where county_code = ${county} order by code`,
  match: (_county, v) => ({ code: text(v.code) }),
  row(county, { values: v }, existing) {
    const row = {
      parent_code: nullable(v.parent_code),
      level: text(v.level),
      name_zh: text(v.name_zh),
      name_en: text(v.name_en),
      in_county_statistics: v.in_county_statistics !== 'false',
      administered_by_code: nullable(v.administered_by_code),
      administered_by_zh: nullable(v.administered_by_zh),
      administered_by_en: nullable(v.administered_by_en),
      population: int(v.population),
      population_year: int(v.population_year),
      population_kind: nullable(v.population_kind),
      population_source: nullable(v.population_source),
      population_source_zh: nullable(v.population_source_zh),
      population_note: nullable(v.population_note),
      population_note_zh: nullable(v.population_note_zh),
      source: text(v.source),
      source_zh: nullable(v.source_zh),
      note: nullable(v.note),
      note_zh: nullable(v.note_zh),
    }
    return existing ? row : { ...row, code: text(v.code), county_code: county, boundary_quality: 'NONE' }
  },
}

export const regionNames: Resource = {
  name: 'region-names',
  title: 'Names regions have had, with their dates',
  entity: 'region_name',
  fields: RESOURCE_FIELDS['region-names'],
  key: ['region_code', 'name_zh'],
  table: 'region_name',
  deletable: true,
  select: (county) => sql`
      select n.region_code, n.name_zh, n.name_en, n.level, n.valid_from::text as valid_from, n.valid_to::text as valid_to, n.source, n.source_zh
        from region_name n join region r on r.code = n.region_code
       where r.county_code = ${county} order by n.region_code, n.valid_from nulls first, n.name_zh`,
  match: (_county, v) => ({ region_code: text(v.region_code), name_zh: text(v.name_zh) }),
  row(county, { values: v }, existing) {
    const row = {
      name_en: text(v.name_en),
      level: text(v.level),
      valid_from: nullable(v.valid_from),
      valid_to: nullable(v.valid_to),
      source: text(v.source),
      source_zh: nullable(v.source_zh),
    }
    return existing ? row : { ...row, ...this.match(county, v) }
  },
}

/** Seat quality as the seats file writes it; the bundled package's F (found) and E (estimated) are read too. */
export const SEAT_STATUSES: Record<string, string> = { SURVEYED: 'SURVEYED', GEOCODED: 'GEOCODED', APPROXIMATE: 'APPROXIMATE', F: 'GEOCODED', E: 'APPROXIMATE' }

export const seats: Resource = {
  name: 'seats',
  title: "Seats of the regions' governments (points)",
  entity: 'region',
  fields: RESOURCE_FIELDS.seats,
  key: ['code'],
  partOfRegion: true,
  table: 'region',
  normalize(v) {
    if (v.status !== null && v.status !== undefined && v.status in SEAT_STATUSES) v.status = SEAT_STATUSES[v.status]
    // The database keeps one seat_source: an (English) note is appended to the source; its Chinese twin is seat_note_zh.
    if (v.note) {
      v.source = [v.source, v.note].filter(Boolean).join('; ')
      v.note = null
    }
  },
  select: (county) => sql`
      select code, name_zh, ${coordinate('seat', 'x')} as lng, ${coordinate('seat', 'y')} as lat, seat_quality as status,
             null as note, seat_note_zh as note_zh, seat_source as source, seat_source_zh as source_zh
        from region where county_code = ${county} and seat is not null order by code`,
  match: (_county, v) => ({ code: text(v.code) }),
  row: (_county, { values: v }) => ({
    seat: point(v),
    seat_quality: v.lng === null ? null : (SEAT_STATUSES[v.status ?? ''] ?? 'APPROXIMATE'),
    seat_source: v.lng === null ? null : [v.source, v.note].filter(Boolean).join('; ') || null,
    seat_note_zh: v.lng === null ? null : nullable(v.note_zh),
    // The Chinese source stays apart from the Chinese note (seat_note_zh), so the two round-trip as written.
    seat_source_zh: v.lng === null ? null : nullable(v.source_zh),
  }),
}

/** Fields of a region boundary record (GeoJSON feature properties). */
export const BOUNDARY_FIELDS: FieldSchema[] = [
  { name: 'code', type: 'string', description: 'Region code (NBS division code)', constraints: { required: true } },
  {
    name: 'boundary_quality',
    type: 'string',
    description: 'OFFICIAL (from an official source) or APPROXIMATE (schematic); NONE when there is no boundary',
    constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] },
  },
  { name: 'boundary_source', type: 'string', description: 'Where the boundary comes from, or how it was drawn' },
  { name: 'area_km2', type: 'number', description: 'Geodesic area of the boundary (computed; ignored on import)', unit: 'km2' },
]

export const regionBoundaries: Resource = {
  name: 'region-boundaries',
  title: 'Region boundaries (MultiPolygon, WGS84)',
  entity: 'region',
  fields: BOUNDARY_FIELDS,
  readOnly: ['area_km2'],
  key: ['code'],
  partOfRegion: true,
  spatial: { kind: 'area', qualityField: 'boundary_quality', required: true },
  table: 'region',
  select: (county, geometry) =>
    sql`select code, boundary_quality, boundary_source, round((st_area(boundary::geography) / 1e6)::numeric, 3)::text as area_km2
                 ${geometry ? sql`, ${asGeoJson('boundary')} as geometry` : sql``}
            from region where county_code = ${county} order by code`,
  match: (_county, v) => ({ code: text(v.code) }),
  row: (_county, record) => ({
    ...(record.geometry !== undefined ? { boundary: record.geometry ? multiPolygon(record.geometry) : null } : {}),
    boundary_quality: text(record.values.boundary_quality),
    boundary_source: nullable(record.values.boundary_source),
  }),
}
