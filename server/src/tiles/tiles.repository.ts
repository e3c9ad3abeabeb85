/**
 * Vector tiles (Mapbox Vector Tile, EPSG:3857 tiling) for service points and regions.
 * On PostgreSQL they are built in SQL with ST_AsMVT; PGlite's PostGIS has no protobuf support,
 * so there the layer's GeoJSON is tiled in JavaScript with geojson-vt and encoded with vt-pbf.
 */
import type { FeatureCollection, Geometry } from 'geojson'
import GeoJSONVT, { type LegacyFeature } from 'geojson-vt'
import { sql, type Kysely } from 'kysely'
import { fromGeojsonVt } from 'vt-pbf'
import type { Database } from '../../../db/database.ts'
import { regionsLayer, servicePointsLayer } from '../map/map-layer.repository.ts'

export const TILE_LAYERS = ['service-points', 'regions'] as const
export type TileLayer = (typeof TILE_LAYERS)[number]

/** Tile extent in pixels, and the buffer around it, as MapLibre expects by default. */
const EXTENT = 4096
const BUFFER = 64

/**
 * Service points are clustered up to this zoom: each tile is cut into a grid of CLUSTER_GRID ×
 * CLUSTER_GRID cells (64 px each on a 512 px tile) and a cell holding several points becomes one
 * feature at their centroid with `point_count` (MapLibre's own name for it); a cell with one point
 * keeps that point as it is. Only points inside the tile itself are clustered (not its buffer), so a
 * point is counted in exactly one tile.
 */
export const CLUSTER_MAX_ZOOM = 8
const CLUSTER_GRID = 8

/** One tile, built by PostGIS. */
export async function tileFromPostgis(db: Kysely<Database>, county: string, layer: TileLayer, z: number, x: number, y: number): Promise<Uint8Array> {
  const envelope = sql`st_tileenvelope(${z}::int, ${x}::int, ${y}::int)`
  const query =
    layer === 'service-points' && z <= CLUSTER_MAX_ZOOM
      ? sql`
          with env as (select ${envelope} as e),
          pts as (
            select p.id, p.name_zh, coalesce(p.name_en, p.name_zh) as name_en, p.kind, p.status, p.location_quality, p.region_code, st_transform(p.location, 3857) as m
              from service_point p
             where p.county_code = ${county} and p.location is not null
               and p.location && st_transform((select e from env), 4326)
          ),
          inside as (
            select pts.*, floor((st_x(m) - st_xmin(e)) / ((st_xmax(e) - st_xmin(e)) / ${CLUSTER_GRID})) as cx,
                   floor((st_ymax(e) - st_y(m)) / ((st_ymax(e) - st_ymin(e)) / ${CLUSTER_GRID})) as cy
              from pts, env
             where st_x(m) >= st_xmin(e) and st_x(m) < st_xmax(e) and st_y(m) > st_ymin(e) and st_y(m) <= st_ymax(e)
          ),
          cells as (
            select count(*)::int as n, st_centroid(st_collect(m)) as c, min(id) as id, min(name_zh) as name_zh, min(name_en) as name_en,
                   min(kind) as kind, min(status) as status, min(location_quality) as location_quality, min(region_code) as region_code
              from inside group by cx, cy
          )
          select case when n = 1 then id end as id, case when n = 1 then name_zh end as "nameZh", case when n = 1 then name_en end as "nameEn",
                 case when n = 1 then kind end as kind, case when n = 1 then status end as status,
                 case when n = 1 then location_quality end as "locationQuality", case when n = 1 then region_code end as "regionCode",
                 case when n > 1 then n end as point_count,
                 st_asmvtgeom(c, (select e from env), ${EXTENT}, ${BUFFER}, true) as geom
            from cells`
      : layer === 'service-points'
        ? sql`
          select p.id, p.name_zh as "nameZh", coalesce(p.name_en, p.name_zh) as "nameEn", p.kind, p.status, p.location_quality as "locationQuality",
                 p.region_code as "regionCode",
                 st_asmvtgeom(st_transform(p.location, 3857), ${envelope}, ${EXTENT}, ${BUFFER}, true) as geom
            from service_point p
           where p.county_code = ${county} and p.location is not null
             and p.location && st_transform(${envelope}, 4326)`
        : sql`
          select r.code as id, r.name_zh as "nameZh", r.name_en as "nameEn", r.level, r.in_county_statistics as "inCountyStatistics",
                 r.boundary_quality as "boundaryQuality",
                 st_asmvtgeom(st_transform(r.boundary, 3857), ${envelope}, ${EXTENT}, ${BUFFER}, true) as geom
            from region r
           where r.county_code = ${county} and r.level <> 'COUNTY' and r.boundary is not null
             and r.boundary && st_transform(${envelope}, 4326)`
  const { rows } = await sql<{ tile: Uint8Array | null }>`
    select st_asmvt(t, ${layer}, ${EXTENT}, 'geom') as tile from (${query}) t where t.geom is not null`.execute(db)
  return rows[0]?.tile ?? new Uint8Array()
}

