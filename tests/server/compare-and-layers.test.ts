import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../setup/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

const COMPARE = `query ($codes: [ID!]!, $r: Float) { compareRegions(codes: $codes, coverageRadiusKm: $r) {
  region { code name } population populationYear areaKm2 servicePointCount servicePointCountByKind { kind count }
  servicePointsPer10k servicePointsPer100Km2 giProductCount coverageShare rank latestIndicatorValues { year value } } }`

describe('compareRegions', () => {
  it('answers one row per code in the order asked, with figures traceable to the data', async () => {
    const codes = ['410184402', '410184109', '410184001']
    const { data, errors } = await server.query(COMPARE, { codes })
    expect(errors).toBeUndefined()
    const rows = data.compareRegions
    expect(rows.map((r: any) => r.region.code)).toEqual(codes)
    const [jucishan, longhu] = rows
    expect(jucishan).toMatchObject({ population: 11807, populationYear: 2020, servicePointCount: 1, giProductCount: 1 })
    expect(jucishan.servicePointsPer10k).toBeCloseTo((1 / 11807) * 10_000, 10)
    expect(jucishan.servicePointsPer100Km2).toBeCloseTo((1 / jucishan.areaKm2) * 100, 10)
    // 龙湖: the planned station and two universities (placed at its seat); 龙湖樱桃.
    expect(longhu).toMatchObject({ population: null, servicePointsPer10k: null, servicePointCount: 3, giProductCount: 1 })
    expect(longhu.servicePointCountByKind).toEqual([
      { kind: 'IP_SERVICE_STATION', count: 1 },
      { kind: 'UNIVERSITY', count: 2 },
    ])
  })

  it('ranks by coverage share, highest first, ties broken by code', async () => {
    const { data } = await server.query(COMPARE, { codes: ['410184109', '410184003', '410184001', '410184002'] })
    const rows = [...data.compareRegions].sort((a: any, b: any) => a.rank - b.rank)
    for (let i = 1; i < rows.length; i++) {
      const [p, q] = [rows[i - 1], rows[i]]
      expect(p.coverageShare > q.coverageShare || (p.coverageShare === q.coverageShare && p.region.code < q.region.code)).toBe(true)
    }
    // The small urban subdistricts lie wholly within 5 km of a station: a tie at 1, broken by code.
    expect(rows.slice(0, 3).map((r: any) => [r.region.code, r.coverageShare])).toEqual([
      ['410184001', 1],
      ['410184002', 1],
      ['410184003', 1],
    ])
  })

  it('covers more of a town as the radius grows, and all of it at 50 km', async () => {
    const shares = []
    for (const r of [1, 3, 10, 50]) shares.push((await server.query(COMPARE, { codes: ['410184109'], r })).data.compareRegions[0].coverageShare)
    expect(shares[0]).toBeGreaterThan(0)
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1] - 1e-12)
    expect(shares[3]).toBeCloseTo(1, 6)
  })

  it('shows the latest actual values recorded for the region', async () => {
    await server.db
      .insertInto('indicator_value')
      .values([
        { county_code: '410184', indicator_code: 'mediation-cases', region_code: '410184109', year: 2024, kind: 'ACTUAL', value: 4, source: 'test' },
        { county_code: '410184', indicator_code: 'mediation-cases', region_code: '410184109', year: 2025, kind: 'ACTUAL', value: 6, source: 'test' },
      ])
      .execute()
    const { data } = await server.query(COMPARE, { codes: ['410184109'] })
    expect(data.compareRegions[0].latestIndicatorValues).toEqual([{ year: 2025, value: 6 }])
  })

  it('gives the population kind, and coverage by ACTIVE stations apart from ACTIVE + PLANNED', async () => {
    const Q = `query ($codes: [ID!]!, $r: Float) { compareRegions(codes: $codes, coverageRadiusKm: $r) {
      region { code } population populationYear populationKind coverageShare activeCoverageShare } }`
    const codes = ['410184107', '410184109', '410184101', '410184402']
    const { data, errors } = await server.query(Q, { codes, r: 5 })
    expect(errors).toBeUndefined()
    const [mengzhuang, longhu, xincun, jucishan] = data.compareRegions
    expect(mengzhuang).toMatchObject({ population: 44757, populationYear: 2018, populationKind: 'HOUSEHOLD_REGISTERED' })
    expect(jucishan).toMatchObject({ populationYear: 2020, populationKind: 'UNSPECIFIED' })
    expect(longhu).toMatchObject({ population: null, populationKind: null })
    for (const r of data.compareRegions) expect(r.activeCoverageShare).toBeLessThanOrEqual(r.coverageShare + 1e-12)
    // 龙湖 holds the two ACTIVE located stations (its universities at the seat): covered by them alone too.
    expect(longhu.activeCoverageShare).toBeGreaterThan(0)
    // Making 新村镇's own planned station active raises its active coverage.
    const before = xincun.activeCoverageShare
    await server.db.updateTable('service_point').set({ status: 'ACTIVE' }).where('region_code', '=', '410184101').where('location', 'is not', null).execute()
    server.app.memo.clear()
    const after = (await server.query(Q, { codes: ['410184101'], r: 4.99 })).data.compareRegions[0]
    expect(after.activeCoverageShare).toBeGreaterThan(before)
    expect(after.activeCoverageShare).toBeLessThanOrEqual(after.coverageShare + 1e-12)
    await server.db.updateTable('service_point').set({ status: 'PLANNED' }).where('region_code', '=', '410184101').where('location', 'is not', null).execute()
  })

  it('counts every station of the county for the county itself, located or not', async () => {
    const { data } = await server.query(
      `{ compareRegions(codes: ["410184"]) { population populationYear populationKind servicePointCount servicePointsPer10k } }`,
    )
    const all = await server.db
      .selectFrom('service_point')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', '410184')
      .executeTakeFirstOrThrow()
    const unlocated = await server.db
      .selectFrom('service_point')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('county_code', '=', '410184')
      .where('location', 'is', null)
      .where('region_code', 'is', null)
      .executeTakeFirstOrThrow()
    expect(Number(unlocated.n)).toBeGreaterThan(0)
    const [county] = data.compareRegions
    expect(county).toMatchObject({ population: 1172237, populationYear: 2020, populationKind: 'RESIDENT', servicePointCount: Number(all.n) })
    expect(county.servicePointsPer10k).toBeCloseTo((Number(all.n) / 1172237) * 10_000, 10)
  })

  it('refuses unknown codes, repeated codes and a radius out of range, naming the argument', async () => {
    expect((await server.query(COMPARE, { codes: ['410184109', '999'] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'codes' })
    expect((await server.query(COMPARE, { codes: ['410184109', '410184109'] })).errors?.[0].extensions).toMatchObject({ argument: 'codes' })
    expect((await server.query(COMPARE, { codes: ['410184109'], r: 0 })).errors?.[0].extensions).toMatchObject({ argument: 'coverageRadiusKm' })
  })
})

