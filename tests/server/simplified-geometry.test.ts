/**
 * Simplified polygons stay valid: `mapLayer(REGIONS|GI_PRODUCTS, simplifyMeters)` and `Region.boundary(simplifyMeters)`
 * return valid, non-empty MultiPolygons for every tolerance, as the database itself reads them back from the GeoJSON.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const TOLERANCES = [0, 10, 100, 500, 1000, 2000, 5000, 10000]

/** Each geometry's type, validity (with PostGIS's reason) and emptiness, judged by PostGIS from the GeoJSON text. */
async function judge(geometries: Record<string, object>): Promise<Record<string, string>> {
  const { rows } = await sql<{ key: string; verdict: string }>`
    select g.key, geometrytype(x.geom) || ' ' || st_isvaliddetail(x.geom)::text || case when st_isempty(x.geom) then ' empty' else '' end as verdict
      from json_each_text(${JSON.stringify(geometries)}::json) g(key, value)
      cross join lateral (select st_geomfromgeojson(g.value) as geom) x`.execute(server.db)
  return Object.fromEntries(rows.map((r) => [r.key, r.verdict]))
}

describe('simplified polygons', () => {
  it('are valid and non-empty MultiPolygons in mapLayer(REGIONS) and mapLayer(GI_PRODUCTS) at every tolerance', async () => {
    for (const t of TOLERANCES) {
      const { data, errors } = await server.query(
        'query ($t: Float) { regions: mapLayer(layer: REGIONS, simplifyMeters: $t) gi: mapLayer(layer: GI_PRODUCTS, simplifyMeters: $t) }',
        { t },
      )
      expect(errors, `${t} m`).toBeUndefined()
      const features = [...data.regions.features, ...data.gi.features]
      expect(data.regions.features.length).toBe(17)
      const verdicts = await judge(Object.fromEntries(features.map((f: any) => [`${t} m ${f.id}`, f.geometry])))
      for (const f of features) expect(verdicts[`${t} m ${f.id}`]).toBe('MULTIPOLYGON (t,,)')
    }
  })

  it('are valid and non-empty in Region.boundary(simplifyMeters) at every tolerance, the county included', async () => {
    for (const t of TOLERANCES) {
      const { data, errors } = await server.query(
        'query ($t: Float) { regions(includeAdministeredElsewhere: true) { code boundary(simplifyMeters: $t) } county: region(code: "410184") { code boundary(simplifyMeters: $t) } }',
        { t },
      )
      expect(errors, `${t} m`).toBeUndefined()
      const regions = [...data.regions, data.county]
      expect(regions.length).toBe(18)
      const verdicts = await judge(Object.fromEntries(regions.map((r: any) => [`${t} m ${r.code}`, r.boundary])))
      for (const r of regions) expect(verdicts[`${t} m ${r.code}`]).toBe('MULTIPOLYGON (t,,)')
    }
  })

  it('refuses a tolerance outside 0–10000 m, naming the argument', async () => {
    for (const t of [-1, 10001]) {
      const layer = await server.query('query ($t: Float) { mapLayer(layer: REGIONS, simplifyMeters: $t) }', { t })
      expect(layer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'simplifyMeters' })
      const boundary = await server.query('query ($t: Float) { region(code: "410184") { boundary(simplifyMeters: $t) } }', { t })
      expect(boundary.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'simplifyMeters' })
    }
  })
})