/** geojson-vt indexes per (county, layer), rebuilt after the data changes (see `clear`). */
export class GeoJsonTiler {
  readonly #indexes = new Map<string, Promise<GeoJSONVT>>()

  async tile(db: Kysely<Database>, county: string, layer: TileLayer, z: number, x: number, y: number): Promise<Uint8Array> {
    const key = `${county}/${layer}`
    let index = this.#indexes.get(key)
    if (!index) {
      index = this.#build(db, county, layer)
      this.#indexes.set(key, index)
      index.catch(() => this.#indexes.delete(key))
    }
    const tile = (await index).getTile(z, x, y)
    const features = tile?.features ?? []
    return fromGeojsonVt(
      { [layer]: { features: layer === 'service-points' && z <= CLUSTER_MAX_ZOOM ? clusterTileFeatures(features) : features } },
      { version: 2, extent: EXTENT },
    )
  }

  clear(): void {
    this.#indexes.clear()
  }

  async #build(db: Kysely<Database>, county: string, layer: TileLayer): Promise<GeoJSONVT> {
    const collection = (layer === 'service-points' ? await servicePointsLayer(db, { county }) : await regionsLayer(db, { county })) as FeatureCollection<
      Geometry,
      Record<string, unknown>
    >
    // Tile properties: what a map needs to style and label (the full records are one GraphQL query away).
    for (const f of collection.features) {
      const p = f.properties
      f.properties =
        layer === 'service-points'
          ? { id: p.id, nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, status: p.status, locationQuality: p.locationQuality, regionCode: p.regionCode }
          : { id: p.code, nameZh: p.nameZh, nameEn: p.nameEn, level: p.level, inCountyStatistics: p.inCountyStatistics, boundaryQuality: p.boundaryQuality }
    }
    return new GeoJSONVT(collection, { maxZoom: 18, indexMaxZoom: 5, extent: EXTENT, buffer: BUFFER })
  }
}

type TileFeature = LegacyFeature

/** Grid clustering of a point tile's features, as the PostGIS query does (see CLUSTER_MAX_ZOOM). */
export function clusterTileFeatures(features: TileFeature[]): TileFeature[] {
  const cell = EXTENT / CLUSTER_GRID
  const cells = new Map<string, TileFeature[]>()
  for (const f of features) {
    if (f.type !== 1) continue
    const [px, py] = f.geometry[0]
    if (px < 0 || px >= EXTENT || py < 0 || py >= EXTENT) continue // the buffer: counted in the neighbouring tile
    const key = `${Math.floor(px / cell)}/${Math.floor(py / cell)}`
    const members = cells.get(key)
    if (members) members.push(f)
    else cells.set(key, [f])
  }
  return [...cells.values()].map((members) => {
    if (members.length === 1) return members[0]
    let [sx, sy] = [0, 0]
    for (const f of members) {
      const [px, py] = f.geometry[0] as [number, number]
      sx += px
      sy += py
    }
    return { type: 1, geometry: [[Math.round(sx / members.length), Math.round(sy / members.length)]], tags: { point_count: members.length } }
  })
}
