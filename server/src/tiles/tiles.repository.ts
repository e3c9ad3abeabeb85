/**
 * Vector tiles (Mapbox Vector Tile, EPSG:3857 tiling) for service points and regions.
 * On PostgreSQL they are built in SQL with ST_AsMVT; PGlite's PostGIS has no protobuf support,
 * so there the layer's GeoJSON is tiled in JavaScript with geojson-vt and encoded with vt-pbf.
 */
import GeoJSONVT from 'geojson-vt'
import { sql, type Kysely } from 'kysely'
import { fromGeojsonVt } from 'vt-pbf'
import type { Database } from '../../../db/database.ts'
import { regionsLayer, servicePointsLayer } from '../map/map-layer.repository.ts'

export const TILE_LAYERS = ['service-points', 'regions'] as const
export type TileLayer = (typeof TILE_LAYERS)[number]

/** Tile extent in pixels, and the buffer around it, as MapLibre expects by default. */
const EXTENT = 4096
const BUFFER = 64

/** One tile, built by PostGIS. */
export async function tileFromPostgis(db: Kysely<Database>, county: string, layer: TileLayer, z: number, x: number, y: number): Promise<Uint8Array> {
  const envelope = sql`st_tileenvelope(${z}::int, ${x}::int, ${y}::int)`
  const query =
    layer === 'service-points'
      ? sql`
          select p.id, p.name_zh as "nameZh", p.name_en as "nameEn", p.kind, p.status, p.location_quality as "locationQuality",
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
    return fromGeojsonVt({ [layer]: tile ?? { features: [] } }, { version: 2, extent: EXTENT })
  }

  clear(): void {
    this.#indexes.clear()
  }

  async #build(db: Kysely<Database>, county: string, layer: TileLayer): Promise<GeoJSONVT> {
    const collection = (layer === 'service-points' ? await servicePointsLayer(db, county, null) : await regionsLayer(db, county, null, 0)) as any
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