/** Twice the signed area of a ring (shoelace): positive when counter-clockwise. */
const signedArea = (ring: number[][]) => ring.slice(1).reduce((s, [x, y], i) => s + (ring[i][0] * y - x * ring[i][1]), 0)

describe('mapLayer', () => {
  const LAYER = `query ($layer: MapLayer!, $region: ID, $s: Float) { mapLayer(layer: $layer, region: $region, simplifyMeters: $s) }`

  it('REGIONS: one valid feature per cell (15 units and the two 航空港区 cells), right-hand rule, ≤ 6 decimals', async () => {
    const fc = (await server.query(LAYER, { layer: 'REGIONS' })).data.mapLayer
    expect(fc.type).toBe('FeatureCollection')
    expect(fc.features).toHaveLength(17)
    for (const f of fc.features) {
      expect(f.type).toBe('Feature')
      expect(f.id).toBe(f.properties.code)
      expect(f.geometry.type).toBe('MultiPolygon')
      for (const polygon of f.geometry.coordinates) {
        expect(signedArea(polygon[0])).toBeGreaterThan(0) // exterior counter-clockwise
        for (const hole of polygon.slice(1)) expect(signedArea(hole)).toBeLessThan(0)
        expect(polygon[0][0]).toEqual(polygon[0].at(-1))
      }
      expect(f.properties).toMatchObject({ boundaryQuality: 'APPROXIMATE' })
      expect(f.properties).toHaveProperty('servicePointCount')
    }
    const decimals = JSON.stringify(fc)
      .match(/-?\d+\.\d+/g)!
      .map((n: string) => n.split('.')[1].length)
    expect(Math.max(...decimals)).toBeLessThanOrEqual(6)
    const baqian = fc.features.find((f: any) => f.id === '410173202')
    expect(baqian.properties).toMatchObject({ inCountyStatistics: false, administeredByZh: '郑州航空港区' })
  })

  it('REGIONS: simplification keeps every cell and drops vertices', async () => {
    const full = (await server.query(LAYER, { layer: 'REGIONS' })).data.mapLayer
    const simple = (await server.query(LAYER, { layer: 'REGIONS', s: 300 })).data.mapLayer
    const vertices = (fc: any) => fc.features.reduce((n: number, f: any) => n + JSON.stringify(f.geometry).split('],[').length, 0)
    expect(simple.features).toHaveLength(17)
    expect(vertices(simple)).toBeLessThan(vertices(full) * 0.6)
  })

  it('SERVICE_POINTS: the located points, with the properties a popup needs', async () => {
    const fc = (await server.query(LAYER, { layer: 'SERVICE_POINTS' })).data.mapLayer
    expect(fc.features).toHaveLength(17) // 15 township stations and two universities; 9 have no location
    const station = fc.features.find((f: any) => f.id === 'ip-service-410184107')
    expect(station.geometry.type).toBe('Point')
    expect(station.properties).toMatchObject({ kind: 'IP_SERVICE_STATION', status: 'PLANNED', locationQuality: 'APPROXIMATE', regionCode: '410184107' })
    const inLonghu = (await server.query(LAYER, { layer: 'SERVICE_POINTS', region: '410184109' })).data.mapLayer
    expect(inLonghu.features.map((f: any) => f.id)).toEqual(['henan-university-of-engineering', 'ip-service-410184109', 'zhongyuan-university-of-technology'])
  })

  it('maxFeatures: counts first; above the limit no features, only numberMatched (the web map then uses /tiles)', async () => {
    const Q = `query($m: Int, $region: ID) { mapLayer(layer: SERVICE_POINTS, maxFeatures: $m, region: $region) }`
    const within = (await server.query(Q, { m: 17 })).data.mapLayer
    expect(within).toMatchObject({ type: 'FeatureCollection', numberMatched: 17, numberReturned: 17 })
    expect(within.features).toHaveLength(17)
    const over = (await server.query(Q, { m: 16 })).data.mapLayer
    expect(over).toEqual({ type: 'FeatureCollection', features: [], numberMatched: 17, numberReturned: 0 })
    expect((await server.query(Q, { m: 2, region: '410184109' })).data.mapLayer).toMatchObject({ numberMatched: 3, numberReturned: 0 })
    expect((await server.query(Q, {})).data.mapLayer.numberMatched).toBeUndefined() // without it, the plain collection
    expect((await server.query(Q, { m: -1 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxFeatures' })
  })

  it('servicePoint(id): one point with its details, null for an unknown id', async () => {
    const Q = `query($id: ID!) { servicePoint(id: $id) { id nameZh kind status address region { code } location } }`
    const { data } = await server.query(Q, { id: 'ip-service-410184107' })
    expect(data.servicePoint).toMatchObject({ id: 'ip-service-410184107', kind: 'IP_SERVICE_STATION', status: 'PLANNED', region: { code: '410184107' } })
    expect(data.servicePoint.location.type).toBe('Point')
    expect((await server.query(Q, { id: 'no-such-point' })).data.servicePoint).toBeNull()
  })

  it('GI_PRODUCTS: the origin areas that are known, marked approximate', async () => {
    const fc = (await server.query(LAYER, { layer: 'GI_PRODUCTS' })).data.mapLayer
    expect(fc.features.map((f: any) => f.id)).toEqual(['jucishan-millet', 'longhu-cherry', 'xinzheng-jujube'])
    for (const f of fc.features) expect(f.properties.originAreaQuality).toBe('APPROXIMATE')
    const longhu = (await server.query(LAYER, { layer: 'GI_PRODUCTS', region: '410184109' })).data.mapLayer
    expect(longhu.features.map((f: any) => f.properties.nameZh)).toEqual(['龙湖樱桃'])
  })
})
