/** The schematic township cells tile the county outline (checked in PostGIS on the loaded data). */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTestDatabase, type TestDatabase } from '../setup/database.ts'

let t: TestDatabase
beforeAll(async () => {
  t = await openTestDatabase('seeded')
})
afterAll(() => t.close())

const COUNTY = '410184'
const cells = sql`(select code, boundary, in_county_statistics from region where code <> ${COUNTY} and boundary is not null and county_code = ${COUNTY})`

describe('the schematic township cells', () => {
  it('are 17 valid MultiPolygons wound by the right-hand rule, all marked APPROXIMATE', async () => {
    const { rows } = await sql<{ code: string; valid: boolean; type: string; ccw: boolean; quality: string }>`
      select code, st_isvalid(boundary) as valid, geometrytype(boundary) as type,
             st_ispolygonccw(boundary) as ccw, boundary_quality as quality
        from region where boundary is not null order by code`.execute(t.db)
    expect(rows).toHaveLength(18) // the outline and 17 cells
    for (const r of rows) expect(r, r.code).toMatchObject({ valid: true, type: 'MULTIPOLYGON', ccw: true, quality: 'APPROXIMATE' })
  })

  it('cover the county outline: their union equals it within 0.1 % of its area', async () => {
    const { rows } = await sql<{ outline: number; union: number; sym: number }>`
      with u as (select st_union(boundary) as g from ${cells} c)
      select st_area(o.boundary::geography) as outline, st_area(u.g::geography) as union,
             st_area(st_symdifference(o.boundary, u.g)::geography) as sym
        from region o, u where o.code = ${COUNTY}`.execute(t.db)
    const { outline, sym } = rows[0]
    expect(sym / outline).toBeLessThan(0.001)
  })

  it('do not overlap one another', async () => {
    const { rows } = await sql<{ a: string; b: string; m2: number }>`
      select a.code as a, b.code as b, st_area(st_intersection(a.boundary, b.boundary)::geography) as m2
        from ${cells} a join ${cells} b on a.code < b.code and st_intersects(a.boundary, b.boundary)
       order by m2 desc limit 1`.execute(t.db)
    expect(rows[0].m2).toBeLessThan(1) // square metres
  })

  it("the 15 units' areas sum to the outline's area minus the two 航空港区 cells", async () => {
    const { rows } = await sql<{ outline: number; units: number; airport: number; n: number }>`
      select (select st_area(boundary::geography) from region where code = ${COUNTY}) as outline,
             (select sum(st_area(boundary::geography)) from region where parent_code = ${COUNTY}) as units,
             (select sum(st_area(boundary::geography)) from region where administered_by_code = '410173') as airport,
             (select count(*)::int from region where parent_code = ${COUNTY} and boundary is not null) as n`.execute(t.db)
    const { outline, units, airport, n } = rows[0]
    expect(n).toBe(15)
    expect(Math.abs(units - (outline - airport)) / outline).toBeLessThan(0.001)
  })

  it('contain their own seats and the service points placed at them', async () => {
    const { rows } = await sql<{ what: string }>`
      select 'seat ' || code as what from region where seat is not null and boundary is not null and not st_covers(boundary, seat)
      union all
      select 'point ' || p.id from service_point p join region r on r.code = p.region_code
       where p.location is not null and not st_covers(r.boundary, p.location)`.execute(t.db)
    expect(rows).toEqual([])
  })
})
