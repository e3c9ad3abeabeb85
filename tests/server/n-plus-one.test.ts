/** A query over all regions with their relations runs a fixed number of SQL statements, whatever the row count. */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const QUERY = `{ regions(includeAdministeredElsewhere: true) {
  code name parent { code name } children { code } administeredBy { code } names { nameZh }
  boundary(simplifyMeters: 100) seat
  servicePoints { id name region { code name } }
  giProducts { code name originRegions { code } }
  indicatorValues { value region { code } }
} tasks { code departments { code members { code } } } }`

/** Statements one request runs, from a cold memo (what is memoised across requests is counted too). */
async function statementsFor(query: string): Promise<{ statements: number; data: any }> {
  server.app.memo.clear()
  const before = server.app.sqlStatements()
  const res = await server.query(query)
  expect(res.errors).toBeUndefined()
  return { statements: server.app.sqlStatements() - before, data: res.data }
}

describe('no N+1 queries', () => {
  it('runs as many statements for 170 regions as for 17', async () => {
    const small = await statementsFor(QUERY)
    expect(small.data.regions).toHaveLength(17)

    // 153 synthetic units under the county, each with a boundary, a point and a GI origin.
    const generation = server.app.cache.generation
    await sql`
      insert into region (code, county_code, parent_code, level, name_zh, name_en, in_county_statistics, boundary, boundary_quality, source)
      select '4101849' || lpad(i::text, 2, '0'), '410184', '410184', 'TOWN', '合成' || i, 'Synthetic ' || i, true,
             st_multi(st_makeenvelope(120 + i * 0.01, 30, 120.005 + i * 0.01, 30.005, 4326)), 'APPROXIMATE', 'synthetic (test)'
        from generate_series(0, 99) i;
      insert into region (code, county_code, parent_code, level, name_zh, name_en, in_county_statistics, boundary, boundary_quality, source)
      select '4101848' || lpad(i::text, 2, '0'), '410184', '410184', 'TOWN', '合成' || i, 'Synthetic ' || i, true,
             st_multi(st_makeenvelope(121 + i * 0.01, 30, 121.005 + i * 0.01, 30.005, 4326)), 'APPROXIMATE', 'synthetic (test)'
        from generate_series(0, 52) i;
      insert into service_point (id, county_code, name_zh, name_en, kind, status, region_code, location, location_quality, source)
      select 'synthetic-' || code, '410184', name_zh, name_en, 'IP_SERVICE_STATION', 'PLANNED', code, st_centroid(boundary), 'APPROXIMATE', 'synthetic (test)'
        from region where source = 'synthetic (test)';
      insert into gi_product_region (county_code, gi_code, region_code, source)
      select '410184', 'longhu-cherry', code, 'synthetic (test)' from region where source = 'synthetic (test)'`.execute(server.db)
    // Count once the server has had the writes' notifications (one clearing the memo mid-request would add a statement).
    await expect.poll(() => server.app.cache.generation, { interval: 5 }).toBeGreaterThan(generation)
    // Each statement above sends its own notification: wait until they have all come (none for 100 ms).
    let seen = -1
    await expect
      .poll(
        () => {
          const now = server.app.cache.generation
          const settled = now === seen
          seen = now
          return settled
        },
        { interval: 100 },
      )
      .toBe(true)

    const large = await statementsFor(QUERY)
    expect(large.data.regions).toHaveLength(170)
    expect(large.data.regions.find((r: any) => r.code === '410184900').servicePoints).toHaveLength(1)
    expect(large.statements).toBe(small.statements)
    expect(small.statements).toBeLessThanOrEqual(20)
  })

  it('builds a map layer in one statement', async () => {
    // The cost estimate looks the layers' sizes up once per data change (one statement, shared until the next write).
    await server.query('{ mapLayer(layer: REGIONS, maxFeatures: 0) }')
    for (const layer of ['REGIONS', 'SERVICE_POINTS', 'GI_PRODUCTS']) {
      expect((await statementsFor(`{ mapLayer(layer: ${layer}) }`)).statements, layer).toBe(1)
    }
  })

  it('compares any number of regions in a constant number of statements', async () => {
    const few = await statementsFor(
      `{ compareRegions(codes: ["410184001", "410184002"]) { rank servicePointCount latestIndicatorValues { value } region { name } } }`,
    )
    const { data } = await server.query(`{ regions { code } }`)
    const codes = JSON.stringify(data.regions.map((r: any) => r.code).slice(0, 100))
    const many = await statementsFor(`{ compareRegions(codes: ${codes}) { rank servicePointCount latestIndicatorValues { value } region { name } } }`)
    expect(many.statements).toBe(few.statements)
  })
})
