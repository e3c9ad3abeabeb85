/** Things on the map besides regions: GI products with their origin regions, and service points. */
import { sql } from 'kysely'
import type { FieldSchema } from '../dataset/package.ts'
import { RESOURCE_FIELDS } from '../dataset/schemas.ts'
import { asGeoJson } from '../spatial.ts'
import { coordinate, list, multiPolygon, nullable, point, text, type Resource } from './resource.ts'

const GI_FIELDS: FieldSchema[] = [
  ...RESOURCE_FIELDS['gi-products'],
  { name: 'origin_area_quality', type: 'string', constraints: { enum: ['OFFICIAL', 'APPROXIMATE', 'NONE'] } },
]

export const giProducts: Resource = {
  name: 'gi-products',
  title: 'Geographical-indication (GI) products',
  entity: 'gi_product',
  fields: RESOURCE_FIELDS['gi-products'],
  key: ['code'],
  spatial: { kind: 'area', qualityField: 'origin_area_quality', required: false },
  table: 'gi_product',
  listedFields: GI_FIELDS,
  select: (county, geometry) =>
    sql`select code, name_zh, name_en, category_zh, category_en, status, source, note, note_zh, origin_area_quality
                 ${geometry ? sql`, ${asGeoJson('origin_area')} as geometry` : sql``}
            from gi_product where county_code = ${county} order by code`,
  match: (county, v) => ({ county_code: county, code: text(v.code) }),
  row(county, record, existing) {
    const v = record.values
    const row = {
      name_zh: text(v.name_zh),
      name_en: text(v.name_en),
      category_zh: text(v.category_zh),
      category_en: text(v.category_en),
      status: text(v.status),
      source: text(v.source),
      note: nullable(v.note),
      note_zh: nullable(v.note_zh),
    }
    const area =
      record.geometry === undefined
        ? {}
        : record.geometry === null
          ? { origin_area: null, origin_area_quality: 'NONE' }
          : { origin_area: multiPolygon(record.geometry), origin_area_quality: v.origin_area_quality ?? 'OFFICIAL' }
    return existing ? { ...row, ...area } : { origin_area: null, origin_area_quality: 'NONE', ...row, ...area, ...this.match(county, v) }
  },
}

export const giProductRegions: Resource = {
  name: 'gi-product-regions',
  title: 'Origin regions of the GI products',
  entity: 'gi_product_region',
  fields: RESOURCE_FIELDS['gi-product-regions'],
  key: ['gi_code', 'region_code'],
  table: 'gi_product_region',
  deletable: true,
  select: (county) => sql`
      select gi_code, region_code, source, source_zh, note, note_zh from gi_product_region where county_code = ${county} order by gi_code, region_code`,
  match: (county, v) => ({ county_code: county, gi_code: text(v.gi_code), region_code: text(v.region_code) }),
  row(county, { values: v }, existing) {
    const row = { source: text(v.source), source_zh: nullable(v.source_zh), note: nullable(v.note), note_zh: nullable(v.note_zh) }
    return existing ? row : { ...row, ...this.match(county, v) }
  },
}

/**
 * A station's fields: the bundled package's (its English names all given, so required there, optional
 * here: the API shows the Chinese name where none was given), then what stewards add in the editing
 * API and the importer (the bundled package has none of these: they are unknown until someone enters them).
 */
const STEWARDS_FIELDS: FieldSchema[] = [
  { name: 'opening_hours', type: 'string', description: '开放时间 / opening hours as the station states them (e.g. 工作日 9:00–17:00); empty: not known.' },
  { name: 'contact', type: 'string', description: "The station's public telephone or e-mail (never a person's); empty: not known." },
  { name: 'opened_on', type: 'date', description: 'The date it opened (YYYY-MM-DD); required when a PLANNED station becomes ACTIVE; empty: not known.' },
]
// After `services`, so that `source`, `source_zh`, `note` and `note_zh` stay the files' last columns.
const SERVICE_POINT_FIELDS: FieldSchema[] = RESOURCE_FIELDS['service-points'].flatMap((f): FieldSchema[] =>
  f.name === 'name_en' ? [{ name: f.name, type: f.type }] : f.name === 'services' ? [f, ...STEWARDS_FIELDS] : [f],
)

export const servicePoints: Resource = {
  name: 'service-points',
  title: 'IP service stations and other IP service places',
  entity: 'service_point',
  fields: SERVICE_POINT_FIELDS,
  key: ['id'],
  globalKey: true,
  spatial: { kind: 'point' },
  table: 'service_point',
  deletable: true,
  select: (county) => sql`
      select id, name_zh, name_en, kind, status, region_code, address, ${coordinate('location', 'x')} as lng,
             ${coordinate('location', 'y')} as lat, location_quality, services,
             opening_hours, contact, opened_on::text as opened_on, source, source_zh, note, note_zh
        from service_point where county_code = ${county} order by id`,
  match: (county, v) => ({ county_code: county, id: text(v.id) }),
  row(county, { values: v }, existing) {
    const row = {
      name_zh: text(v.name_zh),
      name_en: nullable(v.name_en),
      kind: text(v.kind),
      status: text(v.status),
      region_code: nullable(v.region_code),
      address: nullable(v.address),
      location: point(v),
      location_quality: text(v.location_quality),
      services: list(v.services),
      source: text(v.source),
      source_zh: nullable(v.source_zh),
      note: nullable(v.note),
      note_zh: nullable(v.note_zh),
      opening_hours: nullable(v.opening_hours),
      contact: nullable(v.contact),
      opened_on: nullable(v.opened_on),
    }
    return existing ? row : { ...row, ...this.match(county, v) }
  },
}
